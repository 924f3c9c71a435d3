package storetest

import (
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
)

func testPlans(t *testing.T, s peacegraph.Store) {
	got, err := s.Plans(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := expected().Plans // load order: the plan listed first is the default
	wantSame(t, "plans", got, want)
	if len(got) == 2 && (got[0].Seq >= got[1].Seq) {
		t.Errorf("plan Seq = %d, %d; want increasing", got[0].Seq, got[1].Seq)
	}
}

func testDefaultPlan(t *testing.T, s peacegraph.Store) {
	got, err := s.DefaultPlan(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	wantSame(t, "default plan", got, expected().Plans[0])
}

func testPoints(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	security, justice := "security", "justice"
	yes, no := true, false

	t.Run("AlignedByPlanInNumberOrder", func(t *testing.T) {
		got, err := s.Points(ctx, []string{"peace-plan-revised", "", "nobody", "peace-plan"}, peacegraph.PointFilter{})
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			{"revised-1", "revised-2"},
			{"peace-plan-1", "peace-plan-2", "peace-plan-3"}, // "": the default plan
			nil,
			{"peace-plan-1", "peace-plan-2", "peace-plan-3"},
		}
		if len(got) != len(want) {
			t.Fatalf("Points returned %d lists, want %d", len(got), len(want))
		}
		for i := range want {
			wantIDs(t, "points", idsOf(got[i]), want[i])
		}
		byID := expected().Nodes()
		for _, p := range got[0] {
			wantSame(t, "point "+p.ID, p, byID[p.ID])
		}
	})

	t.Run("Filtered", func(t *testing.T) {
		for _, c := range []struct {
			name string
			f    peacegraph.PointFilter
			want []string
		}{
			{"ByTopic", peacegraph.PointFilter{Topic: &security}, []string{"peace-plan-1", "peace-plan-2"}},
			{"ByOtherTopic", peacegraph.PointFilter{Topic: &justice}, []string{"peace-plan-3"}},
			{"ByConcession", peacegraph.PointFilter{Concession: &yes}, []string{"peace-plan-1", "peace-plan-2"}},
			{"ByNoConcession", peacegraph.PointFilter{Concession: &no}, []string{"peace-plan-3"}},
			{"ByBoth", peacegraph.PointFilter{Topic: &justice, Concession: &yes}, nil},
		} {
			t.Run(c.name, func(t *testing.T) {
				got, err := s.Points(ctx, []string{"peace-plan"}, c.f)
				if err != nil {
					t.Fatal(err)
				}
				wantIDs(t, "points", idsOf(got[0]), c.want)
			})
		}
	})
}

// testPointsBringAlong checks what a read of points brings along when
// asked (peacegraph.Includes): the plans of the IDs that name one, and the
// points' stances as Stances answers them for the points as targets, with
// their actors.
func testPointsBringAlong(t *testing.T, s peacegraph.Store) {
	t.Run("Plans", func(t *testing.T) {
		ctx, related := peacegraph.WithRelated(t.Context())
		related.WithPlans()
		if _, err := s.Points(ctx, []string{"peace-plan-revised", "", "nobody", "alice-envoy"}, peacegraph.PointFilter{}); err != nil {
			t.Fatal(err)
		}
		var plans []string
		for _, n := range related.Nodes() {
			if p, ok := n.(*peacegraph.Plan); ok {
				plans = append(plans, p.ID)
				wantSame(t, "plan "+p.ID, p, expected().Nodes()[p.ID])
			}
		}
		slices.Sort(plans)
		wantIDs(t, "plans brought along", plans, []string{"peace-plan", "peace-plan-revised"})
	})
	t.Run("NoPlansUnasked", func(t *testing.T) {
		ctx, related := peacegraph.WithRelated(t.Context())
		if _, err := s.Points(ctx, []string{"peace-plan"}, peacegraph.PointFilter{}); err != nil {
			t.Fatal(err)
		}
		for _, n := range related.Nodes() {
			if _, ok := n.(*peacegraph.Plan); ok {
				t.Errorf("plan %s brought along unasked", n.NodeID())
			}
		}
		if stances, _ := related.Stances(); len(stances) > 0 {
			t.Errorf("%d stances brought along unasked", len(stances))
		}
	})
	for _, c := range []struct {
		name string
		f    peacegraph.StanceFilter
	}{
		{"StancesNow", peacegraph.StanceFilter{}},
		{"StancesAsOf", peacegraph.StanceFilter{AsOf: "2025-11-21"}},
		{"StancesOfAPosition", peacegraph.StanceFilter{Position: peacegraph.Supports}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, related := peacegraph.WithRelated(t.Context())
			related.WithPointStances(c.f)
			lists, err := s.Points(ctx, []string{"peace-plan"}, peacegraph.PointFilter{})
			if err != nil {
				t.Fatal(err)
			}
			f := c.f
			f.TargetIDs = idsOf(lists[0])
			want, err := s.Stances(t.Context(), f)
			if err != nil {
				t.Fatal(err)
			}
			got, actors := related.Stances()
			keys := func(stances []*peacegraph.Stance) (out []string) {
				for _, st := range stances {
					out = append(out, stanceKey(st)+" "+string(st.AsOf))
				}
				return out
			}
			wantIDs(t, "stances brought along", keys(got), keys(want))
			if len(want) == 0 {
				t.Fatal("no stances to compare: the fixture should give the points some")
			}
			var wantActors, gotActors []string
			for _, st := range want {
				wantActors = append(wantActors, st.ActorID)
			}
			for _, a := range actors {
				gotActors = append(gotActors, a.NodeID())
			}
			slices.Sort(gotActors)
			slices.Sort(wantActors)
			wantIDs(t, "stance actors", slices.Compact(gotActors), slices.Compact(wantActors))
		})
	}
}

