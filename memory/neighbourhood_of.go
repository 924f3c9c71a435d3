package memory

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// NeighbourhoodOf is Neighbourhood under the name it had before the Store
// interface took a NeighbourhoodQuery; the Neo4j store keeps it too.
//
// Deprecated: use Neighbourhood.
func (s *Store) NeighbourhoodOf(ctx context.Context, q peacegraph.NeighbourhoodQuery) (*peacegraph.GraphView, error) {
	return s.Neighbourhood(ctx, q)
}
