package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// ChangesFixture returns Fixture with what a change query looks at beyond
// it: a dispute whose sides appear on different days (one only undated,
// which never appears), and a claim about the revised plan's point on the
// day of that plan. Every change it holds is worked out by hand in
// testChanges.
func ChangesFixture() *peacegraph.Dataset {
	d := Fixture()
	d.Claims = append(d.Claims, &peacegraph.Claim{
		ID: "c-monitors", Text: "The revised plan adds monitors on the line.",
		AboutIDs: []string{"revised-1"}, Certainty: peacegraph.Reported, Date: "2025-11-23",
		Citations: []peacegraph.Citation{{SourceID: "report-daily"}},
	})
	d.Disputes = []*peacegraph.Dispute{{
		ID: "was-the-plan-leaked", Question: "Was the plan leaked before it was presented?",
		AboutIDs: []string{"peace-plan"},
		Sides: []peacegraph.DisputeSide{
			{Label: "It was leaked", ClaimIDs: []string{"c-fair", "c-leak"}},
			{Label: "Carol Cruz knew of it", Summary: "Only analysis says so.", ClaimIDs: []string{"c-accept", "c-cap-support"}},
			{Label: "No one can say", ClaimIDs: []string{"c-accept"}},
		},
	}}
	return d
}

// changeLine renders one entry of a day, for comparing answers whole.
func changeLines(days []*peacegraph.ChangeDay) []string {
	var out []string
	for _, d := range days {
		out = append(out, fmt.Sprintf("%s claims %s", d.Date, strings.Join(idsOf(d.Claims), " ")))
		for _, s := range d.Stances {
			out = append(out, fmt.Sprintf("%s stance %s %s %s %s from %v by %s", d.Date, s.ActorID, s.Kind, s.Position, s.TargetID,
				s.Previous, strings.Join(s.EvidenceIDs, " ")))
		}
		for _, s := range d.DisputeSides {
			out = append(out, fmt.Sprintf("%s side %s %q by %s", d.Date, s.Dispute.ID, s.Side().Label, strings.Join(s.EvidenceIDs, " ")))
		}
		for _, p := range d.Plans {
			out = append(out, fmt.Sprintf("%s plan %s by %s", d.Date, p.Plan.ID, strings.Join(p.EvidenceIDs, " ")))
		}
	}
	return out
}