func testPointByNumber(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	t.Run("FoundInDefaultPlan", func(t *testing.T) {
		p, err := s.PointByNumber(ctx, "", 2)
		if err != nil {
			t.Fatal(err)
		}
		wantSame(t, "point", p, expected().Nodes()["peace-plan-2"])
	})
	t.Run("FoundInNamedPlan", func(t *testing.T) {
		p, err := s.PointByNumber(ctx, "peace-plan-revised", 2)
		if err != nil {
			t.Fatal(err)
		}
		if p.ID != "revised-2" || p.Amends != "peace-plan-2" {
			t.Errorf("point = %s amending %q, want revised-2 amending peace-plan-2", p.ID, p.Amends)
		}
	})
	t.Run("UnknownNumberNotFound", func(t *testing.T) {
		_, err := s.PointByNumber(ctx, "peace-plan-revised", 3)
		wantCode(t, err, peacegraph.ENOTFOUND)
	})
	t.Run("UnknownPlanNotFound", func(t *testing.T) {
		_, err := s.PointByNumber(ctx, "nobody", 1)
		wantCode(t, err, peacegraph.ENOTFOUND)
	})
	t.Run("NonPlanNotFound", func(t *testing.T) {
		_, err := s.PointByNumber(ctx, "alice-envoy", 1)
		wantCode(t, err, peacegraph.ENOTFOUND)
	})
}

// stanceKey names a stance in test output.
func stanceKey(st *peacegraph.Stance) string {
	return st.ActorID + " " + string(st.Position) + " " + st.TargetID
}

