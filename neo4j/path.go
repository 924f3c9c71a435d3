package neo4j

import (
	"context"
	"slices"
	"sort"

	"github.com/peacegraph/peacegraph"
)

// maxHops bounds the paths and neighbourhoods Neo4j explores. Cypher needs
// a literal bound in a variable-length pattern; longer requests are
// answered as if they asked for this many hops, which covers the diameter
// of any graph this project holds many times over.
const maxHops = 16

// pathQuery finds every shortest path of at most $maxHops hops; Path picks
// the one the Store contract names. A path from a node to itself is
// settled without a search, since shortest-path search needs two nodes.
const pathQuery = `OPTIONAL MATCH (a:Node {id: $from})
OPTIONAL MATCH (b:Node {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = ALL SHORTEST (a)-[]-{1,16}(b)
  WHERE length(p) <= $maxHops
  RETURN collect([x IN nodes(p) | x.id]) AS nodeIDs, collect([r IN relationships(p) | type(r)]) AS types
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, nodeIDs, types`

// neighbourhoodQuery finds the distance of every node within $depth hops
// of the center with a breadth-first shortest-path search, and the
// relationships among those nodes.
const neighbourhoodQuery = `MATCH (c:Node {id: $center})
MATCH p = ANY SHORTEST (c)-[]-{0,16}(n:Node)
WHERE length(p) <= $depth
WITH collect(n) AS ns, collect(length(p)) AS distances
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r]->(b:Node) WHERE b IN ns
  RETURN collect(DISTINCT [type(r), a.id, b.id]) AS edges
}
RETURN [n IN ns | ` + nodeMap + `] AS nodes, distances, edges`

// Path implements peacegraph.Store.
func (s *Store) Path(ctx context.Context, from, to string, hops int) ([]peacegraph.PathStep, error) {
	if hops < 1 {
		return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "maxHops", "maxHops must be 1 or more, got %d", hops)
	}
	records, err := s.read(ctx, pathQuery, map[string]any{"from": from, "to": to, "maxHops": min(hops, maxHops)})
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "neo4j: the path query returned no row")
	}
	v := records[0].Values
	if v[0] != true {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", from)
	}
	if v[1] != true {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", to)
	}
	if from == to {
		return []peacegraph.PathStep{}, nil
	}
	return pickPath(lists(v[2]), lists(v[3])), nil
}

// pickPath chooses, among shortest paths given as node-ID lists with their
// relationship types, the one whose node-ID list sorts first, and for each
// hop the type that sorts first among the paths through the same nodes
// (parallel relationships give one path each). nil when there is none.
func pickPath(nodeIDs, types [][]string) []peacegraph.PathStep {
	best := -1
	for i, ids := range nodeIDs {
		if best < 0 || slices.Compare(ids, nodeIDs[best]) < 0 {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	ids := nodeIDs[best]
	steps := make([]peacegraph.PathStep, len(ids)-1)
	for i := range steps {
		steps[i].NodeID = ids[i+1]
	}
	for i, other := range nodeIDs {
		if !slices.Equal(other, ids) {
			continue
		}
		for h, t := range types[i] {
			if steps[h].Relation == "" || t < steps[h].Relation {
				steps[h].Relation = t
			}
		}
	}
	return steps
}

// Neighbourhood implements peacegraph.Store.
func (s *Store) Neighbourhood(ctx context.Context, center string, depth int) (*peacegraph.GraphView, error) {
	if depth < 0 {
		return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "depth", "depth must not be negative, got %d", depth)
	}
	records, err := s.read(ctx, neighbourhoodQuery, map[string]any{"center": center, "depth": min(depth, maxHops)})
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", center)
	}
	v := records[0].Values
	nodes := nodeList(v[0])
	if len(nodes) == 0 {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", center)
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
	for _, e := range lists(v[2]) {
		view.Edges = append(view.Edges, peacegraph.Edge{ID: e[0] + ":" + e[1] + "->" + e[2], Type: e[0], Source: e[1], Target: e[2]})
	}
	sort.Slice(view.Edges, func(i, j int) bool { return view.Edges[i].ID < view.Edges[j].ID })
	return view, nil
}

// lists reads a list of lists of strings.
func lists(v any) [][]string {
	xs, _ := v.([]any)
	out := make([][]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, strs(x))
	}
	return out
}
