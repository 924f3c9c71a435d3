package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

func testSources(t *testing.T, s peacegraph.Store) {
	got, err := s.Sources(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "sources", idsOf(got), []string{"report-daily", "article-full", "undated-memo"})
	byID := expected().Nodes()
	for _, src := range got {
		wantSame(t, "source "+src.ID, src, byID[src.ID])
	}
}

func testEvents(t *testing.T, s peacegraph.Store) {
	got, err := s.Events(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "events", idsOf(got), []string{"ev-presentation", "ev-talks", "ev-call"})
	byID := expected().Nodes()
	for _, e := range got {
		wantSame(t, "event "+e.ID, e, byID[e.ID])
	}
}

func testActorEvents(t *testing.T, s peacegraph.Store) {
	got, err := s.ActorEvents(t.Context(), []string{"alice-envoy", "bob-minister", "nobody", "red-state", "carol-leader"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"ev-presentation", "ev-talks"},
		{"ev-talks", "ev-call"}, // event order, not seed order: undated last
		nil,
		nil,
		{"ev-presentation"},
	}
	if len(got) != len(want) {
		t.Fatalf("ActorEvents returned %d lists, want %d", len(got), len(want))
	}
	for i := range want {
		wantIDs(t, "events", got[i], want[i])
	}
}