func testStances(t *testing.T, s peacegraph.Store) {
	stored := []string{
		"alice-envoy SUPPORTS peace-plan",
		"bob-minister SUPPORTS peace-plan",
		"carol-leader OPPOSES peace-plan-2",
		"carol-leader SUPPORTS peace-plan-2",
		"red-state CONDITIONAL peace-plan",
	}
	// Carol's opposition (21 November) gave way to support (22 November):
	// without All, only the latest position on each target is effective.
	effective := []string{stored[0], stored[1], stored[3], stored[4]}
	for _, c := range []struct {
		name string
		f    peacegraph.StanceFilter
		want []string
	}{
		{"EffectiveInOrder", peacegraph.StanceFilter{}, effective},
		{"AllStoredInOrder", peacegraph.StanceFilter{All: true}, stored},
		{"ByActor", peacegraph.StanceFilter{ActorIDs: []string{"carol-leader", "red-state"}},
			[]string{stored[3], stored[4]}},
		{"ByTarget", peacegraph.StanceFilter{TargetIDs: []string{"peace-plan"}},
			[]string{stored[0], stored[1], stored[4]}},
		{"ByPosition", peacegraph.StanceFilter{Position: peacegraph.Supports},
			[]string{stored[0], stored[1], stored[3]}},
		// The position filters after the effective stance is chosen, so a
		// superseded position is not found.
		{"SupersededPositionNotEffective", peacegraph.StanceFilter{ActorIDs: []string{"carol-leader"}, TargetIDs: []string{"peace-plan-2"}, Position: peacegraph.Opposes},
			nil},
		{"SupersededPositionWithAll", peacegraph.StanceFilter{ActorIDs: []string{"carol-leader"}, TargetIDs: []string{"peace-plan-2"}, Position: peacegraph.Opposes, All: true},
			[]string{stored[2]}},
		{"AsOfBeforeTheChange", peacegraph.StanceFilter{ActorIDs: []string{"carol-leader"}, AsOf: "2025-11-21"},
			[]string{stored[2]}},
		{"AsOfBeforeAnyEvidence", peacegraph.StanceFilter{AsOf: "2025-11-19"}, nil},
		{"NoMatch", peacegraph.StanceFilter{ActorIDs: []string{"zed-observer"}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Stances(t.Context(), c.f)
			if err != nil {
				t.Fatal(err)
			}
			keys := make([]string, len(got))
			for i, st := range got {
				keys[i] = stanceKey(st)
			}
			wantIDs(t, "stances", keys, c.want)
		})
	}

	// A point named by plan and number has the stances of its ID, in the
	// default plan or a named one.
	for _, c := range []struct {
		name  string
		point peacegraph.PointNumber
		f     peacegraph.StanceFilter
		n     int
	}{
		{"PointOfTheDefaultPlan", peacegraph.PointNumber{Number: 2}, peacegraph.StanceFilter{}, 1},
		{"PointOfANamedPlan", peacegraph.PointNumber{Plan: "peace-plan", Number: 2}, peacegraph.StanceFilter{All: true}, 2},
		{"PointWithPosition", peacegraph.PointNumber{Number: 2}, peacegraph.StanceFilter{Position: peacegraph.Supports}, 1},
		{"PointWithSupersededPosition", peacegraph.PointNumber{Number: 2}, peacegraph.StanceFilter{Position: peacegraph.Opposes}, 0},
		{"PointAsOf", peacegraph.PointNumber{Number: 2}, peacegraph.StanceFilter{AsOf: "2025-11-21"}, 1},
		{"PointAsOfWithPosition", peacegraph.PointNumber{Number: 2}, peacegraph.StanceFilter{AsOf: "2025-11-21", Position: peacegraph.Supports}, 0},
		{"PointOfAnActor", peacegraph.PointNumber{Number: 2}, peacegraph.StanceFilter{ActorIDs: []string{"carol-leader"}, All: true}, 2},
		{"PointOfAnotherActor", peacegraph.PointNumber{Number: 2}, peacegraph.StanceFilter{ActorIDs: []string{"alice-envoy"}}, 0},
		{"PointInPlaceOfTargets", peacegraph.PointNumber{Number: 2}, peacegraph.StanceFilter{TargetIDs: []string{"peace-plan"}}, 1},
		{"PointWithoutStances", peacegraph.PointNumber{Number: 1}, peacegraph.StanceFilter{}, 0},
		{"PointOfAPlanWithoutStances", peacegraph.PointNumber{Plan: "peace-plan-revised", Number: 2}, peacegraph.StanceFilter{}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := s.PointByNumber(t.Context(), c.point.Plan, c.point.Number)
			if err != nil {
				t.Fatal(err)
			}
			byID := c.f
			byID.TargetIDs = []string{p.ID}
			want, err := s.Stances(t.Context(), byID)
			if err != nil {
				t.Fatal(err)
			}
			byNumber := c.f
			byNumber.Point = &c.point
			got, err := s.Stances(t.Context(), byNumber)
			if err != nil {
				t.Fatal(err)
			}
			wantSame(t, "stances", got, want)
			if len(got) != c.n {
				t.Errorf("%d stances, want %d", len(got), c.n)
			}
		})
	}

	t.Run("AsLoadedWithDerivedDates", func(t *testing.T) {
		got, err := s.Stances(t.Context(), peacegraph.StanceFilter{ActorIDs: []string{"carol-leader", "red-state"}})
		if err != nil || len(got) != 2 {
			t.Fatalf("Stances = %v, %v", got, err)
		}
		want := &peacegraph.Stance{ActorID: "carol-leader", TargetID: "peace-plan-2", Position: peacegraph.Supports,
			EvidenceIDs: []string{"c-accept", "c-cap-support"}, EvidenceDates: []peacegraph.Date{"", "2025-11-22"},
			AsOf: "2025-11-22"} // the undated claim does not count
		wantSame(t, "stance", got[0], want)
		want = &peacegraph.Stance{ActorID: "red-state", TargetID: "peace-plan", Position: peacegraph.Conditional,
			EvidenceIDs: []string{"c-denial", "c-heard"}, EvidenceDates: []peacegraph.Date{"2025-11-20", "2025-11-21"},
			AsOf: "2025-11-21", Note: "If its position is heard."}
		wantSame(t, "stance", got[1], want)
	})

	t.Run("AsOfTrimsEvidence", func(t *testing.T) {
		got, err := s.Stances(t.Context(), peacegraph.StanceFilter{ActorIDs: []string{"carol-leader", "red-state"}, AsOf: "2025-11-20"})
		if err != nil {
			t.Fatal(err)
		}
		want := []*peacegraph.Stance{{ActorID: "red-state", TargetID: "peace-plan", Position: peacegraph.Conditional,
			EvidenceIDs: []string{"c-denial"}, EvidenceDates: []peacegraph.Date{"2025-11-20"},
			AsOf: "2025-11-20", Note: "If its position is heard."}}
		wantSame(t, "stances", got, want)
		// Undated evidence counts only when no date is asked for.
		got, err = s.Stances(t.Context(), peacegraph.StanceFilter{ActorIDs: []string{"carol-leader"}, AsOf: "2025-11-30"})
		if err != nil {
			t.Fatal(err)
		}
		want = []*peacegraph.Stance{{ActorID: "carol-leader", TargetID: "peace-plan-2", Position: peacegraph.Supports,
			EvidenceIDs: []string{"c-cap-support"}, EvidenceDates: []peacegraph.Date{"2025-11-22"}, AsOf: "2025-11-22"}}
		wantSame(t, "stances", got, want)
	})
}

