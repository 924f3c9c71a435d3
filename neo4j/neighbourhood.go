package neo4j

import (
	"context"
	"sort"

	"github.com/peacegraph/peacegraph"
)

// neighbourhoodQueries[d] finds the distance of every node within d hops
// of the center with a breadth-first shortest-path search, and the
// relationships among those nodes.
var neighbourhoodQueries = boundedQueries(0, `MATCH (c:Node {id: $center})
MATCH p = ANY SHORTEST (c)(()-[r]-() WHERE type(r) IN $types){0,%d}(n:Node)
WITH collect(n) AS ns, collect(length(p)) AS distances
`+neighbourhoodTail)

// neighbourhoodTail returns the nodes of ns with their distances and the
// relationships among them.
const neighbourhoodTail = `CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r]->(b:Node) WHERE b IN ns AND type(r) IN $types
  RETURN collect(DISTINCT {type: type(r), from: a.id, to: b.id, evidence: r.evidence}) AS edges
}
RETURN [n IN ns | ` + fullNodeMap + `] AS nodes, distances, edges`

// centerQuery is the neighbourhood of depth 0, which Cypher cannot write
// as a quantifier {0,0}.
const centerQuery = `MATCH (n:Node {id: $center})
WITH [n] AS ns, [0] AS distances
` + neighbourhoodTail

// Neighbourhood implements peacegraph.Store: the nodes reached over
// relationships of the query's types, in (distance, Kind, ID) order, cut
// to MaxNodes (Truncated says so), and the relationships of those types
// among the nodes kept. ENOTFOUND when the center does not exist; EINVALID
// as NeighbourhoodQuery.Check says.
func (s *Store) Neighbourhood(ctx context.Context, q peacegraph.NeighbourhoodQuery) (*peacegraph.GraphView, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	// No types means every type of the graph's edges, and never the
	// relationships that only group a dispute's sides or a plan's changes.
	types := q.Types
	if len(types) == 0 {
		types = peacegraph.RelationshipTypes()
	}
	records, err := s.read(ctx, neighbourhoodQueries[min(q.Depth, maxHops)], map[string]any{
		"center": q.Center, "types": types,
	})
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", q.Center)
	}
	v := records[0].Values
	nodes := nodeList(v[0])
	if len(nodes) == 0 {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", q.Center)
	}
	dist := make(map[string]int, len(nodes))
	ds, _ := v[1].([]any)
	for i, n := range nodes {
		dist[n.NodeID()] = num(ds[i], 0)
	}
	sort.Slice(nodes, func(i, j int) bool {
		a, b := nodes[i], nodes[j]
		if dist[a.NodeID()] != dist[b.NodeID()] {
			return dist[a.NodeID()] < dist[b.NodeID()]
		}
		if a.NodeKind() != b.NodeKind() {
			return a.NodeKind() < b.NodeKind()
		}
		return a.NodeID() < b.NodeID()
	})
	view := &peacegraph.GraphView{Nodes: nodes, Edges: []peacegraph.Edge{}}
	if q.MaxNodes > 0 && len(nodes) > q.MaxNodes {
		view.Nodes, view.Truncated = nodes[:q.MaxNodes], true
	}
	kept := make(map[string]bool, len(view.Nodes))
	for _, n := range view.Nodes {
		kept[n.NodeID()] = true
	}
	edges, _ := v[2].([]any)
	for _, x := range edges {
		m, _ := x.(map[string]any)
		typ, from, to := str(m["type"]), str(m["from"]), str(m["to"])
		if kept[from] && kept[to] {
			view.Edges = append(view.Edges, peacegraph.Edge{
				ID: typ + ":" + from + "->" + to, Type: typ, Source: from, Target: to, Evidence: strs(m["evidence"]),
			})
		}
	}
	sort.Slice(view.Edges, func(i, j int) bool { return view.Edges[i].ID < view.Edges[j].ID })
	return view, nil
}
