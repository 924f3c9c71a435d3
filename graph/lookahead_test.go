package graph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestPlanReadsItsPointsAlong checks that the plan field, which reads its
// points with it in one Store call, answers what it answers when it reads
// them level by level. A second points field with another filter makes
// it read level by level; the two answers must agree on everything else,
// for the default plan, a plan named, and IDs that name no plan.
func TestPlanReadsItsPointsAlong(t *testing.T) {
	const selection = `title points(topic: $topic, concession: $concession) { number title concededBy { name } }`
	const along = `query($id: ID, $topic: String, $concession: Boolean) { plan(id: $id) { ` + selection + ` } }`
	const levels = `query($id: ID, $topic: String, $concession: Boolean) { plan(id: $id) { ` + selection + ` other: points(topic: "no such topic") { number } } }`
	cases := []struct {
		name string
		vars map[string]any
		// want is whether the answer holds a plan with points.
		plan, points bool
	}{
		{"the default plan", map[string]any{}, true, true},
		{"a plan named", map[string]any{"id": "peace-plan-revised"}, true, true},
		{"a topic", map[string]any{"id": "peace-plan", "topic": "security"}, true, true},
		{"the concessions", map[string]any{"concession": true}, true, true},
		{"a topic no point has", map[string]any{"topic": "weather"}, true, false},
		{"an unknown plan", map[string]any{"id": "no-such-plan"}, false, false},
		{"an actor", map[string]any{"id": "alice-envoy"}, false, false},
		{"an empty ID", map[string]any{"id": ""}, false, false},
	}
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return storetest.Fixture() }, func(t *testing.T, s peacegraph.Store) {
		for _, tt := range cases {
			t.Run(tt.name, func(t *testing.T) {
				counting := newCountingStore(s)
				srv := MustServer(t, counting, nil)
				type answer struct {
					Plan *struct {
						Title  string            `json:"title"`
						Points []json.RawMessage `json:"points"`
					} `json:"plan"`
				}
				got := MustQuery[answer](t, srv, along, tt.vars)
				calls, _ := counting.Calls()
				counting.Reset()
				want := MustQuery[answer](t, srv, levels, tt.vars)
				if levelCalls, _ := counting.Calls(); tt.plan && !strings.Contains(levelCalls, "Points=2") {
					t.Fatalf("the question with two filters cost %s: it did not read level by level", levelCalls)
				}
				if MustJSON(t, got) != MustJSON(t, want) {
					t.Fatalf("read along:\n  %s\nlevel by level:\n  %s", MustJSON(t, got), MustJSON(t, want))
				}
				if (got.Plan != nil) != tt.plan || (got.Plan != nil && (len(got.Plan.Points) > 0) != tt.points) {
					t.Fatalf("answer %s: want a plan %v, with points %v", MustJSON(t, got), tt.plan, tt.points)
				}
				// Where the plan reads its points (every ID but the empty
				// one), the whole question is that one call.
				if wantCalls := "Points=1"; tt.vars["id"] != "" && calls != wantCalls {
					t.Errorf("store calls %s, want %s", calls, wantCalls)
				}
			})
		}
	})
}

// TestConcessionsReadTheirStancesAlong checks that the concessions field,
// which reads its points' stances with them in one Store call, answers
// what it answers when it reads them level by level (forced, as above, by
// a second stances field with other arguments), on the seeds: with and
// without dates on either field, a position, lean stances and whole ones.
func TestConcessionsReadTheirStancesAlong(t *testing.T) {
	const head = `query($plan: ID, $asOf: Date, $stancesAsOf: Date, $position: Position) { concessions(plan: $plan, asOf: $asOf) { number `
	selections := map[string]string{
		"lean":  `stances(position: $position, asOf: $stancesAsOf) { actor { name } position asOf }`,
		"whole": `stances(position: $position, asOf: $stancesAsOf) { actor { id } position asOf note evidence { id } }`,
	}
	const other = ` other: stances(position: UNDECIDED, asOf: "2000-01-01") { position }`
	cases := []struct {
		name string
		vars map[string]any
	}{
		{"now", map[string]any{}},
		{"a plan named", map[string]any{"plan": "us-28-point-plan"}},
		{"as of a date", map[string]any{"asOf": "2025-11-21"}},
		{"stances as of a date", map[string]any{"asOf": "2025-11-21", "stancesAsOf": "2025-11-25"}},
		{"a position", map[string]any{"position": "OPPOSES"}},
		{"an unknown plan", map[string]any{"plan": "no-such-plan"}},
	}
	neo4jtest.EachStore(t, MustSeeds, func(t *testing.T, s peacegraph.Store) {
		for name, sel := range selections {
			for _, tt := range cases {
				t.Run(name+" "+tt.name, func(t *testing.T) {
					counting := newCountingStore(s)
					srv := MustServer(t, counting, nil)
					type answer struct {
						Concessions []struct {
							Number  int               `json:"number"`
							Stances []json.RawMessage `json:"stances"`
						} `json:"concessions"`
					}
					got := MustQuery[answer](t, srv, head+sel+` } }`, tt.vars)
					calls, _ := counting.Calls()
					counting.Reset()
					want := MustQuery[answer](t, srv, head+sel+other+` } }`, tt.vars)
					if levelCalls, _ := counting.Calls(); len(want.Concessions) > 0 && !strings.Contains(levelCalls, "Stances=2") {
						t.Fatalf("the question with two stances fields cost %s: it did not read level by level", levelCalls)
					}
					if MustJSON(t, got) != MustJSON(t, want) {
						t.Fatalf("read along:\n  %s\nlevel by level:\n  %s", MustJSON(t, got), MustJSON(t, want))
					}
					stances := 0
					for _, c := range got.Concessions {
						stances += len(c.Stances)
					}
					if tt.vars["plan"] != "no-such-plan" && stances == 0 {
						t.Fatalf("answer %s: no stances to compare", MustJSON(t, got))
					}
					// The points and their stances in one call; whole
					// stances name their evidence, read once for the level.
					wantCalls := map[string]string{"lean": "Points=1", "whole": "Nodes=1 Points=1"}[name]
					if stances == 0 {
						wantCalls = "Points=1"
					}
					if calls != wantCalls {
						t.Errorf("store calls %s, want %s", calls, wantCalls)
					}
				})
			}
		}
	})
}
