package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

// CompanionFixture returns Fixture with two companion documents of the
// ten-point plan: a draft of security guarantees loaded first of all
// plans, with one point of its own and a claim about it and the plan, and
// a monitoring annex loaded last, with none. The draft comes first so that
// the suite checks a companion never becomes the default plan, however
// the seed files order it.
func CompanionFixture() *peacegraph.Dataset {
	d := Fixture()
	d.Plans = append([]*peacegraph.Plan{{
		ID: "guarantee-draft", Title: "Draft security guarantees",
		Summary: "A framework of guarantees published alongside the ten-point plan.",
		Date:    "2025-11-21", AuthorIDs: []string{"alice-envoy"}, Accompanies: "peace-plan",
	}}, d.Plans...)
	d.Plans = append(d.Plans, &peacegraph.Plan{
		ID: "monitoring-annex", Title: "Monitoring annex", Date: "2025-11-24", Accompanies: "peace-plan",
	})
	d.Points = append(d.Points, &peacegraph.Point{
		ID: "guarantee-draft-1", PlanID: "guarantee-draft", Number: 1, Title: "Guarantee council",
		Summary: "A council of guarantors meets within a month of an attack.", Topic: "security",
	})
	d.Claims = append(d.Claims, &peacegraph.Claim{
		ID: "c-guarantee", Text: "The guarantees draft was published with the ten-point plan.",
		AboutIDs: []string{"guarantee-draft", "peace-plan"}, Certainty: peacegraph.Reported, Date: "2025-11-21",
		Citations: []peacegraph.Citation{{SourceID: "report-daily"}},
	})
	return d
}

// testCompanions checks the reads of companion documents on
// CompanionFixture, and that loads add, retarget and remove the link.
func testCompanions(t *testing.T, s peacegraph.Store) {
	MustLoad(t, s, CompanionFixture())
	t.Run("PlansAsLoaded", func(t *testing.T) { testCompanionPlans(t, s) })
	t.Run("NeverTheDefaultPlan", func(t *testing.T) { testCompanionNotDefault(t, s) })
	t.Run("CompanionsOfEachPlan", func(t *testing.T) { testCompanionLists(t, s) })
	t.Run("EdgeEvidence", func(t *testing.T) { testCompanionEdges(t, s) })
	t.Run("Path", func(t *testing.T) { testCompanionPath(t, s) })
	t.Run("BrokenLinkIsRefused", func(t *testing.T) { testCompanionInvalid(t, s) })
	t.Run("Loads", func(t *testing.T) { testCompanionLoads(t, s) })
}

func testCompanionPlans(t *testing.T, s peacegraph.Store) {
	want := CompanionFixture()
	want.Complete()
	got, err := s.Plans(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	wantSame(t, "plans", got, want.Plans)
	nodes, err := s.Nodes(t.Context(), []string{"guarantee-draft", "monitoring-annex"})
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range nodes {
		p, ok := n.(*peacegraph.Plan)
		if !ok || p.Accompanies != "peace-plan" {
			t.Errorf("node %d = %#v, want a plan accompanying peace-plan", i, n)
			continue
		}
		// A companion is not a version: its points amend nothing.
		wantSame(t, p.ID+" changes", p.Changes, []peacegraph.PointChange(nil))
	}
}

func testCompanionNotDefault(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	p, err := s.DefaultPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p == nil || p.ID != "peace-plan" || p.Seq != 1 {
		t.Fatalf("default plan = %#v, want peace-plan (Seq 1), after the companion of Seq 0", p)
	}
	points, err := s.Points(ctx, []string{"", "guarantee-draft"}, peacegraph.PointFilter{})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "points of the default plan", idsOf(points[0]), []string{"peace-plan-1", "peace-plan-2", "peace-plan-3"})
	wantIDs(t, "points of the companion", idsOf(points[1]), []string{"guarantee-draft-1"})
	pt, err := s.PointByNumber(ctx, "", 1)
	if err != nil {
		t.Fatal(err)
	}
	if pt.ID != "peace-plan-1" {
		t.Errorf("point 1 of the default plan = %s, want peace-plan-1", pt.ID)
	}
}

func testCompanionLists(t *testing.T, s peacegraph.Store) {
	got, err := s.Companions(t.Context(), []string{"peace-plan", "peace-plan-revised", "guarantee-draft", "nobody", "peace-plan"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("Companions returned %d lists, want 5", len(got))
	}
	// In load order: the draft (Seq 0) before the annex (Seq 3).
	wantIDs(t, "companions of peace-plan", got[0], []string{"guarantee-draft", "monitoring-annex"})
	wantIDs(t, "companions of the revision", got[1], nil)
	wantIDs(t, "companions of a companion", got[2], nil)
	wantIDs(t, "companions of nobody", got[3], nil)
	wantIDs(t, "companions of peace-plan, asked twice", got[4], []string{"guarantee-draft", "monitoring-annex"})
	if got, err := s.Companions(t.Context(), nil); err != nil || len(got) != 0 {
		t.Errorf("Companions(nil) = %v, %v; want no lists", got, err)
	}
	// A companion is no revision.
	revisions, err := s.Revisions(t.Context(), []string{"peace-plan"})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "revisions of peace-plan", revisions[0], []string{"peace-plan-revised"})
}

