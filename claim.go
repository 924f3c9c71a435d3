package peacegraph

// Certainty says how a source frames a claim.
type Certainty string

// The certainties; the values are the GraphQL enum values.
const (
	// Stated: on the record, a named actor said or published it.
	Stated Certainty = "STATED"
	// Reported: attributed to unnamed sources, leaks, "reportedly".
	Reported Certainty = "REPORTED"
	// Analysis: the outlet's own analysis, expectation or speculation.
	Analysis Certainty = "ANALYSIS"
	// Denied: denied or contradicted by the party concerned.
	Denied Certainty = "DENIED"
)

// Valid reports whether c is one of the defined certainties.
func (c Certainty) Valid() bool {
	switch c {
	case Stated, Reported, Analysis, Denied:
		return true
	}
	return false
}

// Claim is one atomic, neutral statement of what someone asserts, or what
// an outlet reports, traced to the exact words of its sources.
type Claim struct {
	ID string
	// Text is a neutral one-sentence statement of the claim.
	Text string
	// ClaimantID is the actor who asserts it; "" when it is the outlet's
	// own reporting.
	ClaimantID string
	// AboutIDs are the actors, points and plans the claim is about.
	AboutIDs  []string
	Certainty Certainty
	// Date is when it was said or first reported.
	Date Date
	// Citations are where the claim appears; there is at least one.
	Citations []Citation
	// Contradicts names claims that cannot both be true with this one.
	// The relation is symmetric; stores answer it in both directions.
	Contradicts []string
	// Note records caveats on the claim's reliability.
	Note string
	// Denies names claims whose assertion this claim denies. Complete
	// turns each denial into a contradiction of both claims.
	Denies []string
	// Reviews are fact-checks of the claim, when a fact-checker has
	// published one; the graph itself never rates a claim.
	Reviews []Review
	// Corroboration says how widely the claim is carried; Complete derives
	// it from the citations and the sources' republications.
	Corroboration Corroboration
	// ContradictionRules says, for each claim in Contradicts, which rules
	// make the two contradict (RuleContradicts, RuleDenies,
	// RulePositions), sorted; Complete derives it.
	ContradictionRules map[string][]string
}

// The rules by which two claims contradict (docs/rules.md).
const (
	// ContradictionExplicit: the seeds link the claims with contradicts.
	ContradictionExplicit = "contradicts"
	// ContradictionDenial: one claim denies what the other asserts.
	ContradictionDenial = "denies"
	// ContradictionPositions: the claims are evidence of different
	// positions of one actor on one target on the same date.
	ContradictionPositions = "positions"
)

// Review is a published fact-check of a claim, as schema.org's ClaimReview
// describes one. Ratings are whole numbers; 0 means unset.
type Review struct {
	// Reviewer is the fact-checking organization or person.
	Reviewer string
	// Rating is the verdict in the reviewer's words, e.g. "Misleading".
	Rating string
	// RatingValue places the verdict on the reviewer's scale from
	// WorstRating to BestRating; all three are 0 when there is no scale.
	RatingValue, BestRating, WorstRating int
	Explanation                          string
	Date                                 Date
	URL                                  string
}

// Corroboration counts the distinct reports and publishers that carry a
// claim (docs/rules.md).
type Corroboration struct {
	// Sources is the number of distinct original reports: a republication
	// counts as the report it republishes.
	Sources int
	// Publishers is the number of distinct publishers of those reports.
	Publishers int
	// Earliest is the earliest publication date among the citing sources
	// and the reports they republish, "" when none is dated;
	// EarliestSourceID is that source (the lowest ID on a tie).
	Earliest         Date
	EarliestSourceID string
}

// NodeID implements Node.
func (c *Claim) NodeID() string { return c.ID }

// NodeKind implements Node.
func (c *Claim) NodeKind() Kind { return KindClaim }

// Label implements Node.
func (c *Claim) Label() string { return c.Text }

// Citation places a claim in a source, by the source's verbatim words.
type Citation struct {
	SourceID string
	// Quote is a verbatim excerpt of the source, or "" when the source's
	// exact words are not on record.
	Quote string
	// Start and End are the code-point offsets of Quote in the source's
	// stored text ([Start, End)); both are -1 when the text is not stored.
	Start, End int
}

// HasOffsets reports whether the citation was located in a stored text.
func (c Citation) HasOffsets() bool { return c.Start >= 0 && c.End >= 0 }

// StartOffset is Start, or nil when the citation has no offsets: the API
// shows an unknown offset as null. A method, not a resolver, so that the
// API reads it in line with its parent.
func (c Citation) StartOffset() *int {
	if !c.HasOffsets() {
		return nil
	}
	return &c.Start
}

// EndOffset is End, or nil when the citation has no offsets.
func (c Citation) EndOffset() *int {
	if !c.HasOffsets() {
		return nil
	}
	return &c.End
}

// ClaimFilter narrows a list of claims. Empty fields match everything.
type ClaimFilter struct {
	// About is a node (actor, point or plan) the claims are about.
	About     string
	Claimant  string
	Certainty Certainty
	// Source is a source the claims cite.
	Source string
}

// Match reports whether c passes the filter.
func (f ClaimFilter) Match(c *Claim) bool {
	if f.Claimant != "" && c.ClaimantID != f.Claimant {
		return false
	}
	if f.Certainty != "" && c.Certainty != f.Certainty {
		return false
	}
	if f.About != "" && !contains(c.AboutIDs, f.About) {
		return false
	}
	if f.Source != "" {
		found := false
		for _, ct := range c.Citations {
			if ct.SourceID == f.Source {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
