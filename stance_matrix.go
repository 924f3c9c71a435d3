package peacegraph

import (
	"sort"
)

// StanceMatrix is a plan's stances as a table for dashboards: one row per
// actor, one column per target (the plan, then its points by number).
type StanceMatrix struct {
	// ActorIDs are the actors with an effective stance on any target, in
	// actor order (Name, then ID).
	ActorIDs []string
	// TargetIDs are the plan, then its points by number.
	TargetIDs []string
	// Cells are the non-empty cells, in actor order then target order; an
	// actor with two effective positions on one target has two cells, in
	// position order (SUPPORTS, OPPOSES, CONDITIONAL, UNDECIDED).
	Cells []StanceCell
}

// StanceCell is one actor's effective position on one target.
type StanceCell struct {
	ActorID       string
	TargetID      string
	Position      Position
	EvidenceCount int
	AsOf          Date
}

// BuildStanceMatrix lays out the effective stances on a plan and its
// points. stances are the stances on those targets, either as stored or
// already made effective as of a date (EffectiveStances): the matrix takes
// the effective ones of what it is given, which leaves effective stances
// unchanged. Stances on other targets are ignored; actors maps actor IDs
// to actors, for their names.
func BuildStanceMatrix(plan *Plan, points []*Point, stances []*Stance, actors map[string]*Actor) *StanceMatrix {
	m := &StanceMatrix{ActorIDs: []string{}, TargetIDs: []string{}, Cells: []StanceCell{}}
	if plan == nil {
		return m
	}
	pts := make([]*Point, 0, len(points))
	for _, p := range points {
		if p.PlanID == plan.ID {
			pts = append(pts, p)
		}
	}
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].Number < pts[j].Number })
	column := map[string]int{plan.ID: 0}
	m.TargetIDs = append(m.TargetIDs, plan.ID)
	for _, p := range pts {
		if _, dup := column[p.ID]; !dup {
			column[p.ID] = len(m.TargetIDs)
			m.TargetIDs = append(m.TargetIDs, p.ID)
		}
	}
	var on []*Stance
	for _, s := range stances {
		if _, ok := column[s.TargetID]; ok {
			on = append(on, s)
		}
	}
	on = EffectiveStances(on, "")
	key := func(id string) string {
		if a, ok := actors[id]; ok {
			return ActorKey(a)
		}
		return keySep + id
	}
	seen := make(map[string]bool)
	for _, s := range on {
		if !seen[s.ActorID] {
			seen[s.ActorID] = true
			m.ActorIDs = append(m.ActorIDs, s.ActorID)
		}
	}
	sort.Slice(m.ActorIDs, func(i, j int) bool { return key(m.ActorIDs[i]) < key(m.ActorIDs[j]) })
	row := make(map[string]int, len(m.ActorIDs))
	for i, id := range m.ActorIDs {
		row[id] = i
	}
	for _, s := range on {
		m.Cells = append(m.Cells, StanceCell{
			ActorID: s.ActorID, TargetID: s.TargetID, Position: s.Position,
			EvidenceCount: len(s.EvidenceIDs), AsOf: s.AsOf,
		})
	}
	sort.SliceStable(m.Cells, func(i, j int) bool {
		a, b := m.Cells[i], m.Cells[j]
		if row[a.ActorID] != row[b.ActorID] {
			return row[a.ActorID] < row[b.ActorID]
		}
		if column[a.TargetID] != column[b.TargetID] {
			return column[a.TargetID] < column[b.TargetID]
		}
		return positionRank(a.Position) < positionRank(b.Position)
	})
	return m
}
