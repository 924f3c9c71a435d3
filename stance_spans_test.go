package peacegraph_test

import (
	"reflect"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// TestStanceSpansAgreeWithEffectiveStances checks the spans against the
// rule they stand for: on every date around every evidence date, the spans
// that cover it are exactly the effective stances as of that date.
func TestStanceSpansAgreeWithEffectiveStances(t *testing.T) {
	st := func(actor, target string, pos peacegraph.Position, ev ...string) *peacegraph.Stance {
		s := &peacegraph.Stance{ActorID: actor, TargetID: target, Position: pos}
		for i := 0; i < len(ev); i += 2 {
			s.EvidenceIDs = append(s.EvidenceIDs, ev[i])
			s.EvidenceDates = append(s.EvidenceDates, peacegraph.Date(ev[i+1]))
		}
		return s
	}
	stances := []*peacegraph.Stance{
		st("putin", "plan", peacegraph.Supports, "c1", "2025-11-21"),
		st("putin", "plan", peacegraph.Conditional, "c2", "2025-11-27", "c3", ""),
		st("eu", "p21", peacegraph.Opposes, "c4", "2025-11-22", "c5", "2025-11-24"),
		st("eu", "p21", peacegraph.Conditional, "c6", "2025-11-24"),
		st("tusk", "plan", peacegraph.Opposes, "c7", ""),
	}
	spans := peacegraph.StanceSpans(stances)
	if len(spans) == 0 {
		t.Fatal("no spans")
	}
	for _, d := range []peacegraph.Date{"2025-11-20", "2025-11-21", "2025-11-22", "2025-11-23", "2025-11-24", "2025-11-25", "2025-11-27", "2025-12-31"} {
		want := peacegraph.EffectiveStances(stances, d)
		var got []*peacegraph.Stance
		for _, sp := range spans {
			if sp.Covers(d) {
				got = append(got, sp.Stance)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("as of %s: %d spans cover it, want %d effective stances", d, len(got), len(want))
		}
		for _, w := range want {
			found := false
			for _, g := range got {
				if reflect.DeepEqual(g, w) {
					found = true
				}
			}
			if !found {
				t.Errorf("as of %s: no span holds %+v", d, w)
			}
		}
	}
}

func TestStanceSpansLeaveOutUndatedEvidence(t *testing.T) {
	s := &peacegraph.Stance{ActorID: "a", TargetID: "t", Position: peacegraph.Opposes,
		EvidenceIDs: []string{"c"}, EvidenceDates: []peacegraph.Date{""}}
	if got := peacegraph.StanceSpans([]*peacegraph.Stance{s}); len(got) != 0 {
		t.Errorf("undated stance has spans %+v, want none", got)
	}
	if got := peacegraph.CurrentStances([]*peacegraph.Stance{s}); len(got) != 1 {
		t.Errorf("undated stance is not current: %+v", got)
	}
}
