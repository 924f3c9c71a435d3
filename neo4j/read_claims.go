package neo4j

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// claimsQuery answers many claim queries at once. Each counts its matches
// and takes one more than a page after the cursor's sort key, so that
// TotalCount and HasNextPage come from the same statement.
const claimsQuery = `UNWIND range(0, size($qs) - 1) AS i
WITH i, $qs[i] AS q
CALL (q) {
  MATCH (n:Claim)
  WHERE (q.certainty = '' OR n.certainty = q.certainty)
    AND (q.claimant = '' OR EXISTS { (:Actor {id: q.claimant})-[:CLAIMED]->(n) })
    AND (q.about = '' OR EXISTS { (n)-[:ABOUT]->(:Node {id: q.about}) })
    AND (q.source = '' OR EXISTS { (n)-[:CITES]->(:Source {id: q.source}) })
  WITH n ORDER BY n.sortKey
  WITH collect(n) AS matches
  RETURN size(matches) AS total, [n IN matches WHERE n.sortKey > q.after][..q.limit] AS page
}
RETURN i, total, [n IN page | ` + nodeMap + `] AS nodes`

const contradictionsQuery = `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (:Claim {id: $ids[i]})-[:CONTRADICTS]-(n:Claim)
WITH DISTINCT i, n ORDER BY i, n.sortKey
RETURN i, collect(n.id) AS ids`

// Claims implements peacegraph.Store.
func (s *Store) Claims(ctx context.Context, qs []peacegraph.ClaimQuery) ([]*peacegraph.ClaimPage, error) {
	out := make([]*peacegraph.ClaimPage, len(qs))
	if len(qs) == 0 {
		return out, nil
	}
	rows := make([]map[string]any, len(qs))
	for i, q := range qs {
		if q.First < 0 {
			return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "first", "first must not be negative, got %d", q.First)
		}
		after, err := peacegraph.DecodeCursor(q.After)
		if err != nil {
			return nil, err
		}
		rows[i] = map[string]any{
			"about": q.Filter.About, "claimant": q.Filter.Claimant, "certainty": string(q.Filter.Certainty),
			"source": q.Filter.Source, "after": after, "limit": q.First + 1,
		}
	}
	records, err := s.read(ctx, claimsQuery, map[string]any{"qs": rows})
	if err != nil {
		return nil, err
	}
	for _, r := range records {
		i := index(r)
		page := &peacegraph.ClaimPage{TotalCount: num(r.Values[1], 0)}
		for _, n := range nodeList(r.Values[2]) {
			page.Claims = append(page.Claims, n.(*peacegraph.Claim))
		}
		if len(page.Claims) > qs[i].First {
			page.Claims, page.HasNextPage = page.Claims[:qs[i].First], true
		}
		out[i] = page
	}
	return out, nil
}

// Contradictions implements peacegraph.Store: the relationship is stored
// once per pair and read in both directions.
func (s *Store) Contradictions(ctx context.Context, ids []string) ([][]string, error) {
	if len(ids) == 0 {
		return [][]string{}, nil
	}
	records, err := s.read(ctx, contradictionsQuery, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return idLists(records, len(ids)), nil
}
