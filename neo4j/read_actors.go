package neo4j

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// actorsQuery reads one more than a page from the sort-key index, so that
// HasNextPage needs no second query, and the total from the count store
// (or the kind index, for one kind).
const actorsQuery = `CALL () {
  MATCH (n:Actor) USING INDEX n:Actor(sortKey) WHERE n.sortKey > $after AND ($kind = '' OR n.kind = $kind)
  WITH n ORDER BY n.sortKey LIMIT $limit
  RETURN collect(n) AS page
}
RETURN CASE WHEN $kind = '' THEN COUNT { (:Actor) } ELSE COUNT { (a:Actor {kind: $kind}) } END AS total,
  [n IN page | ` + actorMap + `] AS nodes`

const membersQuery = `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (n:Actor)-[:AFFILIATED_WITH]->(:Actor {id: $ids[i]})
WITH DISTINCT i, n ORDER BY i, n.sortKey
RETURN i, collect(n.id) AS ids`

// Actors implements peacegraph.Store.
func (s *Store) Actors(ctx context.Context, q peacegraph.ActorQuery) (*peacegraph.ActorPage, error) {
	if q.First < 0 {
		return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "first", "first must not be negative, got %d", q.First)
	}
	after, err := peacegraph.DecodeCursor(q.After)
	if err != nil {
		return nil, err
	}
	if q.Kind != "" && !q.Kind.Valid() {
		return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "kind", "kind %q is not one of PERSON, GOVERNMENT, ORGANIZATION", q.Kind)
	}
	records, err := s.read(ctx, actorsQuery, map[string]any{
		"kind": string(q.Kind), "after": after, "limit": q.First + 1,
	})
	if err != nil {
		return nil, err
	}
	page := &peacegraph.ActorPage{}
	if len(records) == 0 {
		return page, nil
	}
	page.TotalCount = num(records[0].Values[0], 0)
	for _, n := range nodeList(records[0].Values[1]) {
		page.Actors = append(page.Actors, n.(*peacegraph.Actor))
	}
	if len(page.Actors) > q.First {
		page.Actors, page.HasNextPage = page.Actors[:q.First], true
	}
	return page, nil
}

// Members implements peacegraph.Store: members come in actor order.
func (s *Store) Members(ctx context.Context, ids []string) ([][]string, error) {
	return s.readIDLists(ctx, membersQuery, ids)
}
