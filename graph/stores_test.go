package graph_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
)

// EachStore runs f on each Store holding a fresh copy of the dataset
// newDataset builds: the memory store always, and Neo4j when NEO4J_URI is
// set, so the API gives its answers from both.
func EachStore(t *testing.T, newDataset func(testing.TB) *peacegraph.Dataset, f func(t *testing.T, s peacegraph.Store)) {
	t.Helper()
	t.Run("memory", func(t *testing.T) {
		f(t, MustStore(t, newDataset(t)))
	})
	t.Run("neo4j", func(t *testing.T) {
		s := MustNeo4j(t)
		if err := s.Load(t.Context(), newDataset(t)); err != nil {
			t.Fatalf("load into Neo4j: %v", err)
		}
		f(t, s)
	})
}

// MustNeo4j opens the Neo4j store named by NEO4J_URI (and NEO4J_USERNAME,
// NEO4J_PASSWORD, NEO4J_DATABASE) for one test, holding the lock that keeps
// tests of different packages from loading the one database at once. It
// skips the test when NEO4J_URI is unset, and when Neo4j cannot be
// reached, unless CI=true, where that is a failure.
func MustNeo4j(tb testing.TB) peacegraph.Store {
	tb.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		tb.Skip("NEO4J_URI is not set: the API tests run on the memory store only")
	}
	MustLockNeo4j(tb)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := pgneo4j.Open(ctx, pgneo4j.Config{
		URI:      uri,
		Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}, zerolog.Nop())
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("Neo4j at %s: %v", uri, err)
		}
		tb.Skipf("Neo4j at %s cannot be reached (start it with `make neo4j-up`): %v", uri, err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}
