package memory

import (
	"cmp"
	"slices"
	"sort"

	"github.com/peacegraph/peacegraph"
)

// reference answers the reads the plain way the indexes replace: by
// scanning every claim, actor, stance, dispute, node or edge and filtering.
// It is the store as it was before the indexes, kept to show that the
// indexed reads give identical answers, nil and empty lists alike.
type reference struct {
	nodes    map[string]peacegraph.Node
	all      []peacegraph.Node
	actors   []*peacegraph.Actor
	plans    []*peacegraph.Plan
	points   map[string][]*peacegraph.Point
	claims   []*peacegraph.Claim
	stances  []*peacegraph.Stance
	points2  map[string]*peacegraph.Point
	disputes []*peacegraph.Dispute
	edges    []peacegraph.Edge
	adj      map[string][]neighbour
	incident map[string][]peacegraph.Edge
}

// newReference builds the reference from a dataset completed and validated
// as Load does it.
func newReference(d *peacegraph.Dataset) *reference {
	r := &reference{
		nodes:    d.Nodes(),
		actors:   slices.Clone(d.Actors),
		plans:    slices.Clone(d.Plans),
		points:   make(map[string][]*peacegraph.Point),
		claims:   slices.Clone(d.Claims),
		stances:  slices.Clone(d.Stances),
		points2:  make(map[string]*peacegraph.Point),
		disputes: slices.Clone(d.Disputes),
		edges:    d.Edges(),
	}
	for _, n := range r.nodes {
		r.all = append(r.all, n)
	}
	slices.SortFunc(r.all, func(a, b peacegraph.Node) int { return cmp.Compare(a.NodeID(), b.NodeID()) })
	keyOrder := func(a, b string) int { return cmp.Compare(a, b) }
	slices.SortFunc(r.actors, func(a, b *peacegraph.Actor) int { return keyOrder(peacegraph.ActorKey(a), peacegraph.ActorKey(b)) })
	slices.SortStableFunc(r.plans, func(a, b *peacegraph.Plan) int { return cmp.Compare(a.Seq, b.Seq) })
	for _, p := range d.Points {
		r.points[p.PlanID] = append(r.points[p.PlanID], p)
		r.points2[p.ID] = p
	}
	slices.SortFunc(r.disputes, func(a, b *peacegraph.Dispute) int { return cmp.Compare(a.ID, b.ID) })
	for _, ps := range r.points {
		slices.SortFunc(ps, func(a, b *peacegraph.Point) int { return cmp.Compare(a.Number, b.Number) })
	}
	slices.SortFunc(r.claims, func(a, b *peacegraph.Claim) int { return keyOrder(peacegraph.ClaimKey(a), peacegraph.ClaimKey(b)) })
	name := func(id string) string {
		if a, ok := r.nodes[id].(*peacegraph.Actor); ok {
			return a.Name
		}
		return ""
	}
	slices.SortFunc(r.stances, func(a, b *peacegraph.Stance) int {
		return cmp.Or(cmp.Compare(name(a.ActorID), name(b.ActorID)), cmp.Compare(a.ActorID, b.ActorID),
			cmp.Compare(a.TargetID, b.TargetID), cmp.Compare(a.Position, b.Position))
	})
	rank := make(map[string]int, len(r.claims))
	for i, c := range r.claims {
		rank[c.ID] = i
	}
	r.adj = referenceAdjacency(r.edges, rank)
	r.incident = make(map[string][]peacegraph.Edge)
	for _, e := range r.edges {
		r.incident[e.Source] = append(r.incident[e.Source], e)
		if e.Target != e.Source {
			r.incident[e.Target] = append(r.incident[e.Target], e)
		}
	}
	return r
}

func referenceAdjacency(edges []peacegraph.Edge, rank map[string]int) map[string][]neighbour {
	rel := make(map[string]map[string]*neighbour)
	link := func(a, b string, e peacegraph.Edge) {
		if rel[a] == nil {
			rel[a] = make(map[string]*neighbour)
		}
		switch old, ok := rel[a][b]; {
		case !ok || e.Type < old.relation:
			rel[a][b] = &neighbour{id: b, relation: e.Type, evidence: e.Evidence}
		case e.Type == old.relation:
			old.evidence = mergeClaims(old.evidence, e.Evidence, rank)
		}
	}
	for _, e := range edges {
		if e.Source == e.Target {
			continue
		}
		link(e.Source, e.Target, e)
		link(e.Target, e.Source, e)
	}
	adj := make(map[string][]neighbour, len(rel))
	for id, m := range rel {
		ns := make([]neighbour, 0, len(m))
		for _, n := range m {
			ns = append(ns, *n)
		}
		slices.SortFunc(ns, func(a, b neighbour) int { return cmp.Compare(a.id, b.id) })
		adj[id] = ns
	}
	return adj
}

