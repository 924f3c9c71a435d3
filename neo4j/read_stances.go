package neo4j

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// stancesQuery reads the stance relationships (their type is the position)
// of the asked actors and targets, in the Store's stance order. Which of
// them is in effect as of a date, and the position filter that follows,
// are decided by StanceFilter.Apply, as in every store.
const stancesQuery = `MATCH (a:Actor)-[r:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED]->(t:Node)
WHERE (size($actors) = 0 OR a.id IN $actors)
  AND (size($targets) = 0 OR t.id IN $targets)
RETURN r.json
ORDER BY a.sortKey, t.id, type(r)`

// Stances implements peacegraph.Store.
func (s *Store) Stances(ctx context.Context, f peacegraph.StanceFilter) ([]*peacegraph.Stance, error) {
	records, err := s.read(ctx, stancesQuery, map[string]any{"actors": list(f.ActorIDs), "targets": list(f.TargetIDs)})
	if err != nil {
		return nil, err
	}
	stances := make([]*peacegraph.Stance, 0, len(records))
	for _, r := range records {
		if st := decodeStance(r.Values[0]); st != nil {
			stances = append(stances, st)
		}
	}
	return f.Apply(stances), nil
}
