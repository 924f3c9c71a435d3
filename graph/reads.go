package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/model"
)

// The reads of the batch fields, one per shape of field. Each reads for
// every parent of a level at once (batch) and costs one Store call, or
// none when the nodes it needs were read earlier in the request.

func nodeID[P peacegraph.Node](p P) string { return p.NodeID() }

func nodeIDs[P peacegraph.Node](ps []P) []string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.NodeID()
	}
	return ids
}

// nodeRefs are the fields that name nodes by ID on their parent, with the
// IDs of a parent. A level reads the nodes of all of them in one call
// (levelNodes); each resolves from that read.
var nodeRefs = map[string]refs{
	"Actor.affiliations":           refIDs((*peacegraph.Actor).AffiliationIDs),
	"Citation.source":              refID(func(c *peacegraph.Citation) string { return c.SourceID }),
	"Claim.claimant":               refID(func(c *peacegraph.Claim) string { return c.ClaimantID }),
	"Claim.about":                  refIDs(func(c *peacegraph.Claim) []string { return c.AboutIDs }),
	"Claim.denies":                 refIDs(func(c *peacegraph.Claim) []string { return c.Denies }),
	"Corroboration.earliestSource": refID(func(c *peacegraph.Corroboration) string { return c.EarliestSourceID }),
	"Dispute.about":                refIDs(func(d *peacegraph.Dispute) []string { return d.AboutIDs }),
	"DisputeSide.claims":           refIDs(func(s *peacegraph.DisputeSide) []string { return s.ClaimIDs }),
	"DisputeSideChange.evidence":   refIDs(func(c *peacegraph.DisputeSideChange) []string { return c.EvidenceIDs }),
	"Event.participants":           refIDs(func(e *peacegraph.Event) []string { return e.ParticipantIDs }),
	"Event.evidence":               refIDs(func(e *peacegraph.Event) []string { return e.EvidenceIDs }),
	"GraphEdge.evidence":           refIDs(func(e *peacegraph.Edge) []string { return e.Evidence }),
	"PathStep.node":                refID(func(s *peacegraph.PathStep) string { return s.NodeID }),
	"PathStep.evidence":            refIDs(func(s *peacegraph.PathStep) []string { return s.Evidence }),
	"Plan.authors":                 refIDs(func(p *peacegraph.Plan) []string { return p.AuthorIDs }),
	"Plan.revises":                 refID(func(p *peacegraph.Plan) string { return p.Revises }),
	"Plan.accompanies":             refID(func(p *peacegraph.Plan) string { return p.Accompanies }),
	"Point.plan":                   refID(func(p *peacegraph.Point) string { return p.PlanID }),
	"Point.concededBy":             refIDs(func(p *peacegraph.Point) []string { return p.ConcededByIDs }),
	"Point.sources":                refIDs(func(p *peacegraph.Point) []string { return p.SourceIDs }),
	"Point.amends":                 refID(func(p *peacegraph.Point) string { return p.Amends }),
	"PointChange.point":            refID(func(c *peacegraph.PointChange) string { return c.PointID }),
	"PointChange.revisedAs":        refIDs(func(c *peacegraph.PointChange) []string { return c.RevisedIDs }),
	"PointChange.evidence":         refIDs(func(c *peacegraph.PointChange) []string { return c.EvidenceIDs }),
	"PlanVersionChange.evidence":   refIDs(func(c *peacegraph.PlanVersionChange) []string { return c.EvidenceIDs }),
	"SearchResult.node":            refID(func(h *peacegraph.SearchHit) string { return h.NodeID }),
	"Source.republishes":           refID(func(s *peacegraph.Source) string { return s.Republishes }),
	"Stance.actor":                 refID(func(s *peacegraph.Stance) string { return s.ActorID }),
	"Stance.target":                refID(func(s *peacegraph.Stance) string { return s.TargetID }),
	"Stance.evidence":              refIDs(func(s *peacegraph.Stance) []string { return s.EvidenceIDs }),
	"StanceChange.actor":           refID(func(c *peacegraph.StanceChange) string { return c.ActorID }),
	"StanceChange.target":          refID(func(c *peacegraph.StanceChange) string { return c.TargetID }),
	"StanceChange.evidence":        refIDs(func(c *peacegraph.StanceChange) []string { return c.EvidenceIDs }),
	"StanceCell.actor":             refID(func(c *peacegraph.StanceCell) string { return c.ActorID }),
	"StanceCell.target":            refID(func(c *peacegraph.StanceCell) string { return c.TargetID }),
	"StancePeriod.evidence":        refIDs(func(p *peacegraph.StancePeriod) []string { return p.EvidenceIDs }),
}

