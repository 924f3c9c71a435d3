package peacegraph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// changeRecord is a small record built for the rule of "what changed
// since a day": one actor who takes a position on a plan, holds it again,
// and moves; one whose only evidence is undated; one who takes two
// positions on one day and keeps one; a dispute whose sides appear on
// different days; and a second plan version with a claim about its point.
func changeRecord() *peacegraph.Dataset {
	claim := func(id string, date peacegraph.Date, about ...string) *peacegraph.Claim {
		return &peacegraph.Claim{ID: id, Text: "Claim " + id + ".", AboutIDs: about, Certainty: peacegraph.Stated, Date: date,
			Citations: []peacegraph.Citation{{SourceID: "report", Quote: "words of " + id}}}
	}
	d := &peacegraph.Dataset{
		Actors: []*peacegraph.Actor{
			{ID: "ann", Name: "Ann", Kind: peacegraph.ActorPerson},
			{ID: "bob", Name: "Bob", Kind: peacegraph.ActorPerson},
			{ID: "cat", Name: "Cat", Kind: peacegraph.ActorPerson},
		},
		Plans: []*peacegraph.Plan{
			{ID: "plan", Title: "Plan", Date: "2025-11-20"},
			{ID: "plan-2", Title: "Plan, revised", Date: "2025-11-23", Revises: "plan"},
		},
		Points: []*peacegraph.Point{
			{ID: "plan-1", PlanID: "plan", Number: 1, Title: "One", Summary: "One.", Topic: "t"},
			{ID: "plan-2-1", PlanID: "plan-2", Number: 1, Title: "One, revised", Summary: "One.", Topic: "t", Amends: "plan-1"},
		},
		Claims: []*peacegraph.Claim{
			claim("ann-backs", "2025-11-21", "plan"),
			claim("ann-backs-again", "2025-11-24", "plan"),
			claim("ann-conditions", "2025-11-27", "plan"),
			claim("bob-undated", "", "plan"),
			claim("cat-backs", "2025-11-25", "plan-1"),
			claim("cat-rejects", "2025-11-25", "plan-1"),
			claim("cat-backs-again", "2025-11-26", "plan-1"),
			claim("leak", "2025-11-20", "plan"),
			claim("revision-point", "2025-11-23", "plan-2-1"),
			claim("unrelated", "2025-11-23", "ann"),
		},
		Sources: []*peacegraph.Source{{ID: "report", Title: "Report", Published: "2025-11-20"}},
		Stances: []*peacegraph.Stance{
			{ActorID: "ann", TargetID: "plan", Position: peacegraph.Supports, EvidenceIDs: []string{"ann-backs-again", "ann-backs"}},
			{ActorID: "ann", TargetID: "plan", Position: peacegraph.Conditional, EvidenceIDs: []string{"ann-conditions"}, Note: "If heard."},
			{ActorID: "bob", TargetID: "plan", Position: peacegraph.Opposes, EvidenceIDs: []string{"bob-undated"}},
			{ActorID: "cat", TargetID: "plan-1", Position: peacegraph.Supports, EvidenceIDs: []string{"cat-backs", "cat-backs-again"}},
			{ActorID: "cat", TargetID: "plan-1", Position: peacegraph.Opposes, EvidenceIDs: []string{"cat-rejects"}},
		},
		Disputes: []*peacegraph.Dispute{{
			ID: "who-wrote-it", Question: "Who wrote it?", AboutIDs: []string{"plan"},
			Sides: []peacegraph.DisputeSide{
				{Label: "Ann", ClaimIDs: []string{"ann-conditions", "ann-backs"}},
				{Label: "Someone else", ClaimIDs: []string{"bob-undated", "revision-point", "unrelated"}},
				{Label: "Nobody knows", ClaimIDs: []string{"bob-undated"}},
			},
		}},
	}
	d.Complete()
	return d
}

