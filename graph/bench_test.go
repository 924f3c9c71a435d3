package graph_test

// Benchmarks of the GraphQL API over real HTTP on the real seeds, on the
// memory store and, when it can be reached, on Neo4j. `make bench` runs
// them.
//
// What the figures mean:
//
//   - ns/op is the latency of one request as a client sees it: HTTP,
//     parsing (cached after the first request), resolvers and the store.
//     No part of a request waits for a timer: each level of a query asks
//     the store as soon as the level above it is answered.
//   - B/op and allocs/op count the client's side of the request too (it
//     runs in the same process); they compare queries and stores, not
//     the handler alone.
//   - storecalls/op is how many times the API called the Store per
//     request: one call per level of the query and field, not one per
//     parent, and the same in every request (a fraction would mean a
//     level was split; TestStoreCallsDoNotGrowWithData forbids that).
//   - cypher/op (Neo4j only) is how many Cypher statements each request
//     sent: one per Store call.

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/loaders"
	"github.com/peacegraph/peacegraph/memory"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
)

// benchQueries are the questions of the README's examples, as it writes
// them; the plan's question also asks for its points, and the claims are a
// page of 50 (the default page size) with their citations.
var benchQueries = []struct {
	name  string
	query string
}{
	{
		name: "plan_and_point",
		query: `{
  plan { title date authors { name role } points { number title topic concession concededBy { name } } }
  point(number: 6) { title summary concededBy { name } }
}`,
	},
	{
		name: "whoBacks_evidence_citations",
		query: `{
  whoBacks(point: 21, position: OPPOSES) {
    actor { name }
    position
    evidence {
      text certainty date
      claimant { name }
      citations { source { title publisher url } quote start end }
    }
  }
}`,
	},
	{
		name:  "concessions_stances",
		query: `{ concessions { number title concededBy { name } stances { actor { name } position asOf } } }`,
	},
	{
		name: "claims_page50_citations",
		query: `{
  claims(first: 50) {
    totalCount
    edges { cursor node { text date claimant { name } citations { source { id title url } quote start end } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
	},
	{
		name:  "path_witkoff_umerov",
		query: `{ path(from: "steve-witkoff", to: "rustem-umerov") { relation node { id } evidence { text } } }`,
	},
	{
		name: "search_and_searchHits",
		query: `{
  search(text: "really being heard") { __typename ... on Claim { id text } }
  searchHits(text: "really being heard") { score snippet node { ... on Claim { id } } }
}`,
	},
	{
		name:  "graph_dmitriev_depth2",
		query: `{ graph(center: "kirill-dmitriev", depth: 2) { nodes { id label kind } edges { id source target type } } }`,
	},
	{
		name:  "stanceMatrix",
		query: `{ stanceMatrix(plan: "us-28-point-plan", asOf: "2025-11-25") { actors { name } targets { id } cells { actor { id } target { id } position evidenceCount asOf } } }`,
	},
	{
		name: "disputes_sides_sources",
		query: `{
  disputes(plan: "us-28-point-plan") {
    question
    sides { label claims { text claimant { name } certainty } sources { publisher url published } }
  }
}`,
	},
}

// BenchmarkQueries answers each README question on each store.
func BenchmarkQueries(b *testing.B) {
	eachBenchStore(b, func(b *testing.B, s peacegraph.Store, cypher func() int64) {
		counting := newCountingStore(s)
		srv := MustServer(b, counting, nil)
		for _, q := range benchQueries {
			b.Run(q.name, func(b *testing.B) {
				benchRequests(b, srv, counting, cypher, q.query)
			})
		}
	})
}

// BenchmarkLoad reads the seeds and loads them into each store: what
// `peacegraph load` and the start of `serve` cost.
func BenchmarkLoad(b *testing.B) {
	b.Run("read_seeds", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := loaders.Read("../seeds"); err != nil {
				b.Fatalf("read seeds: %v", err)
			}
		}
	})
	d := MustSeeds(b)
	b.Run("memory", func(b *testing.B) {
		b.ReportAllocs()
		s := memory.New()
		for b.Loop() {
			if err := s.Load(b.Context(), d); err != nil {
				b.Fatalf("load: %v", err)
			}
		}
	})
	b.Run("neo4j", func(b *testing.B) {
		s := openBenchNeo4j(b)
		b.ReportAllocs()
		before := s.QueryCount()
		for b.Loop() {
			if err := s.Load(b.Context(), d); err != nil {
				b.Fatalf("load into Neo4j: %v", err)
			}
		}
		b.ReportMetric(float64(s.QueryCount()-before)/float64(b.N), "cypher/op")
	})
}

// eachBenchStore runs f on the memory store and on Neo4j, each holding the
// seeds. Neo4j is skipped, never failed, when it cannot be reached: a
// benchmark measures, it does not check. cypher returns the Cypher
// statements sent so far, or nil on the memory store.
func eachBenchStore(b *testing.B, f func(b *testing.B, s peacegraph.Store, cypher func() int64)) {
	b.Helper()
	b.Run("memory", func(b *testing.B) {
		f(b, MustStore(b, MustSeeds(b)), nil)
	})
	b.Run("neo4j", func(b *testing.B) {
		s := openBenchNeo4j(b)
		if err := s.Load(b.Context(), MustSeeds(b)); err != nil {
			b.Fatalf("load into Neo4j: %v", err)
		}
		f(b, s, s.QueryCount)
	})
}

// openBenchNeo4j opens the test Neo4j and holds the test database's lock
// until b ends, so that no package's tests load their data under the
// benchmark; it skips b when Neo4j cannot be reached.
func openBenchNeo4j(b *testing.B) *pgneo4j.Store {
	b.Helper()
	ctx, cancel := context.WithTimeout(b.Context(), 10*time.Second)
	defer cancel()
	s, err := pgneo4j.Open(ctx, neo4jtest.Config(), zerolog.Nop())
	if err != nil {
		b.Skipf("Neo4j at %s cannot be reached (start it with `make neo4j-up`): %v", neo4jtest.Config().URI, err)
	}
	b.Cleanup(func() { _ = s.Close() })
	neo4jtest.Lock(b)
	return s
}

// benchRequests posts query b.N times and reports the store calls (and,
// on Neo4j, the Cypher statements) each request made. It first requires
// one answer without errors, so that a broken query cannot pass for a fast
// one.
func benchRequests(b *testing.B, srv *httptest.Server, counting *countingStore, cypher func() int64, query string) {
	b.Helper()
	body, err := json.Marshal(map[string]string{"query": query})
	if err != nil {
		b.Fatal(err)
	}
	if r := MustPost(b, srv, map[string]any{"query": query}); r.Status != http.StatusOK || len(r.Errors) > 0 || len(r.Data) == 0 || string(r.Data) == "null" {
		b.Fatalf("query failed (%d): %s", r.Status, r.Raw)
	}
	client := srv.Client()
	counting.Reset()
	var before int64
	if cypher != nil {
		before = cypher()
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := client.Post(srv.URL, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatalf("POST: %v", err)
		}
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK {
			b.Fatalf("answer: status %d, %v", res.StatusCode, err)
		}
	}
	_, calls := counting.Calls()
	b.ReportMetric(float64(calls)/float64(b.N), "storecalls/op")
	if cypher != nil {
		b.ReportMetric(float64(cypher()-before)/float64(b.N), "cypher/op")
	}
}
