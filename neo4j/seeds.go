package neo4j

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The graph keeps the digest of the seed files it was loaded from
// (peacegraph.FromSeeds) on the lock node, as seeds, with seedsAt, the
// generation it describes. Every load that changes the graph writes both
// in its last transaction (writeDigests); a load by a version that keeps
// no seed digest moves the generation on without them, which leaves the
// digest stale, so that it is never taken for the graph's when it is
// not. Dropping a stopped load's staging changes no answer, and the
// digest moves on with the generation (dropStagingStart).
const (
	// seedDigest reads the digest while it is current. A graph with a
	// stopped load's staging in it gives none, so that the next load goes
	// the whole way and removes the staging.
	seedDigest = `OPTIONAL MATCH (m:` + lockLabel + ` {id: 'load'})
RETURN CASE WHEN EXISTS { (:` + stagedLabel + `) } THEN null ELSE ` + currentSeeds + ` END AS seeds`

	// currentSeeds is the lock node m's seed digest while it is current.
	currentSeeds = `CASE WHEN m.seedsAt = m.generation THEN m.seeds END`

	// writeSeeds records the digest of a load that changes nothing else,
	// under the load lock (takeLoadLock), which moved seedsAt on.
	writeSeeds = `MATCH (m:` + lockLabel + ` {id: 'load'})
SET m.seeds = $seeds, m.seedsAt = m.generation`
)

// SeedDigest implements peacegraph.Store.
func (s *Store) SeedDigest(ctx context.Context) (string, error) {
	s.queries.Add(1)
	res, err := neo4j.ExecuteQuery(ctx, s.driver, seedDigest, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting(),
		neo4j.ExecuteQueryWithBookmarkManager(s.bookmarks))
	if err != nil {
		return "", s.mapError(err)
	}
	if len(res.Records) == 0 {
		return "", nil
	}
	return str(res.Records[0].Values[0]), nil
}

// recordSeeds keeps the digest of a load that finds the graph already
// holding its dataset, when the graph holds none or another: both sets of
// files give this graph, and the newer digest is what the next load of
// the same files compares. It returns the statements it wrote: none when
// there is nothing to record, or when another load changed the graph
// since held was read (the digest would then describe a graph that is
// gone; the next load goes the whole way instead).
func (s *Store) recordSeeds(ctx context.Context, held *heldState, seeds string) (int, error) {
	if seeds == "" || seeds == held.seeds {
		return 0, nil
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	_, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (bool, error) {
		generation, err := s.takeLoadLock(ctx, tx)
		if err != nil {
			return false, err
		}
		if generation != held.generation {
			// Failing rolls back taking the lock.
			return false, errGraphMovedOn
		}
		return true, s.run(ctx, tx, writeSeeds, map[string]any{"seeds": seeds})
	})
	if errors.Is(err, errGraphMovedOn) {
		return 0, nil
	}
	if err != nil {
		return 0, s.mapError(err)
	}
	return 2, nil
}

// errGraphMovedOn stops recordSeeds when another load committed first.
var errGraphMovedOn = errors.New("another load changed the graph meanwhile")