func referencePaginate[T any](items []T, key func(T) string, first int, after string) (page[T], error) {
	if first < 0 {
		return page[T]{}, peacegraph.FieldErrorf(peacegraph.EINVALID, "first", "first must not be negative, got %d", first)
	}
	afterKey, err := peacegraph.DecodeCursor(after)
	if err != nil {
		return page[T]{}, err
	}
	start := 0
	if after != "" {
		start = sort.Search(len(items), func(i int) bool { return key(items[i]) > afterKey })
	}
	end := min(len(items), start+first)
	return page[T]{items: slices.Clone(items[start:end]), total: len(items), hasNext: end < len(items)}, nil
}

func (r *reference) actorPage(q peacegraph.ActorQuery) (page[*peacegraph.Actor], error) {
	actors := r.actors
	if q.Kind != "" {
		actors = nil
		for _, a := range r.actors {
			if a.Kind == q.Kind {
				actors = append(actors, a)
			}
		}
	}
	return referencePaginate(actors, peacegraph.ActorKey, q.First, q.After)
}

func (r *reference) claimPage(q peacegraph.ClaimQuery) (page[*peacegraph.Claim], error) {
	var claims []*peacegraph.Claim
	for _, c := range r.claims {
		if q.Filter.Match(c) {
			claims = append(claims, c)
		}
	}
	return referencePaginate(claims, peacegraph.ClaimKey, q.First, q.After)
}

func (r *reference) stancesOf(f peacegraph.StanceFilter) []*peacegraph.Stance {
	return f.Apply(r.stances)
}

func (r *reference) disputesOf(planID string) []*peacegraph.Dispute {
	return slices.Clone(peacegraph.DisputesAbout(r.disputes, planID, r.points2))
}

func (r *reference) search(q peacegraph.SearchQuery) ([]peacegraph.SearchHit, error) {
	return peacegraph.SearchNodes(r.all, q)
}

func (r *reference) planID(id string) string {
	if id == "" {
		if p := peacegraph.DefaultPlan(r.plans); p != nil {
			return p.ID
		}
	}
	return id
}

func (r *reference) pointsOf(planIDs []string, f peacegraph.PointFilter) [][]*peacegraph.Point {
	out := make([][]*peacegraph.Point, len(planIDs))
	for i, id := range planIDs {
		for _, p := range r.points[r.planID(id)] {
			if f.Match(p) {
				out[i] = append(out[i], p)
			}
		}
	}
	return out
}

func (r *reference) pointByNumber(planID string, number int) *peacegraph.Point {
	for _, p := range r.points[r.planID(planID)] {
		if p.Number == number {
			return p
		}
	}
	return nil
}

func (r *reference) reach(start string, depth int, follow func(typ string) bool) map[string]int {
	dist := map[string]int{start: 0}
	frontier := []string{start}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			if follow == nil {
				for _, n := range r.adj[id] {
					if _, seen := dist[n.id]; !seen {
						dist[n.id] = d
						next = append(next, n.id)
					}
				}
				continue
			}
			for _, e := range r.incident[id] {
				other := e.Source
				if other == id {
					other = e.Target
				}
				if _, seen := dist[other]; !seen && follow(e.Type) {
					dist[other] = d
					next = append(next, other)
				}
			}
		}
		frontier = next
	}
	return dist
}

func (r *reference) path(from, to string, maxHops int) []peacegraph.PathStep {
	dist := r.reach(to, maxHops, nil)
	d, ok := dist[from]
	if !ok {
		return nil
	}
	steps := make([]peacegraph.PathStep, 0, d)
	for cur := from; cur != to; {
		for _, n := range r.adj[cur] {
			if nd, ok := dist[n.id]; ok && nd == dist[cur]-1 {
				steps = append(steps, peacegraph.PathStep{Relation: n.relation, NodeID: n.id, Evidence: slices.Clone(n.evidence)})
				cur = n.id
				break
			}
		}
	}
	return steps
}

func (r *reference) neighbourhood(q peacegraph.NeighbourhoodQuery) *peacegraph.GraphView {
	var follow func(string) bool
	if len(q.Types) > 0 {
		follow = q.Follows
	}
	dist := r.reach(q.Center, q.Depth, follow)
	view := &peacegraph.GraphView{Nodes: make([]peacegraph.Node, 0, len(dist)), Edges: []peacegraph.Edge{}}
	for id := range dist {
		view.Nodes = append(view.Nodes, r.nodes[id])
	}
	slices.SortFunc(view.Nodes, func(a, b peacegraph.Node) int {
		return cmp.Or(cmp.Compare(dist[a.NodeID()], dist[b.NodeID()]), cmp.Compare(a.NodeKind(), b.NodeKind()), cmp.Compare(a.NodeID(), b.NodeID()))
	})
	if q.MaxNodes > 0 && len(view.Nodes) > q.MaxNodes {
		view.Nodes = view.Nodes[:q.MaxNodes]
		view.Truncated = true
	}
	kept := make(map[string]bool, len(view.Nodes))
	for _, n := range view.Nodes {
		kept[n.NodeID()] = true
	}
	for _, e := range r.edges {
		if kept[e.Source] && kept[e.Target] && q.Follows(e.Type) {
			e.Evidence = slices.Clone(e.Evidence)
			view.Edges = append(view.Edges, e)
		}
	}
	return view
}
