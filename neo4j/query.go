package neo4j

import (
	"context"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

// read runs one statement in a managed read transaction, which the driver
// retries on transient failures, and returns all its records. Reads go to
// a reader (a follower, in a cluster) and wait for the store's bookmarks,
// so they see every load this store made. When the store profiles, the
// statement runs under PROFILE and its db hits are added to the request's
// peacegraph.QueryStats.
func (s *Store) read(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	s.queries.Add(1)
	stats := peacegraph.QueryStatsFrom(ctx)
	if stats != nil {
		stats.Statements.Add(1)
	}
	cypher = s.project(ctx, cypher)
	if s.profile {
		cypher = "PROFILE " + cypher
	}
	if records, summary, ok, err := s.readInRequest(ctx, cypher, params); ok {
		if err != nil {
			return nil, err
		}
		if s.profile && stats != nil && summary != nil {
			stats.DBHits.Add(dbHits(summary.Profile()))
		}
		return records, nil
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	records, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
		result, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		records, err := result.Collect(ctx)
		if err != nil || !s.profile || stats == nil {
			return records, err
		}
		summary, err := result.Consume(ctx)
		if err != nil {
			return nil, err
		}
		stats.DBHits.Add(dbHits(summary.Profile()))
		return records, nil
	})
	return records, s.mapError(err)
}

// dbHits sums the db hits of a profiled plan and all its children.
func dbHits(p neo4j.ProfiledPlan) int64 {
	if p == nil {
		return 0
	}
	n := p.DbHits()
	for _, c := range p.Children() {
		n += dbHits(c)
	}
	return n
}

// run executes one statement inside a write transaction and consumes its
// result, so that a failure surfaces here and aborts the transaction.
func (s *Store) run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	s.queries.Add(1)
	start := time.Now()
	result, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	summary, err := result.Consume(ctx)
	if err != nil {
		return err
	}
	c := summary.Counters()
	s.log.Debug().Dur("took", time.Since(start)).Str("statement", firstLine(cypher)).
		Int("nodesCreated", c.NodesCreated()).Int("nodesDeleted", c.NodesDeleted()).
		Int("relationshipsCreated", c.RelationshipsCreated()).Int("relationshipsDeleted", c.RelationshipsDeleted()).
		Msg("write statement")
	return nil
}

// runCount executes a write statement that returns one row holding a
// count, inside tx, and returns the count.
func (s *Store) runCount(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (int64, error) {
	s.queries.Add(1)
	start := time.Now()
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return 0, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return 0, err
	}
	n, _ := rec.Values[0].(int64)
	s.log.Debug().Dur("took", time.Since(start)).Str("statement", firstLine(cypher)).Int64("count", n).Msg("write statement")
	return n, nil
}

// firstLine shortens a statement for the log.
func firstLine(cypher string) string {
	if i := strings.IndexByte(cypher, '\n'); i >= 0 {
		return cypher[:i] + " …"
	}
	return cypher
}
