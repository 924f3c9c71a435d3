package peacegraph_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// record is a small dataset, built afresh on each call, for the derived
// rules: a wire story and its copies, a denial, two positions on one day,
// a revision with changes, and a dispute.
func record() *peacegraph.Dataset {
	cite := func(ids ...string) []peacegraph.Citation {
		var cs []peacegraph.Citation
		for _, id := range ids {
			cs = append(cs, peacegraph.Citation{SourceID: id})
		}
		return cs
	}
	return &peacegraph.Dataset{
		Actors: []*peacegraph.Actor{
			{ID: "putin", Name: "Vladimir Putin", Kind: peacegraph.ActorPerson},
			{ID: "kremlin", Name: "Kremlin", Kind: peacegraph.ActorGovernment,
				Affiliations: []peacegraph.Affiliation{{ActorID: "putin"}}},
		},
		Plans: []*peacegraph.Plan{
			{ID: "plan", Title: "Plan", AuthorIDs: []string{"putin"}},
			{ID: "e3", Title: "E3 plan", Revises: "plan", SeedChanges: []peacegraph.PointChange{
				{PointID: "plan-3", Status: peacegraph.ChangeDropped, EvidenceIDs: []string{"c-dropped"}},
				{PointID: "plan-2", Status: peacegraph.ChangeUnknown, EvidenceIDs: []string{"c-wire"}, Note: "One report."},
			}},
		},
		Points: []*peacegraph.Point{
			{ID: "plan-1", PlanID: "plan", Number: 1, Title: "Army", Summary: "600,000.", Topic: "military"},
			{ID: "plan-2", PlanID: "plan", Number: 2, Title: "Ceasefire", Summary: "Stop.", Topic: "security"},
			{ID: "plan-3", PlanID: "plan", Number: 3, Title: "Amnesty", Summary: "All.", Topic: "justice"},
			{ID: "e3-2", PlanID: "e3", Number: 2, Title: "New", Summary: "Added.", Topic: "security"},
			{ID: "e3-1", PlanID: "e3", Number: 1, Title: "Army", Summary: "800,000.", Topic: "military", Amends: "plan-1"},
		},
		Sources: []*peacegraph.Source{
			{ID: "wire", Title: "Wire", Publisher: "Wire Agency", Published: "2025-11-21"},
			{ID: "copy-a", Title: "Copy", Publisher: "Site A", Published: "2025-11-22", Republishes: "wire"},
			{ID: "copy-b", Title: "Copy of copy", Publisher: "Site B", Published: "2025-11-20", Republishes: "copy-a"},
			{ID: "paper", Title: "Paper", Publisher: " wire agency", Published: "2025-11-23"},
			{ID: "memo", Title: "Memo"},
		},
		Claims: []*peacegraph.Claim{
			{ID: "c-wire", Text: "Wire.", AboutIDs: []string{"plan"}, Certainty: peacegraph.Reported, Date: "2025-11-21",
				Citations: cite("copy-b", "copy-a", "wire", "paper")},
			{ID: "c-no-info", Text: "No information.", ClaimantID: "kremlin", AboutIDs: []string{"plan"},
				Certainty: peacegraph.Denied, Date: "2025-11-21", Citations: cite("memo"), Denies: []string{"c-wire"}},
			{ID: "c-supports", Text: "Supports.", ClaimantID: "putin", AboutIDs: []string{"plan", "putin"},
				Certainty: peacegraph.Stated, Date: "2025-11-21", Citations: cite("paper")},
			{ID: "c-conditions", Text: "Conditions.", ClaimantID: "putin", AboutIDs: []string{"plan"},
				Certainty: peacegraph.Stated, Date: "2025-11-21", Citations: cite("paper"), Contradicts: []string{"c-later"}},
			{ID: "c-later", Text: "Later.", ClaimantID: "putin", AboutIDs: []string{"plan"},
				Certainty: peacegraph.Stated, Date: "2025-11-27", Citations: cite("paper")},
			{ID: "c-e3-army", Text: "800,000.", AboutIDs: []string{"e3-1"}, Certainty: peacegraph.Stated,
				Citations: cite("memo")},
			{ID: "c-dropped", Text: "Dropped.", AboutIDs: []string{"e3", "plan-3", "plan"}, Certainty: peacegraph.Stated,
				Date: "2025-11-24", Citations: cite("paper")},
			{ID: "c-kremlin-putin", Text: "Speaks for.", AboutIDs: []string{"putin", "kremlin"}, Certainty: peacegraph.Stated,
				Date: "2025-11-22", Citations: cite("paper")},
		},
		Stances: []*peacegraph.Stance{
			{ActorID: "putin", TargetID: "plan", Position: peacegraph.Supports, EvidenceIDs: []string{"c-supports"}},
			{ActorID: "putin", TargetID: "plan", Position: peacegraph.Conditional, EvidenceIDs: []string{"c-later", "c-conditions"}},
		},
		Disputes: []*peacegraph.Dispute{
			{ID: "d-leak", Question: "Leaked?", AboutIDs: []string{"plan-2"}, Sides: []peacegraph.DisputeSide{
				{Label: "Yes", ClaimIDs: []string{"c-wire"}}, {Label: "No", ClaimIDs: []string{"c-no-info"}},
			}},
			{ID: "d-author", Question: "Who wrote it?", AboutIDs: []string{"putin"}, Sides: []peacegraph.DisputeSide{
				{Label: "Putin", ClaimIDs: []string{"c-supports"}}, {Label: "Others", ClaimIDs: []string{"c-wire"}},
			}},
		},
	}
}

