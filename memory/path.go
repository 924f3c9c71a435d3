package memory

import (
	"cmp"
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Path implements peacegraph.Store. A breadth-first search from the target
// gives every node's distance to it; walking from the start, each step
// then takes the neighbour with the smallest ID that is one hop closer,
// which yields, among all shortest paths, the one whose node-ID list sorts
// first.
func (s *Store) Path(ctx context.Context, from, to string, maxHops int) ([]peacegraph.PathStep, error) {
	if maxHops < 1 {
		return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "maxHops", "maxHops must be 1 or more, got %d", maxHops)
	}
	snap := s.current()
	for _, id := range []string{from, to} {
		if _, ok := snap.nodes[id]; !ok {
			return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", id)
		}
	}
	dist := snap.distances(to, maxHops)
	d, ok := dist[from]
	if !ok {
		return nil, nil
	}
	steps := make([]peacegraph.PathStep, 0, d)
	for cur := from; cur != to; {
		for _, n := range snap.adj[cur] {
			if nd, ok := dist[n.id]; ok && nd == dist[cur]-1 {
				steps = append(steps, peacegraph.PathStep{Relation: n.relation, NodeID: n.id, Evidence: slices.Clone(n.evidence)})
				cur = n.id
				break
			}
		}
	}
	return steps, nil
}

// distances returns the hop count from start to every node at most depth
// hops away, edges taken in either direction.
func (snap *snapshot) distances(start string, depth int) map[string]int {
	return snap.reach(start, depth, nil)
}

// reach is distances over the edges of the types follow accepts (nil:
// every edge).
func (snap *snapshot) reach(start string, depth int, follow func(typ string) bool) map[string]int {
	dist := map[string]int{start: 0}
	frontier := []string{start}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			if follow == nil {
				for _, n := range snap.adj[id] {
					if _, seen := dist[n.id]; !seen {
						dist[n.id] = d
						next = append(next, n.id)
					}
				}
				continue
			}
			for _, e := range snap.incident[id] {
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

// Neighbourhood implements peacegraph.Store: the nodes reached over edges
// of the query's types, in (distance, Kind, ID) order, cut to MaxNodes,
// and the edges of those types between the nodes kept.
func (s *Store) Neighbourhood(ctx context.Context, q peacegraph.NeighbourhoodQuery) (*peacegraph.GraphView, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	snap := s.current()
	if _, ok := snap.nodes[q.Center]; !ok {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", q.Center)
	}
	var follow func(string) bool
	if len(q.Types) > 0 {
		follow = q.Follows
	}
	dist := snap.reach(q.Center, q.Depth, follow)
	view := &peacegraph.GraphView{Nodes: make([]peacegraph.Node, 0, len(dist)), Edges: []peacegraph.Edge{}}
	for id := range dist {
		view.Nodes = append(view.Nodes, snap.nodes[id])
	}
	slices.SortFunc(view.Nodes, func(a, b peacegraph.Node) int {
		return cmp.Or(
			cmp.Compare(dist[a.NodeID()], dist[b.NodeID()]),
			cmp.Compare(a.NodeKind(), b.NodeKind()),
			cmp.Compare(a.NodeID(), b.NodeID()),
		)
	})
	if q.MaxNodes > 0 && len(view.Nodes) > q.MaxNodes {
		view.Nodes = view.Nodes[:q.MaxNodes]
		view.Truncated = true
	}
	kept := make(map[string]bool, len(view.Nodes))
	for _, n := range view.Nodes {
		kept[n.NodeID()] = true
	}
	for _, e := range snap.edges {
		if kept[e.Source] && kept[e.Target] && q.Follows(e.Type) {
			e.Evidence = slices.Clone(e.Evidence)
			view.Edges = append(view.Edges, e)
		}
	}
	return view, nil
}
