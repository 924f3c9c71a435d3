package peacegraph_test

import (
	"reflect"
	"testing"

	"github.com/peacegraph/peacegraph"
)

func TestBuildStanceMatrix(t *testing.T) {
	plan := &peacegraph.Plan{ID: "plan"}
	points := []*peacegraph.Point{
		{ID: "point-2", PlanID: "plan", Number: 2}, {ID: "point-1", PlanID: "plan", Number: 1},
		{ID: "other-1", PlanID: "other", Number: 1},
	}
	actors := map[string]*peacegraph.Actor{
		"putin": {ID: "putin", Name: "Vladimir Putin"}, "kremlin": {ID: "kremlin", Name: "Kremlin"},
		"eu": {ID: "eu", Name: "European Union"},
	}
	stances := []*peacegraph.Stance{
		stance("putin", "plan", peacegraph.Supports, dates, "c1"),
		stance("putin", "plan", peacegraph.Conditional, dates, "c2", "c5"),
		stance("kremlin", "point-2", peacegraph.Undecided, dates, "c3"),
		stance("kremlin", "point-2", peacegraph.Opposes, dates, "c1"),
		stance("putin", "point-1", peacegraph.Opposes, dates, "c4"),
		stance("eu", "other-1", peacegraph.Supports, dates, "c1"),
	}
	got := peacegraph.BuildStanceMatrix(plan, points, stances, actors)
	want := &peacegraph.StanceMatrix{
		ActorIDs:  []string{"kremlin", "putin"},
		TargetIDs: []string{"plan", "point-1", "point-2"},
		Cells: []peacegraph.StanceCell{
			{ActorID: "kremlin", TargetID: "point-2", Position: peacegraph.Opposes, EvidenceCount: 1, AsOf: "2025-11-21"},
			{ActorID: "kremlin", TargetID: "point-2", Position: peacegraph.Undecided, EvidenceCount: 1, AsOf: "2025-11-21"},
			{ActorID: "putin", TargetID: "plan", Position: peacegraph.Conditional, EvidenceCount: 2, AsOf: "2025-11-27"},
			{ActorID: "putin", TargetID: "point-1", Position: peacegraph.Opposes, EvidenceCount: 1},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	t.Run("NoPlanIsAnEmptyMatrix", func(t *testing.T) {
		got := peacegraph.BuildStanceMatrix(nil, points, stances, actors)
		if len(got.ActorIDs)+len(got.TargetIDs)+len(got.Cells) != 0 {
			t.Errorf("got %+v, want an empty matrix", got)
		}
	})
}
