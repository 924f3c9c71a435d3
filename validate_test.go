package peacegraph_test

import (
	"errors"
	"testing"
	"time"

	"github.com/peacegraph/peacegraph"
)

func TestCheckDataset(t *testing.T) {
	t.Run("ValidDatasetPasses", func(t *testing.T) {
		d := &peacegraph.Dataset{Actors: []*peacegraph.Actor{{ID: "a", Name: "A", Kind: peacegraph.ActorPerson}}}
		if err := peacegraph.CheckDataset(d); err != nil {
			t.Errorf("CheckDataset = %v, want nil", err)
		}
	})
	t.Run("BrokenRulesAreInvalidWithProblems", func(t *testing.T) {
		d := &peacegraph.Dataset{Actors: []*peacegraph.Actor{{ID: "a", Kind: "KING"}}}
		err := peacegraph.CheckDataset(d)
		if got := peacegraph.ErrorCode(err); got != peacegraph.EINVALID {
			t.Fatalf("code = %q (%v), want %q", got, err, peacegraph.EINVALID)
		}
		var ps peacegraph.Problems
		if !errors.As(err, &ps) {
			t.Fatalf("%v does not hold Problems", err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, p.Rule)
		}
		if want := []string{peacegraph.RuleRequired, peacegraph.RuleBadEnum}; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("rules = %q, want %q", got, want)
		}
		if msg := peacegraph.ErrorMessage(err); msg != ps.Error() {
			t.Errorf("ErrorMessage = %q, want the problems listed: %q", msg, ps.Error())
		}
	})
	t.Run("NilDatasetIsInvalid", func(t *testing.T) {
		if got := peacegraph.ErrorCode(peacegraph.CheckDataset(nil)); got != peacegraph.EINVALID {
			t.Errorf("code = %q, want %q", got, peacegraph.EINVALID)
		}
	})
}

func TestImpossibleDates(t *testing.T) {
	today := time.Now().UTC().Format(time.DateOnly)
	valid := func() *peacegraph.Dataset {
		return &peacegraph.Dataset{
			Actors:  []*peacegraph.Actor{{ID: "a", Name: "A", Kind: peacegraph.ActorPerson}},
			Sources: []*peacegraph.Source{{ID: "s", Title: "S", Published: "2025-11-20", Retrieved: "2025-11-21"}},
			Claims: []*peacegraph.Claim{{ID: "c", Text: "A said so.", ClaimantID: "a", AboutIDs: []string{"a"},
				Certainty: peacegraph.Stated, Date: peacegraph.Date(today), Citations: []peacegraph.Citation{{SourceID: "s"}}}},
		}
	}
	rules := func(d *peacegraph.Dataset) []string {
		var out []string
		var ps peacegraph.Problems
		if err := peacegraph.CheckDataset(d); errors.As(err, &ps) {
			for _, p := range ps {
				out = append(out, p.ID+"."+p.Field+" "+p.Rule)
			}
		}
		return out
	}
	if got := rules(valid()); len(got) != 0 {
		t.Fatalf("a record dated up to today: %v, want no problems", got)
	}
	for name, tc := range map[string]struct {
		change func(*peacegraph.Dataset)
		want   string
	}{
		"a source retrieved before it was published": {func(d *peacegraph.Dataset) { d.Sources[0].Retrieved = "2025-11-19" }, "s.retrieved impossible-date"},
		"a claim dated 2999":                         {func(d *peacegraph.Dataset) { d.Claims[0].Date = "2999-01-01" }, "c.date impossible-date"},
		"a source published next week": {func(d *peacegraph.Dataset) {
			d.Sources[0].Published = peacegraph.Date(time.Now().UTC().AddDate(0, 0, 7).Format(time.DateOnly))
			d.Sources[0].Retrieved = ""
		}, "s.published impossible-date"},
	} {
		t.Run(name, func(t *testing.T) {
			d := valid()
			tc.change(d)
			if got := rules(d); len(got) != 1 || got[0] != tc.want {
				t.Errorf("problems %v, want [%s]", got, tc.want)
			}
		})
	}
}
