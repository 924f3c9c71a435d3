package memory

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Plans implements peacegraph.Store.
func (s *Store) Plans(ctx context.Context) ([]*peacegraph.Plan, error) {
	return slices.Clone(s.current().plans), nil
}

// planID resolves "" to the default plan: the one loaded first.
func (snap *snapshot) planID(id string) string {
	if id == "" && len(snap.plans) > 0 {
		return snap.plans[0].ID
	}
	return id
}

// Points implements peacegraph.Store. An unknown plan has no points.
func (s *Store) Points(ctx context.Context, planIDs []string, f peacegraph.PointFilter) ([][]*peacegraph.Point, error) {
	snap := s.current()
	out := make([][]*peacegraph.Point, len(planIDs))
	for i, id := range planIDs {
		for _, p := range snap.points[snap.planID(id)] {
			if f.Match(p) {
				out[i] = append(out[i], p)
			}
		}
	}
	return out, nil
}

// PointByNumber implements peacegraph.Store.
func (s *Store) PointByNumber(ctx context.Context, planID string, number int) (*peacegraph.Point, error) {
	snap := s.current()
	id := snap.planID(planID)
	if _, ok := snap.nodes[id].(*peacegraph.Plan); !ok {
		if planID == "" {
			return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no plan is loaded")
		}
		return nil, peacegraph.FieldErrorf(peacegraph.ENOTFOUND, "plan", "no plan %q", planID)
	}
	for _, p := range snap.points[id] {
		if p.Number == number {
			return p, nil
		}
	}
	return nil, peacegraph.FieldErrorf(peacegraph.ENOTFOUND, "number", "plan %q has no point %d", id, number)
}

// Stances implements peacegraph.Store: StanceFilter.Apply over the stored
// stances, which are already in the documented order.
func (s *Store) Stances(ctx context.Context, f peacegraph.StanceFilter) ([]*peacegraph.Stance, error) {
	return f.Apply(s.current().stances), nil
}
