package peacegraph_test

import (
	"errors"
	"testing"

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
