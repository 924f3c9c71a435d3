package graph

import (
	"context"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/model"
)

// A level of a query is every object the answer holds at one place: the
// stances of all the points of a plan, say, at plan.points.stances. A
// level costs one Store call for the nodes its fields name (a stance's
// actor and its evidence) and one for each other read (a page of claims
// for each parent, their stances), however many objects the level holds
// and however many lists they sit in; and no call waits for a timer.
//
// The batch fields (batch: true in gqlgen.yml) have resolvers that take a
// slice of parents. gqlgen would hand them the parents of one list at
// once (the stances of one point), at the cost of building the field's
// response path for every parent; the generator takes that grouping out
// (graph/internal/codegen), so the generated code hands each resolver its
// one parent, and batch widens that to the level. The first call at a
// place resolves the field for every
// object the level holds, found from the objects of the level above: a
// batch field records its results for the level below it (all of them,
// since it resolved the whole level), a field outside any list has one
// result (its FieldContext's), and a plain field's objects are read off its
// parents (plainChildren). The other calls at that place take their
// results from the first. Each level is complete before the level below
// it starts, so no call waits for anything but a read in progress. A
// field that reads the level below it in the same call (lookahead.go)
// settles that level's batch field in advance, so its first call finds
// the results already there.
//
// The nodes a level's fields name are read together (levelNodes, from the
// fields the query selects on the level's objects), and a node read at a
// place serves the places below it but never another branch of the query
// (nodesByID), so the calls a query costs depend on the query alone, not
// on which resolver runs first.

// batch returns the results of a batch field for objs, resolving it once
// per request for every parent at the place objs come from. key names what
// a parent's result depends on (its ID, or the IDs it refers to), so that
// parents are matched by value and each distinct one is resolved once. A
// parent the level did not hold (there should be none) is resolved on its
// own, at the cost of one more call, never of a wrong answer.
func batch[P, R any](ctx context.Context, objs []P, key func(P) string, resolve func(ctx context.Context, parents []P) ([]R, error)) ([]R, error) {
	req, err := requestFor(ctx)
	if err != nil {
		return nil, err
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return resolve(ctx, objs)
	}
	place := req.placeOf(fc)
	v, err := req.once(ctx, batchKey(place), func() (any, error) {
		parents, whole := levelOf(req, fc, objs)
		parents = distinct(parents, key)
		results, err := resolve(ctx, parents)
		if err != nil {
			return nil, err
		}
		if len(results) != len(parents) {
			return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "%s: %d results for %d parents", place, len(results), len(parents))
		}
		byKey := make(map[string]R, len(parents))
		var below []any
		for i, p := range parents {
			byKey[key(p)] = results[i]
			below = appendObjects(below, results[i])
		}
		if whole {
			req.setLevel(place, below)
		}
		return byKey, nil
	})
	if err != nil {
		return nil, err
	}
	byKey := v.(map[string]R)
	out := make([]R, len(objs))
	var rest []P
	var restAt []int
	for i, o := range objs {
		if r, ok := byKey[key(o)]; ok {
			out[i] = r
			continue
		}
		rest, restAt = append(rest, o), append(restAt, i)
	}
	if len(rest) > 0 {
		more, err := resolve(ctx, rest)
		if err != nil {
			return nil, err
		}
		if len(more) != len(rest) {
			return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "%s: %d results for %d parents", place, len(more), len(rest))
		}
		for j, i := range restAt {
			out[i] = more[j]
		}
	}
	return out, nil
}

// batchKey is the key of the shared read of the batch field at place.
func batchKey(place string) readKey { return readKey{"batch", place} }

// settle records results, those of the parents of keys (in order), as what
// batch resolves at place, for a field that a read above it answered in
// advance: batch then finds them, as if the first call at place had read
// them, and the level below holds their objects in the same order.
func settle[R any](req *request, place string, keys []string, results []R) {
	byKey := make(map[string]R, len(keys))
	var below []any
	for i, k := range keys {
		byKey[k] = results[i]
		below = appendObjects(below, results[i])
	}
	p := resolved[any](byKey, nil)
	req.mu.Lock()
	defer req.mu.Unlock()
	if _, ok := req.shared[batchKey(place)]; ok {
		return
	}
	req.shared[batchKey(place)] = p
	req.levels[place] = below
}