// changeLines renders days one line per entry, so that a test compares
// the whole answer at a glance.
func changeLines(days []*peacegraph.ChangeDay) []string {
	var out []string
	for _, d := range days {
		var claims []string
		for _, c := range d.Claims {
			claims = append(claims, c.ID)
		}
		out = append(out, fmt.Sprintf("%s claims %s", d.Date, strings.Join(claims, " ")))
		for _, s := range d.Stances {
			out = append(out, fmt.Sprintf("%s stance %s %s %s %s from %v by %s", d.Date, s.ActorID, s.Kind, s.Position, s.TargetID, s.Previous, strings.Join(s.EvidenceIDs, " ")))
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

func mustChanges(t *testing.T, d *peacegraph.Dataset, q peacegraph.ChangeQuery) []string {
	t.Helper()
	days, err := d.Changes(q)
	if err != nil {
		t.Fatalf("Changes(%+v): %v", q, err)
	}
	return changeLines(days)
}

func TestChanges(t *testing.T) {
	d := changeRecord()

	t.Run("the whole record, day by day", func(t *testing.T) {
		got := mustChanges(t, d, peacegraph.ChangeQuery{Since: "2025-11-20"})
		want := []string{
			"2025-11-20 claims leak",
			"2025-11-20 plan plan by leak",
			"2025-11-21 claims ann-backs",
			"2025-11-21 stance ann APPEARED SUPPORTS plan from [] by ann-backs",
			`2025-11-21 side who-wrote-it "Ann" by ann-backs`,
			"2025-11-23 claims revision-point unrelated",
			`2025-11-23 side who-wrote-it "Someone else" by revision-point unrelated`,
			"2025-11-23 plan plan-2 by revision-point",
			// Ann backs the plan again: no change of position.
			"2025-11-24 claims ann-backs-again",
			// Cat takes two positions on one day: both appear.
			"2025-11-25 claims cat-backs cat-rejects",
			"2025-11-25 stance cat APPEARED SUPPORTS plan-1 from [] by cat-backs",
			"2025-11-25 stance cat APPEARED OPPOSES plan-1 from [] by cat-rejects",
			// and then keeps one of them, which was in effect already.
			"2025-11-26 claims cat-backs-again",
			"2025-11-27 claims ann-conditions",
			"2025-11-27 stance ann MOVED CONDITIONAL plan from [SUPPORTS] by ann-conditions",
		}
		if !slices.Equal(got, want) {
			t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
	})

	t.Run("undated evidence is never a change", func(t *testing.T) {
		for _, line := range mustChanges(t, d, peacegraph.ChangeQuery{Since: "2025-11-20"}) {
			if strings.Contains(line, "bob") || strings.Contains(line, "Nobody knows") {
				t.Errorf("an undated claim made a change: %s", line)
			}
		}
	})

	t.Run("a side that appeared before the range is left out", func(t *testing.T) {
		got := mustChanges(t, d, peacegraph.ChangeQuery{Since: "2025-11-22", Until: "2025-11-23"})
		want := []string{
			"2025-11-23 claims revision-point unrelated",
			`2025-11-23 side who-wrote-it "Someone else" by revision-point unrelated`,
			"2025-11-23 plan plan-2 by revision-point",
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("a move is told from the position before the range", func(t *testing.T) {
		got := mustChanges(t, d, peacegraph.ChangeQuery{Since: "2025-11-27", Until: "2025-11-27"})
		want := []string{
			"2025-11-27 claims ann-conditions",
			"2025-11-27 stance ann MOVED CONDITIONAL plan from [SUPPORTS] by ann-conditions",
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("a move from two positions names both", func(t *testing.T) {
		d := changeRecord()
		d.Claims = append(d.Claims, &peacegraph.Claim{ID: "cat-undecided", Text: "Undecided.", AboutIDs: []string{"plan-1"},
			Certainty: peacegraph.Stated, Date: "2025-11-26", Citations: []peacegraph.Citation{{SourceID: "report"}}})
		d.Stances = append(d.Stances, &peacegraph.Stance{ActorID: "cat", TargetID: "plan-1", Position: peacegraph.Undecided, EvidenceIDs: []string{"cat-undecided"}})
		d.Complete()
		got := mustChanges(t, d, peacegraph.ChangeQuery{Since: "2025-11-26", Until: "2025-11-26"})
		want := []string{
			"2025-11-26 claims cat-backs-again cat-undecided",
			"2025-11-26 stance cat MOVED UNDECIDED plan-1 from [SUPPORTS OPPOSES] by cat-undecided",
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("until defaults to the latest day of the record", func(t *testing.T) {
		got := mustChanges(t, d, peacegraph.ChangeQuery{Since: "2025-11-26"})
		want := []string{
			"2025-11-26 claims cat-backs-again",
			"2025-11-27 claims ann-conditions",
			"2025-11-27 stance ann MOVED CONDITIONAL plan from [SUPPORTS] by ann-conditions",
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("without since, the recent days ending at until", func(t *testing.T) {
		got := mustChanges(t, d, peacegraph.ChangeQuery{Until: "2025-11-24", Recent: 2})
		want := []string{
			"2025-11-23 claims revision-point unrelated",
			`2025-11-23 side who-wrote-it "Someone else" by revision-point unrelated`,
			"2025-11-23 plan plan-2 by revision-point",
			"2025-11-24 claims ann-backs-again",
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
		if got := mustChanges(t, d, peacegraph.ChangeQuery{}); !slices.Equal(got[:1], []string{"2025-11-21 claims ann-backs"}) {
			t.Errorf("the default week ending at 2025-11-27 starts with %q, want the 21st", got[:1])
		}
	})

	t.Run("a day after the record has nothing", func(t *testing.T) {
		if got := mustChanges(t, d, peacegraph.ChangeQuery{Since: "2025-12-01"}); len(got) != 0 {
			t.Errorf("got %q, want nothing", got)
		}
		if got := mustChanges(t, &peacegraph.Dataset{}, peacegraph.ChangeQuery{Since: "2025-12-01"}); len(got) != 0 {
			t.Errorf("an empty record: got %q, want nothing", got)
		}
	})
}

func TestChangesRefusesBadRanges(t *testing.T) {
	d := changeRecord()
	for _, tt := range []struct {
		name  string
		q     peacegraph.ChangeQuery
		field string
		msg   string
	}{
		{"until before since", peacegraph.ChangeQuery{Since: "2025-11-22", Until: "2025-11-21"}, "until",
			"until (2025-11-21) is before since (2025-11-22): the range runs from since to until, both included"},
		{"a range wider than the limit", peacegraph.ChangeQuery{Since: "2025-10-01", Until: "2025-11-27"}, "since",
			"from 2025-10-01 to 2025-11-27 is 58 days; ask for at most 31 days at once"},
		{"a range to the latest day wider than the limit", peacegraph.ChangeQuery{Since: "2025-11-20", Limits: peacegraph.ChangeLimits{Days: 3}}, "since",
			"from 2025-11-20 to 2025-11-27 (the latest day of the record) is 8 days; ask for at most 3 days at once"},
		{"more claims than the entry limit", peacegraph.ChangeQuery{Since: "2025-11-20", Limits: peacegraph.ChangeLimits{Entries: 3}}, "since",
			"the record holds more than 3 claims, stances, disputes or plans of one kind dated from 2025-11-20 to 2025-11-27; ask for fewer days"},
		{"a date that is not one", peacegraph.ChangeQuery{Since: "2025-02-30"}, "since",
			`"2025-02-30" is not a date of the form YYYY-MM-DD`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.Changes(tt.q)
			e, ok := err.(*peacegraph.Error)
			if !ok || e.Code != peacegraph.EINVALID || e.Field != tt.field || e.Message != tt.msg {
				t.Errorf("error %#v, want EINVALID on %s: %s", err, tt.field, tt.msg)
			}
		})
	}
	t.Run("a range exactly as wide as the limit is answered", func(t *testing.T) {
		if _, err := d.Changes(peacegraph.ChangeQuery{Since: "2025-11-25", Until: "2025-11-27", Limits: peacegraph.ChangeLimits{Days: 3}}); err != nil {
			t.Errorf("three days with a limit of three: %v", err)
		}
	})
}
