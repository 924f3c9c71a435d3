package neo4jtest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/memory"
)

// EachStore runs f on each store holding a fresh copy of the dataset
// newDataset builds: the memory store always, and Neo4j (skipped when it
// cannot be reached, unless CI=true), so that a test holds both stores to
// the same answers.
func EachStore(t *testing.T, newDataset func(testing.TB) *peacegraph.Dataset, f func(t *testing.T, s peacegraph.Store)) {
	t.Helper()
	t.Run("memory", func(t *testing.T) {
		s := memory.New()
		if err := s.Load(t.Context(), newDataset(t)); err != nil {
			t.Fatalf("load into the memory store: %v", err)
		}
		f(t, s)
	})
	t.Run("neo4j", func(t *testing.T) {
		f(t, OpenLoaded(t, newDataset(t)))
	})
}
