package memory

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// Search implements peacegraph.Store by scoring every node with the shared
// rules of peacegraph.SearchNodes; the graph is small enough that an index
// would cost more than it saves.
func (s *Store) Search(ctx context.Context, q peacegraph.SearchQuery) ([]peacegraph.SearchHit, error) {
	return peacegraph.SearchNodes(s.current().all, q)
}
