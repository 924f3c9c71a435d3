package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

// expectedRecord is RecordFixture as a store must hold it.
func expectedRecord() *peacegraph.Dataset {
	d := RecordFixture()
	d.Complete()
	return d
}

// testRecord checks the reads of the record's later rules on
// RecordFixture: stances over time, contradictions by each rule,
// corroboration, plan changes, disputes and the evidence of edges.
func testRecord(t *testing.T, s peacegraph.Store) {
	MustLoad(t, s, RecordFixture())
	t.Run("NodesAsLoaded", func(t *testing.T) { testRecordNodes(t, s) })
	t.Run("EffectiveStances", func(t *testing.T) { testEffectiveStances(t, s) })
	t.Run("StanceHistory", func(t *testing.T) { testStanceHistory(t, s) })
	t.Run("StanceMatrix", func(t *testing.T) { testStanceMatrix(t, s) })
	t.Run("Contradictions", func(t *testing.T) { testRecordContradictions(t, s) })
	t.Run("Corroboration", func(t *testing.T) { testCorroboration(t, s) })
	t.Run("PlanChanges", func(t *testing.T) { testPlanChanges(t, s) })
	t.Run("Search", func(t *testing.T) { testRecordSearch(t, s) })
	t.Run("PathEvidence", func(t *testing.T) { testPathEvidence(t, s) })
	t.Run("EdgeEvidence", func(t *testing.T) { testEdgeEvidence(t, s) })
	t.Run("Disputes", func(t *testing.T) { testDisputes(t, s) })
}

func testRecordNodes(t *testing.T, s peacegraph.Store) {
	byID := expectedRecord().Nodes()
	var ids []string
	for id := range byID {
		ids = append(ids, id)
	}
	got, err := s.Nodes(t.Context(), ids)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		wantSame(t, "node "+id, got[i], byID[id])
	}
	if d, ok := got[indexOf(ids, "d-leak")].(*peacegraph.Dispute); !ok || d.Label() != "Was the plan leaked?" {
		t.Errorf("d-leak = %#v, want the dispute labelled by its question", got[indexOf(ids, "d-leak")])
	}
}

