package neo4j_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestRequestScope checks that reads in one request's session answer
// as reads alone do, that they are counted as statements of the request,
// and that a scope that has ended leaves its context reading alone.
func TestRequestScope(t *testing.T) {
	s := MustOpenEmpty(t)
	MustLoad(t, s, storetest.Fixture())
	read := func(ctx context.Context) string {
		t.Helper()
		nodes, err := s.Nodes(ctx, []string{"alice-envoy", "c-fair", "peace-plan"})
		if err != nil {
			t.Fatal(err)
		}
		pages, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 2}, {Filter: peacegraph.ClaimFilter{Claimant: "bob-minister"}, First: 5}})
		if err != nil {
			t.Fatal(err)
		}
		stances, err := s.Stances(ctx, peacegraph.StanceFilter{TargetIDs: []string{"peace-plan"}})
		if err != nil {
			t.Fatal(err)
		}
		return render(t, nodes) + render(t, pages) + render(t, stances)
	}
	alone := read(t.Context())

	ctx, stats := peacegraph.WithQueryStats(t.Context())
	ctx, end := s.BeginRequest(ctx)
	if got := read(ctx); got != alone {
		t.Errorf("in a request scope the reads answer\n%s\nalone\n%s", got, alone)
	}
	if got := stats.Statements.Load(); got != 4 { // claims from two anchors are two
		t.Errorf("the request counted %d statements, want 4", got)
	}
	end()
	if got := read(ctx); got != alone {
		t.Errorf("after the scope ended the reads answer\n%s\nalone\n%s", got, alone)
	}
}

// render is a value as JSON, so two answers compare as text.
func render(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
