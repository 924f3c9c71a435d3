package graph_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// TestBadInput checks that every argument a caller can get wrong fails its
// field with BAD_USER_INPUT and names the argument.
func TestBadInput(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return fixture.Dataset() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		tests := []struct {
			name     string
			query    string
			vars     map[string]any
			code     string
			argument string
			path     string
		}{
			{name: "first above the cap fails", query: `{ actors(first: 101) { totalCount } }`, code: "BAD_USER_INPUT", argument: "first", path: "actors"},
			{name: "first above the cap fails on claims", query: `{ claims(first: 1000) { totalCount } }`, code: "BAD_USER_INPUT", argument: "first", path: "claims"},
			{name: "first above the cap fails on a nested connection", query: `{ actor(id: "ukraine") { claims(first: 101) { totalCount } } }`, code: "BAD_USER_INPUT", argument: "first", path: "actor.claims"},
			{name: "negative first fails", query: `{ actors(first: -1) { totalCount } }`, code: "BAD_USER_INPUT", argument: "first", path: "actors"},
			{name: "first above the cap fails on search", query: `{ search(text: "plan", first: 101) { __typename } }`, code: "BAD_USER_INPUT", argument: "first", path: "search"},
			{name: "a cursor the API did not issue fails", query: `{ claims(after: "not-a-cursor") { totalCount } }`, code: "BAD_USER_INPUT", argument: "after", path: "claims"},
			{name: "a bad cursor fails on actors", query: `{ actors(after: "bm9wZQ") { totalCount } }`, code: "BAD_USER_INPUT", argument: "after", path: "actors"},
			{name: "a bad date literal fails", query: `{ events(from: "2025-13-01") { id } }`, code: "BAD_USER_INPUT", argument: "from", path: "events"},
			{name: "a bad date variable fails", query: `query($d: Date) { events(to: $d) { id } }`, vars: map[string]any{"d": "21 November 2025"}, code: "BAD_USER_INPUT", argument: "to", path: "events"},
			{name: "a date that is not a string fails", query: `query($d: Date) { events(to: $d) { id } }`, vars: map[string]any{"d": 20251121}, code: "BAD_USER_INPUT", path: "events"},
			{name: "maxHops below one fails", query: `{ path(from: "nato", to: "russia", maxHops: 0) { relation } }`, code: "BAD_USER_INPUT", argument: "maxHops", path: "path"},
			{name: "maxHops above the cap fails", query: `{ path(from: "nato", to: "russia", maxHops: 7) { relation } }`, code: "BAD_USER_INPUT", argument: "maxHops", path: "path"},
			{name: "depth above the cap fails", query: `{ graph(center: "nato", depth: 5) { nodes { id } } }`, code: "BAD_USER_INPUT", argument: "depth", path: "graph"},
			{name: "empty search text fails", query: `{ search(text: "  ") { __typename } }`, code: "BAD_USER_INPUT", path: "search"},
			{name: "whoBacks of a point that does not exist is not found", query: `{ whoBacks(point: 99) { position } }`, code: "NOT_FOUND", path: "whoBacks"},
			{name: "a path from an unknown node is not found", query: `{ path(from: "no-such-node", to: "russia") { relation } }`, code: "NOT_FOUND", path: "path"},
			{name: "the graph around an unknown node is not found", query: `{ graph(center: "no-such-node") { nodes { id } } }`, code: "NOT_FOUND", path: "graph"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e, r := MustFail(t, srv, tt.query, tt.vars)
				if got, want := e.Code(), tt.code; got != want {
					t.Errorf("code %q, want %q: %s", got, want, r.Raw)
				}
				if got, want := e.Extensions["argument"], tt.argument; tt.argument != "" && got != want {
					t.Errorf("argument %v, want %q: %s", got, want, r.Raw)
				}
				if got, want := pathString(e.Path), tt.path; got != want {
					t.Errorf("path %q, want %q: %s", got, want, r.Raw)
				}
				if strings.Contains(e.Message, "peacegraph:") || e.Message == "" || e.Message == "internal error" {
					t.Errorf("message %q is not a plain explanation", e.Message)
				}
			})
		}
	})
}

func pathString(path []any) string {
	parts := make([]string, len(path))
	for i, p := range path {
		if s, ok := p.(string); ok {
			parts[i] = s
		} else {
			parts[i] = "#"
		}
	}
	return strings.Join(parts, ".")
}

// failingStore is the real memory store with one fault injected: Claims
// and Search fail with err, or panic when err is nil.
type failingStore struct {
	peacegraph.Store
	err error
}

func (s failingStore) Claims(ctx context.Context, qs []peacegraph.ClaimQuery) ([]*peacegraph.ClaimPage, error) {
	if s.err == nil {
		panic("store exploded at bolt://db.internal:7687")
	}
	return nil, s.err
}

// TestStoreFailures checks that store failures reach users as their domain
// code, and that anything else is "internal error", with the real error
// in the log only.
func TestStoreFailures(t *testing.T) {
	const secret = "bolt://db.internal:7687"
	tests := []struct {
		name    string
		err     error
		code    string
		message string
	}{
		{name: "unknown errors are internal and hidden", err: errors.New("driver failed at " + secret), code: "INTERNAL_SERVER_ERROR", message: "internal error"},
		{name: "internal domain errors are hidden", err: peacegraph.Errorf(peacegraph.EINTERNAL, "query failed at %s", secret), code: "INTERNAL_SERVER_ERROR", message: "internal error"},
		{name: "panics are internal and hidden", err: nil, code: "INTERNAL_SERVER_ERROR", message: "internal error"},
		{name: "unavailable keeps its code and hides where", err: peacegraph.Errorf(peacegraph.EUNAVAILABLE, "cannot reach %s", secret), code: "SERVICE_UNAVAILABLE", message: graph.UnavailableMessage},
		{name: "conflict keeps its code", err: peacegraph.Errorf(peacegraph.ECONFLICT, "the graph is being reloaded"), code: "CONFLICT", message: "the graph is being reloaded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			srv := MustServer(t, failingStore{Store: MustStore(t, fixture.Dataset()), err: tt.err}, &logs)
			r := MustPost(t, srv, map[string]any{"query": `{ a: actor(id: "nato") { name } b: actor(id: "ukraine") { name claims { totalCount } } }`})
			if len(r.Errors) != 1 {
				t.Fatalf("got %d errors, want 1: %s", len(r.Errors), r.Raw)
			}
			e := r.Errors[0]
			if got, want := e.Code(), tt.code; got != want {
				t.Errorf("code %q, want %q", got, want)
			}
			if got, want := e.Message, tt.message; got != want {
				t.Errorf("message %q, want %q", got, want)
			}
			if got, want := pathString(e.Path), "b.claims"; got != want {
				t.Errorf("path %q, want %q", got, want)
			}
			if strings.Contains(string(r.Raw), secret) {
				t.Errorf("the response leaks the internal error: %s", r.Raw)
			}
			if tt.code != "CONFLICT" && !strings.Contains(logs.String(), secret) {
				t.Errorf("the log lacks the internal error: %s", logs.String())
			}
			// The failing field is non-null, so its parent is null, and
			// the sibling answers are kept.
			if got, want := Compact(t, string(r.Data)), `{"a":{"name":"NATO"},"b":null}`; got != want {
				t.Errorf("data %s, want %s", got, want)
			}
		})
	}
}