func indexOf(ids []string, id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

// stanceKeys fetches stances and names each.
func stanceKeys(t *testing.T, s peacegraph.Store, f peacegraph.StanceFilter) []string {
	t.Helper()
	got, err := s.Stances(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, len(got))
	for i, st := range got {
		keys[i] = stanceKey(st) + " " + string(st.AsOf)
	}
	return keys
}

func testEffectiveStances(t *testing.T, s peacegraph.Store) {
	for _, c := range []struct {
		name string
		f    peacegraph.StanceFilter
		want []string
	}{
		// Alice's two positions share the latest date, so both are
		// effective; Bob's opposition on the 24th supersedes his support.
		{"Now", peacegraph.StanceFilter{}, []string{
			"alice-envoy SUPPORTS peace-plan 2025-11-21",
			"alice-envoy UNDECIDED peace-plan 2025-11-21",
			"bob-minister OPPOSES peace-plan 2025-11-24",
			"carol-leader SUPPORTS peace-plan-2 2025-11-22",
			"red-state CONDITIONAL peace-plan 2025-11-21",
		}},
		{"AsOfTheTwentyFirst", peacegraph.StanceFilter{AsOf: "2025-11-21"}, []string{
			"alice-envoy SUPPORTS peace-plan 2025-11-21",
			"alice-envoy UNDECIDED peace-plan 2025-11-21",
			"bob-minister SUPPORTS peace-plan 2025-11-21",
			"carol-leader OPPOSES peace-plan-2 2025-11-21",
			"red-state CONDITIONAL peace-plan 2025-11-21",
		}},
		{"SupportersAsOfTheTwentyThird", peacegraph.StanceFilter{Position: peacegraph.Supports, AsOf: "2025-11-23"}, []string{
			"alice-envoy SUPPORTS peace-plan 2025-11-21",
			"bob-minister SUPPORTS peace-plan 2025-11-21",
			"carol-leader SUPPORTS peace-plan-2 2025-11-22",
		}},
		{"SupportersAsOfTheTwentyFourth", peacegraph.StanceFilter{Position: peacegraph.Supports, AsOf: "2025-11-24"}, []string{
			"alice-envoy SUPPORTS peace-plan 2025-11-21",
			"carol-leader SUPPORTS peace-plan-2 2025-11-22",
		}},
		{"AllIgnoresTheDate", peacegraph.StanceFilter{ActorIDs: []string{"bob-minister"}, All: true, AsOf: "2025-11-01"}, []string{
			"bob-minister OPPOSES peace-plan 2025-11-24",
			"bob-minister SUPPORTS peace-plan 2025-11-21",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantIDs(t, "stances", stanceKeys(t, s, c.f), c.want)
		})
	}
}

func testStanceHistory(t *testing.T, s peacegraph.Store) {
	for _, c := range []struct {
		name          string
		actor, target string
		want          []peacegraph.StancePeriod
	}{
		{"AChangeOfPosition", "bob-minister", "peace-plan", []peacegraph.StancePeriod{
			{Position: peacegraph.Supports, From: "2025-11-21", To: "2025-11-21", EvidenceIDs: []string{"c-heard"}},
			{Position: peacegraph.Opposes, From: "2025-11-24", To: "2025-11-24", EvidenceIDs: []string{"c-bob-doubts"}},
		}},
		{"TwoPositionsOnOneDayInPositionOrder", "alice-envoy", "peace-plan", []peacegraph.StancePeriod{
			{Position: peacegraph.Supports, From: "2025-11-21", To: "2025-11-21", EvidenceIDs: []string{"c-fair"}},
			{Position: peacegraph.Undecided, From: "2025-11-21", To: "2025-11-21", EvidenceIDs: []string{"c-alice-unsure"}},
		}},
		// The undated memo cannot be placed in time.
		{"UndatedEvidenceLeftOut", "carol-leader", "peace-plan-2", []peacegraph.StancePeriod{
			{Position: peacegraph.Opposes, From: "2025-11-21", To: "2025-11-21", EvidenceIDs: []string{"c-reject"}},
			{Position: peacegraph.Supports, From: "2025-11-22", To: "2025-11-22", EvidenceIDs: []string{"c-cap-support"}},
		}},
		{"GroupsOnePositionIntoOnePeriod", "red-state", "peace-plan", []peacegraph.StancePeriod{
			{Position: peacegraph.Conditional, From: "2025-11-20", To: "2025-11-21", EvidenceIDs: []string{"c-denial", "c-heard"}},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Stances(t.Context(), peacegraph.StanceFilter{
				ActorIDs: []string{c.actor}, TargetIDs: []string{c.target}, All: true})
			if err != nil {
				t.Fatal(err)
			}
			wantSame(t, "history", peacegraph.StanceHistory(got), c.want)
		})
	}
}

func testStanceMatrix(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	plans, err := s.Plans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	points, err := s.Points(ctx, []string{"peace-plan"}, peacegraph.PointFilter{})
	if err != nil {
		t.Fatal(err)
	}
	targets := []string{"peace-plan"}
	for _, p := range points[0] {
		targets = append(targets, p.ID)
	}
	page, err := s.Actors(ctx, peacegraph.ActorQuery{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	actors := map[string]*peacegraph.Actor{}
	for _, a := range page.Actors {
		actors[a.ID] = a
	}
	cell := func(actor, target string, p peacegraph.Position, n int, asOf peacegraph.Date) peacegraph.StanceCell {
		return peacegraph.StanceCell{ActorID: actor, TargetID: target, Position: p, EvidenceCount: n, AsOf: asOf}
	}
	for _, c := range []struct {
		name string
		asOf peacegraph.Date
		want *peacegraph.StanceMatrix
	}{
		{"AsOfTheTwentyFirst", "2025-11-21", &peacegraph.StanceMatrix{
			ActorIDs:  []string{"alice-envoy", "bob-minister", "carol-leader", "red-state"},
			TargetIDs: []string{"peace-plan", "peace-plan-1", "peace-plan-2", "peace-plan-3"},
			Cells: []peacegraph.StanceCell{
				cell("alice-envoy", "peace-plan", peacegraph.Supports, 1, "2025-11-21"),
				cell("alice-envoy", "peace-plan", peacegraph.Undecided, 1, "2025-11-21"),
				cell("bob-minister", "peace-plan", peacegraph.Supports, 1, "2025-11-21"),
				cell("carol-leader", "peace-plan-2", peacegraph.Opposes, 1, "2025-11-21"),
				cell("red-state", "peace-plan", peacegraph.Conditional, 2, "2025-11-21"),
			}}},
		{"Now", "", &peacegraph.StanceMatrix{
			ActorIDs:  []string{"alice-envoy", "bob-minister", "carol-leader", "red-state"},
			TargetIDs: []string{"peace-plan", "peace-plan-1", "peace-plan-2", "peace-plan-3"},
			Cells: []peacegraph.StanceCell{
				cell("alice-envoy", "peace-plan", peacegraph.Supports, 1, "2025-11-21"),
				cell("alice-envoy", "peace-plan", peacegraph.Undecided, 1, "2025-11-21"),
				cell("bob-minister", "peace-plan", peacegraph.Opposes, 1, "2025-11-24"),
				cell("carol-leader", "peace-plan-2", peacegraph.Supports, 2, "2025-11-22"),
				cell("red-state", "peace-plan", peacegraph.Conditional, 2, "2025-11-21"),
			}}},
		{"BeforeAnyEvidence", "2025-11-01", &peacegraph.StanceMatrix{
			TargetIDs: []string{"peace-plan", "peace-plan-1", "peace-plan-2", "peace-plan-3"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			stances, err := s.Stances(ctx, peacegraph.StanceFilter{TargetIDs: targets, AsOf: c.asOf})
			if err != nil {
				t.Fatal(err)
			}
			got := peacegraph.BuildStanceMatrix(plans[0], points[0], stances, actors)
			wantSame(t, "matrix", got, c.want)
		})
	}
}

func testRecordContradictions(t *testing.T, s peacegraph.Store) {
	ids := []string{"c-leak", "c-no-info", "c-fair", "c-alice-unsure", "c-heard", "c-bob-doubts", "c-reject"}
	got, err := s.Contradictions(t.Context(), ids)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"c-denial", "c-no-info"},     // contradicts, then denies
		{"c-leak"},                    // denies
		{"c-alice-unsure"},            // positions: two on one day
		{"c-fair"},                    // positions, symmetric
		nil,                           // Bob's change of position is history
		nil,                           // and so is its later half
		{"c-cap-support", "c-accept"}, // contradicts, in claim order: undated last
	}
	for i := range ids {
		wantIDs(t, "contradictions of "+ids[i], got[i], want[i])
	}
	nodes, err := s.Nodes(t.Context(), []string{"c-leak", "c-fair"})
	if err != nil {
		t.Fatal(err)
	}
	wantSame(t, "rules of c-leak", nodes[0].(*peacegraph.Claim).ContradictionRules,
		map[string][]string{"c-denial": {peacegraph.ContradictionExplicit}, "c-no-info": {peacegraph.ContradictionDenial}})
	wantSame(t, "rules of c-fair", nodes[1].(*peacegraph.Claim).ContradictionRules,
		map[string][]string{"c-alice-unsure": {peacegraph.ContradictionPositions}})
}

func testCorroboration(t *testing.T, s peacegraph.Store) {
	for _, c := range []struct {
		name  string
		claim string
		want  peacegraph.Corroboration
	}{
		// Two copies of one report count once; two spellings of one
		// publisher count once; the earliest date is shared by two
		// sources and the lower ID names it.
		{"ChainsAndSpellingsCountOnce", "c-no-info", peacegraph.Corroboration{Sources: 3, Publishers: 2, Earliest: "2025-11-20", EarliestSourceID: "ledger-digest"}},
		// A republication dates back to the report it copies.
		{"RepublicationDatesToItsOriginal", "c-bob-doubts", peacegraph.Corroboration{Sources: 1, Publishers: 1, Earliest: "2025-11-20", EarliestSourceID: "report-daily"}},
		{"UndatedSourceWithoutPublisher", "c-accept", peacegraph.Corroboration{Sources: 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			nodes, err := s.Nodes(t.Context(), []string{c.claim})
			if err != nil {
				t.Fatal(err)
			}
			claim, ok := nodes[0].(*peacegraph.Claim)
			if !ok {
				t.Fatalf("%s is %#v, want a claim", c.claim, nodes[0])
			}
			wantSame(t, "corroboration", claim.Corroboration, c.want)
		})
	}
}

func testPlanChanges(t *testing.T, s peacegraph.Store) {
	plans, err := s.Plans(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 2 {
		t.Fatalf("got %d plans, want 2", len(plans))
	}
	wantSame(t, "changes of the plan that revises nothing", plans[0].Changes, []peacegraph.PointChange(nil))
	wantSame(t, "changes", plans[1].Changes, []peacegraph.PointChange{
		{PointID: "peace-plan-1", Status: peacegraph.ChangeUnknown, EvidenceIDs: []string{"c-leak"}, Note: "Only the leak mentions it."},
		{PointID: "peace-plan-2", Status: peacegraph.ChangeChanged, RevisedIDs: []string{"revised-2"}, EvidenceIDs: []string{"c-cap-800"}},
		{PointID: "peace-plan-3", Status: peacegraph.ChangeDropped, EvidenceIDs: []string{"c-amnesty-dropped"}},
		{Status: peacegraph.ChangeAdded, RevisedIDs: []string{"revised-1"}},
	})
}

func testRecordSearch(t *testing.T, s peacegraph.Store) {
	hit := func(id string, kind peacegraph.Kind, score float64, snippet string) peacegraph.SearchHit {
		return peacegraph.SearchHit{NodeID: id, Kind: kind, Score: score, Snippet: snippet}
	}
	for _, c := range []struct {
		name string
		text string
		want []peacegraph.SearchHit
	}{
		{"DisputeQuestionWeighsAsATitle", "leaked", []peacegraph.SearchHit{
			hit("d-leak", peacegraph.KindDispute, 3, "Was the plan «leaked»?"),
			hit("report-daily", peacegraph.KindSource, 3, "«Leaked» plan reported"),
			hit("report-daily-copy", peacegraph.KindSource, 3, "«Leaked» plan reported (syndicated)"),
			hit("report-daily-copy-2", peacegraph.KindSource, 3, "«Leaked» plan reported (copied again)"),
			hit("c-denial", peacegraph.KindClaim, 1, "Redland denies that the plan was «leaked»."),
			hit("c-leak", peacegraph.KindClaim, 1, "The plan was «leaked» before its presentation."),
		}},
		{"SideLabels", "rejects", []peacegraph.SearchHit{
			hit("c-reject", peacegraph.KindClaim, 1, "Carol Cruz «rejects» the army cap."),
			hit("d-cap", peacegraph.KindDispute, 1, "«Rejects»"),
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Search(t.Context(), peacegraph.SearchQuery{Text: c.text, First: 20})
			if err != nil {
				t.Fatal(err)
			}
			wantSame(t, "hits", got, c.want)
		})
	}
}

func testPathEvidence(t *testing.T, s peacegraph.Store) {
	got, err := s.Path(t.Context(), "peace-plan-revised", "peace-plan-3", 2)
	if err != nil {
		t.Fatal(err)
	}
	wantSame(t, "path", got, []peacegraph.PathStep{
		{Relation: peacegraph.RelAbout, NodeID: "c-amnesty-dropped", Evidence: []string{"c-amnesty-dropped"}},
		{Relation: peacegraph.RelAbout, NodeID: "peace-plan-3", Evidence: []string{"c-amnesty-dropped"}},
	})
}

func testEdgeEvidence(t *testing.T, s peacegraph.Store) {
	v, err := s.Neighbourhood(t.Context(), peacegraph.NeighbourhoodQuery{Center: "peace-plan-revised", Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	nodes, _ := viewIDs(v)
	wantIDs(t, "nodes", nodes, []string{"peace-plan-revised", "north-alliance", "c-amnesty-dropped", "peace-plan", "revised-1", "revised-2"})
	edge := func(typ, from, to string, evidence ...string) peacegraph.Edge {
		return peacegraph.Edge{ID: typ + ":" + from + "->" + to, Source: from, Target: to, Type: typ, Evidence: evidence}
	}
	wantSame(t, "edges", v.Edges, []peacegraph.Edge{
		edge(peacegraph.RelAbout, "c-amnesty-dropped", "peace-plan", "c-amnesty-dropped"),
		edge(peacegraph.RelAbout, "c-amnesty-dropped", "peace-plan-revised", "c-amnesty-dropped"),
		// Background: no claim is about both the alliance and its plan.
		edge(peacegraph.RelAuthored, "north-alliance", "peace-plan-revised"),
		edge(peacegraph.RelClaimed, "north-alliance", "c-amnesty-dropped", "c-amnesty-dropped"),
		edge(peacegraph.RelHasPoint, "peace-plan-revised", "revised-1"),
		edge(peacegraph.RelHasPoint, "peace-plan-revised", "revised-2", "c-cap-800"),
		edge(peacegraph.RelRevises, "peace-plan-revised", "peace-plan", "c-amnesty-dropped"),
	})
	v, err = s.Neighbourhood(t.Context(), peacegraph.NeighbourhoodQuery{Center: "alice-envoy", Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range v.Edges {
		switch e.ID {
		case "SUPPORTS:alice-envoy->peace-plan":
			wantIDs(t, e.ID, e.Evidence, []string{"c-fair"})
		case "PARTICIPATED_IN:alice-envoy->ev-presentation":
			wantIDs(t, e.ID, e.Evidence, []string{"c-leak"})
		}
	}
}
