package neo4j_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/loaders"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
	"github.com/peacegraph/peacegraph/storetest"
)

// The tests share one Neo4j database and wipe it, so none of them runs in
// parallel.

// testConfig is the Neo4j the tests use: NEO4J_URI (default the local
// development server) and the usual credentials and database variables.
func testConfig() pgneo4j.Config {
	cfg := neo4jtest.Config()
	if cfg.Database == "" {
		cfg.Database = pgneo4j.DefaultDatabase
	}
	return cfg
}

// MustDriver returns a driver of its own for inspecting the database
// behind the store's back. It skips the test when Neo4j cannot be reached,
// unless CI=true, where a missing Neo4j is a failure.
func MustDriver(tb testing.TB) neo4j.DriverWithContext {
	tb.Helper()
	cfg := testConfig()
	token := neo4j.NoAuth()
	if cfg.Username != "" {
		token = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, token)
	if err != nil {
		tb.Fatalf("driver for %s: %v", cfg.URI, err)
	}
	tb.Cleanup(func() { _ = driver.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(tb.Context(), neo4jtest.OpenTimeout)
	defer cancel()
	if err := driver.VerifyConnectivity(ctx); err != nil {
		neo4jtest.Unreachable(tb, err)
	}
	return driver
}

// MustRun runs one statement on the test database and returns its records.
func MustRun(tb testing.TB, driver neo4j.DriverWithContext, cypher string, params map[string]any) []*neo4j.Record {
	tb.Helper()
	res, err := neo4j.ExecuteQuery(tb.Context(), driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(testConfig().Database))
	if err != nil {
		tb.Fatalf("%s: %v", cypher, err)
	}
	return res.Records
}

// MustOpenEmpty wipes the test database and opens a store on it.
func MustOpenEmpty(tb testing.TB) *pgneo4j.Store {
	tb.Helper()
	MustWipe(tb, MustDriver(tb))
	return MustOpen(tb)
}

// MustWipe empties the test database a batch at a time, as a large graph
// (one a benchmark left) needs: one transaction would outgrow Neo4j's
// transaction memory.
func MustWipe(tb testing.TB, driver neo4j.DriverWithContext) {
	tb.Helper()
	// Not the test's context: the cleanup runs after it is cancelled.
	ctx := context.Background()
	session := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: testConfig().Database})
	defer session.Close(ctx)
	res, err := session.Run(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		tb.Fatalf("wiping the test database: %v", err)
	}
}

// MustOpen opens a store on the test database as it is, closed at the end
// of the test.
func MustOpen(tb testing.TB) *pgneo4j.Store {
	tb.Helper()
	MustDriver(tb)
	s, err := pgneo4j.Open(tb.Context(), testConfig(), zerolog.Nop())
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

// MustSeeds reads the project's real seed files.
func MustSeeds(tb testing.TB) *peacegraph.Dataset {
	tb.Helper()
	d, err := loaders.Read("../seeds")
	if err != nil {
		tb.Fatalf("reading seeds: %v", err)
	}
	return d
}

// MustLoad loads d into s in place of whatever the last test left
// (Prune).
func MustLoad(tb testing.TB, s peacegraph.Store, d *peacegraph.Dataset) {
	tb.Helper()
	if err := s.Load(tb.Context(), d, peacegraph.Prune()); err != nil {
		tb.Fatalf("Load: %v", err)
	}
}

// MustDump returns every node and relationship of the database, labels and
// properties included, as sorted lines: two dumps are equal exactly when
// the databases hold the same graph. The load lock's node, which counts
// the loads that changed something, is no part of the graph.
func MustDump(tb testing.TB, driver neo4j.DriverWithContext) []string {
	tb.Helper()
	var lines []string
	for _, r := range MustRun(tb, driver, `MATCH (n) WHERE NOT n:PeacegraphLoad RETURN labels(n), properties(n)`, nil) {
		lines = append(lines, fmt.Sprintf("node %v %v", sorted(r.Values[0]), r.Values[1]))
	}
	for _, r := range MustRun(tb, driver, `MATCH (a)-[r]->(b)
RETURN coalesce(a.id, elementId(a)), type(r), coalesce(b.id, elementId(b)), properties(r)`, nil) {
		lines = append(lines, fmt.Sprintf("rel %v-[%v %v]->%v", r.Values[0], r.Values[1], r.Values[3], r.Values[2]))
	}
	slices.Sort(lines)
	return lines
}

func sorted(v any) string {
	xs, _ := v.([]any)
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	slices.Sort(s)
	return strings.Join(s, ":")
}

// MustCounts returns how many nodes and relationships the database holds.
func MustCounts(tb testing.TB, driver neo4j.DriverWithContext) (nodes, rels int64) {
	tb.Helper()
	r := MustRun(tb, driver, `CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN nodes, rels`, nil)
	return r[0].Values[0].(int64), r[0].Values[1].(int64)
}

// askBoth returns a function that asks the Neo4j store and the memory
// store the same question and fails the test where their answers (or
// their error codes) differ, showing where the JSON of the two parts.
func askBoth(t *testing.T, neo, mem peacegraph.Store) func(what string, f func(s peacegraph.Store) (any, error)) {
	return func(what string, f func(s peacegraph.Store) (any, error)) {
		t.Helper()
		want, wantErr := f(mem)
		got, gotErr := f(neo)
		if peacegraph.ErrorCode(gotErr) != peacegraph.ErrorCode(wantErr) {
			t.Errorf("%s: error %v, want %v", what, gotErr, wantErr)
			return
		}
		if !storetest.Same(got, want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			from := max(0, i-200)
			t.Errorf("%s: differ at byte %d:\n got …%s\nwant …%s", what, i, g[from:min(len(g), i+200)], w[from:min(len(w), i+200)])
		}
	}
}
