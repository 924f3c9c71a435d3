package synth

import "github.com/peacegraph/peacegraph"

// The words claims quote. They are short phrases a person or an outlet
// might say of a plan, so that a stored text can carry them in quotation
// marks and a citation can quote them verbatim.

var positionSayings = map[peacegraph.Position][]string{
	peacegraph.Supports: {
		"a real chance for peace", "a solid basis for negotiations", "a serious step toward ending the war",
		"the best offer on the table", "a framework we can build on", "a realistic path to a settlement",
	},
	peacegraph.Opposes: {
		"unacceptable in its current form", "a capitulation dressed up as peace", "a list of demands, not a plan",
		"a non-starter for us", "a reward for aggression", "dead on arrival",
	},
	peacegraph.Conditional: {
		"acceptable only with firm guarantees", "worth discussing if the red lines hold", "a starting point, not a final text",
		"possible only with our partners at the table", "open to talks on the details",
	},
	peacegraph.Undecided: {
		"still under study", "too early to judge", "something we need time to assess",
	},
}

var (
	reactionSayings = []string{
		"a serious document that deserves study", "not the last word", "a plan written far from the front line",
		"a chance we must not waste", "the start of a long process", "a text that needs many changes",
		"something to discuss with our partners", "not acceptable as it stands",
	}
	reportedSayings = []string{
		"drafted in close consultation with the other side", "shared with the delegations last week", "not yet final",
		"revised several times", "expected to change before any signature", "agreed in principle by the envoys",
		"kept from the allies until the leak",
	}
	analysisSayings = []string{
		"unlikely to survive in this form", "heavily weighted toward one side", "a test of the mediator’s leverage",
		"vague on enforcement", "silent on who pays", "closer to one side’s demands than to the other’s",
	}
	eventSayings = []string{
		"productive and substantive", "long and difficult", "constructive", "the most serious round so far",
		"frank and businesslike", "a step forward",
	}
	denialSayings = []string{
		"completely false", "pure fabrication", "not true", "invented from start to finish", "simply wrong",
	}
	changeSayings = map[peacegraph.ChangeStatus]string{
		peacegraph.ChangeDropped: "dropped from the new text",
		peacegraph.ChangeKept:    "kept as it was",
		peacegraph.ChangeUnknown: "still under discussion",
	}
	ratings = []string{"Misleading", "Unproven", "Mostly false", "Needs context", "False", "Accurate"}
)
