package neo4j

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// disputesQuery lists the disputes about a plan or any of its points (all
// of them for ""), by ID, as peacegraph.DisputesAbout decides it: from the
// plan, over what the disputes concern.
const disputesQuery = `CALL () {
  WITH 1 AS one WHERE $plan = ''
  MATCH (n:Dispute) RETURN n
  UNION
  MATCH (:Plan {id: $plan})<-[:` + relConcerns + `]-(n:Dispute) RETURN n
  UNION
  MATCH (:Plan {id: $plan})-[:HAS_POINT]->(:Point)<-[:` + relConcerns + `]-(n:Dispute) RETURN n
}
RETURN ` + disputeMap + ` AS node
ORDER BY n.id`

// Disputes implements peacegraph.Store.
func (s *Store) Disputes(ctx context.Context, planID string) ([]*peacegraph.Dispute, error) {
	records, err := s.read(ctx, disputesQuery, map[string]any{"plan": planID})
	if err != nil {
		return nil, err
	}
	var out []*peacegraph.Dispute
	for _, r := range records {
		if d, ok := decodeNode(r.Values[0]).(*peacegraph.Dispute); ok {
			out = append(out, d)
		}
	}
	return out, nil
}
