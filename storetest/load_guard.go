package storetest

import (
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// testLoadGuard checks that a load that would remove more of the graph
// than a load may (an empty or wrong seed directory) is refused before it
// writes anything, with a message that says what it would remove and how
// to ask for it; that a dry run reports the change and writes nothing;
// and that pruning lets the removal through.
func testLoadGuard(t *testing.T, s peacegraph.Store) {
	MustLoad(t, s, Fixture())
	before := fingerprint(t, s)

	t.Run("an empty set is refused and changes nothing", func(t *testing.T) {
		err := s.Load(t.Context(), &peacegraph.Dataset{})
		wantCode(t, err, peacegraph.EINVALID)
		if msg := peacegraph.ErrorMessage(err); !strings.Contains(msg, "would remove") || !strings.Contains(msg, "--prune") || !strings.Contains(msg, "nothing was written") {
			t.Errorf("message %q does not say what would go, that nothing was written, and how to prune", msg)
		}
		wantSameAnswers(t, "after a refused load", fingerprint(t, s), before)
	})
	t.Run("a dry run reports the change and writes nothing", func(t *testing.T) {
		var r peacegraph.LoadReport
		if err := s.Load(t.Context(), changedFixture(), peacegraph.DryRun(), peacegraph.ReportTo(&r)); err != nil {
			t.Fatalf("dry run: %v", err)
		}
		if c := r.Kinds[peacegraph.KindClaim]; c == nil || *c != (peacegraph.KindChange{Added: 1, Changed: 1}) {
			t.Errorf("dry run: claims %+v, want 1 added and 1 changed (report %s)", c, r.String())
		}
		if c := r.Kinds[peacegraph.KindEvent]; c == nil || c.Removed != 1 {
			t.Errorf("dry run: events %+v, want 1 removed (report %s)", c, r.String())
		}
		if r.Held == 0 {
			t.Error("dry run: the report says the store held nothing")
		}
		wantSameAnswers(t, "after a dry run", fingerprint(t, s), before)
	})
	t.Run("a dry run of an empty set is refused as the load would be", func(t *testing.T) {
		wantCode(t, s.Load(t.Context(), &peacegraph.Dataset{}, peacegraph.DryRun()), peacegraph.EINVALID)
	})
	t.Run("a small removal needs no pruning", func(t *testing.T) {
		var r peacegraph.LoadReport
		if err := s.Load(t.Context(), changedFixture(), peacegraph.ReportTo(&r)); err != nil {
			t.Fatalf("load removing one event: %v", err)
		}
		if r.Removed() != 1 {
			t.Errorf("removed %d, want 1 (report %s)", r.Removed(), r.String())
		}
	})
	t.Run("a larger share may be allowed, or pruned", func(t *testing.T) {
		for name, opt := range map[string]peacegraph.LoadOption{"allowed": peacegraph.MaxRemoved(1), "pruned": peacegraph.Prune()} {
			MustLoad(t, s, Fixture())
			if err := s.Load(t.Context(), &peacegraph.Dataset{}, opt); err != nil {
				t.Fatalf("%s load of an empty set: %v", name, err)
			}
			plans, err := s.Plans(t.Context())
			if err != nil || len(plans) != 0 {
				t.Errorf("%s load of an empty set: plans %d (%v), want none", name, len(plans), err)
			}
		}
	})
}
