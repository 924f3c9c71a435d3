package peacegraph_test

import (
	"reflect"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// stance builds a stance whose evidence is dated as given, claim IDs being
// "<actor>-<n>".
func stance(actor, target string, p peacegraph.Position, dated map[string]peacegraph.Date, ids ...string) *peacegraph.Stance {
	s := &peacegraph.Stance{ActorID: actor, TargetID: target, Position: p, EvidenceIDs: ids}
	for _, id := range ids {
		s.EvidenceDates = append(s.EvidenceDates, dated[id])
		s.AsOf = peacegraph.MaxDate(s.AsOf, dated[id])
	}
	return s
}

var dates = map[string]peacegraph.Date{
	"c1": "2025-11-21", "c2": "2025-11-25", "c3": "2025-11-21", "c4": "", "c5": "2025-11-27",
}

func keys(ss []*peacegraph.Stance) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ActorID+" "+string(s.Position)+" "+s.TargetID+" "+string(s.AsOf))
	}
	return out
}

func TestEffectiveStances(t *testing.T) {
	stances := []*peacegraph.Stance{
		stance("putin", "plan", peacegraph.Supports, dates, "c1"),
		stance("putin", "plan", peacegraph.Conditional, dates, "c2", "c5"),
		stance("kremlin", "plan", peacegraph.Opposes, dates, "c1"),
		stance("kremlin", "plan", peacegraph.Undecided, dates, "c3"),
		stance("eu", "plan", peacegraph.Supports, dates, "c4"),
		stance("putin", "point-1", peacegraph.Opposes, dates, "c4", "c2"),
	}
	for _, c := range []struct {
		name string
		asOf peacegraph.Date
		want []string
	}{
		{"LatestWithoutADate", "", []string{
			"putin CONDITIONAL plan 2025-11-27", "kremlin OPPOSES plan 2025-11-21", "kremlin UNDECIDED plan 2025-11-21",
			"eu SUPPORTS plan ", "putin OPPOSES point-1 2025-11-25",
		}},
		{"AsOfADateCountsOnlyEarlierDatedEvidence", "2025-11-21", []string{
			"putin SUPPORTS plan 2025-11-21", "kremlin OPPOSES plan 2025-11-21", "kremlin UNDECIDED plan 2025-11-21",
		}},
		{"AsOfBetweenObservations", "2025-11-26", []string{
			"putin CONDITIONAL plan 2025-11-25", "kremlin OPPOSES plan 2025-11-21", "kremlin UNDECIDED plan 2025-11-21",
			"putin OPPOSES point-1 2025-11-25",
		}},
		{"BeforeEverything", "2025-11-01", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := peacegraph.EffectiveStances(stances, c.asOf)
			if k := keys(got); !reflect.DeepEqual(k, c.want) {
				t.Errorf("got %q\nwant %q", k, c.want)
			}
		})
	}

	t.Run("TrimsEvidenceOnACopy", func(t *testing.T) {
		got := peacegraph.EffectiveStances(stances[1:2], "2025-11-26")
		if len(got) != 1 {
			t.Fatalf("got %d stances, want 1", len(got))
		}
		if want := []string{"c2"}; !reflect.DeepEqual(got[0].EvidenceIDs, want) {
			t.Errorf("evidence = %v, want %v", got[0].EvidenceIDs, want)
		}
		if want := []peacegraph.Date{"2025-11-25"}; !reflect.DeepEqual(got[0].EvidenceDates, want) {
			t.Errorf("evidence dates = %v, want %v", got[0].EvidenceDates, want)
		}
		if got, want := stances[1].EvidenceIDs, []string{"c2", "c5"}; !reflect.DeepEqual(got, want) {
			t.Errorf("input changed: evidence = %v, want %v", got, want)
		}
		if got, want := stances[1].AsOf, peacegraph.Date("2025-11-27"); got != want {
			t.Errorf("input changed: asOf = %v, want %v", got, want)
		}
	})
}

func TestStanceFilterApply(t *testing.T) {
	stances := []*peacegraph.Stance{
		stance("putin", "plan", peacegraph.Supports, dates, "c1"),
		stance("putin", "plan", peacegraph.Conditional, dates, "c2"),
		stance("eu", "plan", peacegraph.Supports, dates, "c3"),
	}
	for _, c := range []struct {
		name string
		f    peacegraph.StanceFilter
		want []string
	}{
		{"PositionFiltersAfterTheEffectiveChoice", peacegraph.StanceFilter{Position: peacegraph.Supports},
			[]string{"eu SUPPORTS plan 2025-11-21"}},
		{"AsOfBringsBackTheEarlierPosition", peacegraph.StanceFilter{Position: peacegraph.Supports, AsOf: "2025-11-22"},
			[]string{"putin SUPPORTS plan 2025-11-21", "eu SUPPORTS plan 2025-11-21"}},
		{"AllKeepsEverything", peacegraph.StanceFilter{ActorIDs: []string{"putin"}, All: true, AsOf: "2025-11-01"},
			[]string{"putin SUPPORTS plan 2025-11-21", "putin CONDITIONAL plan 2025-11-25"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if k := keys(c.f.Apply(stances)); !reflect.DeepEqual(k, c.want) {
				t.Errorf("got %q\nwant %q", k, c.want)
			}
		})
	}
}

func TestStanceHistory(t *testing.T) {
	t.Run("ChangesInDateOrderGroupingRepeats", func(t *testing.T) {
		got := peacegraph.StanceHistory([]*peacegraph.Stance{
			stance("putin", "plan", peacegraph.Conditional, dates, "c5", "c2"),
			stance("putin", "plan", peacegraph.Supports, dates, "c1", "c4", "c3"),
		})
		want := []peacegraph.StancePeriod{
			{Position: peacegraph.Supports, From: "2025-11-21", To: "2025-11-21", EvidenceIDs: []string{"c1", "c3"}},
			{Position: peacegraph.Conditional, From: "2025-11-25", To: "2025-11-27", EvidenceIDs: []string{"c2", "c5"}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
	})
	t.Run("ABackAndForthIsThreePeriods", func(t *testing.T) {
		got := peacegraph.StanceHistory([]*peacegraph.Stance{
			stance("putin", "plan", peacegraph.Supports, dates, "c1", "c5"),
			stance("putin", "plan", peacegraph.Opposes, dates, "c2"),
		})
		var positions []peacegraph.Position
		for _, p := range got {
			positions = append(positions, p.Position)
		}
		if want := []peacegraph.Position{peacegraph.Supports, peacegraph.Opposes, peacegraph.Supports}; !reflect.DeepEqual(positions, want) {
			t.Errorf("positions = %v, want %v", positions, want)
		}
	})
	t.Run("OnlyUndatedIsNoHistory", func(t *testing.T) {
		if got := peacegraph.StanceHistory([]*peacegraph.Stance{stance("eu", "plan", peacegraph.Supports, dates, "c4")}); got != nil {
			t.Errorf("got %+v, want none", got)
		}
	})
}
