package peacegraph

// Position says how an actor stands on a point or plan.
type Position string

// The positions; the values are the GraphQL enum values.
const (
	Supports    Position = "SUPPORTS"
	Opposes     Position = "OPPOSES"
	Conditional Position = "CONDITIONAL"
	Undecided   Position = "UNDECIDED"
)

// Valid reports whether p is one of the defined positions.
func (p Position) Valid() bool {
	switch p {
	case Supports, Opposes, Conditional, Undecided:
		return true
	}
	return false
}

// Stance is an actor's position on a point or a plan, backed by the claims
// that show it. Stances are not nodes: in Neo4j each is a typed
// relationship (SUPPORTS, OPPOSES, ...) from the actor to the target.
type Stance struct {
	ActorID  string
	TargetID string
	Position Position
	// EvidenceIDs are the claims that show the stance; there is at least one.
	EvidenceIDs []string
	// AsOf is the date of the latest evidence; loaders derive it from the
	// claims, so it cannot disagree with them.
	AsOf Date
	// Note is a neutral remark on the stance, e.g. the condition set.
	Note string
	// EvidenceDates are the dates of the evidence claims, aligned with
	// EvidenceIDs ("" for an undated claim); Complete derives them.
	EvidenceDates []Date
}

// StanceFilter narrows a list of stances. Empty lists and "" match
// everything.
type StanceFilter struct {
	ActorIDs  []string
	TargetIDs []string
	Position  Position
	// AsOf, when set, counts only evidence dated on or before it, and
	// selects the effective stance as of that date (EffectiveStances).
	AsOf Date
	// All returns every stance as stored, with all its evidence: no
	// effective-stance selection and no trimming. Stance history uses it.
	All bool
}

// Match reports whether s passes the filter.
func (f StanceFilter) Match(s *Stance) bool {
	if len(f.ActorIDs) > 0 && !contains(f.ActorIDs, s.ActorID) {
		return false
	}
	if len(f.TargetIDs) > 0 && !contains(f.TargetIDs, s.TargetID) {
		return false
	}
	if f.Position != "" && s.Position != f.Position {
		return false
	}
	return true
}
