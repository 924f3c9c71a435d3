// Package storetest is the conformance suite of peacegraph.Store: one set
// of questions, with one set of answers, that every store must give. The
// memory and Neo4j stores both pass it, which is what keeps them from
// drifting apart.
package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

// Run runs the whole suite. open must return a fresh, empty store for the
// test it is given and arrange its cleanup; the suite loads what it needs
// through Load.
func Run(t *testing.T, open func(t *testing.T) peacegraph.Store) {
	t.Run("Ping", func(t *testing.T) {
		if err := open(t).Ping(t.Context()); err != nil {
			t.Fatalf("Ping: %v", err)
		}
	})
	t.Run("EmptyStore", func(t *testing.T) { testEmpty(t, open(t)) })

	// The read tests share one loaded store: they never write, and loading
	// once keeps the suite fast on a real database.
	t.Run("Reads", func(t *testing.T) {
		s := open(t)
		MustLoad(t, s, Fixture())
		t.Run("Nodes", func(t *testing.T) { testNodes(t, s) })
		t.Run("Citations", func(t *testing.T) { testCitations(t, s) })
		t.Run("Actors", func(t *testing.T) { testActors(t, s) })
		t.Run("Members", func(t *testing.T) { testMembers(t, s) })
		t.Run("Plans", func(t *testing.T) { testPlans(t, s) })
		t.Run("DefaultPlan", func(t *testing.T) { testDefaultPlan(t, s) })
		t.Run("RevisionsAndAmenders", func(t *testing.T) { testRevisionsAndAmenders(t, s) })
		t.Run("Points", func(t *testing.T) { testPoints(t, s) })
		t.Run("PointsBringAlong", func(t *testing.T) { testPointsBringAlong(t, s) })
		t.Run("PointByNumber", func(t *testing.T) { testPointByNumber(t, s) })
		t.Run("Stances", func(t *testing.T) { testStances(t, s) })
		t.Run("Claims", func(t *testing.T) { testClaims(t, s) })
		t.Run("ClaimPages", func(t *testing.T) { testClaimPages(t, s) })
		t.Run("Contradictions", func(t *testing.T) { testContradictions(t, s) })
		t.Run("Sources", func(t *testing.T) { testSources(t, s) })
		t.Run("Events", func(t *testing.T) { testEvents(t, s) })
		t.Run("ActorEvents", func(t *testing.T) { testActorEvents(t, s) })
		t.Run("Search", func(t *testing.T) { testSearch(t, s) })
		t.Run("Path", func(t *testing.T) { testPath(t, s) })
		t.Run("Neighbourhood", func(t *testing.T) { testNeighbourhood(t, s) })
		t.Run("NeighbourhoodQuery", func(t *testing.T) { testNeighbourhoodQuery(t, s) })
		t.Run("Mistakes", func(t *testing.T) { testMistakes(t, s) })
	})

	t.Run("Load", func(t *testing.T) {
		t.Run("InvalidLeavesStoreUnchanged", func(t *testing.T) { testLoadInvalid(t, open(t)) })
		t.Run("TwiceGivesSameAnswers", func(t *testing.T) { testLoadTwice(t, open(t)) })
		t.Run("ReplacesPreviousDataset", func(t *testing.T) { testLoadReplaces(t, open(t)) })
		t.Run("KeepsNoReferenceToCaller", func(t *testing.T) { testLoadCopies(t, open(t)) })
		t.Run("NilDatasetIsInvalid", func(t *testing.T) { testLoadNil(t, open(t)) })
		t.Run("ReportsAndWritesOnlyChanges", func(t *testing.T) { testLoadReports(t, open(t)) })
		t.Run("RefusesLargeRemovals", func(t *testing.T) { testLoadGuard(t, open(t)) })
		t.Run("KeepsTheSeedDigest", func(t *testing.T) { testLoadSeeds(t, open(t)) })
		t.Run("AddsAsAWholeLoadWould", func(t *testing.T) { testLoadAddition(t, open(t)) })
	})

	t.Run("Changes", func(t *testing.T) { testChanges(t, open(t)) })
	t.Run("Record", func(t *testing.T) { testRecord(t, open(t)) })
	t.Run("Companions", func(t *testing.T) { testCompanions(t, open(t)) })
	t.Run("Seeds", func(t *testing.T) { testSeeds(t, open(t)) })
}

// MustLoad loads d into s in place of whatever s held (a test's setup
// replaces the last test's graph: Prune) and fails the test on any error.
func MustLoad(tb testing.TB, s peacegraph.Store, d *peacegraph.Dataset) {
	tb.Helper()
	if err := s.Load(tb.Context(), d, peacegraph.Prune()); err != nil {
		tb.Fatalf("Load: %v", err)
	}
}

// wantCode fails the test unless err carries the domain error code want.
func wantCode(tb testing.TB, err error, want string) {
	tb.Helper()
	if got := peacegraph.ErrorCode(err); got != want {
		tb.Errorf("error code = %q (%v), want %q", got, err, want)
	}
}
