package graph_test

import (
	"encoding/json"
	"io"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/storetest"
)

// cost posts a query to a server with the cost extension and returns
// what the response says it cost the store.
func cost(t *testing.T, store peacegraph.Store, query string) (statements, dbHits int64) {
	t.Helper()
	srv := MustServer(t, store, io.Discard, graph.WithCostExtension())
	resp := MustPost(t, srv, map[string]any{"query": query})
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	var body struct {
		Extensions struct {
			Cypher *struct{ Statements, DBHits int64 } `json:"cypher"`
		} `json:"extensions"`
	}
	if err := json.Unmarshal(resp.Raw, &body); err != nil {
		t.Fatal(err)
	}
	if body.Extensions.Cypher == nil {
		t.Fatalf("no extensions.cypher in %s", resp.Raw)
	}
	return body.Extensions.Cypher.Statements, body.Extensions.Cypher.DBHits
}

// TestCostExtension checks that a response shows what it cost: on a
// profiling Neo4j store, one statement per level of the query, the same
// on a small and a larger graph, with their db hits; on the embedded
// store, no statement at all.
func TestCostExtension(t *testing.T) {
	const query = `{ plan { title points { number title concededBy { name } } } }`
	if st, _ := cost(t, MustStore(t, storetest.Fixture()), query); st != 0 {
		t.Errorf("embedded store: %d statements, want 0", st)
	}
	// Each store in a subtest of its own: a test holds the test
	// database's lock until it ends.
	var small, smallHits, large, largeHits int64
	t.Run("fixture", func(t *testing.T) {
		small, smallHits = cost(t, neo4jtest.OpenProfiled(t, storetest.Fixture()), query)
	})
	t.Run("seeds", func(t *testing.T) {
		large, largeHits = cost(t, neo4jtest.OpenProfiled(t, MustSeeds(t)), query)
	})
	t.Logf("statements %d and %d, db hits %d and %d", small, large, smallHits, largeHits)
	if small != large || small != 3 {
		t.Errorf("statements: %d on the fixture, %d on the seeds; want 3 (one per level) on both", small, large)
	}
	if smallHits == 0 || largeHits == 0 {
		t.Errorf("db hits %d and %d: a profiling store counts them", smallHits, largeHits)
	}
}
