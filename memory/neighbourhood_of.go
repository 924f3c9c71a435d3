package memory

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// NeighbourhoodOf answers a neighbourhood query with relationship-type
// filters and a node cap; the Neo4j store has the same method, so the API
// can ask either store.
func (s *Store) NeighbourhoodOf(ctx context.Context, q peacegraph.NeighbourhoodQuery) (*peacegraph.GraphView, error) {
	return s.neighbourhood(q)
}
