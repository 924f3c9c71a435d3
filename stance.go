package peacegraph

import (
	"sort"
)

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
	// Point, when set, names the one target by its plan and number, in
	// place of TargetIDs (ActorIDs still apply): the store finds the point in the same read as
	// its stances (whoBacks costs one round trip, not two), and fails as
	// PointByNumber does when the plan or the point does not exist.
	Point    *PointNumber
	Position Position
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

// positionRank orders positions as the API lists them in one cell or on
// one date: SUPPORTS, OPPOSES, CONDITIONAL, UNDECIDED.
func positionRank(p Position) int {
	switch p {
	case Supports:
		return 0
	case Opposes:
		return 1
	case Conditional:
		return 2
	case Undecided:
		return 3
	}
	return 4
}

// counted returns a copy of s keeping only the evidence that counts as of
// asOf (docs/rules.md: dated on or before it; everything when asOf is ""),
// with AsOf recomputed; ok is false when no evidence counts.
func counted(s *Stance, asOf Date) (c *Stance, ok bool) {
	cp := *s
	cp.EvidenceIDs, cp.EvidenceDates, cp.AsOf = nil, nil, ""
	for i, id := range s.EvidenceIDs {
		var d Date
		if i < len(s.EvidenceDates) {
			d = s.EvidenceDates[i]
		}
		if asOf != "" && (d == "" || d > asOf) {
			continue
		}
		cp.EvidenceIDs = append(cp.EvidenceIDs, id)
		cp.EvidenceDates = append(cp.EvidenceDates, d)
		cp.AsOf = MaxDate(cp.AsOf, d)
	}
	return &cp, len(cp.EvidenceIDs) > 0
}

// EffectiveStances returns, for each actor and target among stances, the
// stances effective as of asOf ("" = no limit) by the rules of
// docs/rules.md: only evidence dated on or before asOf counts; of an
// actor's stances on one target, those whose latest counted evidence is the
// latest are effective (several when they share that date). Each result is
// a copy with its evidence trimmed to what counts and AsOf recomputed; the
// input is not changed. Results keep the order of the input.
//
// Stores call it on every stance of the (actor, target) pairs they fetched,
// before filtering by position: filtering first would make an older
// position look current.
func EffectiveStances(stances []*Stance, asOf Date) []*Stance {
	type pair struct{ actor, target string }
	kept := make([]*Stance, len(stances))
	latest := make(map[pair]Date)
	for i, s := range stances {
		c, ok := counted(s, asOf)
		if !ok {
			continue
		}
		kept[i] = c
		k := pair{s.ActorID, s.TargetID}
		if d, seen := latest[k]; !seen || c.AsOf > d {
			latest[k] = c.AsOf
		}
	}
	var out []*Stance
	for _, c := range kept {
		if c != nil && c.AsOf == latest[pair{c.ActorID, c.TargetID}] {
			out = append(out, c)
		}
	}
	return out
}

// Apply answers a stance query over stances already narrowed to the
// filter's actors and targets (it checks them again, so any superset will
// do): without All, the effective stances as of AsOf, then those of the
// filter's position. The input order is kept.
func (f StanceFilter) Apply(stances []*Stance) []*Stance {
	pairs := StanceFilter{ActorIDs: f.ActorIDs, TargetIDs: f.TargetIDs}
	var in []*Stance
	for _, s := range stances {
		if pairs.Match(s) {
			in = append(in, s)
		}
	}
	if !f.All {
		in = EffectiveStances(in, f.AsOf)
	}
	var out []*Stance
	for _, s := range in {
		if f.Position == "" || s.Position == f.Position {
			out = append(out, s)
		}
	}
	return out
}

// StancePeriod is a stretch of time over which an actor's recorded position
// on a target stayed the same.
type StancePeriod struct {
	Position Position
	// From and To are the dates of the period's first and last evidence.
	From, To Date
	// EvidenceIDs are the claims observed in the period, in date order
	// (then ID).
	EvidenceIDs []string
}

// StanceHistory lists the positions of ONE actor on ONE target over time,
// from all of its stances (as stored, with EvidenceDates): the dated
// evidence in date order (then position, then claim ID), consecutive
// observations of one position grouped into one period. Undated evidence
// is left out, since it cannot be placed in time.
func StanceHistory(stances []*Stance) []StancePeriod {
	type obs struct {
		date  Date
		pos   Position
		claim string
	}
	var all []obs
	seen := make(map[obs]bool)
	for _, s := range stances {
		for i, id := range s.EvidenceIDs {
			if i >= len(s.EvidenceDates) || s.EvidenceDates[i] == "" {
				continue
			}
			o := obs{s.EvidenceDates[i], s.Position, id}
			if !seen[o] {
				seen[o] = true
				all = append(all, o)
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.date != b.date {
			return a.date < b.date
		}
		if a.pos != b.pos {
			return positionRank(a.pos) < positionRank(b.pos)
		}
		return a.claim < b.claim
	})
	var out []StancePeriod
	for _, o := range all {
		if n := len(out); n > 0 && out[n-1].Position == o.pos {
			out[n-1].To = o.date
			out[n-1].EvidenceIDs = append(out[n-1].EvidenceIDs, o.claim)
			continue
		}
		out = append(out, StancePeriod{Position: o.pos, From: o.date, To: o.date, EvidenceIDs: []string{o.claim}})
	}
	return out
}
