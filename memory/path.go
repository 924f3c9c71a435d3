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
				steps = append(steps, peacegraph.PathStep{Relation: n.relation, NodeID: n.id})
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
	dist := map[string]int{start: 0}
	frontier := []string{start}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, n := range snap.adj[id] {
				if _, seen := dist[n.id]; !seen {
					dist[n.id] = d
					next = append(next, n.id)
				}
			}
		}
		frontier = next
	}
	return dist
}

// Neighbourhood implements peacegraph.Store.
func (s *Store) Neighbourhood(ctx context.Context, center string, depth int) (*peacegraph.GraphView, error) {
	if depth < 0 {
		return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "depth", "depth must not be negative, got %d", depth)
	}
	snap := s.current()
	if _, ok := snap.nodes[center]; !ok {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", center)
	}
	dist := snap.distances(center, depth)
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
	for _, e := range snap.edges {
		_, in1 := dist[e.Source]
		_, in2 := dist[e.Target]
		if in1 && in2 {
			view.Edges = append(view.Edges, e)
		}
	}
	return view, nil
}