// MustComplete completes and validates d.
func MustComplete(tb testing.TB, d *peacegraph.Dataset) map[string]peacegraph.Node {
	tb.Helper()
	d.Complete()
	if err := d.Validate(); err != nil {
		tb.Fatalf("Validate: %v", err)
	}
	return d.Nodes()
}

func TestCorroboration(t *testing.T) {
	nodes := MustComplete(t, record())
	for _, c := range []struct {
		name, claim string
		want        peacegraph.Corroboration
	}{
		// copy-b and copy-a lead back to wire; paper's publisher is the
		// wire's, spelt differently; copy-b is dated earliest of all.
		{"CopiesCountAsTheirOriginal", "c-wire", peacegraph.Corroboration{Sources: 2, Publishers: 1, Earliest: "2025-11-20", EarliestSourceID: "copy-b"}},
		{"UndatedWithoutPublisher", "c-no-info", peacegraph.Corroboration{Sources: 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := nodes[c.claim].(*peacegraph.Claim).Corroboration; got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestContradictions(t *testing.T) {
	d := record()
	nodes := MustComplete(t, d)
	rules := func(id string) map[string][]string { return nodes[id].(*peacegraph.Claim).ContradictionRules }
	for _, c := range []struct {
		name, claim string
		want        map[string][]string
	}{
		{"DenialBothWays", "c-wire", map[string][]string{"c-no-info": {"denies"}}},
		{"DenialOnTheDenier", "c-no-info", map[string][]string{"c-wire": {"denies"}}},
		{"TwoPositionsOnOneDay", "c-supports", map[string][]string{"c-conditions": {"positions"}}},
		{"PositionsAndExplicitTogether", "c-conditions", map[string][]string{"c-supports": {"positions"}, "c-later": {"contradicts"}}},
		// c-later is a later position of Putin's than c-supports: history.
		{"ExplicitOnly", "c-later", map[string][]string{"c-conditions": {"contradicts"}}},
		{"None", "c-dropped", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := rules(c.claim); !reflect.DeepEqual(got, c.want) {
				t.Errorf("rules = %v, want %v", got, c.want)
			}
		})
	}
	t.Run("ContradictsIsSortedAndSymmetric", func(t *testing.T) {
		got := nodes["c-conditions"].(*peacegraph.Claim).Contradicts
		if want := []string{"c-later", "c-supports"}; !reflect.DeepEqual(got, want) {
			t.Errorf("contradicts = %v, want %v", got, want)
		}
	})
	t.Run("CompletingTwiceChangesNothing", func(t *testing.T) {
		before := nodes["c-later"].(*peacegraph.Claim).ContradictionRules
		d.Complete()
		if got := rules("c-later"); !reflect.DeepEqual(got, before) {
			t.Errorf("after a second Complete rules = %v, want %v", got, before)
		}
		if got := rules("c-supports"); !reflect.DeepEqual(got, map[string][]string{"c-conditions": {"positions"}}) {
			t.Errorf("after a second Complete a derived link became explicit: %v", got)
		}
	})
}

func TestPlanChanges(t *testing.T) {
	d := record()
	nodes := MustComplete(t, d)
	got := nodes["e3"].(*peacegraph.Plan).Changes
	want := []peacegraph.PointChange{
		{PointID: "plan-1", Status: peacegraph.ChangeChanged, RevisedIDs: []string{"e3-1"}, EvidenceIDs: []string{"c-e3-army"}},
		{PointID: "plan-2", Status: peacegraph.ChangeUnknown, EvidenceIDs: []string{"c-wire"}, Note: "One report."},
		{PointID: "plan-3", Status: peacegraph.ChangeDropped, EvidenceIDs: []string{"c-dropped"}},
		{Status: peacegraph.ChangeAdded, RevisedIDs: []string{"e3-2"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changes =\n%+v\nwant\n%+v", got, want)
	}
	if got := nodes["plan"].(*peacegraph.Plan).Changes; got != nil {
		t.Errorf("a plan that revises nothing has changes %+v", got)
	}
}

func TestEdgeEvidence(t *testing.T) {
	d := record()
	MustComplete(t, d)
	byID := map[string][]string{}
	for _, e := range d.Edges() {
		byID[e.ID] = e.Evidence
	}
	for _, c := range []struct {
		edge string
		want []string
	}{
		{"CLAIMED:kremlin->c-no-info", []string{"c-no-info"}},
		{"CITES:c-wire->copy-a", []string{"c-wire"}},
		// A stance's evidence in claim order, whatever the seed order.
		{"CONDITIONAL:putin->plan", []string{"c-conditions", "c-later"}},
		{"CONTRADICTS:c-conditions->c-supports", []string{"c-conditions", "c-supports"}},
		// Background edges: the claims about both ends.
		{"AFFILIATED_WITH:kremlin->putin", []string{"c-kremlin-putin"}},
		{"AUTHORED:putin->plan", []string{"c-supports"}},
		{"REVISES:e3->plan", []string{"c-dropped"}},
		{"AMENDS:e3-1->plan-1", nil},
		// HAS_POINT: the claims about the point, dated first.
		{"HAS_POINT:e3->e3-1", []string{"c-e3-army"}},
		{"HAS_POINT:plan->plan-3", []string{"c-dropped"}},
	} {
		t.Run(c.edge, func(t *testing.T) {
			got, ok := byID[c.edge]
			if !ok {
				t.Fatalf("no edge %s", c.edge)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("evidence = %v, want %v", got, c.want)
			}
		})
	}
}

func TestDisputesAbout(t *testing.T) {
	d := record()
	MustComplete(t, d)
	points := map[string]*peacegraph.Point{}
	for _, p := range d.Points {
		points[p.ID] = p
	}
	ids := func(ds []*peacegraph.Dispute) []string {
		var out []string
		for _, x := range ds {
			out = append(out, x.ID)
		}
		return out
	}
	for _, c := range []struct {
		name, plan string
		want       []string
	}{
		{"AboutAPointOfThePlan", "plan", []string{"d-leak"}},
		{"AllByID", "", []string{"d-author", "d-leak"}},
		{"NoneAboutTheRevision", "e3", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ids(peacegraph.DisputesAbout(d.Disputes, c.plan, points)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestNeighbourhoodQueryCheck(t *testing.T) {
	for _, c := range []struct {
		name string
		q    peacegraph.NeighbourhoodQuery
		want string // a word the message must hold; "" for valid
	}{
		{"Valid", peacegraph.NeighbourhoodQuery{Center: "x", Depth: 2, Types: []string{"SUPPORTS", "ABOUT"}, MaxNodes: 5}, ""},
		{"NegativeDepth", peacegraph.NeighbourhoodQuery{Depth: -1}, "depth"},
		{"NegativeCap", peacegraph.NeighbourhoodQuery{MaxNodes: -1}, "maxNodes"},
		{"UnknownTypeListsTheValidOnes", peacegraph.NeighbourhoodQuery{Types: []string{"LIKES"}}, "AFFILIATED_WITH"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.q.Check()
			if c.want == "" {
				if err != nil {
					t.Errorf("Check = %v, want nil", err)
				}
				return
			}
			if got := peacegraph.ErrorCode(err); got != peacegraph.EINVALID {
				t.Errorf("code = %q, want EINVALID", got)
			}
			if !strings.Contains(peacegraph.ErrorMessage(err), c.want) {
				t.Errorf("message %q does not mention %q", peacegraph.ErrorMessage(err), c.want)
			}
		})
	}
}

func TestValidateRecordRules(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(d *peacegraph.Dataset)
		field  string
		rule   string
	}{
		{"RepublicationCycle", func(d *peacegraph.Dataset) { d.Sources[0].Republishes = "copy-b" }, "republishes", peacegraph.RuleCycle},
		{"RepublishesAClaim", func(d *peacegraph.Dataset) { d.Sources[0].Republishes = "c-wire" }, "republishes", peacegraph.RuleWrongKind},
		{"DeniesItself", func(d *peacegraph.Dataset) { d.Claims[1].Denies = []string{"c-no-info"} }, "denies[0]", peacegraph.RuleUnknownReference},
		{"ReviewWithoutReviewer", func(d *peacegraph.Dataset) {
			d.Claims[0].Reviews = []peacegraph.Review{{Rating: "False"}}
		}, "reviews[0].reviewer", peacegraph.RuleRequired},
		{"RatingBelowTheScale", func(d *peacegraph.Dataset) {
			d.Claims[0].Reviews = []peacegraph.Review{{Reviewer: "R", Rating: "False", RatingValue: 1, WorstRating: 2, BestRating: 5}}
		}, "reviews[0].rating_value", peacegraph.RuleBadNumber},
		{"RatingWithoutAScale", func(d *peacegraph.Dataset) {
			d.Claims[0].Reviews = []peacegraph.Review{{Reviewer: "R", Rating: "False", RatingValue: 1}}
		}, "reviews[0].best_rating", peacegraph.RuleRequired},
		{"DisputeWithOneSide", func(d *peacegraph.Dataset) { d.Disputes[0].Sides = d.Disputes[0].Sides[:1] }, "sides", peacegraph.RuleRequired},
		{"SideWithoutLabel", func(d *peacegraph.Dataset) { d.Disputes[0].Sides[1].Label = " " }, "sides[1].label", peacegraph.RuleRequired},
		{"SideWithAPoint", func(d *peacegraph.Dataset) { d.Disputes[0].Sides[1].ClaimIDs = []string{"plan-1"} }, "sides[1].claims[0]", peacegraph.RuleWrongKind},
		{"AmendsOutsideTheRevisedPlan", func(d *peacegraph.Dataset) { d.Points[4].Amends = "e3-2" }, "amends", peacegraph.RuleUnknownReference},
		{"ChangeOfAnAmendedPoint", func(d *peacegraph.Dataset) { d.Plans[1].SeedChanges[0].PointID = "plan-1" }, "changes[0].status", peacegraph.RuleConflict},
		{"ChangeWrittenAsChanged", func(d *peacegraph.Dataset) { d.Plans[1].SeedChanges[0].Status = peacegraph.ChangeChanged }, "changes[0].status", peacegraph.RuleBadEnum},
		{"ChangeTwice", func(d *peacegraph.Dataset) { d.Plans[1].SeedChanges[1].PointID = "plan-3" }, "changes[1].point", peacegraph.RuleDuplicateID},
		{"ChangesWithoutRevises", func(d *peacegraph.Dataset) {
			d.Plans[0].SeedChanges = []peacegraph.PointChange{{PointID: "plan-1", Status: peacegraph.ChangeKept}}
		}, "changes", peacegraph.RuleUnknownReference},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := record()
			c.change(d)
			d.Complete()
			var ps peacegraph.Problems
			if err := d.Validate(); !errors.As(err, &ps) {
				t.Fatalf("Validate = %v, want problems", err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Field+" "+p.Rule)
			}
			want := []string{c.field + " " + c.rule}
			// Every source of a cycle is reported: any one may be the mistake.
			if c.name == "RepublicationCycle" {
				want = append(want, want[0], want[0])
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("problems = %q, want %q", got, want)
			}
		})
	}
}

func TestDisputesAreNodesAndSearched(t *testing.T) {
	d := record()
	nodes := MustComplete(t, d)
	if n, ok := nodes["d-author"].(*peacegraph.Dispute); !ok || n.NodeKind() != peacegraph.KindDispute || n.Label() != "Who wrote it?" {
		t.Fatalf("Nodes()[d-author] = %#v, want the dispute labelled by its question", nodes["d-author"])
	}
	var all []peacegraph.Node
	for _, n := range nodes {
		all = append(all, n)
	}
	hits, err := peacegraph.SearchNodes(all, peacegraph.SearchQuery{Text: "others", First: 5})
	if err != nil {
		t.Fatal(err)
	}
	want := []peacegraph.SearchHit{{NodeID: "d-author", Kind: peacegraph.KindDispute, Score: 1, Snippet: "«Others»"}}
	if !reflect.DeepEqual(hits, want) {
		t.Errorf("hits = %+v, want %+v", hits, want)
	}
}
