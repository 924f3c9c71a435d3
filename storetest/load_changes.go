package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

// testLoadReports checks what a load says it changed, and that a load of
// a changed dataset onto a loaded store gives the same answers as a load
// of that dataset from nothing.
func testLoadReports(t *testing.T, s peacegraph.Store) {
	var first peacegraph.LoadReport
	mustLoadReport(t, s, Fixture(), &first)
	d := Fixture()
	for kind, want := range map[peacegraph.Kind]int{
		peacegraph.KindActor: len(d.Actors), peacegraph.KindClaim: len(d.Claims),
		peacegraph.KindSource: len(d.Sources), peacegraph.KindEvent: len(d.Events),
		peacegraph.KindStance: len(d.Stances),
	} {
		if c := first.Kinds[kind]; c == nil || c.Added != want {
			t.Errorf("first load: %s %+v, want %d added", kind, c, want)
		}
	}
	if first.Writes == 0 {
		t.Error("first load reports no writes")
	}

	var again peacegraph.LoadReport
	mustLoadReport(t, s, Fixture(), &again)
	if !again.Empty() || again.Writes != 0 {
		t.Errorf("reloading the same dataset: %s, %d writes; want no changes and no writes", again.String(), again.Writes)
	}

	changed := changedFixture()
	var report peacegraph.LoadReport
	mustLoadReport(t, s, changed, &report)
	want := map[peacegraph.Kind]peacegraph.KindChange{
		peacegraph.KindClaim: {Added: 1, Changed: 1},
		peacegraph.KindEvent: {Removed: 1},
	}
	for kind, w := range want {
		if c := report.Kinds[kind]; c == nil || *c != w {
			t.Errorf("changed load: %s %+v, want %+v (report: %s)", kind, c, w, report.String())
		}
	}
	for kind, c := range report.Kinds {
		if _, ok := want[kind]; !ok && c.Added+c.Changed+c.Removed > 0 {
			t.Errorf("changed load: %s %+v, want no change", kind, *c)
		}
	}
	incremental := fingerprint(t, s)

	MustLoad(t, s, &peacegraph.Dataset{})
	MustLoad(t, s, changedFixture())
	wantSameAnswers(t, "an incremental load compared with a load from nothing", fingerprint(t, s), incremental)
}

// changedFixture is Fixture with one claim reworded, one claim added and
// one event gone.
func changedFixture() *peacegraph.Dataset {
	d := Fixture()
	d.Claims[0].Text += " (corrected)"
	d.Claims = append(d.Claims, &peacegraph.Claim{
		ID: "c-added", Text: "Carol Cruz rejected the army cap.", ClaimantID: "carol-leader",
		AboutIDs: []string{"peace-plan-2"}, Certainty: peacegraph.Stated, Date: "2025-11-25",
		Citations: []peacegraph.Citation{{SourceID: "article-full", Quote: "Carol Cruz rejected the army cap."}},
	})
	d.Events = d.Events[1:]
	return d
}

func mustLoadReport(tb testing.TB, s peacegraph.Store, d *peacegraph.Dataset, r *peacegraph.LoadReport) {
	tb.Helper()
	if err := s.Load(tb.Context(), d, peacegraph.ReportTo(r), peacegraph.Prune()); err != nil {
		tb.Fatalf("Load: %v", err)
	}
}
