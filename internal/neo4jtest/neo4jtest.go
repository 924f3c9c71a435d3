// Package neo4jtest gives every package's tests the one test Neo4j: the
// server `make neo4j-up` starts, or the one NEO4J_URI names. Tests of
// several packages share that database, and go test runs packages in
// parallel, so each test holds a lock across processes while it loads and
// reads its data.
package neo4jtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/peacegraph/peacegraph"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
	"github.com/rs/zerolog"
)

// DefaultURI is where `make neo4j-up` starts Neo4j.
const DefaultURI = "bolt://127.0.0.1:7687"

// OpenTimeout bounds opening the test store, and ConnectTimeout each of
// its connections: far above what an idle server needs, so that a busy
// 2-core machine (the other packages' tests, a load in progress) fails
// no test for being slow to accept a connection.
const (
	OpenTimeout    = 60 * time.Second
	ConnectTimeout = 10 * time.Second
)

// Config is the test server's connection: NEO4J_URI (default DefaultURI),
// NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE.
func Config() pgneo4j.Config {
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		uri = DefaultURI
	}
	return pgneo4j.Config{
		URI:            uri,
		Username:       os.Getenv("NEO4J_USERNAME"),
		Password:       os.Getenv("NEO4J_PASSWORD"),
		Database:       os.Getenv("NEO4J_DATABASE"),
		ConnectTimeout: ConnectTimeout,
	}
}

// Reachable ends the test (Unreachable) unless the test Neo4j answers;
// for tests that reach it through a command rather than a store.
func Reachable(tb testing.TB) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), OpenTimeout)
	defer cancel()
	s, err := pgneo4j.Open(ctx, Config(), zerolog.Nop())
	if err != nil {
		Unreachable(tb, err)
	}
	_ = s.Close()
}

// Required reports whether a test that cannot reach Neo4j must fail rather
// than skip: in CI (CI=true) a missing Neo4j is a broken run, not a pass.
func Required() bool { return os.Getenv("CI") == "true" }

// Unreachable ends a test that could not reach Neo4j: a failure when
// Required, else a skip that says how to start it.
func Unreachable(tb testing.TB, err error) {
	tb.Helper()
	if Required() {
		tb.Fatalf("Neo4j at %s: %v (CI=true: Neo4j is required)", Config().URI, err)
	}
	tb.Skipf("Neo4j at %s cannot be reached (start it with `make neo4j-up`): %v", Config().URI, err)
}

// Open locks the test database for the rest of the test and opens the
// Neo4j store on it, closing it when the test ends. The database still
// holds whatever the last test left; Load replaces it.
func Open(tb testing.TB) *pgneo4j.Store {
	tb.Helper()
	Lock(tb)
	ctx, cancel := context.WithTimeout(context.Background(), OpenTimeout)
	defer cancel()
	s, err := pgneo4j.Open(ctx, Config(), zerolog.Nop())
	if err != nil {
		Unreachable(tb, err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// OpenLoaded is Open followed by a Load of d.
func OpenLoaded(tb testing.TB, d *peacegraph.Dataset) *pgneo4j.Store {
	tb.Helper()
	s := Open(tb)
	if err := s.Load(tb.Context(), d, peacegraph.Prune()); err != nil {
		tb.Fatalf("load into Neo4j: %v", err)
	}
	return s
}

// OpenProfiled is OpenLoaded on a store that profiles its reads
// (pgneo4j.Config.Profile), for tests of what requests cost.
func OpenProfiled(tb testing.TB, d *peacegraph.Dataset) *pgneo4j.Store {
	tb.Helper()
	Lock(tb)
	ctx, cancel := context.WithTimeout(context.Background(), OpenTimeout)
	defer cancel()
	cfg := Config()
	cfg.Profile = true
	s, err := pgneo4j.Open(ctx, cfg, zerolog.Nop())
	if err != nil {
		Unreachable(tb, err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	if err := s.Load(tb.Context(), d, peacegraph.Prune()); err != nil {
		tb.Fatalf("load into Neo4j: %v", err)
	}
	return s
}
