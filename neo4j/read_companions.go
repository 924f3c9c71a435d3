package neo4j

import (
	"context"
)

// companionsQuery walks back from each plan, found by its ID index, over
// ACCOMPANIES to the documents that accompany it, in load order.
const companionsQuery = `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (:Plan {id: $ids[i]})<-[:ACCOMPANIES]-(n:Plan)
WITH i, n ORDER BY i, n.seq
RETURN i, collect(n.id) AS ids`

// Companions implements peacegraph.Store.
func (s *Store) Companions(ctx context.Context, ids []string) ([][]string, error) {
	return s.readIDLists(ctx, companionsQuery, ids)
}
