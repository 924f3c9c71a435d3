package graph_test

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// directQueries are queries that ask what direct answers and what it
// leaves to gqlgen: aliases, fragments, __typename, directives, nulls,
// fields of interfaces, and fields it has no read for. roots is how many
// of each one's root fields direct answers.
var directQueries = []struct {
	name, query string
	roots       int64
}{
	{"aliases and __typename", `{ c: claims(first: 5) { __typename n: totalCount edges { __typename node { __typename t: text text claimant { __typename name n: name } } } } }`, 1},
	{"fragments", `fragment C on Claim { id text citations { quote } } { claims(first: 4) { edges { node { ...C citations { source { title } } ... on Claim { date } } } } }`, 1},
	{"a name twice, through a union", `{ claims(first: 2) { edges { node { __typename ... on SearchHit { __typename } id } } } }`, 1},
	{"skip and include", `query($yes: Boolean = true, $no: Boolean = false) { claims(first: 3) { edges { node { id @include(if: $yes) text @skip(if: $yes) date @include(if: $no) claimant @skip(if: $no) { name } } } } }`, 1},
	{"a null object", `{ claims(first: 20) { edges { node { id corroboration { earliestSource { title } } } } } }`, 1},
	{"a list at the root", `{ concessions { number title concededBy { name affiliations { name } } } }`, 1},
	{"the same objects twice", `{ a: claims(first: 3) { edges { node { id } } } b: claims(first: 3) { edges { node { id claimant { id } } } } }`, 2},
	{"a root that is null", `{ plan(id: "no-such-plan") { title points { number } } }`, 1},
	{"one root of two", `{ claims(first: 2) { edges { node { id } } } actors(first: 2) { edges { node { aliases } } } }`, 1},
	// The peer benchmark's canonical queries (bench/peer).
	{"Q1", `{ plan { title points { number title concededBy { name } } } }`, 1},
	{"Q2", `{ claims(filter: {claimant: "steve-witkoff"}, first: 20) { edges { node { id text date citations { quote start end source { id title url } } } } } }`, 1},
	{"Q3", `{ claims(first: 50) { edges { node { id text date claimant { name } citations { quote source { id title } } } } } }`, 1},
	{"Q4", `{ concessions { number title stances { actor { name } position asOf } } }`, 1},
	{"Q5", `{ whoBacks(point: 1, position: SUPPORTS, asOf: "2025-11-25") { actor { name } position asOf } }`, 1},
	{"arguments below", `{ plan { points(concession: true) { number stances(asOf: "2025-11-21") { position actor { name } } } } }`, 1},
	{"arguments from variables", `query($on: Date) { concessions(asOf: $on) { number now: stances { position } then: stances(asOf: $on) { position } } }`, 1},
	// Left to gqlgen.
	{"a bad argument below", `{ plan { points { stances(asOf: "yesterday") { position } } } }`, 0},
	{"a page below", `{ actors(first: 5) { edges { node { name claims(first: 2) { edges { node { text } } } } } } }`, 1},
	{"an interface below", `{ claims(first: 5) { edges { node { text about { __typename ... on Actor { name } ... on Point { number } } } } } }`, 0},
	{"a list of scalars", `{ actors(first: 10) { edges { node { id aliases } } } }`, 0},
	{"an error", `{ claims(first: 500) { edges { node { id } } } }`, 0},
}

// TestDirectAnswersAsGQLGen answers every query of the tests' sets, the
// benchmarks' and the playground's examples with and without direct, and
// wants the same bytes and the same Store calls from both.
func TestDirectAnswersAsGQLGen(t *testing.T) {
	queries := map[string]string{}
	roots := map[string]int64{}
	for _, q := range directQueries {
		queries["direct: "+q.name] = q.query
		roots["direct: "+q.name] = q.roots
	}
	for _, q := range levelQueries {
		queries["level: "+q.name] = q.query
	}
	for _, q := range benchQueries {
		queries["bench: "+q.name] = q.query
	}
	queries["deep"] = deepQuery
	raw, err := os.ReadFile("../web/assets/examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []struct{ Name, Query string }
	if err := json.Unmarshal(raw, &examples); err != nil {
		t.Fatal(err)
	}
	for _, e := range examples {
		queries["example: "+e.Name] = e.Query
	}

	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return fixture.Scaled(3) }, func(t *testing.T, s peacegraph.Store) {
		compareDirect(t, s, queries, roots)
	})
	t.Run("seeds", func(t *testing.T) {
		compareDirect(t, MustStore(t, MustSeeds(t)), queries, roots)
	})
}

func compareDirect(t *testing.T, s peacegraph.Store, queries map[string]string, roots map[string]int64) {
	directStore, gqlgenStore := newCountingStore(s), newCountingStore(s)
	var answered atomic.Int64
	directSrv := MustServer(t, directStore, nil, graph.WithDirectCounter(&answered))
	gqlgenSrv := MustServer(t, gqlgenStore, nil, graph.WithGQLGenOnly())
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			directStore.Reset()
			gqlgenStore.Reset()
			before := answered.Load()
			got, want := rawAnswer(t, directSrv, q), rawAnswer(t, gqlgenSrv, q)
			if n, ok := roots[name]; ok && answered.Load()-before != n {
				t.Errorf("direct answered %d root fields, want %d", answered.Load()-before, n)
			}
			if got != want {
				t.Errorf("direct answered\n%s\ngqlgen answered\n%s", got, want)
			}
			if got, _ := directStore.Calls(); got != mustCalls(gqlgenStore) {
				t.Errorf("direct cost the store %s, gqlgen %s", got, mustCalls(gqlgenStore))
			}
		})
	}
}

func mustCalls(s *countingStore) string {
	calls, _ := s.Calls()
	return calls
}

// rawAnswer posts query and returns the response body as it arrives.
func rawAnswer(t *testing.T, srv *httptest.Server, query string) string {
	t.Helper()
	body, err := json.Marshal(map[string]string{"query": query})
	if err != nil {
		t.Fatal(err)
	}
	res, err := srv.Client().Post(srv.URL, "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
