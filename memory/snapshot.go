package memory

import (
	"cmp"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// snapshot is one loaded dataset with the indexes every read needs. It is
// built once by Load and never changed afterwards, which is what lets
// readers use it without holding a lock.
type snapshot struct {
	nodes map[string]peacegraph.Node
	// all holds every node, by ID, for search.
	all []peacegraph.Node

	actors   []*peacegraph.Actor // by ActorKey
	plans    []*peacegraph.Plan  // by Seq
	points   map[string][]*peacegraph.Point
	claims   []*peacegraph.Claim          // by ClaimKey
	sources  []*peacegraph.Source         // by SourceKey
	events   []*peacegraph.Event          // by EventKey
	stances  []*peacegraph.Stance         // by actor name, actor ID, target ID, position
	points2  map[string]*peacegraph.Point // by ID, to find a point's plan
	disputes []*peacegraph.Dispute        // by ID

	members        map[string][]string // actor ID -> member actor IDs, in actor order
	actorEvents    map[string][]string // actor ID -> event IDs, in event order
	contradictions map[string][]string // claim ID -> claim IDs, in claim order

	edges []peacegraph.Edge // by ID
	// adj maps a node to its neighbours, sorted by ID, each with the
	// relationship type that sorts first among the edges joining them.
	adj map[string][]neighbour
	// incident maps a node to the edges at either end of which it is.
	incident map[string][]peacegraph.Edge
}

// neighbour is one node next to another and how they are joined.
type neighbour struct {
	id       string
	relation string
	// evidence attests the edges of that relationship type between the
	// two, in claim order.
	evidence []string
}

// newSnapshot indexes a completed, valid dataset.
func newSnapshot(d *peacegraph.Dataset) *snapshot {
	s := &snapshot{
		nodes:          d.Nodes(),
		actors:         slices.Clone(d.Actors),
		plans:          slices.Clone(d.Plans),
		points:         make(map[string][]*peacegraph.Point),
		claims:         slices.Clone(d.Claims),
		sources:        slices.Clone(d.Sources),
		events:         slices.Clone(d.Events),
		stances:        slices.Clone(d.Stances),
		points2:        make(map[string]*peacegraph.Point),
		disputes:       slices.Clone(d.Disputes),
		members:        make(map[string][]string),
		actorEvents:    make(map[string][]string),
		contradictions: make(map[string][]string),
		edges:          d.Edges(),
	}
	for _, n := range s.nodes {
		s.all = append(s.all, n)
	}
	slices.SortFunc(s.all, func(a, b peacegraph.Node) int { return cmp.Compare(a.NodeID(), b.NodeID()) })

	slices.SortFunc(s.actors, byKey(peacegraph.ActorKey))
	slices.SortStableFunc(s.plans, func(a, b *peacegraph.Plan) int { return cmp.Compare(a.Seq, b.Seq) })
	for _, p := range d.Points {
		s.points[p.PlanID] = append(s.points[p.PlanID], p)
		s.points2[p.ID] = p
	}
	slices.SortFunc(s.disputes, func(a, b *peacegraph.Dispute) int { return cmp.Compare(a.ID, b.ID) })
	for _, ps := range s.points {
		slices.SortFunc(ps, func(a, b *peacegraph.Point) int { return cmp.Compare(a.Number, b.Number) })
	}
	slices.SortFunc(s.claims, byKey(peacegraph.ClaimKey))
	slices.SortFunc(s.sources, byKey(peacegraph.SourceKey))
	slices.SortFunc(s.events, byKey(peacegraph.EventKey))
	slices.SortFunc(s.stances, s.compareStances)

	for _, a := range s.actors {
		for _, f := range a.Affiliations {
			s.members[f.ActorID] = appendNew(s.members[f.ActorID], a.ID)
		}
	}
	for _, e := range s.events {
		for _, id := range e.ParticipantIDs {
			s.actorEvents[id] = appendNew(s.actorEvents[id], e.ID)
		}
	}
	for _, c := range s.claims {
		for _, o := range c.Contradicts {
			s.contradictions[o] = appendNew(s.contradictions[o], c.ID)
		}
	}
	rank := make(map[string]int, len(s.claims))
	for i, c := range s.claims {
		rank[c.ID] = i
	}
	s.adj = adjacency(s.edges, rank)
	s.incident = make(map[string][]peacegraph.Edge)
	for _, e := range s.edges {
		s.incident[e.Source] = append(s.incident[e.Source], e)
		if e.Target != e.Source {
			s.incident[e.Target] = append(s.incident[e.Target], e)
		}
	}
	return s
}

// mergeClaims unites two lists of claim IDs in claim order (rank).
func mergeClaims(a, b []string, rank map[string]int) []string {
	out := slices.Clone(a)
	for _, id := range b {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.SortFunc(out, func(x, y string) int { return cmp.Compare(rank[x], rank[y]) })
	return out
}

// byKey orders values by a string sort key, the same key cursors carry.
func byKey[T any](key func(T) string) func(a, b T) int {
	return func(a, b T) int { return cmp.Compare(key(a), key(b)) }
}

// compareStances orders stances by actor name, actor ID, target ID, then
// position.
func (s *snapshot) compareStances(a, b *peacegraph.Stance) int {
	return cmp.Or(
		cmp.Compare(s.actorName(a.ActorID), s.actorName(b.ActorID)),
		cmp.Compare(a.ActorID, b.ActorID),
		cmp.Compare(a.TargetID, b.TargetID),
		cmp.Compare(a.Position, b.Position),
	)
}

func (s *snapshot) actorName(id string) string {
	if a, ok := s.nodes[id].(*peacegraph.Actor); ok {
		return a.Name
	}
	return ""
}

// appendNew appends id unless it is already last: the lists are built in
// order, so a repeat can only be the previous entry.
func appendNew(list []string, id string) []string {
	if len(list) > 0 && list[len(list)-1] == id {
		return list
	}
	return append(list, id)
}

// adjacency turns the edges into an undirected neighbour list. Two nodes
// joined by edges of one type both ways (two actors affiliated with each
// other) get the evidence of both, in claim order.
func adjacency(edges []peacegraph.Edge, rank map[string]int) map[string][]neighbour {
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
