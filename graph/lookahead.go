package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/peacegraph/peacegraph"
)

// A question about one plan almost always asks for its points too
// ({ plan { title points { number title concededBy { name } } } }). Read
// level by level, that is two round trips: the plan, then its points. The
// plan field looks ahead instead: when its selection asks for the plan's
// points, it reads the points with the plan brought along
// (peacegraph.Includes.Plans) in one Store call, and settles Plan.points
// with them, so that the field below finds its answer already read.

// planWithPoints answers the plan field (no id: the default plan) and its
// points in one Store call, when the selection asks for the points; ok is
// false when it does not, or asks for them in ways one read cannot answer
// (aliases with different filters), and the caller reads the plan alone.
func planWithPoints(ctx context.Context, planID *string) (plan *peacegraph.Plan, ok bool, err error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) || (planID != nil && *planID == "") {
		// An empty ID names no plan, where the Store's reads take it for
		// the default one.
		return nil, false, nil
	}
	id := deref(planID)
	oc := graphql.GetOperationContext(ctx)
	var points []graphql.CollectedField
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, planImplementors) {
		if f.Name == "points" {
			points = append(points, f)
		}
	}
	if len(points) == 0 {
		return nil, false, nil
	}
	topic, concession, same := pointArgs(points, oc.Variables)
	if !same {
		return nil, false, nil
	}
	req, err := requestFor(ctx)
	if err != nil {
		return nil, true, err
	}
	rctx, related := peacegraph.WithRelated(ctx)
	related.WithPlans()
	lists, err := req.store.Points(rctx, []string{id}, peacegraph.PointFilter{Topic: topic, Concession: concession})
	if err != nil {
		return nil, true, err
	}
	if len(lists) != 1 {
		return nil, true, peacegraph.Errorf(peacegraph.EINTERNAL, "the store returned %d point lists for 1 plan", len(lists))
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
	list := lists[0]
	if list == nil {
		list = []*peacegraph.Point{}
	}
	for _, f := range points {
		place := placeBelow(fieldPlace(ctx), "Plan", f)
		remember(req, place, along)
		remember(req, place, list)
		settle(req, place, map[string][]*peacegraph.Point{plan.ID: list})
	}
	return plan, true, nil
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