func testCompanionEdges(t *testing.T, s peacegraph.Store) {
	v, err := s.Neighbourhood(t.Context(), peacegraph.NeighbourhoodQuery{
		Center: "peace-plan", Depth: 1, Types: []string{peacegraph.RelAccompanies},
	})
	if err != nil {
		t.Fatal(err)
	}
	nodes, _ := viewIDs(v)
	wantIDs(t, "nodes", nodes, []string{"peace-plan", "guarantee-draft", "monitoring-annex"})
	wantSame(t, "edges", v.Edges, []peacegraph.Edge{
		// The claims about both of its ends.
		{ID: "ACCOMPANIES:guarantee-draft->peace-plan", Source: "guarantee-draft", Target: "peace-plan",
			Type: peacegraph.RelAccompanies, Evidence: []string{"c-guarantee"}},
		// No claim is about the annex: background.
		{ID: "ACCOMPANIES:monitoring-annex->peace-plan", Source: "monitoring-annex", Target: "peace-plan",
			Type: peacegraph.RelAccompanies},
	})
}

func testCompanionPath(t *testing.T, s peacegraph.Store) {
	got, err := s.Path(t.Context(), "monitoring-annex", "guarantee-draft", 3)
	if err != nil {
		t.Fatal(err)
	}
	wantSame(t, "path", got, []peacegraph.PathStep{
		{Relation: peacegraph.RelAccompanies, NodeID: "peace-plan"},
		{Relation: peacegraph.RelAccompanies, NodeID: "guarantee-draft", Evidence: []string{"c-guarantee"}},
	})
}

// testCompanionInvalid loads companions that break the rules and finds
// the store unchanged.
func testCompanionInvalid(t *testing.T, s peacegraph.Store) {
	before := companionAnswers(t, s)
	for _, c := range []struct {
		name  string
		spoil func(d *peacegraph.Dataset)
	}{
		{"ItAccompaniesItself", func(d *peacegraph.Dataset) { d.Plans[len(d.Plans)-1].Accompanies = "monitoring-annex" }},
		{"ItAccompaniesACompanion", func(d *peacegraph.Dataset) { d.Plans[len(d.Plans)-1].Accompanies = "guarantee-draft" }},
		{"ItAlsoRevises", func(d *peacegraph.Dataset) { d.Plans[len(d.Plans)-1].Revises = "peace-plan" }},
		{"ItAccompaniesAPoint", func(d *peacegraph.Dataset) { d.Plans[len(d.Plans)-1].Accompanies = "peace-plan-1" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := CompanionFixture()
			c.spoil(d)
			wantCode(t, s.Load(t.Context(), d, peacegraph.Prune()), peacegraph.EINVALID)
			wantSameAnswers(t, "a refused load", companionAnswers(t, s), before)
		})
	}
}

// testCompanionLoads loads the companions onto the plain fixture, moves
// the annex to the revision, makes it a plan of its own, and compares each
// incremental load with a load of the same dataset from nothing.
func testCompanionLoads(t *testing.T, s peacegraph.Store) {
	MustLoad(t, s, Fixture())
	retargeted := func() *peacegraph.Dataset {
		d := CompanionFixture()
		d.Plans[len(d.Plans)-1].Accompanies = "peace-plan-revised"
		return d
	}
	own := func() *peacegraph.Dataset {
		d := CompanionFixture()
		d.Plans[len(d.Plans)-1].Accompanies = ""
		return d
	}
	for _, step := range []struct {
		name    string
		dataset func() *peacegraph.Dataset
		plans   peacegraph.KindChange
		want    [][]string // companions of peace-plan, then of the revision
	}{
		// Every plan moves one place down in load order (its Seq), so the
		// two plans of Fixture change too.
		{"Added", CompanionFixture, peacegraph.KindChange{Added: 2, Changed: 2},
			[][]string{{"guarantee-draft", "monitoring-annex"}, nil}},
		{"Retargeted", retargeted, peacegraph.KindChange{Changed: 1},
			[][]string{{"guarantee-draft"}, {"monitoring-annex"}}},
		{"Removed", own, peacegraph.KindChange{Changed: 1},
			[][]string{{"guarantee-draft"}, nil}},
	} {
		t.Run(step.name, func(t *testing.T) {
			var report peacegraph.LoadReport
			mustLoadReport(t, s, step.dataset(), &report)
			if c := report.Kinds[peacegraph.KindPlan]; c == nil || *c != step.plans {
				t.Errorf("plans %+v, want %+v (report: %s)", c, step.plans, report.String())
			}
			incremental := companionAnswers(t, s)
			got, err := s.Companions(t.Context(), []string{"peace-plan", "peace-plan-revised"})
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range step.want {
				wantIDs(t, "companions", got[i], want)
			}
			MustLoad(t, s, &peacegraph.Dataset{})
			MustLoad(t, s, step.dataset())
			wantSameAnswers(t, "an incremental load compared with a load from nothing", companionAnswers(t, s), incremental)
		})
	}
}

// companionAnswers renders what the store answers about the plans and
// their links, to compare two states of a store.
func companionAnswers(t *testing.T, s peacegraph.Store) string {
	t.Helper()
	ctx := t.Context()
	ids := []string{"guarantee-draft", "peace-plan", "peace-plan-revised", "monitoring-annex"}
	plans, err := s.Plans(ctx)
	out := "plans: " + render(plans) + "\n"
	if err != nil {
		out += "plans error: " + peacegraph.ErrorCode(err) + "\n"
	}
	def, err := s.DefaultPlan(ctx)
	out += "default: " + render(def) + " " + peacegraph.ErrorCode(err) + "\n"
	companions, err := s.Companions(ctx, ids)
	out += "companions: " + render(companions) + " " + peacegraph.ErrorCode(err) + "\n"
	revisions, err := s.Revisions(ctx, ids)
	out += "revisions: " + render(revisions) + " " + peacegraph.ErrorCode(err) + "\n"
	for _, id := range ids {
		v, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: id, Depth: 1})
		out += id + ": " + render(v) + " " + peacegraph.ErrorCode(err) + "\n"
	}
	return out
}
