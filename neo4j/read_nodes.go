package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

const nodesQuery = `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (n:Node {id: $ids[i]}) USING INDEX n:Node(id)
RETURN i, ` + nodeMap + ` AS node`

// Nodes implements peacegraph.Store.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]peacegraph.Node, error) {
	out := make([]peacegraph.Node, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	records, err := s.read(ctx, nodesQuery, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range records {
		if n := decodeNode(r.Values[1]); n != nil {
			out[index(r)] = n
		}
	}
	return out, nil
}

// index reads the position a batched query's row answers, from its first
// column.
func index(r *neo4j.Record) int { return num(r.Values[0], 0) }

// readIDLists runs a batched read whose rows are (position, IDs), aligned
// with ids.
func (s *Store) readIDLists(ctx context.Context, cypher string, ids []string) ([][]string, error) {
	if len(ids) == 0 {
		return [][]string{}, nil
	}
	records, err := s.read(ctx, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return idLists(records, len(ids)), nil
}

// idLists reads a batched query whose rows are (position, list of IDs)
// into lists aligned with the n IDs asked for.
func idLists(records []*neo4j.Record, n int) [][]string {
	out := make([][]string, n)
	for _, r := range records {
		out[index(r)] = strs(r.Values[1])
	}
	return out
}

// nodeList decodes a list of nodeMap projections.
func nodeList(v any) []peacegraph.Node {
	xs, _ := v.([]any)
	out := make([]peacegraph.Node, 0, len(xs))
	for _, x := range xs {
		if n := decodeNode(x); n != nil {
			out = append(out, n)
		}
	}
	return out
}