// refs reads the IDs a field names off a parent: add appends them to a
// list, so that the IDs of a whole level go into one. key is the same IDs
// as one string, what the field's result depends on (batch): for a field
// that names one node, that ID, so that the many parents of a level are
// keyed without allocating.
type refs struct {
	add func(out []string, parent any) []string
	key func(parent any) string
}

func refID[P any](of func(P) string) refs {
	return refs{
		add: func(out []string, parent any) []string {
			if p, ok := parent.(P); ok && of(p) != "" {
				return append(out, of(p))
			}
			return out
		},
		key: func(parent any) string {
			if p, ok := parent.(P); ok {
				return of(p)
			}
			return ""
		},
	}
}

func refIDs[P any](of func(P) []string) refs {
	ids := func(parent any) []string {
		if p, ok := parent.(P); ok {
			return of(p)
		}
		return nil
	}
	return refs{
		add: func(out []string, parent any) []string { return append(out, ids(parent)...) },
		key: func(parent any) string { return strings.Join(ids(parent), "\n") },
	}
}

// refsOf returns the IDs the field being resolved names on a parent.
func refsOf(ctx context.Context) (refs, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return refs{}, peacegraph.Errorf(peacegraph.EINTERNAL, "a node field resolved outside a field")
	}
	// The key is built in a buffer that a map lookup does not keep, so
	// that the lookup, made for every parent of a level, allocates
	// nothing.
	var buf [64]byte
	name := append(append(append(buf[:0], fc.Object...), '.'), fc.Field.Name...)
	r, ok := nodeRefs[string(name)]
	if !ok {
		return refs{}, peacegraph.Errorf(peacegraph.EINTERNAL, "%s.%s is not in nodeRefs", fc.Object, fc.Field.Name)
	}
	return r, nil
}

// nodeOf resolves a field of nodeRefs that names one node: the T it names,
// or nil where it names none or no T.
func nodeOf[T peacegraph.Node, P any](ctx context.Context, objs []P) ([]T, error) {
	lists, err := nodesOf[T](ctx, objs)
	if err != nil {
		return nil, err
	}
	out := make([]T, len(lists))
	for i, l := range lists {
		if len(l) > 0 {
			out[i] = l[0]
		}
	}
	return out, nil
}

// nodesOf resolves a field of nodeRefs that lists nodes: the T nodes it
// names, in order.
func nodesOf[T peacegraph.Node, P any](ctx context.Context, objs []P) ([][]T, error) {
	refs, err := refsOf(ctx)
	if err != nil {
		return nil, err
	}
	key := func(p P) string { return refs.key(p) }
	return batch(ctx, objs, key, func(ctx context.Context, parents []P) ([][]T, error) {
		// Every parent's IDs in one list, each parent's a part of it.
		lists := make([][]string, len(parents))
		all := make([]string, 0, len(parents))
		for i, p := range parents {
			from := len(all)
			all = refs.add(all, p)
			lists[i] = all[from:len(all):len(all)]
		}
		return nodeLists[T](ctx, lists)
	})
}

// nodeLists reads the nodes of every list for the field being resolved in
// one call (none when the level's read has them) and returns each list's
// T nodes, in order.
func nodeLists[T peacegraph.Node](ctx context.Context, lists [][]string) ([][]T, error) {
	req, err := requestFor(ctx)
	if err != nil {
		return nil, err
	}
	if err := levelNodes(ctx); err != nil {
		return nil, err
	}
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	nodes, err := req.nodesByID(ctx, req.fieldPlace(ctx), all)
	if err != nil {
		return nil, err
	}
	out := make([][]T, len(lists))
	at := 0
	for i, l := range lists {
		out[i] = allAs[T](nodes[at : at+len(l)])
		at += len(l)
	}
	return out, nil
}

// levelNodes reads, once per level and in one call, the nodes that every
// field of nodeRefs selected on the objects of the level of the field
// being resolved names: a stance's actor and its evidence together. Every
// field of the level that reads nodes waits for it first, so that which
// of them reads a node never depends on which starts first. Where the
// level's objects are not known it reads nothing, and each field reads
// its own.
func levelNodes(ctx context.Context) error {
	req, err := requestFor(ctx)
	if err != nil {
		return err
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return nil
	}
	above := fieldAbove(fc)
	if above == nil || above.Field.Field == nil || above.Field.Definition == nil {
		return nil
	}
	place := req.placeOf(above)
	_, err = req.once(ctx, readKey{"nodes", place}, func() (any, error) {
		objs, ok := req.objectsAt(above)
		if !ok {
			return nil, nil
		}
		oc := graphql.GetOperationContext(ctx)
		all := make([]string, 0, len(objs))
		for _, typ := range req.schema.objectTypes(above.Field.Definition.Type.Name()) {
			for _, f := range graphql.CollectFields(oc, above.Field.Selections, req.schema.satisfies[typ]) {
				refs, ok := nodeRefs[typ+"."+f.Name]
				if !ok {
					continue
				}
				for _, o := range objs {
					all = refs.add(all, o)
				}
			}
		}
		return nil, req.levelNodesByID(ctx, place, all)
	})
	return err
}

