package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/model"
)

// A question about one plan almost always asks for its points too
// ({ plan { title points { number title concededBy { name } } } }), and
// one about the concessions for their stances ({ concessions { number
// stances { actor { name } position } } }). Read level by level, each is
// two round trips: the plan, then its points; the points, then their
// stances. The plan and concessions fields look ahead instead: when their
// selection asks for the level below, they read it in the same Store call
// (peacegraph.Includes.Plans and PointStances), and settle the field
// below with it, so that it finds its answer already read. Where one read
// cannot answer every field below (two aliases with different
// arguments), they read level by level as before.

// planWithPoints answers the plan field (no id: the default plan) and its
// points in one Store call, when the selection asks for the points; ok is
// false when it does not, or asks for them in ways one read cannot answer
// (aliases with different filters), and the caller reads the plan alone.
func planWithPoints(ctx context.Context, planID *string) (plan *peacegraph.Plan, ok bool, err error) {
	if planID != nil && *planID == "" {
		// An empty ID names no plan, where the Store's reads take it for
		// the default one.
		return nil, false, nil
	}
	id := deref(planID)
	points, vars := fieldsBelow(ctx, planImplementors, "points")
	if len(points) == 0 {
		return nil, false, nil
	}
	topic, concession, same := pointArgs(points, vars)
	if !same {
		return nil, false, nil
	}
	req, err := requestFor(ctx)
	if err != nil {
		return nil, true, err
	}
	rctx, related := peacegraph.WithRelated(ctx)
	related.WithPlans()
	lists, err := readPoints(rctx, req.store, []string{id}, peacegraph.PointFilter{Topic: topic, Concession: concession})
	if err != nil {
		return nil, true, err
	}
	// The plan is the field's answer; the rest of what came along (the
	// actors conceding the points) serves the points' places only, as it
	// does when Plan.points reads them itself.
	var along []peacegraph.Node
	for _, n := range related.Nodes() {
		if p, isPlan := n.(*peacegraph.Plan); isPlan && (id == "" || p.ID == id) {
			plan = p
			continue
		}
		along = append(along, n)
	}
	if plan == nil {
		return nil, true, nil
	}
	for _, f := range points {
		place := placeBelow(req.fieldPlace(ctx), "Plan", f)
		remember(req, place, along)
		remember(req, place, lists[0])
		settle(req, place, []string{plan.ID}, lists)
	}
	return plan, true, nil
}

// concessionsWithStances answers the concessions field of a plan (""
// the default plan) and its points' stances (asOf, when set, the date of
// the stances whose field names none) in one Store call, when the
// selection asks for the stances; ok is false when it does not, or asks
// in ways one read cannot answer, and the caller reads the points alone.
func concessionsWithStances(ctx context.Context, planID string, asOf *peacegraph.Date) (points []*peacegraph.Point, ok bool, err error) {
	fields, vars := fieldsBelow(ctx, pointImplementors, "stances")
	if len(fields) == 0 {
		return nil, false, nil
	}
	position, stancesAsOf, same := stanceArgs(fields, vars)
	if !same {
		return nil, false, nil
	}
	if stancesAsOf == nil {
		stancesAsOf = asOf
	}
	req, err := requestFor(ctx)
	if err != nil {
		return nil, true, err
	}
	var related *peacegraph.Related
	yes := true
	lists, err := pointsOf(ctx, []string{planID}, nil, &yes, func(r *peacegraph.Related) {
		related = r.WithPointStances(stanceFilter(position, derefDate(stancesAsOf)))
	})
	if err != nil {
		return nil, true, err
	}
	// The stances and their actors go to the places of the fields below,
	// as stancesOf keeps them.
	points = lists[0]
	stances, actors := related.Stances()
	ids := nodeIDs(points)
	byPoint := stancesBy(stances, ids, false)
	for _, f := range fields {
		below := placeBelow(req.fieldPlace(ctx), "Point", f)
		remember(req, below, actors)
		settle(req, below, ids, byPoint)
	}
	return points, true, nil
}

// fieldsBelow returns the fields named name that the selection of the
// field being resolved asks of its objects (of the types implementors
// names), with the request's variables.
func fieldsBelow(ctx context.Context, implementors []string, name string) ([]graphql.CollectedField, map[string]any) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return nil, nil
	}
	oc := graphql.GetOperationContext(ctx)
	var out []graphql.CollectedField
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, implementors) {
		if f.Name == name {
			out = append(out, f)
		}
	}
	return out, oc.Variables
}

// stanceArgs returns the arguments of the stances fields, and false when
// they differ or one does not parse (the field then fails with gqlgen's
// own message).
func stanceArgs(fields []graphql.CollectedField, vars map[string]any) (position *peacegraph.Position, asOf *peacegraph.Date, same bool) {
	for i, f := range fields {
		args := f.ArgumentMap(vars)
		p, okP := optional[string](args["position"])
		d, okD := optional[string](args["asOf"])
		if !okP || !okD {
			return nil, nil, false
		}
		var pos *peacegraph.Position
		if p != nil {
			v := peacegraph.Position(*p)
			if !v.Valid() {
				return nil, nil, false
			}
			pos = &v
		}
		var date *peacegraph.Date
		if d != nil {
			v, err := model.UnmarshalDate(*d)
			if err != nil {
				return nil, nil, false
			}
			date = &v
		}
		if i > 0 && (!equalPtr(pos, position) || !equalPtr(date, asOf)) {
			return nil, nil, false
		}
		position, asOf = pos, date
	}
	return position, asOf, true
}

// pointArgs returns the filter of the points fields, and false when they
// ask for different ones or one the read cannot take.
func pointArgs(fields []graphql.CollectedField, vars map[string]any) (topic *string, concession *bool, same bool) {
	for i, f := range fields {
		args := f.ArgumentMap(vars)
		t, okT := optional[string](args["topic"])
		c, okC := optional[bool](args["concession"])
		if !okT || !okC {
			return nil, nil, false
		}
		if i > 0 && (!equalPtr(t, topic) || !equalPtr(c, concession)) {
			return nil, nil, false
		}
		topic, concession = t, c
	}
	return topic, concession, true
}

// optional reads an argument that may be left out or null.
func optional[T any](v any) (*T, bool) {
	if v == nil {
		return nil, true
	}
	t, ok := v.(T)
	return &t, ok
}

func equalPtr[T comparable](a, b *T) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}
