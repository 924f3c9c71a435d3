package peacegraph

import (
	"context"
	"sync/atomic"
)

// QueryStats counts what one request cost the store: the statements it
// sent and, where the store profiles them, the database hits they made.
// The API shows them to benchmarks and tests that ask (extensions.cypher),
// so that a request's cost can be read from its answer.
type QueryStats struct {
	Statements atomic.Int64
	// DBHits is the sum of the profiled statements' db hits; 0 when the
	// store does not profile.
	DBHits atomic.Int64
}

type queryStatsKey struct{}

// WithQueryStats returns a context whose store calls are counted in the
// returned QueryStats.
func WithQueryStats(ctx context.Context) (context.Context, *QueryStats) {
	st := &QueryStats{}
	return context.WithValue(ctx, queryStatsKey{}, st), st
}

// QueryStatsFrom returns the stats a context counts into, or nil.
func QueryStatsFrom(ctx context.Context) *QueryStats {
	st, _ := ctx.Value(queryStatsKey{}).(*QueryStats)
	return st
}
