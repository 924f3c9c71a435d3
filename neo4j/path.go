package neo4j

import (
	"context"
	"fmt"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// maxHops bounds the paths and neighbourhoods Neo4j explores. Cypher needs
// a literal bound in a variable-length pattern, so there is one constant
// statement per hop count, made once below; longer requests are answered
// as if they asked for this many hops, many times the diameter of any
// graph this project holds.
const maxHops = 16

// pathQueries[h] finds every shortest path of at most h hops over the
// graph's edges (not a dispute's or a plan's grouping relationships); Path picks
// the one the Store contract names. A path from a node to itself is
// settled without a search, since shortest-path search needs two nodes.
var pathQueries = boundedQueries(1, `OPTIONAL MATCH (a:Node {id: $from})
OPTIONAL MATCH (b:Node {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = ALL SHORTEST (a)-[:`+graphTypes+`]-{1,%d}(b)
  RETURN collect([x IN nodes(p) | x.id]) AS nodeIDs,
    collect([r IN relationships(p) | {type: type(r), from: startNode(r).id, evidence: r.evidence}]) AS hops
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, nodeIDs, hops`)

// boundedQueries makes the statement of each bound from lowest to maxHops
// by writing the bound, a number this package chooses, into the template;
// no request value ever reaches the text of a statement.
func boundedQueries(lowest int, template string) []string {
	qs := make([]string, maxHops+1)
	for h := max(lowest, 1); h <= maxHops; h++ {
		qs[h] = fmt.Sprintf(template, h)
	}
	if lowest == 0 {
		qs[0] = centerQuery
	}
	return qs
}

// Path implements peacegraph.Store.
func (s *Store) Path(ctx context.Context, from, to string, hops int) ([]peacegraph.PathStep, error) {
	if hops < 1 {
		return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "maxHops", "maxHops must be 1 or more, got %d", hops)
	}
	records, err := s.read(ctx, pathQueries[min(hops, maxHops)], map[string]any{"from": from, "to": to})
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
	return pickPath(lists(v[2]), hopLists(v[3])), nil
}

// hop is one relationship crossed by a path.
type hop struct {
	typ, from string
	evidence  []string
}

// pickPath chooses, among shortest paths given as node-ID lists with the
// relationships they cross, the one whose node-ID list sorts first, and
// for each hop the type that sorts first among the relationships joining
// its two nodes (parallel relationships give one path each). The hop's
// evidence is that of the relationships of that type, either way round,
// as Dataset.Edges gives it. nil when there is no path.
func pickPath(nodeIDs [][]string, hops [][]hop) []peacegraph.PathStep {
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
	seen := make([]map[string]bool, len(steps)) // directions already counted
	for i, other := range nodeIDs {
		if !slices.Equal(other, ids) {
			continue
		}
		for h, x := range hops[i] {
			st := &steps[h]
			switch {
			case st.Relation == "" || x.typ < st.Relation:
				st.Relation, st.Evidence = x.typ, slices.Clone(x.evidence)
				seen[h] = map[string]bool{x.from: true}
			case x.typ == st.Relation && !seen[h][x.from]:
				// The same type both ways round: both edges attest the hop.
				seen[h][x.from] = true
				for _, e := range x.evidence {
					if !slices.Contains(st.Evidence, e) {
						st.Evidence = append(st.Evidence, e)
					}
				}
			}
		}
	}
	return steps
}

// hopLists reads the hops of each path of the path query.
func hopLists(v any) [][]hop {
	paths, _ := v.([]any)
	out := make([][]hop, len(paths))
	for i, p := range paths {
		xs, _ := p.([]any)
		for _, x := range xs {
			m, _ := x.(map[string]any)
			out[i] = append(out[i], hop{typ: str(m["type"]), from: str(m["from"]), evidence: strs(m["evidence"])})
		}
	}
	return out
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