// levelOf returns every object of type P at the place of the field above
// fc, and true; or objs and false when that place's objects are not known.
func levelOf[P any](req *request, fc *graphql.FieldContext, objs []P) ([]P, bool) {
	above := fieldAbove(fc)
	if above == nil {
		return objs, false
	}
	all, ok := req.objectsAt(above)
	if !ok {
		return objs, false
	}
	out := make([]P, 0, len(all))
	for _, o := range all {
		if p, ok := o.(P); ok {
			out = append(out, p)
		}
	}
	return out, true
}

// objectsAt returns the objects the answer holds at the place of fc, and
// whether they are known.
func (r *request) objectsAt(fc *graphql.FieldContext) ([]any, bool) {
	place := r.placeOf(fc)
	r.mu.Lock()
	objs, ok := r.levels[place]
	r.mu.Unlock()
	if ok {
		return objs, true
	}
	if !inList(fc) {
		return appendObjects(nil, fc.Result), true
	}
	if fc.Field.Field == nil {
		return nil, false
	}
	children := plainChildren[fc.Object+"."+fc.Field.Name]
	above := fieldAbove(fc)
	if children == nil || above == nil {
		return nil, false
	}
	parents, ok := r.objectsAt(above)
	if !ok {
		return nil, false
	}
	for _, p := range parents {
		objs = children(objs, p)
	}
	r.setLevel(place, objs)
	return objs, true
}

func (r *request) setLevel(place string, objs []any) {
	r.mu.Lock()
	r.levels[place] = objs
	r.mu.Unlock()
}

// setLevelOnce records the objects at place unless some are recorded.
func (r *request) setLevelOnce(place string, objs []any) {
	r.mu.Lock()
	if _, ok := r.levels[place]; !ok {
		r.levels[place] = objs
	}
	r.mu.Unlock()
}

// plainChildren reads the objects of a plain field (one gqlgen resolves
// from its parent without a resolver of ours) off a parent, for the plain
// fields on the way from a list to a batch field. A plain field missing
// here costs calls, not answers: the batch fields below it fall back to
// one call per parent (TestEveryLevelIsKnown finds such gaps).
var plainChildren = map[string]func(out []any, parent any) []any{
	"ClaimConnection.edges": childrenOf(func(c *model.ClaimConnection) []*model.ClaimEdge { return c.Edges }),
	"ClaimEdge.node":        childrenOf(func(e *model.ClaimEdge) []*peacegraph.Claim { return []*peacegraph.Claim{e.Node} }),
	"ActorEdge.node":        childrenOf(func(e *model.ActorEdge) []*peacegraph.Actor { return []*peacegraph.Actor{e.Node} }),
	"Claim.citations":       childrenOf(func(c *peacegraph.Claim) []*peacegraph.Citation { return addresses(c.Citations) }),
	"Claim.corroboration": childrenOf(func(c *peacegraph.Claim) []*peacegraph.Corroboration {
		return []*peacegraph.Corroboration{&c.Corroboration}
	}),
	"Dispute.sides": childrenOf(func(d *peacegraph.Dispute) []*peacegraph.DisputeSide { return addresses(d.Sides) }),
	"Plan.changes":  childrenOf(func(p *peacegraph.Plan) []*peacegraph.PointChange { return addresses(p.Changes) }),
	// A day's entries, and what each holds.
	"ChangeDay.claims":          childrenOf(func(d *peacegraph.ChangeDay) []*peacegraph.Claim { return d.Claims }),
	"ChangeDay.stances":         childrenOf(func(d *peacegraph.ChangeDay) []*peacegraph.StanceChange { return d.Stances }),
	"ChangeDay.disputeSides":    childrenOf(func(d *peacegraph.ChangeDay) []*peacegraph.DisputeSideChange { return d.DisputeSides }),
	"ChangeDay.plans":           childrenOf(func(d *peacegraph.ChangeDay) []*peacegraph.PlanVersionChange { return d.Plans }),
	"DisputeSideChange.dispute": childrenOf(func(c *peacegraph.DisputeSideChange) []*peacegraph.Dispute { return []*peacegraph.Dispute{c.Dispute} }),
	"DisputeSideChange.side": childrenOf(func(c *peacegraph.DisputeSideChange) []*peacegraph.DisputeSide {
		return []*peacegraph.DisputeSide{c.Side()}
	}),
	"PlanVersionChange.plan": childrenOf(func(c *peacegraph.PlanVersionChange) []*peacegraph.Plan { return []*peacegraph.Plan{c.Plan} }),
}

