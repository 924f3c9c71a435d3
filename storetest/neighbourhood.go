package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

// testNeighbourhoodQuery checks the filters of a neighbourhood: the
// relationship types followed and the cap on nodes.
func testNeighbourhoodQuery(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	for _, c := range []struct {
		name      string
		q         peacegraph.NeighbourhoodQuery
		nodes     []string
		edges     []string
		truncated bool
	}{
		{"OneTypeOnly", peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 1, Types: []string{peacegraph.RelAffiliatedWith}},
			[]string{"red-state", "bob-minister", "carol-leader"},
			[]string{"AFFILIATED_WITH:bob-minister->red-state", "AFFILIATED_WITH:carol-leader->red-state"}, false},
		// Alice also authored the plan, but she is three hops away over
		// these types.
		{"TwoTypesTwoHops", peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 2,
			Types: []string{peacegraph.RelAuthored, peacegraph.RelAffiliatedWith}},
			[]string{"red-state", "bob-minister", "carol-leader", "peace-plan"},
			[]string{"AFFILIATED_WITH:bob-minister->red-state", "AFFILIATED_WITH:carol-leader->red-state", "AUTHORED:bob-minister->peace-plan"}, false},
		{"CapCutsInOrder", peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 1, MaxNodes: 3},
			[]string{"red-state", "bob-minister", "carol-leader"},
			[]string{"AFFILIATED_WITH:bob-minister->red-state", "AFFILIATED_WITH:carol-leader->red-state"}, true},
		{"CapOfExactlyAllIsNotTruncated", peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 1, MaxNodes: 6},
			[]string{"red-state", "bob-minister", "carol-leader", "c-denial", "c-heard", "peace-plan"}, nil, false},
		{"TypeThatLeadsNowhere", peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 3, Types: []string{peacegraph.RelCites}},
			[]string{"red-state"}, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, err := s.Neighbourhood(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			nodes, edges := viewIDs(v)
			wantIDs(t, "nodes", nodes, c.nodes)
			if c.edges != nil || len(c.q.Types) > 0 {
				wantIDs(t, "edges", edges, c.edges)
			}
			if v.Truncated != c.truncated {
				t.Errorf("truncated = %v, want %v", v.Truncated, c.truncated)
			}
		})
	}

	t.Run("EdgesCarryEvidence", func(t *testing.T) {
		v, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 1,
			Types: []string{string(peacegraph.Conditional), peacegraph.RelClaimed}})
		if err != nil {
			t.Fatal(err)
		}
		wantSame(t, "edges", v.Edges, []peacegraph.Edge{
			{ID: "CLAIMED:red-state->c-denial", Source: "red-state", Target: "c-denial", Type: peacegraph.RelClaimed,
				Evidence: []string{"c-denial"}},
			{ID: "CONDITIONAL:red-state->peace-plan", Source: "red-state", Target: "peace-plan", Type: string(peacegraph.Conditional),
				Evidence: []string{"c-denial", "c-heard"}},
		})
	})

	for _, c := range []struct {
		name string
		q    peacegraph.NeighbourhoodQuery
	}{
		{"UnknownTypeInvalid", peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 1, Types: []string{"LIKES"}}},
		{"NegativeCapInvalid", peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 1, MaxNodes: -1}},
		{"NegativeDepthInvalid", peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: -1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.Neighbourhood(ctx, c.q)
			wantCode(t, err, peacegraph.EINVALID)
		})
	}
}

func testDisputes(t *testing.T, s peacegraph.Store) {
	want := expectedRecord()
	byID := map[string]*peacegraph.Dispute{}
	for _, d := range want.Disputes {
		byID[d.ID] = d
	}
	for _, c := range []struct {
		name, plan string
		want       []string
	}{
		{"AboutThePlan", "peace-plan", []string{"d-leak"}},
		{"AboutAPointOfThePlan", "peace-plan-revised", []string{"d-cap"}},
		{"AllByID", "", []string{"d-cap", "d-leak", "d-observer"}},
		{"UnknownPlanHasNone", "nowhere", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Disputes(t.Context(), c.plan)
			if err != nil {
				t.Fatal(err)
			}
			wantIDs(t, "disputes", idsOf(got), c.want)
			for _, d := range got {
				wantSame(t, "dispute "+d.ID, d, byID[d.ID])
			}
		})
	}
}
