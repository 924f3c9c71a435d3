package graph_test

import (
	"encoding/json"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// TestMistakesAnswerAlikeOnEveryStore makes the mistakes a client can make
// over real HTTP, on each store, and requires every error whole: its
// message, path and extensions (code, and the argument at fault). The
// expected errors are the same for every store, and the answers of the
// stores are compared with each other too, so that no store words a
// mistake its own way. Where a store's words would reach the client (an
// unknown node, search text without words) the conformance suite holds
// the stores to the domain's words; where they differ (a missing plan or
// point), the API words the error itself.
func TestMistakesAnswerAlikeOnEveryStore(t *testing.T) {
	var unknownType string
	if err := (peacegraph.NeighbourhoodQuery{Types: []string{"LIKES"}}).Check(); err != nil {
		unknownType = peacegraph.ErrorMessage(err)
	} else {
		t.Fatal("LIKES passes as a relationship type")
	}
	badInput := func(message, argument string, path ...any) mistakeError {
		ext := map[string]any{"code": "BAD_USER_INPUT"}
		if argument != "" {
			ext["argument"] = argument
		}
		return mistakeError{Message: message, Path: path, Extensions: ext}
	}
	notFound := func(message, argument string, path ...any) mistakeError {
		e := badInput(message, argument, path...)
		e.Extensions["code"] = "NOT_FOUND"
		return e
	}
	mistakes := []struct {
		name  string
		query string
		want  mistakeError
	}{
		{"negative first", `{ actors(first: -1) { totalCount } }`,
			badInput("first must be at least 0, not -1", "first", "actors")},
		{"first above the cap", `{ claims(first: 101) { totalCount } }`,
			badInput("first must be at most 100, not 101", "first", "claims")},
		{"a cursor the API did not issue", `{ claims(after: "bogus") { totalCount } }`,
			badInput(`"bogus" is not a cursor this API issued`, "after", "claims")},
		{"a bad cursor on a nested connection", `{ actor(id: "ukraine") { claims(after: "bogus") { totalCount } } }`,
			badInput(`"bogus" is not a cursor this API issued`, "after", "actor", "claims")},
		{"a path from an unknown node", `{ path(from: "nobody", to: "russia") { relation } }`,
			notFound(`no node "nobody"`, "", "path")},
		{"a path to an unknown node", `{ path(from: "russia", to: "nobody") { relation } }`,
			notFound(`no node "nobody"`, "", "path")},
		{"no hops", `{ path(from: "nato", to: "russia", maxHops: 0) { relation } }`,
			badInput("maxHops must be at least 1, not 0", "maxHops", "path")},
		{"too many hops", `{ path(from: "nato", to: "russia", maxHops: 7) { relation } }`,
			badInput("maxHops must be at most 6, not 7", "maxHops", "path")},
		{"an unknown relationship type", `{ graph(center: "russia", types: ["LIKES"]) { truncated } }`,
			badInput(unknownType, "types", "graph")},
		{"the graph around an unknown node", `{ graph(center: "nobody") { truncated } }`,
			notFound(`no node "nobody"`, "", "graph")},
		{"search text without words", `{ search(text: " ?! ") { __typename } }`,
			badInput("search text must contain a letter or digit", "text", "search")},
		{"whoBacks of a point the default plan does not have", `{ whoBacks(point: 99) { position } }`,
			notFound(`plan "us-28-point-plan" has no point 99`, "point", "whoBacks")},
		{"whoBacks in a plan that does not exist", `{ whoBacks(point: 1, plan: "nowhere") { position } }`,
			notFound(`no plan "nowhere"`, "plan", "whoBacks")},
		{"the stance matrix of a plan that does not exist", `{ stanceMatrix(plan: "nowhere") { cells { position } } }`,
			notFound(`no plan "nowhere"`, "plan", "stanceMatrix")},
		{"a date that is not a date", `{ events(from: "2025-13-01") { id } }`,
			badInput(`"2025-13-01" is not a date of the form YYYY-MM-DD`, "from", "events")},
	}
	var mu sync.Mutex
	answers := map[string]map[string]string{} // store -> mistake -> errors
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return fixture.Dataset() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		for _, m := range mistakes {
			t.Run(m.name, func(t *testing.T) {
				r := MustPost(t, srv, map[string]any{"query": m.query})
				got := mistakeErrors(t, r.Raw)
				mu.Lock()
				if answers[storeName(t)] == nil {
					answers[storeName(t)] = map[string]string{}
				}
				answers[storeName(t)][m.name] = got
				mu.Unlock()
				if want := MustJSON(t, []mistakeError{m.want}); got != want {
					t.Errorf("errors\n got  %s\n want %s", got, want)
				}
			})
		}
	})
	if len(answers) < 2 {
		return // only one store ran: nothing to compare it with
	}
	for _, m := range mistakes {
		if a, b := answers["memory"][m.name], answers["neo4j"][m.name]; a != b {
			t.Errorf("%s: the stores answer differently:\n memory %s\n neo4j  %s", m.name, a, b)
		}
	}
}

// mistakeError is what a client reads of an error: locations are left out,
// since they follow from the query alone.
type mistakeError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// mistakeErrors returns the errors of a raw response as JSON, in path
// order.
func mistakeErrors(t *testing.T, raw []byte) string {
	t.Helper()
	var r struct {
		Errors []mistakeError `json:"errors"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("response is not JSON: %s", raw)
	}
	sort.SliceStable(r.Errors, func(i, j int) bool {
		return MustJSON(t, r.Errors[i].Path) < MustJSON(t, r.Errors[j].Path)
	})
	return MustJSON(t, r.Errors)
}

// storeName is the store a subtest of EachStore runs on.
func storeName(t *testing.T) string {
	for _, part := range strings.Split(t.Name(), "/") {
		if part == "memory" || part == "neo4j" {
			return part
		}
	}
	t.Fatalf("%s does not run under EachStore", t.Name())
	return ""
}
