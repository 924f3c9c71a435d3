package graph

import (
	"context"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/peacegraph/peacegraph"
)

// defaultBatchWait is how long a loader gathers keys before it asks the
// Store. gqlgen resolves the items of a list concurrently, so the siblings
// of a level ask within this window and a level costs one Store call. The
// wait is paid once per level of a nested query, so it is kept short; on a
// loaded machine a level may now and then split into two calls, which
// costs a query, never an answer (WithBatchWait trades the other way).
const defaultBatchWait = 2 * time.Millisecond

// loaders batch and cache the Store reads of one request. A fresh set per
// request keeps one user's answers from leaking into another's and bounds
// the cache by the size of one answer.
type loaders struct {
	nodes           *dataloadgen.Loader[string, peacegraph.Node]
	members         *dataloadgen.Loader[string, []string]
	actorEvents     *dataloadgen.Loader[string, []string]
	contradictions  *dataloadgen.Loader[string, []string]
	stancesByActor  *dataloadgen.Loader[stanceKey, []*peacegraph.Stance]
	stancesByTarget *dataloadgen.Loader[stanceKey, []*peacegraph.Stance]
	history         *dataloadgen.Loader[historyKey, []peacegraph.StancePeriod]
	amendedBy       *dataloadgen.Loader[string, []string]
	points          *dataloadgen.Loader[pointsKey, []*peacegraph.Point]
	claims          *dataloadgen.Loader[peacegraph.ClaimQuery, *peacegraph.ClaimPage]
	plans           *dataloadgen.Loader[struct{}, []*peacegraph.Plan]
}

// stanceKey asks for the effective stances of one actor or on one target
// as of a date ("" = no limit).
type stanceKey struct {
	id   string
	asOf peacegraph.Date
}

// historyKey asks for one actor's positions on one target over time.
type historyKey struct {
	actor, target string
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
		history:   dataloadgen.NewLoader(fetchHistory(store), wait),
		amendedBy: dataloadgen.NewLoader(fetchAmendedBy(store), wait),
		points:    dataloadgen.NewLoader(fetchPoints(store), wait),
		claims:    dataloadgen.NewLoader(batch(store.Claims), wait),
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

// stancesBy asks for the stances of all keys of one date in one Store call
// (a request names a date or two at most, however many actors or targets
// it visits) and hands each key its own, in the Store's order.
func stancesBy(store peacegraph.Store, filter func([]string) peacegraph.StanceFilter, keyOf func(*peacegraph.Stance) string) func(context.Context, []stanceKey) ([][]*peacegraph.Stance, []error) {
	return func(ctx context.Context, keys []stanceKey) ([][]*peacegraph.Stance, []error) {
		var dates []peacegraph.Date
		idsOn := make(map[peacegraph.Date][]string)
		for _, k := range keys {
			if _, ok := idsOn[k.asOf]; !ok {
				dates = append(dates, k.asOf)
			}
			idsOn[k.asOf] = append(idsOn[k.asOf], k.id)
		}
		found := make(map[stanceKey][]*peacegraph.Stance, len(keys))
		for _, d := range dates {
			f := filter(idsOn[d])
			f.AsOf = d
			stances, err := store.Stances(ctx, f)
			if err != nil {
				return nil, []error{err}
			}
			for _, s := range stances {
				k := stanceKey{keyOf(s), d}
				found[k] = append(found[k], s)
			}
		}
		out := make([][]*peacegraph.Stance, len(keys))
		for i, k := range keys {
			out[i] = found[k]
		}
		return out, nil
	}
}

// fetchHistory reads every stance, as stored, of the actors on the targets
// of the batch in one Store call, and derives each pair's history.
func fetchHistory(store peacegraph.Store) func(context.Context, []historyKey) ([][]peacegraph.StancePeriod, []error) {
	return func(ctx context.Context, keys []historyKey) ([][]peacegraph.StancePeriod, []error) {
		f := peacegraph.StanceFilter{All: true}
		seenActor, seenTarget := map[string]bool{}, map[string]bool{}
		for _, k := range keys {
			if !seenActor[k.actor] {
				seenActor[k.actor] = true
				f.ActorIDs = append(f.ActorIDs, k.actor)
			}
			if !seenTarget[k.target] {
				seenTarget[k.target] = true
				f.TargetIDs = append(f.TargetIDs, k.target)
			}
		}
		stances, err := store.Stances(ctx, f)
		if err != nil {
			return nil, []error{err}
		}
		byPair := make(map[historyKey][]*peacegraph.Stance)
		for _, s := range stances {
			k := historyKey{s.ActorID, s.TargetID}
			byPair[k] = append(byPair[k], s)
		}
		out := make([][]peacegraph.StancePeriod, len(keys))
		for i, k := range keys {
			out[i] = peacegraph.StanceHistory(byPair[k])
		}
		return out, nil
	}
}

// fetchAmendedBy finds, for each point of the batch, the points of any
// plan that amend it: one read of the plans and one of their points.
func fetchAmendedBy(store peacegraph.Store) func(context.Context, []string) ([][]string, []error) {
	return func(ctx context.Context, ids []string) ([][]string, []error) {
		plans, err := store.Plans(ctx)
		if err != nil {
			return nil, []error{err}
		}
		var revisions []string
		for _, p := range plans {
			if p.Revises != "" {
				revisions = append(revisions, p.ID)
			}
		}
		by := make(map[string][]string)
		if len(revisions) > 0 {
			lists, err := store.Points(ctx, revisions, peacegraph.PointFilter{})
			if err != nil {
				return nil, []error{err}
			}
			// Plans come in load order and points by number, so each
			// list is in the documented order as it is built.
			for _, points := range lists {
				for _, p := range points {
					if p.Amends != "" {
						by[p.Amends] = append(by[p.Amends], p.ID)
					}
				}
			}
		}
		out := make([][]string, len(ids))
		for i, id := range ids {
			out[i] = by[id]
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