func testChanges(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	t.Run("EmptyStoreHasNone", func(t *testing.T) {
		days, err := s.Changes(ctx, peacegraph.ChangeQuery{Since: "2025-11-20"})
		if err != nil || len(days) != 0 {
			t.Errorf("Changes on an empty store = %v, %v; want none", changeLines(days), err)
		}
	})
	MustLoad(t, s, ChangesFixture())
	want := ChangesFixture()
	want.Complete()

	t.Run("DayByDay", func(t *testing.T) {
		days, err := s.Changes(ctx, peacegraph.ChangeQuery{Since: "2025-11-19", Until: "2025-11-30"})
		if err != nil {
			t.Fatal(err)
		}
		wantIDs(t, "changes", changeLines(days), []string{
			"2025-11-20 claims c-denial c-leak",
			"2025-11-20 stance red-state APPEARED CONDITIONAL peace-plan from [] by c-denial",
			`2025-11-20 side was-the-plan-leaked "It was leaked" by c-leak`,
			"2025-11-20 plan peace-plan by c-denial c-leak",
			// Redland's CONDITIONAL stance is observed again: no change.
			"2025-11-21 claims c-fair c-heard c-reject",
			"2025-11-21 stance alice-envoy APPEARED SUPPORTS peace-plan from [] by c-fair",
			"2025-11-21 stance bob-minister APPEARED SUPPORTS peace-plan from [] by c-heard",
			// Carol Cruz's undated acceptance is not placed in time.
			"2025-11-21 stance carol-leader APPEARED OPPOSES peace-plan-2 from [] by c-reject",
			"2025-11-22 claims c-cap-support",
			"2025-11-22 stance carol-leader MOVED SUPPORTS peace-plan-2 from [OPPOSES] by c-cap-support",
			`2025-11-22 side was-the-plan-leaked "Carol Cruz knew of it" by c-cap-support`,
			"2025-11-23 claims c-monitors",
			"2025-11-23 plan peace-plan-revised by c-monitors",
		})
		ref, err := want.Changes(peacegraph.ChangeQuery{Since: "2025-11-19", Until: "2025-11-30"})
		if err != nil {
			t.Fatal(err)
		}
		wantSame(t, "changes", days, ref)
	})

	// Every window the record allows, from one day to the whole week and
	// with either end left out, gives what the rule gives on the whole
	// dataset: a move is told from a position taken before the window.
	t.Run("EveryWindow", func(t *testing.T) {
		var queries []peacegraph.ChangeQuery
		for since := peacegraph.Date("2025-11-19"); since <= "2025-11-24"; since = since.AddDays(1) {
			queries = append(queries, peacegraph.ChangeQuery{Since: since})
			for until := since; until <= "2025-11-24"; until = until.AddDays(1) {
				queries = append(queries, peacegraph.ChangeQuery{Since: since, Until: until})
			}
			queries = append(queries, peacegraph.ChangeQuery{Until: since, Recent: 2})
		}
		queries = append(queries, peacegraph.ChangeQuery{}, peacegraph.ChangeQuery{Since: "2025-12-01"})
		for _, q := range queries {
			got, err := s.Changes(ctx, q)
			if err != nil {
				t.Errorf("%+v: %v", q, err)
				continue
			}
			ref, err := want.Changes(q)
			if err != nil {
				t.Fatal(err)
			}
			if !Same(got, ref) {
				t.Errorf("%+v:\n got %q\nwant %q", q, changeLines(got), changeLines(ref))
			}
		}
	})

	t.Run("EntriesAsLoaded", func(t *testing.T) {
		days, err := s.Changes(ctx, peacegraph.ChangeQuery{Since: "2025-11-20", Until: "2025-11-23"})
		if err != nil {
			t.Fatal(err)
		}
		byID := want.Nodes()
		for _, d := range days {
			for _, c := range d.Claims {
				wantSame(t, "claim "+c.ID, c, byID[c.ID])
			}
			for _, x := range d.DisputeSides {
				wantSame(t, "dispute "+x.Dispute.ID, x.Dispute, byID[x.Dispute.ID])
			}
			for _, p := range d.Plans {
				wantSame(t, "plan "+p.Plan.ID, p.Plan, byID[p.Plan.ID])
			}
		}
	})

	t.Run("RefusedAsTheRuleRefuses", func(t *testing.T) {
		for _, tt := range []struct {
			name  string
			q     peacegraph.ChangeQuery
			field string
		}{
			{"UntilBeforeSince", peacegraph.ChangeQuery{Since: "2025-11-22", Until: "2025-11-21"}, "until"},
			{"TooManyDays", peacegraph.ChangeQuery{Since: "2025-11-01", Until: "2025-11-23", Limits: peacegraph.ChangeLimits{Days: 7}}, "since"},
			{"TooManyDaysToTheLatest", peacegraph.ChangeQuery{Since: "2025-11-01", Limits: peacegraph.ChangeLimits{Days: 7}}, "since"},
			{"TooManyClaims", peacegraph.ChangeQuery{Since: "2025-11-20", Until: "2025-11-21", Limits: peacegraph.ChangeLimits{Entries: 4}}, "since"},
			{"TooManySpans", peacegraph.ChangeQuery{Since: "2025-11-21", Until: "2025-11-21", Limits: peacegraph.ChangeLimits{Entries: 3}}, "since"},
			{"NotADate", peacegraph.ChangeQuery{Since: "2025-11-31"}, "since"},
			{"NegativeDays", peacegraph.ChangeQuery{Recent: -1}, "days"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				_, err := s.Changes(ctx, tt.q)
				_, refErr := want.Changes(tt.q)
				var got, ref *peacegraph.Error
				if !errors.As(err, &got) || !errors.As(refErr, &ref) {
					t.Fatalf("errors %v and (the rule's) %v, want domain errors", err, refErr)
				}
				if *got != *ref || got.Code != peacegraph.EINVALID || got.Field != tt.field {
					t.Errorf("error %+v, want %+v on %s", *got, *ref, tt.field)
				}
			})
		}
	})
}
