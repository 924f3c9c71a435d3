package memory

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// Path implements peacegraph.Store. A breadth-first search from the target
// gives the distance to it of every node up to the start's; walking from
// the start, each step then takes the neighbour with the smallest ID that
// is one hop closer, which yields, among all shortest paths, the one whose
// node-ID list sorts first. The search stops when it reaches the start, so
// it visits the nodes nearer the target than the start is, not the whole
// reach of maxHops.
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
	dist := snap.distancesUntil(to, from, maxHops, s.work)
	d, ok := dist[from]
	if !ok {
		return nil, nil
	}
	steps := make([]peacegraph.PathStep, 0, d)
	for cur := from; cur != to; {
		for _, n := range snap.adj[cur] {
			s.work.add(1)
			if nd, ok := dist[n.id]; ok && nd == dist[cur]-1 {
				steps = append(steps, peacegraph.PathStep{Relation: n.relation, NodeID: n.id, Evidence: slices.Clone(n.evidence)})
				cur = n.id
				break
			}
		}
	}
	return steps, nil
}

// distancesUntil returns the hop count from start to the nodes at most
// depth hops away, edges taken in either direction, stopping once goal has
// one. Every level before goal's is then complete, which is all the walk
// back needs.
func (snap *snapshot) distancesUntil(start, goal string, depth int, w *work) map[string]int {
	dist := map[string]int{start: 0}
	if start == goal {
		return dist
	}
	frontier := []string{start}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			ns := snap.adj[id]
			w.add(len(ns))
			for _, n := range ns {
				if _, seen := dist[n.id]; !seen {
					dist[n.id] = d
					if n.id == goal {
						return dist
					}
					next = append(next, n.id)
				}
			}
		}
		frontier = next
	}
	return dist
}

// levels returns the nodes at most depth hops from start over the edges
// of the types follow accepts (nil: every edge), edges taken in either
// direction: levels[d] are the nodes d hops away, in no order, and dist
// gives each node's level. It stops after the first level that brings the
// count above limit (0: no limit), since every node further out would
// sort after as many nodes as a view of limit nodes can keep.
func (snap *snapshot) levels(start string, depth int, follow func(typ string) bool, limit int, w *work) (map[string]int, [][]string) {
	dist := map[string]int{start: 0}
	levels := [][]string{{start}}
	for d := 1; d <= depth && len(levels[d-1]) > 0; d++ {
		if limit > 0 && len(dist) > limit {
			break
		}
		var next []string
		reached := func(id string) {
			if _, seen := dist[id]; !seen {
				dist[id] = d
				next = append(next, id)
			}
		}
		for _, id := range levels[d-1] {
			if follow == nil {
				ns := snap.adj[id]
				w.add(len(ns))
				for _, n := range ns {
					reached(n.id)
				}
				continue
			}
			out, in := snap.out[id], snap.in[id]
			w.add(len(out) + len(in))
			for _, i := range out {
				if e := &snap.edges[i]; follow(e.Type) {
					reached(e.Target)
				}
			}
			for _, i := range in {
				if e := &snap.edges[i]; follow(e.Type) {
					reached(e.Source)
				}
			}
		}
		levels = append(levels, next)
	}
	return dist, levels
}

// Neighbourhood implements peacegraph.Store: the nodes reached over edges
// of the query's types, in (distance, Kind, ID) order, cut to MaxNodes,
// and the edges of those types between the nodes kept, found from the
// edges out of the nodes kept, by ID. It costs the nodes within reach (up
// to the level that fills MaxNodes) and the edges out of the nodes kept.
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
	dist, levels := snap.levels(q.Center, q.Depth, follow, q.MaxNodes, s.work)
	view := &peacegraph.GraphView{Nodes: make([]peacegraph.Node, 0, len(dist))}
	for _, level := range levels {
		first := len(view.Nodes)
		for _, id := range level {
			view.Nodes = append(view.Nodes, snap.nodes[id])
		}
		slices.SortFunc(view.Nodes[first:], func(a, b peacegraph.Node) int {
			return cmp.Or(cmp.Compare(a.NodeKind(), b.NodeKind()), strings.Compare(a.NodeID(), b.NodeID()))
		})
	}
	// kept holds the nodes of the view: those reached, unless some were
	// cut.
	kept := dist
	if q.MaxNodes > 0 && len(view.Nodes) > q.MaxNodes {
		view.Nodes = view.Nodes[:q.MaxNodes]
		view.Truncated = true
		kept = make(map[string]int, len(view.Nodes))
		for _, n := range view.Nodes {
			kept[n.NodeID()] = 0
		}
	}
	var found []int32
	for _, n := range view.Nodes {
		// Each edge once: from its source.
		es := snap.out[n.NodeID()]
		s.work.add(len(es))
		for _, i := range es {
			if e := &snap.edges[i]; q.Follows(e.Type) {
				if _, ok := kept[e.Target]; ok {
					found = append(found, i)
				}
			}
		}
	}
	slices.Sort(found)
	// The evidence is copied, so that no caller can change the snapshot's,
	// into one array for all the edges.
	n := 0
	for _, i := range found {
		n += len(snap.edges[i].Evidence)
	}
	evidence := make([]string, 0, n)
	view.Edges = make([]peacegraph.Edge, len(found))
	for k, i := range found {
		e := snap.edges[i]
		if e.Evidence != nil {
			from := len(evidence)
			evidence = append(evidence, e.Evidence...)
			e.Evidence = evidence[from:len(evidence):len(evidence)]
		}
		view.Edges[k] = e
	}
	return view, nil
}