// relatedOf resolves a field whose node IDs a Store method gives for each
// parent ID, aligned (an actor's members or events, a claim's
// contradictions): one call of it for the level, one read of the nodes.
func relatedOf[T, P peacegraph.Node](ctx context.Context, objs []P, read func(peacegraph.Store, context.Context, []string) ([][]string, error)) ([][]T, error) {
	return batch(ctx, objs, nodeID[P], func(ctx context.Context, parents []P) ([][]T, error) {
		req, err := requestFor(ctx)
		if err != nil {
			return nil, err
		}
		lists, err := read(req.store, ctx, nodeIDs(parents))
		if err != nil {
			return nil, err
		}
		if len(lists) != len(parents) {
			return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "the store returned %d lists for %d IDs", len(lists), len(parents))
		}
		return nodeLists[T](ctx, lists)
	})
}

// stancesOf resolves the effective stances of actors (byActor) or on
// targets as of a date ("" = no limit), of one position (nil = all).
func stancesOf[P peacegraph.Node](ctx context.Context, objs []P, byActor bool, position *peacegraph.Position, asOf peacegraph.Date) ([][]*peacegraph.Stance, error) {
	return batch(ctx, objs, nodeID[P], func(ctx context.Context, parents []P) ([][]*peacegraph.Stance, error) {
		return stancesFor(ctx, nodeIDs(parents), byActor, position, asOf)
	})
}

// stancesFor reads the effective stances of the actors (byActor) or on the
// targets of ids, of one position (nil = all), in one Store call, aligned
// with ids. The store chooses the effective stances before it keeps the
// position's (StanceFilter).
func stancesFor(ctx context.Context, ids []string, byActor bool, position *peacegraph.Position, asOf peacegraph.Date) ([][]*peacegraph.Stance, error) {
	f := stanceFilter(position, asOf)
	if byActor {
		f.ActorIDs = ids
	} else {
		f.TargetIDs = ids
	}
	stances, err := readStances(ctx, f)
	if err != nil {
		return nil, err
	}
	return stancesBy(stances, ids, byActor), nil
}

// stancesBy groups stances by their actor (byActor) or target, in their
// order, aligned with ids; never nil.
func stancesBy(stances []*peacegraph.Stance, ids []string, byActor bool) [][]*peacegraph.Stance {
	by := make(map[string][]*peacegraph.Stance, len(ids))
	for _, s := range stances {
		k := s.TargetID
		if byActor {
			k = s.ActorID
		}
		by[k] = append(by[k], s)
	}
	out := make([][]*peacegraph.Stance, len(ids))
	for i, id := range ids {
		out[i] = by[id]
		if out[i] == nil {
			out[i] = []*peacegraph.Stance{}
		}
	}
	return out
}

// stanceFilter is the filter of the effective stances as of a date (""
// = no limit) of one position (nil = all).
func stanceFilter(position *peacegraph.Position, asOf peacegraph.Date) peacegraph.StanceFilter {
	f := peacegraph.StanceFilter{AsOf: asOf}
	if position != nil {
		f.Position = *position
	}
	return f
}

// readStances reads the stances of f in one Store call, keeping the
// actors the store brings along for the fields below.
func readStances(ctx context.Context, f peacegraph.StanceFilter) ([]*peacegraph.Stance, error) {
	stances, _, err := readAlong(ctx, func(ctx context.Context, s peacegraph.Store) ([]*peacegraph.Stance, error) {
		return s.Stances(ctx, f)
	})
	return stances, err
}

// readAlong makes one Store read with a Related for the nodes the store
// brings along (peacegraph.Includes), and keeps those nodes for the
// places below the field being resolved. It returns the request too, for
// callers that keep more of the answer. Each ask, before the read, may ask
// the Related for more than the Selection does (Related.WithPointStances),
// and keep it to take that from it after.
func readAlong[T any](ctx context.Context, read func(context.Context, peacegraph.Store) (T, error), ask ...func(*peacegraph.Related)) (T, *request, error) {
	var none T
	req, err := requestFor(ctx)
	if err != nil {
		return none, nil, err
	}
	rctx, related := peacegraph.WithRelated(ctx)
	for _, a := range ask {
		a(related)
	}
	v, err := read(rctx, req.store)
	if err != nil {
		return none, nil, err
	}
	remember(req, req.fieldPlace(ctx), related.Nodes())
	return v, req, nil
}