func testRevisionsAndAmenders(t *testing.T, s peacegraph.Store) {
	revisions, err := s.Revisions(t.Context(), []string{"peace-plan", "peace-plan-revised", "nobody"})
	if err != nil {
		t.Fatal(err)
	}
	if len(revisions) != 3 {
		t.Fatalf("Revisions returned %d lists, want 3", len(revisions))
	}
	wantIDs(t, "revisions of peace-plan", revisions[0], []string{"peace-plan-revised"})
	wantIDs(t, "revisions of peace-plan-revised", revisions[1], nil)
	wantIDs(t, "revisions of nobody", revisions[2], nil)
	amenders, err := s.Amenders(t.Context(), []string{"peace-plan-2", "peace-plan-1", "revised-2"})
	if err != nil {
		t.Fatal(err)
	}
	if len(amenders) != 3 {
		t.Fatalf("Amenders returned %d lists, want 3", len(amenders))
	}
	wantIDs(t, "amenders of peace-plan-2", amenders[0], []string{"revised-2"})
	wantIDs(t, "amenders of peace-plan-1", amenders[1], nil)
	wantIDs(t, "amenders of revised-2", amenders[2], nil)
	if got, err := s.Revisions(t.Context(), nil); err != nil || len(got) != 0 {
		t.Errorf("Revisions(nil) = %v, %v; want no lists", got, err)
	}
}
