package neo4j_test

import (
	"slices"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
	"github.com/peacegraph/peacegraph/storetest"
)

// mustOpenBatched opens a store whose loads stage anything larger than
// batch rows.
func mustOpenBatched(tb testing.TB, batch int) *pgneo4j.Store {
	tb.Helper()
	cfg := testConfig()
	cfg.LoadBatch = batch
	return mustOpenWith(tb, cfg)
}

// mustOpenWith opens a store on the test database with cfg, closed at the
// end of the test.
func mustOpenWith(tb testing.TB, cfg pgneo4j.Config) *pgneo4j.Store {
	tb.Helper()
	s, err := pgneo4j.Open(tb.Context(), cfg, zerolog.Nop())
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// TestStagedLoad checks that a load staged over many transactions leaves
// exactly the graph one transaction leaves, and that staging left behind
// by a stopped load is seen by no read and removed by the next load.
func TestStagedLoad(t *testing.T) {
	driver := MustDriver(t)
	MustLoad(t, MustOpenEmpty(t), MustSeeds(t))
	whole := MustDump(t, driver)

	MustOpenEmpty(t)
	var report peacegraph.LoadReport
	if err := mustOpenBatched(t, 100).Load(t.Context(), MustSeeds(t), peacegraph.ReportTo(&report)); err != nil {
		t.Fatalf("staged load: %v", err)
	}
	if got := MustDump(t, driver); !slices.Equal(got, whole) {
		t.Errorf("a staged load differs from a load in one transaction:\n%s", firstDiff(got, whole))
	}
	if report.Writes < 2 {
		t.Errorf("a staged load of the seeds in batches of 100 made %d writes", report.Writes)
	}

	// A load stopped after staging: staged nodes, tied to the graph,
	// that no read may find.
	s := MustOpenEmpty(t)
	MustLoad(t, s, storetest.Fixture())
	before := MustDump(t, driver)
	answers := render(t, mustReads(t, s))
	MustRun(t, driver, `MATCH (a:Node {id: 'carol-leader'}), (p:Node {id: 'peace-plan-2'}), (src:Node {id: 'article-full'})
CREATE (c:Staged {id: 'c-staged', text: 'Staged claim.', certainty: 'STATED', sortKey: '0000'})
CREATE (a)-[:CLAIMED {unit: 'c-staged'}]->(c), (c)-[:ABOUT {ord: 0, unit: 'c-staged'}]->(p),
       (c)-[:CITES {ord: 0, unit: 'c-staged'}]->(src)
CREATE (:Staged {id: 'd-staged', question: 'Staged?'})-[:HAS_SIDE {ord: 0, unit: 'd-staged'}]->
       (:DisputeSide {id: 'd-staged#side-1', label: 'yes'})-[:BACKED_BY {ord: 0}]->(c)`, nil)
	if got := render(t, mustReads(t, s)); got != answers {
		t.Errorf("reads see staged nodes:\n got %s\nwant %s", got, answers)
	}
	MustLoad(t, s, storetest.Fixture())
	if got := MustDump(t, driver); !slices.Equal(got, before) {
		t.Errorf("the next load did not remove the staging:\n%s", firstDiff(got, before))
	}
}

// mustReads are the reads that would find a staged claim if any could.
func mustReads(t *testing.T, s *pgneo4j.Store) []any {
	t.Helper()
	ctx := t.Context()
	pages, err := s.Claims(ctx, []peacegraph.ClaimQuery{
		{First: 100}, {Filter: peacegraph.ClaimFilter{Claimant: "carol-leader"}, First: 100},
		{Filter: peacegraph.ClaimFilter{About: "peace-plan-2"}, First: 100},
		{Filter: peacegraph.ClaimFilter{Source: "article-full"}, First: 100},
	})
	if err != nil {
		t.Fatal(err)
	}
	nodes, err := s.Nodes(ctx, []string{"c-staged", "carol-leader", "peace-plan-2", "article-full"})
	if err != nil {
		t.Fatal(err)
	}
	view, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "carol-leader", Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, peacegraph.SearchQuery{Text: "staged", First: 10})
	if err != nil {
		t.Fatal(err)
	}
	return []any{pages, nodes, view, hits}
}

// TestStagedLoadRewritesMostOfTheGraph checks a staged load onto a loaded
// graph that rewrites half its claims, removes events, gives a removed
// event's ID to a source and changes a dispute's sides: the graph it
// leaves is exactly the one a load of the same set leaves from nothing.
// Its last transaction finds every node by element ID, so this is also
// the test of those lookups.
func TestStagedLoadRewritesMostOfTheGraph(t *testing.T) {
	driver := MustDriver(t)
	next := MustSeeds(t)
	for i, c := range next.Claims {
		if i%2 == 0 {
			c.Text += " (reworded)"
		}
	}
	gone := next.Events[len(next.Events)-3:]
	next.Events = next.Events[:len(next.Events)-3]
	next.Sources = append(next.Sources, &peacegraph.Source{ID: gone[0].ID, Title: "A source that took an event's ID", Publisher: "Test"})
	next.Disputes[0].Sides[0].Summary += " (revised)"
	next.Disputes[0].Sides[1].ClaimIDs = next.Disputes[0].Sides[1].ClaimIDs[:1]

	MustLoad(t, MustOpenEmpty(t), next)
	want := MustDump(t, driver)

	MustLoad(t, MustOpenEmpty(t), MustSeeds(t))
	var report peacegraph.LoadReport
	if err := mustOpenBatched(t, 50).Load(t.Context(), next, peacegraph.ReportTo(&report), peacegraph.Prune()); err != nil {
		t.Fatalf("staged load onto the loaded seeds: %v", err)
	}
	if got := MustDump(t, driver); !slices.Equal(got, want) {
		t.Errorf("a staged load onto the seeds differs from a load of the same set from nothing:\n%s", firstDiff(got, want))
	}
	for kind, w := range map[peacegraph.Kind]peacegraph.KindChange{
		peacegraph.KindEvent:  {Removed: 3},
		peacegraph.KindSource: {Added: 1},
	} {
		if c := report.Kinds[kind]; c == nil || *c != w {
			t.Errorf("%s: %+v, want %+v (report: %s)", kind, c, w, report.String())
		}
	}
	if c := report.Kinds[peacegraph.KindClaim]; c == nil || c.Changed < len(next.Claims)/2 {
		t.Errorf("claims: %+v, want at least %d changed (report: %s)", c, len(next.Claims)/2, report.String())
	}
}
