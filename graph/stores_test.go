package graph_test

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// EachStore runs f on each Store holding a fresh copy of the dataset
// newDataset builds: the memory store always, and Neo4j (see
// internal/neo4jtest: skipped when unreachable, unless CI=true), so the API gives its answers from both.
func EachStore(t *testing.T, newDataset func(testing.TB) *peacegraph.Dataset, f func(t *testing.T, s peacegraph.Store)) {
	t.Helper()
	t.Run("memory", func(t *testing.T) {
		f(t, MustStore(t, newDataset(t)))
	})
	t.Run("neo4j", func(t *testing.T) {
		f(t, neo4jtest.OpenLoaded(t, newDataset(t)))
	})
}
