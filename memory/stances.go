package memory

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Stances implements peacegraph.Store: StanceFilter.Apply over the stances
// of the filter's actors or targets, taken from the index of the side with
// fewer stances. Apply keeps its input's order and decides effective
// stances per actor and target, and the candidates hold every stance of
// each pair the filter admits, in stance order, so the answer is the one
// Apply gives over every stance. Without a date and without All, the
// effective stances decided at Load are filtered instead: the effective
// stances of a pair do not depend on any other pair.
func (s *Store) Stances(ctx context.Context, f peacegraph.StanceFilter) ([]*peacegraph.Stance, error) {
	snap := s.current()
	if f.Point != nil {
		p, err := snap.pointByNumber(s.work, f.Point.Plan, f.Point.Number)
		if err != nil {
			return nil, err
		}
		f.Point, f.TargetIDs = nil, []string{p.ID}
	}
	var out []*peacegraph.Stance
	if !f.All && f.AsOf == "" {
		in := candidates(snap.effective, snap.effectiveByActor, snap.effectiveByTarget, f, s.work)
		// All skips the effective-stance choice, already made: Apply then
		// only keeps the filter's pairs and position.
		f.All = true
		out = f.Apply(in)
	} else {
		out = f.Apply(candidates(snap.stances, snap.stancesByActor, snap.stancesByTarget, f, s.work))
	}
	snap.relate(ctx, s.work, stanceRefs(peacegraph.IncludesFrom(ctx), out))
	return out, nil
}

// candidates returns the stances of the filter's actors, or of its
// targets when they have fewer, in the order of stances; all of them when
// the filter names neither.
func candidates(stances []*peacegraph.Stance, byActor, byTarget map[string][]int32, f peacegraph.StanceFilter, w *work) []*peacegraph.Stance {
	if len(f.ActorIDs) == 0 && len(f.TargetIDs) == 0 {
		w.add(len(stances))
		return stances
	}
	index, ids := byActor, f.ActorIDs
	if len(f.ActorIDs) == 0 || len(f.TargetIDs) > 0 && count(byTarget, f.TargetIDs) < count(byActor, f.ActorIDs) {
		index, ids = byTarget, f.TargetIDs
	}
	pos := gather(index, ids)
	w.add(len(pos))
	out := make([]*peacegraph.Stance, len(pos))
	for i, p := range pos {
		out[i] = stances[p]
	}
	return out
}

// count is how many stances index holds for ids.
func count(index map[string][]int32, ids []string) int {
	n := 0
	for _, id := range ids {
		n += len(index[id])
	}
	return n
}

// gather unites the index lists of ids in ascending order, each position
// once (a filter may name an ID twice).
func gather(index map[string][]int32, ids []string) []int32 {
	if len(ids) == 1 {
		return index[ids[0]]
	}
	out := make([]int32, 0, count(index, ids))
	for _, id := range ids {
		out = append(out, index[id]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
