package neo4j_test

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestQueryCount walks a deep request the way the API's batch resolvers do,
// one batched call per level, on a small and a large dataset: each call is
// one Cypher statement per anchor it starts from, so the count depends on
// the shape of the request and never on the number of results.
func TestQueryCount(t *testing.T) {
	sizes := []struct {
		name string
		data func(testing.TB) *peacegraph.Dataset
	}{
		{"fixture", func(testing.TB) *peacegraph.Dataset { return storetest.Fixture() }},
		{"seeds", func(tb testing.TB) *peacegraph.Dataset { return MustSeeds(tb) }},
	}
	var counts []int64
	for _, size := range sizes {
		s := MustOpenEmpty(t)
		d := size.data(t)
		MustLoad(t, s, d)
		before := s.QueryCount()
		results := deepRequest(t, s)
		got := s.QueryCount() - before
		t.Logf("%s: %d statements for %d results", size.name, got, results)
		counts = append(counts, got)
	}
	if counts[0] != counts[1] {
		t.Errorf("statements: %d on the fixture, %d on the seeds; want the same", counts[0], counts[1])
	}
	// Ten levels, and the claims level asks from two anchors (claimants
	// and about-nodes), which are two statements.
	if want := int64(11); counts[0] != want {
		t.Errorf("statements for a ten-level request = %d, want %d", counts[0], want)
	}
}

// deepRequest asks, like a nested GraphQL query: all actors, their
// members, events and stances, the claims each made and the claims about
// each, those claims' about-nodes and contradictions, and every plan's
// points. It returns how many results it saw.
func deepRequest(t *testing.T, s *pgneo4j.Store) int {
	t.Helper()
	ctx := t.Context()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	results := 0
	page, err := s.Actors(ctx, peacegraph.ActorQuery{First: 1000})
	must(err)
	var ids []string
	for _, a := range page.Actors {
		ids = append(ids, a.ID)
	}
	results += len(ids)
	members, err := s.Members(ctx, ids)
	must(err)
	events, err := s.ActorEvents(ctx, ids)
	must(err)
	for i := range ids {
		results += len(members[i]) + len(events[i])
	}
	stances, err := s.Stances(ctx, peacegraph.StanceFilter{ActorIDs: ids})
	must(err)
	results += len(stances)
	var qs []peacegraph.ClaimQuery
	for _, id := range ids {
		qs = append(qs, peacegraph.ClaimQuery{Filter: peacegraph.ClaimFilter{Claimant: id}, First: 50},
			peacegraph.ClaimQuery{Filter: peacegraph.ClaimFilter{About: id}, First: 50})
	}
	pages, err := s.Claims(ctx, qs)
	must(err)
	var claimIDs, aboutIDs []string
	for _, p := range pages {
		for _, c := range p.Claims {
			claimIDs = append(claimIDs, c.ID)
			aboutIDs = append(aboutIDs, c.AboutIDs...)
		}
	}
	results += len(claimIDs)
	nodes, err := s.Nodes(ctx, aboutIDs)
	must(err)
	results += len(nodes)
	contradictions, err := s.Contradictions(ctx, claimIDs)
	must(err)
	results += len(contradictions)
	plans, err := s.Plans(ctx)
	must(err)
	var planIDs []string
	for _, p := range plans {
		planIDs = append(planIDs, p.ID)
	}
	points, err := s.Points(ctx, planIDs, peacegraph.PointFilter{})
	must(err)
	var pointIDs []string
	for _, ps := range points {
		for _, p := range ps {
			pointIDs = append(pointIDs, p.ID)
		}
	}
	results += len(pointIDs)
	pointStances, err := s.Stances(ctx, peacegraph.StanceFilter{TargetIDs: pointIDs})
	must(err)
	results += len(pointStances)
	return results
}
