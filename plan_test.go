package peacegraph_test

import (
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
)

func TestPlanVersions(t *testing.T) {
	plans := []*peacegraph.Plan{
		{ID: "plan"}, {ID: "counter", Revises: "plan"}, {ID: "revised", Revises: "plan"}, {ID: "final", Revises: "revised"},
	}
	t.Run("TheDefaultPlanIsTheFirstLoaded", func(t *testing.T) {
		if got := peacegraph.DefaultPlan(plans); got == nil || got.ID != "plan" {
			t.Errorf("got %v, want plan", got)
		}
		if got := peacegraph.DefaultPlan(nil); got != nil {
			t.Errorf("got %v with no plans, want nil", got)
		}
	})
	t.Run("AmendmentsByPlanLoadOrderThenNumber", func(t *testing.T) {
		points := []*peacegraph.Point{
			{ID: "revised-3", PlanID: "revised", Number: 3, Amends: "plan-1"},
			{ID: "counter-2", PlanID: "counter", Number: 2, Amends: "plan-1"},
			{ID: "revised-1", PlanID: "revised", Number: 1, Amends: "plan-1"},
			{ID: "final-1", PlanID: "final", Number: 1, Amends: "revised-1"},
			{ID: "counter-1", PlanID: "counter", Number: 1},
		}
		got := map[string][]string{}
		for id, list := range peacegraph.Amendments(plans, points) {
			for _, p := range list {
				got[id] = append(got[id], p.ID)
			}
		}
		want := map[string][]string{"plan-1": {"counter-2", "revised-1", "revised-3"}, "revised-1": {"final-1"}}
		if len(got) != len(want) || !slices.Equal(got["plan-1"], want["plan-1"]) || !slices.Equal(got["revised-1"], want["revised-1"]) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
}

func TestPlanErrors(t *testing.T) {
	for _, c := range []struct {
		name                 string
		err                  *peacegraph.Error
		field, message, code string
	}{
		{"NoPlanLoaded", peacegraph.NoPlanError(""), "plan", "no plan is loaded", peacegraph.ENOTFOUND},
		{"NoSuchPlan", peacegraph.NoPlanError("nowhere"), "plan", `no plan "nowhere"`, peacegraph.ENOTFOUND},
		{"NoSuchPoint", peacegraph.NoPointError("plan", 99), "number", `plan "plan" has no point 99`, peacegraph.ENOTFOUND},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.err.Code != c.code || c.err.Field != c.field || peacegraph.ErrorMessage(c.err) != c.message {
				t.Errorf("got %s %q %q, want %s %q %q", c.err.Code, c.err.Field, c.err.Message, c.code, c.field, c.message)
			}
		})
	}
}
