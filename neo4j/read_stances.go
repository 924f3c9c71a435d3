package neo4j

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// stancesQuery reads the stance relationships; their type is the position.
const stancesQuery = `MATCH (a:Actor)-[r:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED]->(t:Node)
WHERE (size($actors) = 0 OR a.id IN $actors)
  AND (size($targets) = 0 OR t.id IN $targets)
  AND ($position = '' OR type(r) = $position)
RETURN a.id, t.id, type(r), r.evidence, r.asOf, r.note
ORDER BY a.sortKey, t.id, type(r)`

// Stances implements peacegraph.Store.
func (s *Store) Stances(ctx context.Context, f peacegraph.StanceFilter) ([]*peacegraph.Stance, error) {
	records, err := s.read(ctx, stancesQuery, map[string]any{
		"actors": list(f.ActorIDs), "targets": list(f.TargetIDs), "position": string(f.Position),
	})
	if err != nil {
		return nil, err
	}
	out := make([]*peacegraph.Stance, 0, len(records))
	for _, r := range records {
		v := r.Values
		out = append(out, &peacegraph.Stance{
			ActorID: str(v[0]), TargetID: str(v[1]), Position: peacegraph.Position(str(v[2])),
			EvidenceIDs: strs(v[3]), AsOf: peacegraph.Date(str(v[4])), Note: str(v[5]),
		})
	}
	return out, nil
}
