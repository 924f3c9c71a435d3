package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

func testPath(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	for _, c := range []struct {
		name     string
		from, to string
		maxHops  int
		want     []peacegraph.PathStep
	}{
		// alice and the plan are joined by AUTHORED and SUPPORTS: the type
		// that sorts first names the hop.
		{"ThroughTheOnlyCommonNeighbour", "alice-envoy", "red-state", 4, []peacegraph.PathStep{
			{Relation: peacegraph.RelAuthored, NodeID: "peace-plan"},
			{Relation: string(peacegraph.Conditional), NodeID: "red-state", Evidence: []string{"c-denial", "c-heard"}},
		}},
		// Two shortest paths, via ev-talks and via peace-plan: the node IDs
		// of the first sort first.
		{"TieBrokenByNodeIDs", "alice-envoy", "bob-minister", 4, []peacegraph.PathStep{
			{Relation: peacegraph.RelParticipatedIn, NodeID: "ev-talks", Evidence: []string{"c-heard"}},
			{Relation: peacegraph.RelParticipatedIn, NodeID: "bob-minister", Evidence: []string{"c-heard"}},
		}},
		// Edges are crossed against their direction as freely as along it.
		{"AgainstEdgeDirection", "undated-memo", "carol-leader", 2, []peacegraph.PathStep{
			{Relation: peacegraph.RelCites, NodeID: "c-accept", Evidence: []string{"c-accept"}},
			{Relation: peacegraph.RelClaimed, NodeID: "carol-leader", Evidence: []string{"c-accept"}},
		}},
		// Three shortest paths of four hops; the one through blue-state
		// sorts first.
		{"LongestAllowed", "alice-envoy", "undated-memo", 4, []peacegraph.PathStep{
			{Relation: peacegraph.RelAffiliatedWith, NodeID: "blue-state"},
			// The claims about the point attest its concession, in claim
			// order: dated first, the undated one last.
			{Relation: peacegraph.RelConcededBy, NodeID: "peace-plan-2", Evidence: []string{"c-reject", "c-cap-support", "c-accept"}},
			{Relation: peacegraph.RelAbout, NodeID: "c-accept", Evidence: []string{"c-accept"}},
			{Relation: peacegraph.RelCites, NodeID: "undated-memo", Evidence: []string{"c-accept"}},
		}},
		{"OneHop", "peace-plan-revised", "peace-plan", 1, []peacegraph.PathStep{
			{Relation: peacegraph.RelRevises, NodeID: "peace-plan"},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Path(ctx, c.from, c.to, c.maxHops)
			if err != nil {
				t.Fatal(err)
			}
			wantSame(t, "path", got, c.want)
		})
	}

	t.Run("NoneWithinMaxHops", func(t *testing.T) {
		got, err := s.Path(ctx, "alice-envoy", "undated-memo", 3)
		if err != nil || got != nil {
			t.Errorf("Path = %v, %v; want nil, nil", got, err)
		}
	})
	t.Run("SameNodeIsEmptyPath", func(t *testing.T) {
		got, err := s.Path(ctx, "c-heard", "c-heard", 1)
		if err != nil || got == nil || len(got) != 0 {
			t.Errorf("Path = %#v, %v; want an empty, non-nil path", got, err)
		}
	})
	t.Run("UnknownNodeNotFound", func(t *testing.T) {
		_, err := s.Path(ctx, "alice-envoy", "nobody", 4)
		wantCode(t, err, peacegraph.ENOTFOUND)
		_, err = s.Path(ctx, "nobody", "alice-envoy", 4)
		wantCode(t, err, peacegraph.ENOTFOUND)
	})
	t.Run("MaxHopsBelowOneInvalid", func(t *testing.T) {
		_, err := s.Path(ctx, "alice-envoy", "bob-minister", 0)
		wantCode(t, err, peacegraph.EINVALID)
	})
}

// viewIDs lists a view's node IDs and edge IDs.
func viewIDs(v *peacegraph.GraphView) (nodes, edges []string) {
	nodes = idsOf(v.Nodes)
	for _, e := range v.Edges {
		edges = append(edges, e.ID)
	}
	return nodes, edges
}

func testNeighbourhood(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	for _, c := range []struct {
		name   string
		center string
		depth  int
		nodes  []string
		edges  []string
	}{
		{"DepthZeroIsCenterAlone", "carol-leader", 0, []string{"carol-leader"}, nil},
		{"DepthOneByDistanceKindID", "red-state", 1,
			[]string{"red-state", "bob-minister", "carol-leader", "c-denial", "c-heard", "peace-plan"},
			[]string{
				"ABOUT:c-denial->peace-plan",
				"ABOUT:c-heard->peace-plan",
				"ABOUT:c-heard->red-state",
				"AFFILIATED_WITH:bob-minister->red-state",
				"AFFILIATED_WITH:carol-leader->red-state",
				"AUTHORED:bob-minister->peace-plan",
				"CLAIMED:bob-minister->c-heard",
				"CLAIMED:red-state->c-denial",
				"CONDITIONAL:red-state->peace-plan",
				"SUPPORTS:bob-minister->peace-plan",
			}},
		{"DepthTwo", "undated-memo", 2,
			[]string{"undated-memo", "c-accept", "carol-leader", "c-reject", "peace-plan-2"},
			[]string{
				"ABOUT:c-accept->peace-plan-2",
				"ABOUT:c-reject->peace-plan-2",
				"CITES:c-accept->undated-memo",
				"CLAIMED:carol-leader->c-accept",
				"CLAIMED:carol-leader->c-reject",
				"CONTRADICTS:c-accept->c-reject",
				"OPPOSES:carol-leader->peace-plan-2",
				"SUPPORTS:carol-leader->peace-plan-2",
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: c.center, Depth: c.depth})
			if err != nil {
				t.Fatal(err)
			}
			nodes, edges := viewIDs(v)
			wantIDs(t, "nodes", nodes, c.nodes)
			wantIDs(t, "edges", edges, c.edges)
		})
	}

	t.Run("EdgesAndNodesAsLoaded", func(t *testing.T) {
		v, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "undated-memo", Depth: 1})
		if err != nil {
			t.Fatal(err)
		}
		byID := expected().Nodes()
		for _, n := range v.Nodes {
			wantSame(t, "node "+n.NodeID(), n, byID[n.NodeID()])
		}
		wantSame(t, "edges", v.Edges, []peacegraph.Edge{
			{ID: "CITES:c-accept->undated-memo", Source: "c-accept", Target: "undated-memo", Type: peacegraph.RelCites,
				Evidence: []string{"c-accept"}},
		})
	})

	t.Run("UnknownCenterNotFound", func(t *testing.T) {
		_, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "nobody", Depth: 1})
		wantCode(t, err, peacegraph.ENOTFOUND)
	})
	t.Run("NegativeDepthInvalid", func(t *testing.T) {
		_, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "alice-envoy", Depth: -1})
		wantCode(t, err, peacegraph.EINVALID)
	})
}
