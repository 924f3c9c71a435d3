package graph

import (
	"context"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/peacegraph/peacegraph"
)

// defaultBatchWait is how long a loader gathers keys before it asks the
// Store. gqlgen resolves the items of a list concurrently, so every sibling
// of a level asks within this window and a level costs one Store call.
const defaultBatchWait = 16 * time.Millisecond

// loaders batch and cache the Store reads of one request. A fresh set per
// request keeps one user's answers from leaking into another's and bounds
// the cache by the size of one answer.
type loaders struct {
	nodes           *dataloadgen.Loader[string, peacegraph.Node]
	members         *dataloadgen.Loader[string, []string]
	actorEvents     *dataloadgen.Loader[string, []string]
	contradictions  *dataloadgen.Loader[string, []string]
	stancesByActor  *dataloadgen.Loader[string, []*peacegraph.Stance]
	stancesByTarget *dataloadgen.Loader[string, []*peacegraph.Stance]
	points          *dataloadgen.Loader[pointsKey, []*peacegraph.Point]
	claims          *dataloadgen.Loader[peacegraph.ClaimQuery, *peacegraph.ClaimPage]
	plans           *dataloadgen.Loader[struct{}, []*peacegraph.Plan]
}

// pointsKey is a plan ID and a point filter in a comparable form (the
// filter's pointers are not comparable).
type pointsKey struct {
	plan          string
	topic         string
	hasTopic      bool
	concession    bool
	hasConcession bool
}

func newPointsKey(plan string, topic *string, concession *bool) pointsKey {
	k := pointsKey{plan: plan}
	if topic != nil {
		k.topic, k.hasTopic = *topic, true
	}
	if concession != nil {
		k.concession, k.hasConcession = *concession, true
	}
	return k
}

func (k pointsKey) filter() peacegraph.PointFilter {
	var f peacegraph.PointFilter
	if k.hasTopic {
		topic := k.topic
		f.Topic = &topic
	}
	if k.hasConcession {
		c := k.concession
		f.Concession = &c
	}
	return f
}

func newLoaders(store peacegraph.Store, batchWait time.Duration) *loaders {
	wait := dataloadgen.WithWait(batchWait)
	return &loaders{
		nodes:          dataloadgen.NewLoader(batch(store.Nodes), wait),
		members:        dataloadgen.NewLoader(batch(store.Members), wait),
		actorEvents:    dataloadgen.NewLoader(batch(store.ActorEvents), wait),
		contradictions: dataloadgen.NewLoader(batch(store.Contradictions), wait),
		stancesByActor: dataloadgen.NewLoader(stancesBy(store,
			func(ids []string) peacegraph.StanceFilter { return peacegraph.StanceFilter{ActorIDs: ids} },
			func(s *peacegraph.Stance) string { return s.ActorID }), wait),
		stancesByTarget: dataloadgen.NewLoader(stancesBy(store,
			func(ids []string) peacegraph.StanceFilter { return peacegraph.StanceFilter{TargetIDs: ids} },
			func(s *peacegraph.Stance) string { return s.TargetID }), wait),
		points: dataloadgen.NewLoader(fetchPoints(store), wait),
		claims: dataloadgen.NewLoader(batch(store.Claims), wait),
		plans: dataloadgen.NewLoader(func(ctx context.Context, keys []struct{}) ([][]*peacegraph.Plan, []error) {
			plans, err := store.Plans(ctx)
			if err != nil {
				return nil, []error{err}
			}
			out := make([][]*peacegraph.Plan, len(keys))
			for i := range out {
				out[i] = plans
			}
			return out, nil
		}, wait),
	}
}

// batch adapts a Store method that answers many keys at once, aligned with
// them, to a dataloader fetch. A failed call fails every key of the batch.
func batch[K, V any](read func(context.Context, []K) ([]V, error)) func(context.Context, []K) ([]V, []error) {
	return func(ctx context.Context, keys []K) ([]V, []error) {
		vs, err := read(ctx, keys)
		if err != nil {
			return nil, []error{err}
		}
		return vs, nil
	}
}

// stancesBy asks for the stances of all keys in one Store call and hands
// each key its own, in the Store's order.
func stancesBy(store peacegraph.Store, filter func([]string) peacegraph.StanceFilter, keyOf func(*peacegraph.Stance) string) func(context.Context, []string) ([][]*peacegraph.Stance, []error) {
	return func(ctx context.Context, ids []string) ([][]*peacegraph.Stance, []error) {
		stances, err := store.Stances(ctx, filter(ids))
		if err != nil {
			return nil, []error{err}
		}
		byID := make(map[string][]*peacegraph.Stance, len(ids))
		for _, s := range stances {
			byID[keyOf(s)] = append(byID[keyOf(s)], s)
		}
		out := make([][]*peacegraph.Stance, len(ids))
		for i, id := range ids {
			out[i] = byID[id]
		}
		return out, nil
	}
}

// fetchPoints makes one Store call per distinct filter in the batch (a
// query names a handful of filters at most, however many plans it visits).
func fetchPoints(store peacegraph.Store) func(context.Context, []pointsKey) ([][]*peacegraph.Point, []error) {
	return func(ctx context.Context, keys []pointsKey) ([][]*peacegraph.Point, []error) {
		type group struct {
			plans []string
			at    []int
		}
		groups := make(map[pointsKey]*group)
		var order []pointsKey
		for i, k := range keys {
			fk := k
			fk.plan = ""
			g, ok := groups[fk]
			if !ok {
				g = &group{}
				groups[fk] = g
				order = append(order, fk)
			}
			g.plans = append(g.plans, k.plan)
			g.at = append(g.at, i)
		}
		out := make([][]*peacegraph.Point, len(keys))
		for _, fk := range order {
			g := groups[fk]
			lists, err := store.Points(ctx, g.plans, fk.filter())
			if err != nil {
				return nil, []error{err}
			}
			for j, i := range g.at {
				out[i] = lists[j]
			}
		}
		return out, nil
	}
}

type loadersKey struct{}

func withLoaders(ctx context.Context, l *loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loadersFor returns the request's loaders. The handler always installs
// them; a missing set is a wiring bug, reported as an internal error.
func loadersFor(ctx context.Context) (*loaders, error) {
	l, ok := ctx.Value(loadersKey{}).(*loaders)
	if !ok {
		return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "no dataloaders in the request context")
	}
	return l, nil
}