// historiesOf resolves the stance histories of actors on one target from
// every stance of the level's actors on it, as stored.
func historiesOf(ctx context.Context, objs []*peacegraph.Actor, target string) ([][]*peacegraph.StancePeriod, error) {
	return batch(ctx, objs, nodeID[*peacegraph.Actor], func(ctx context.Context, actors []*peacegraph.Actor) ([][]*peacegraph.StancePeriod, error) {
		req, err := requestFor(ctx)
		if err != nil {
			return nil, err
		}
		stances, err := req.store.Stances(ctx, peacegraph.StanceFilter{All: true, ActorIDs: nodeIDs(actors), TargetIDs: []string{target}})
		if err != nil {
			return nil, err
		}
		byActor := make(map[string][]*peacegraph.Stance)
		for _, s := range stances {
			byActor[s.ActorID] = append(byActor[s.ActorID], s)
		}
		out := make([][]*peacegraph.StancePeriod, len(actors))
		for i, a := range actors {
			out[i] = addresses(peacegraph.StanceHistory(byActor[a.ID]))
		}
		return out, nil
	})
}

// claimsOf resolves a page of claims for each parent, filter giving a
// parent's claims: one Store call answers the pages of the whole level.
// The arguments are checked first, so that a bad one fails the field with
// its own message rather than one from the store.
func claimsOf[P peacegraph.Node](ctx context.Context, objs []P, filter func(id string) peacegraph.ClaimFilter, first *int, after *string) ([]*model.ClaimConnection, error) {
	n, cursor, err := pageArgs(first, after)
	if err != nil {
		return nil, err
	}
	return batch(ctx, objs, nodeID[P], func(ctx context.Context, parents []P) ([]*model.ClaimConnection, error) {
		qs := make([]peacegraph.ClaimQuery, len(parents))
		for i, p := range parents {
			qs[i] = peacegraph.ClaimQuery{Filter: filter(p.NodeID()), First: n, After: cursor}
		}
		return claimPages(ctx, qs)
	})
}

// claimPages answers claim queries in one Store call, as connections.
func claimPages(ctx context.Context, qs []peacegraph.ClaimQuery) ([]*model.ClaimConnection, error) {
	pages, req, err := readAlong(ctx, func(ctx context.Context, s peacegraph.Store) ([]*peacegraph.ClaimPage, error) {
		return s.Claims(ctx, qs)
	})
	if err != nil {
		return nil, err
	}
	if len(pages) != len(qs) {
		return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "the store returned %d pages for %d claim queries", len(pages), len(qs))
	}
	out := make([]*model.ClaimConnection, len(pages))
	for i, page := range pages {
		remember(req, req.fieldPlace(ctx), page.Claims)
		out[i] = claimConnection(page)
	}
	return out, nil
}

// pointsOf returns the points of each plan ID ("" = the default plan) that
// pass the filter, in one Store call (readAlong, with ask).
func pointsOf(ctx context.Context, planIDs []string, topic *string, concession *bool, ask ...func(*peacegraph.Related)) ([][]*peacegraph.Point, error) {
	lists, req, err := readAlong(ctx, func(ctx context.Context, s peacegraph.Store) ([][]*peacegraph.Point, error) {
		return readPoints(ctx, s, planIDs, peacegraph.PointFilter{Topic: topic, Concession: concession})
	}, ask...)
	if err != nil {
		return nil, err
	}
	for _, points := range lists {
		remember(req, req.fieldPlace(ctx), points)
	}
	return lists, nil
}

// readPoints is the Store's Points, checked: one list per plan ID, never
// nil.
func readPoints(ctx context.Context, s peacegraph.Store, planIDs []string, f peacegraph.PointFilter) ([][]*peacegraph.Point, error) {
	lists, err := s.Points(ctx, planIDs, f)
	if err != nil {
		return nil, err
	}
	if len(lists) != len(planIDs) {
		return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "the store returned %d point lists for %d plans", len(lists), len(planIDs))
	}
	for i, points := range lists {
		if points == nil {
			lists[i] = []*peacegraph.Point{}
		}
	}
	return lists, nil
}

// allPlans returns every plan in load order, read once per request: the
// plans field's answer. No other field reads every plan.
func allPlans(ctx context.Context) ([]*peacegraph.Plan, error) {
	req, err := requestFor(ctx)
	if err != nil {
		return nil, err
	}
	v, err := req.once(ctx, readKey{what: "plans"}, func() (any, error) {
		return req.store.Plans(ctx)
	})
	if err != nil {
		return nil, err
	}
	return v.([]*peacegraph.Plan), nil
}

// defaultPlan returns the plan a left-out plan argument means (nil when
// no plan is loaded), read once per request.
func defaultPlan(ctx context.Context) (*peacegraph.Plan, error) {
	req, err := requestFor(ctx)
	if err != nil {
		return nil, err
	}
	v, err := req.once(ctx, readKey{what: "default plan"}, func() (any, error) {
		return req.store.DefaultPlan(ctx)
	})
	if err != nil {
		return nil, err
	}
	return v.(*peacegraph.Plan), nil
}
