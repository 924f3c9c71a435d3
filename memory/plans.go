package memory

import (
	"context"
	"slices"
	"sort"

	"github.com/peacegraph/peacegraph"
)

// Plans implements peacegraph.Store.
func (s *Store) Plans(ctx context.Context) ([]*peacegraph.Plan, error) {
	plans := s.current().plans
	s.work.add(len(plans))
	return slices.Clone(plans), nil
}

// DefaultPlan implements peacegraph.Store.
func (s *Store) DefaultPlan(ctx context.Context) (*peacegraph.Plan, error) {
	p := peacegraph.DefaultPlan(s.current().plans)
	if p == nil {
		return nil, nil
	}
	s.work.add(1)
	return p, nil
}

// planID resolves "" to the default plan: the one loaded first among
// those that accompany no other (peacegraph.DefaultPlan).
func (snap *snapshot) planID(id string) string {
	if id == "" {
		if p := peacegraph.DefaultPlan(snap.plans); p != nil {
			return p.ID
		}
	}
	return id
}

// Points implements peacegraph.Store. An unknown plan has no points. Each
// plan's points are kept by number, so a read walks only the plans asked
// for.
func (s *Store) Points(ctx context.Context, planIDs []string, f peacegraph.PointFilter) ([][]*peacegraph.Point, error) {
	snap := s.current()
	out := make([][]*peacegraph.Point, len(planIDs))
	for i, id := range planIDs {
		points := snap.points[snap.planID(id)]
		s.work.add(len(points))
		for _, p := range points {
			if f.Match(p) {
				out[i] = append(out[i], p)
			}
		}
		inc := peacegraph.IncludesFrom(ctx)
		snap.relate(ctx, s.work, pointRefs(inc, out[i]))
		if inc.Plans {
			snap.relatePlan(ctx, s.work, snap.planID(id))
		}
		if inc.PointStances != nil && len(out[i]) > 0 {
			if err := s.relateStances(ctx, *inc.PointStances, out[i]); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// relateStances adds the stances of points that f selects, with their
// actors where asked, to the context's Related (Includes.PointStances),
// as Stances answers them.
func (s *Store) relateStances(ctx context.Context, f peacegraph.StanceFilter, points []*peacegraph.Point) error {
	f.ActorIDs, f.Point, f.TargetIDs = nil, nil, make([]string, len(points))
	for i, p := range points {
		f.TargetIDs[i] = p.ID
	}
	// A Related of its own takes the stances' actors, so that they stay
	// apart from the points' nodes.
	sctx, actors := peacegraph.WithRelated(ctx)
	stances, err := s.Stances(sctx, f)
	if err != nil {
		return err
	}
	peacegraph.RelatedFrom(ctx).AddStances(stances, actors.Nodes()...)
	return nil
}

// Revisions implements peacegraph.Store.
func (s *Store) Revisions(ctx context.Context, ids []string) ([][]string, error) {
	return s.current().lookup(ids, s.work, func(snap *snapshot, id string) []string { return snap.revisions[id] }), nil
}

// Amenders implements peacegraph.Store.
func (s *Store) Amenders(ctx context.Context, ids []string) ([][]string, error) {
	return s.current().lookup(ids, s.work, func(snap *snapshot, id string) []string { return snap.amenders[id] }), nil
}

// PointByNumber implements peacegraph.Store: a binary search of the plan's
// points, which are sorted by number.
func (s *Store) PointByNumber(ctx context.Context, planID string, number int) (*peacegraph.Point, error) {
	return s.current().pointByNumber(s.work, planID, number)
}

// pointByNumber finds a plan's point by number, for PointByNumber and for
// the stances of a point named so (peacegraph.StanceFilter.Point).
func (snap *snapshot) pointByNumber(w *work, planID string, number int) (*peacegraph.Point, error) {
	id := snap.planID(planID)
	if _, ok := snap.nodes[id].(*peacegraph.Plan); !ok {
		return nil, peacegraph.NoPlanError(planID)
	}
	points := snap.points[id]
	if i := sort.Search(len(points), func(i int) bool { return points[i].Number >= number }); i < len(points) && points[i].Number == number {
		w.add(1)
		return points[i], nil
	}
	return nil, peacegraph.NoPointError(id, number)
}
