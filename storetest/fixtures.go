package storetest

import (
	"github.com/peacegraph/peacegraph"
)

// ArticleText is the stored text of the fixture source "article-full". It
// holds a line break inside a quoted span and typographic quotes, so the
// suite checks that quotes match across white space and that offsets count
// code points, not bytes.
const ArticleText = "Envoy Alice Arden said the plan\nis fair to everyone.\n" +
	"Bob Brandt said: “Our position is really being heard.”\n" +
	"Carol Cruz rejected the army cap.\n"

// aliceDescription is longer than a snippet, so that search must cut it.
const aliceDescription = "A career diplomat who spent two decades in trade talks " +
	"before she was named envoy; she drafted the first version of the plan " +
	"with Bob Brandt over several weeks of meetings held in private, and " +
	"presented it to the cabinet of Blueland."

// Fixture returns a small dataset, built afresh on each call, that
// exercises every read of a Store: actors whose names sort apart from
// their IDs and from seed order, two plans (one revising the other),
// points given out of order, claims on every date kind (two on one day,
// one undated), contradictions, stances, events, and one source with
// stored text. Every expected answer in the suite is worked out by hand
// from it.
func Fixture() *peacegraph.Dataset {
	return &peacegraph.Dataset{
		Actors: []*peacegraph.Actor{
			{ID: "alice-envoy", Name: "Alice Arden", Kind: peacegraph.ActorPerson, Role: "Special envoy",
				Description: aliceDescription, Aliases: []string{"Arden"},
				Affiliations: []peacegraph.Affiliation{{ActorID: "blue-state", Role: "Special envoy"}}},
			{ID: "carol-leader", Name: "Carol Cruz", Kind: peacegraph.ActorPerson, Role: "President",
				Affiliations: []peacegraph.Affiliation{{ActorID: "red-state", Role: "President"}}},
			{ID: "bob-minister", Name: "Bob Brandt", Kind: peacegraph.ActorPerson, Role: "Foreign minister",
				Affiliations: []peacegraph.Affiliation{{ActorID: "red-state", Role: "Foreign minister"}}},
			{ID: "red-state", Name: "Redland", Kind: peacegraph.ActorGovernment},
			{ID: "blue-state", Name: "Blueland", Kind: peacegraph.ActorGovernment,
				Affiliations: []peacegraph.Affiliation{{ActorID: "north-alliance"}}},
			{ID: "north-alliance", Name: "North Alliance", Kind: peacegraph.ActorOrganization,
				Aliases: []string{"Northern Pact"}},
			// "Alice" sorts before "Alice Arden": names compare before IDs.
			{ID: "zed-observer", Name: "Alice", Kind: peacegraph.ActorPerson, Role: "Observer"},
		},
		Plans: []*peacegraph.Plan{
			{ID: "peace-plan", Title: "Ten-point peace plan", Summary: "A plan for a ceasefire and an army cap.",
				Date: "2025-11-20", AuthorIDs: []string{"alice-envoy", "bob-minister"}},
			{ID: "peace-plan-revised", Title: "Revised peace plan",
				Summary: "A revision of the ten-point plan by the North Alliance.",
				Date:    "2025-11-23", AuthorIDs: []string{"north-alliance"}, Revises: "peace-plan"},
		},
		Points: []*peacegraph.Point{
			{ID: "revised-2", PlanID: "peace-plan-revised", Number: 2, Title: "Army cap",
				Summary: "Blueland's army is capped at 800,000.", Topic: "security",
				Concession: true, ConcededByIDs: []string{"blue-state"}, Amends: "peace-plan-2"},
			{ID: "peace-plan-3", PlanID: "peace-plan", Number: 3, Title: "Amnesty",
				Summary: "All parties receive amnesty.", Topic: "justice"},
			{ID: "peace-plan-1", PlanID: "peace-plan", Number: 1, Title: "Ceasefire",
				Summary: "Fighting stops along the current line.", Topic: "security",
				Concession: true, ConcededByIDs: []string{"blue-state"}},
			{ID: "peace-plan-2", PlanID: "peace-plan", Number: 2, Title: "Army cap",
				Summary: "Blueland's army is capped at 600,000.", Topic: "security",
				Concession: true, ConcededByIDs: []string{"blue-state"}, SourceIDs: []string{"report-daily"}},
			{ID: "revised-1", PlanID: "peace-plan-revised", Number: 1, Title: "Ceasefire and monitoring",
				Summary: "Fighting stops; monitors watch the line.", Topic: "security"},
		},
		Claims: []*peacegraph.Claim{
			{ID: "c-accept", Text: "Carol Cruz accepts the army cap.", ClaimantID: "carol-leader",
				AboutIDs: []string{"peace-plan-2"}, Certainty: peacegraph.Reported,
				Citations:   []peacegraph.Citation{{SourceID: "undated-memo"}},
				Contradicts: []string{"c-reject"}},
			{ID: "c-fair", Text: "Alice Arden says the plan is fair to all parties.", ClaimantID: "alice-envoy",
				AboutIDs: []string{"peace-plan"}, Certainty: peacegraph.Stated, Date: "2025-11-21",
				Citations: []peacegraph.Citation{{SourceID: "article-full", Quote: "the plan is fair to everyone."}}},
			{ID: "c-reject", Text: "Carol Cruz rejects the army cap.", ClaimantID: "carol-leader",
				AboutIDs: []string{"peace-plan-2"}, Certainty: peacegraph.Stated, Date: "2025-11-21",
				Citations: []peacegraph.Citation{{SourceID: "article-full", Quote: "Carol Cruz rejected the army cap."}}},
			{ID: "c-heard", Text: "Bob Brandt says Redland's position is being heard.", ClaimantID: "bob-minister",
				AboutIDs: []string{"peace-plan", "red-state"}, Certainty: peacegraph.Stated, Date: "2025-11-21",
				Citations: []peacegraph.Citation{{SourceID: "article-full", Quote: "Our position is really being heard."}}},
			{ID: "c-leak", Text: "The plan was leaked before its presentation.",
				AboutIDs: []string{"peace-plan"}, Certainty: peacegraph.Reported, Date: "2025-11-20",
				Citations: []peacegraph.Citation{{SourceID: "report-daily"}}},
			{ID: "c-cap-support", Text: "Carol Cruz privately supports the army cap.",
				AboutIDs: []string{"peace-plan-2", "carol-leader"}, Certainty: peacegraph.Analysis, Date: "2025-11-22",
				Citations:   []peacegraph.Citation{{SourceID: "report-daily"}},
				Contradicts: []string{"c-reject"}},
			{ID: "c-denial", Text: "Redland denies that the plan was leaked.", ClaimantID: "red-state",
				AboutIDs: []string{"peace-plan"}, Certainty: peacegraph.Denied, Date: "2025-11-20",
				Citations:   []peacegraph.Citation{{SourceID: "report-daily"}},
				Contradicts: []string{"c-leak"}},
		},
		Sources: []*peacegraph.Source{
			{ID: "undated-memo", Title: "Undated memo"},
			{ID: "article-full", Title: "The plan in full", Publisher: "Daily Ledger", URL: "https://example.org/plan",
				Published: "2025-11-21", Retrieved: "2025-11-25", Language: "en", Text: ArticleText},
			{ID: "report-daily", Title: "Leaked plan reported", Publisher: "Morning Post",
				Published: "2025-11-20", Note: "Single source."},
		},
		Stances: []*peacegraph.Stance{
			{ActorID: "red-state", TargetID: "peace-plan", Position: peacegraph.Conditional,
				EvidenceIDs: []string{"c-denial", "c-heard"}, Note: "If its position is heard."},
			{ActorID: "carol-leader", TargetID: "peace-plan-2", Position: peacegraph.Supports,
				EvidenceIDs: []string{"c-accept", "c-cap-support"}},
			{ActorID: "bob-minister", TargetID: "peace-plan", Position: peacegraph.Supports,
				EvidenceIDs: []string{"c-heard"}},
			{ActorID: "carol-leader", TargetID: "peace-plan-2", Position: peacegraph.Opposes,
				EvidenceIDs: []string{"c-reject"}},
			{ActorID: "alice-envoy", TargetID: "peace-plan", Position: peacegraph.Supports,
				EvidenceIDs: []string{"c-fair"}},
		},
		Events: []*peacegraph.Event{
			{ID: "ev-talks", Title: "Talks in Geneva", Summary: "The envoys meet.", Date: "2025-11-23", Place: "Geneva",
				ParticipantIDs: []string{"bob-minister", "alice-envoy"}, EvidenceIDs: []string{"c-heard"}},
			{ID: "ev-call", Title: "Phone call", ParticipantIDs: []string{"bob-minister"}},
			{ID: "ev-presentation", Title: "Plan presented", Date: "2025-11-20", Place: "Capital",
				ParticipantIDs: []string{"alice-envoy", "carol-leader"}, EvidenceIDs: []string{"c-leak"}},
		},
	}
}

// SmallFixture returns a second, smaller dataset: two of Fixture's actors,
// one renamed, and nothing else. Loading it after Fixture must leave only
// what it holds.
func SmallFixture() *peacegraph.Dataset {
	return &peacegraph.Dataset{
		Actors: []*peacegraph.Actor{
			{ID: "red-state", Name: "Redland Republic", Kind: peacegraph.ActorGovernment},
			{ID: "bob-minister", Name: "Bob Brandt", Kind: peacegraph.ActorPerson,
				Affiliations: []peacegraph.Affiliation{{ActorID: "red-state"}}},
		},
	}
}

// InvalidFixture returns Fixture with two broken rules: a claim about an
// unknown node and a quote that is not in its source's text.
func InvalidFixture() *peacegraph.Dataset {
	d := Fixture()
	d.Claims[0].AboutIDs = append(d.Claims[0].AboutIDs, "no-such-node")
	d.Claims[1].Citations[0].Quote = "the plan is unfair"
	return d
}
