package storetest

import (
	"slices"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// EuropeanBodies are the European governments and organizations of the
// seeds; an actor affiliated with one of them is European too.
var EuropeanBodies = []string{
	"european-union", "european-partners", "e3", "united-kingdom", "germany", "france", "poland",
	"italy", "spain", "netherlands", "ireland", "finland", "norway",
}

// testSeedsRecord checks facts of the record that the later rules derive
// from the real seeds: stances as of a date, the authorship dispute and
// the changes of the E3 counter-proposal.
func testSeedsRecord(t *testing.T, s peacegraph.Store, d *peacegraph.Dataset) {
	ctx := t.Context()

	t.Run("NoEuropeanActorBacksPoint21OnTheTwentieth", func(t *testing.T) {
		europeans := map[string]bool{}
		for _, id := range EuropeanBodies {
			europeans[id] = true
		}
		for _, a := range d.Actors {
			for _, f := range a.Affiliations {
				if slices.Contains(EuropeanBodies, f.ActorID) {
					europeans[a.ID] = true
				}
			}
		}
		got, err := s.Stances(ctx, peacegraph.StanceFilter{
			TargetIDs: []string{"us-28-point-plan-21"}, Position: peacegraph.Supports, AsOf: "2025-11-20"})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range got {
			if europeans[st.ActorID] {
				t.Errorf("%s supports point 21 as of 2025-11-20 (evidence %v)", st.ActorID, st.EvidenceIDs)
			}
		}
	})

	t.Run("OnTheTwentySeventhPutinIsConditionalOnTheGenevaTextAndBacksPoint21", func(t *testing.T) {
		got, err := s.Stances(ctx, peacegraph.StanceFilter{
			ActorIDs: []string{"vladimir-putin"}, AsOf: "2025-11-27"})
		if err != nil {
			t.Fatal(err)
		}
		positions := map[string][]peacegraph.Position{}
		for _, st := range got {
			positions[st.TargetID] = append(positions[st.TargetID], st.Position)
		}
		want := map[string][]peacegraph.Position{
			"us-28-point-plan":     {peacegraph.Supports}, // 21 November, not moved since
			"us-19-point-revision": {peacegraph.Conditional},
			"us-28-point-plan-21":  {peacegraph.Supports},
		}
		for target, w := range want {
			if !slices.Equal(positions[target], w) {
				t.Errorf("Putin's effective positions on %s as of 2025-11-27 = %v, want %v", target, positions[target], w)
			}
		}
	})

	t.Run("AuthorshipIsADisputeOfAtLeastThreeSourcedSides", func(t *testing.T) {
		disputes, err := s.Disputes(ctx, "us-28-point-plan")
		if err != nil {
			t.Fatal(err)
		}
		var authorship *peacegraph.Dispute
		for _, x := range disputes {
			if x.ID == "authorship-of-the-28-point-plan" {
				authorship = x
			}
		}
		if authorship == nil {
			t.Fatalf("disputes about the plan = %v, want authorship-of-the-28-point-plan among them", idsOf(disputes))
		}
		if len(authorship.Sides) < 3 {
			t.Errorf("authorship has %d sides, want at least 3", len(authorship.Sides))
		}
		pages, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: len(d.Claims)}})
		if err != nil {
			t.Fatal(err)
		}
		for _, side := range authorship.Sides {
			sourced := 0
			for _, c := range pages[0].Claims {
				if slices.Contains(side.ClaimIDs, c.ID) && len(c.Citations) > 0 {
					sourced++
				}
			}
			if sourced == 0 {
				t.Errorf("side %q has no claim with a source", side.Label)
			}
		}
	})

	t.Run("E3VersionChangesPoint6AndDropsPoint26", func(t *testing.T) {
		plans, err := s.Plans(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var e3 *peacegraph.Plan
		for _, p := range plans {
			if p.ID == "e3-counter-proposal" {
				e3 = p
			}
		}
		if e3 == nil {
			t.Fatal("no plan e3-counter-proposal")
		}
		status := map[string]peacegraph.PointChange{}
		for _, c := range e3.Changes {
			status[c.PointID] = c
		}
		six := status["us-28-point-plan-6"]
		if six.Status != peacegraph.ChangeChanged || len(six.RevisedIDs) == 0 {
			t.Fatalf("point 6: %+v, want CHANGED by a point of the E3 version", six)
		}
		nodes, err := s.Nodes(ctx, six.RevisedIDs)
		if err != nil {
			t.Fatal(err)
		}
		if p, ok := nodes[0].(*peacegraph.Point); !ok || !strings.Contains(p.Summary, "800,000") {
			t.Errorf("the point amending point 6 is %#v, want a summary mentioning 800,000", nodes[0])
		}
		if got := status["us-28-point-plan-26"].Status; got != peacegraph.ChangeDropped {
			t.Errorf("point 26: %s, want DROPPED", got)
		}
	})
}
