package peacegraph_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// companions is a plan with a revision and two companion documents, the
// first of them loaded before the plan, and a claim about the first
// companion and the plan.
func companions() *peacegraph.Dataset {
	return &peacegraph.Dataset{
		Plans: []*peacegraph.Plan{
			{ID: "draft", Title: "Guarantees draft", Accompanies: "plan"},
			{ID: "plan", Title: "Plan"},
			{ID: "revision", Title: "Revision", Revises: "plan"},
			{ID: "annex", Title: "Annex", Accompanies: "revision"},
		},
		Points: []*peacegraph.Point{
			{ID: "plan-1", PlanID: "plan", Number: 1, Title: "Ceasefire", Summary: "Fighting stops.", Topic: "ceasefire"},
			{ID: "draft-1", PlanID: "draft", Number: 1, Title: "Council", Summary: "Guarantors meet.", Topic: "security"},
		},
		Sources: []*peacegraph.Source{{ID: "report", Title: "Report"}},
		Claims: []*peacegraph.Claim{
			{ID: "c-draft", Text: "The draft was published with the plan.", AboutIDs: []string{"draft", "plan"},
				Certainty: peacegraph.Reported, Citations: []peacegraph.Citation{{SourceID: "report"}}},
		},
	}
}

func TestCompanions(t *testing.T) {
	t.Run("TheDefaultPlanIsTheFirstThatAccompaniesNothing", func(t *testing.T) {
		d := companions()
		if got := peacegraph.DefaultPlan(d.Plans); got == nil || got.ID != "plan" {
			t.Errorf("default plan = %v, want plan", got)
		}
		if got := peacegraph.DefaultPlan(d.Plans[:1]); got != nil {
			t.Errorf("default plan of a lone companion = %v, want none", got)
		}
	})

	t.Run("ACompanionHasNoChanges", func(t *testing.T) {
		d := companions()
		MustComplete(t, d)
		if got := d.Plans[0].Changes; got != nil {
			t.Errorf("changes of the draft = %+v, want none", got)
		}
	})

	t.Run("EdgesToTheAccompaniedPlanWithTheClaimsAboutBoth", func(t *testing.T) {
		d := companions()
		MustComplete(t, d)
		var got []peacegraph.Edge
		for _, e := range d.Edges() {
			if e.Type == peacegraph.RelAccompanies {
				got = append(got, e)
			}
		}
		want := []peacegraph.Edge{
			{ID: "ACCOMPANIES:annex->revision", Source: "annex", Target: "revision", Type: peacegraph.RelAccompanies},
			{ID: "ACCOMPANIES:draft->plan", Source: "draft", Target: "plan", Type: peacegraph.RelAccompanies, Evidence: []string{"c-draft"}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("edges:\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("ACCOMPANIESIsARelationshipType", func(t *testing.T) {
		q := peacegraph.NeighbourhoodQuery{Center: "plan", Types: []string{peacegraph.RelAccompanies}}
		if err := q.Check(); err != nil {
			t.Error(err)
		}
	})
}

func TestValidateCompanionRules(t *testing.T) {
	type problem struct{ id, field, rule string }
	for _, c := range []struct {
		name   string
		change func(d *peacegraph.Dataset)
		want   []problem
	}{
		{"AnUnknownPlan", func(d *peacegraph.Dataset) { d.Plans[0].Accompanies = "nobody" },
			[]problem{{"draft", "accompanies", peacegraph.RuleUnknownReference}}},
		{"APoint", func(d *peacegraph.Dataset) { d.Plans[0].Accompanies = "plan-1" },
			[]problem{{"draft", "accompanies", peacegraph.RuleWrongKind}}},
		{"Itself", func(d *peacegraph.Dataset) { d.Plans[0].Accompanies = "draft" },
			[]problem{{"draft", "accompanies", peacegraph.RuleUnknownReference}}},
		{"AndRevises", func(d *peacegraph.Dataset) { d.Plans[3].Revises = "plan" },
			[]problem{{"annex", "accompanies", peacegraph.RuleConflict}}},
		{"ACompanion", func(d *peacegraph.Dataset) { d.Plans[3].Accompanies = "draft" },
			[]problem{{"annex", "accompanies", peacegraph.RuleUnknownReference}}},
		{"EachOther", func(d *peacegraph.Dataset) { d.Plans[1].Accompanies = "draft" },
			[]problem{{"draft", "accompanies", peacegraph.RuleCycle}, {"plan", "accompanies", peacegraph.RuleCycle}}},
		{"AChainBackToItself", func(d *peacegraph.Dataset) {
			d.Plans[1].Accompanies, d.Plans[2].Accompanies, d.Plans[2].Revises = "annex", "draft", ""
		}, []problem{
			{"draft", "accompanies", peacegraph.RuleCycle}, {"plan", "accompanies", peacegraph.RuleCycle},
			{"revision", "accompanies", peacegraph.RuleCycle}, {"annex", "accompanies", peacegraph.RuleCycle},
		}},
		{"APointThatAmends", func(d *peacegraph.Dataset) { d.Points[1].Amends = "plan-1" },
			[]problem{{"draft-1", "amends", peacegraph.RuleUnknownReference}}},
		{"RecordedChanges", func(d *peacegraph.Dataset) {
			d.Plans[0].SeedChanges = []peacegraph.PointChange{{PointID: "plan-1", Status: peacegraph.ChangeKept}}
		}, []problem{{"draft", "changes", peacegraph.RuleUnknownReference}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := companions()
			c.change(d)
			d.Complete()
			var ps peacegraph.Problems
			if err := d.Validate(); !errors.As(err, &ps) {
				t.Fatalf("Validate = %v, want problems", err)
			}
			var got []problem
			for _, p := range ps {
				got = append(got, problem{p.ID, p.Field, p.Rule})
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("problems = %v, want %v\n%v", got, c.want, ps)
			}
		})
	}
}