func childrenOf[P, C any](of func(P) []C) func([]any, any) []any {
	return func(out []any, parent any) []any {
		if p, ok := parent.(P); ok {
			for _, c := range of(p) {
				out = append(out, c)
			}
		}
		return out
	}
}

func addresses[T any](v []T) []*T {
	out := make([]*T, len(v))
	for i := range v {
		out[i] = &v[i]
	}
	return out
}

// appendObjects appends the objects a field's value holds: the value
// itself, or the elements of a list (addresses of struct elements, which
// is what gqlgen hands a batch resolver), leaving out nils.
func appendObjects(out []any, v any) []any {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice:
		for i := range rv.Len() {
			e := rv.Index(i)
			switch e.Kind() {
			case reflect.Pointer, reflect.Interface:
				if !e.IsNil() {
					out = append(out, e.Interface())
				}
			case reflect.Struct:
				out = append(out, e.Addr().Interface())
			}
		}
	case reflect.Pointer:
		if !rv.IsNil() {
			out = append(out, v)
		}
	}
	return out
}

// placeOf names the place of fc in the answer: the fields from the root
// to it, each with its type and response name, list indices left out, so
// that every object at one place, in whichever list, has the same name.
//
// Every object of a level asks for the place of its field, so the request
// keeps each place it has named (building them was a tenth of what a page
// of 50 claims with their citations allocated): a place is the one above
// it and one more part, found without allocating once named.
func (r *request) placeOf(fc *graphql.FieldContext) string {
	if fc == nil {
		return ""
	}
	if fc.Index != nil || fc.Field.Field == nil {
		return r.placeOf(fc.Parent)
	}
	above := r.placeOf(fc.Parent)
	k := placeKey{above, fc.Object, fc.Field.Name, fc.Field.Alias}
	r.mu.Lock()
	defer r.mu.Unlock()
	if p, ok := r.places[k]; ok {
		return p
	}
	p := placePart(fc.Object, fc.Field)
	if above != "" {
		p = placeBelow(above, fc.Object, fc.Field)
	}
	r.places[k] = p
	return p
}

// placeKey is what a place is named from: the place above it and its
// field.
type placeKey struct{ above, object, name, alias string }

// placePart names a field of an object type within a place.
func placePart(object string, f graphql.CollectedField) string {
	return object + "." + f.Name + ":" + f.Alias
}

// placeBelow is the place of field f of the objects at place, before
// gqlgen resolves it.
func placeBelow(place, object string, f graphql.CollectedField) string {
	return place + "/" + placePart(object, f)
}

// fieldPlace is the place of the field being resolved ("" outside one).
func (r *request) fieldPlace(ctx context.Context) string {
	return r.placeOf(graphql.GetFieldContext(ctx))
}

// within reports whether place is at or below the place above.
func within(place, above string) bool {
	return above == "" || place == above || strings.HasPrefix(place, above+"/")
}

// fieldAbove returns the field whose value holds fc's parent object (list
// elements skipped), or nil at the root.
func fieldAbove(fc *graphql.FieldContext) *graphql.FieldContext {
	f := fc.Parent
	for f != nil && (f.Index != nil || f.Field.Field == nil) {
		f = f.Parent
	}
	return f
}

// inList reports whether fc sits inside a list, so that the answer may
// hold more than one object at its place.
func inList(fc *graphql.FieldContext) bool {
	for f := fc; f != nil; f = f.Parent {
		if f.Index != nil {
			return true
		}
	}
	return false
}

// distinct keeps the first parent of each key.
func distinct[P any](parents []P, key func(P) string) []P {
	seen := make(map[string]bool, len(parents))
	out := parents[:0:0]
	for _, p := range parents {
		if k := key(p); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}
