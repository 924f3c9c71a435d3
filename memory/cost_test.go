package memory

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

// costScale is the larger of the two sizes the cost tests compare. Any
// size above 1 shows growth: a read that scanned would look at costScale
// times as much.
const costScale = 4

// countedStore loads n copies of the record (replicatedSeeds, whatever
// scaled names: the comparison needs copies of one shape) into a store
// that counts what its reads look at.
func countedStore(t *testing.T, n int) *Store {
	t.Helper()
	s := New()
	s.work = &work{}
	if err := s.Load(t.Context(), replicatedSeeds(t, n)); err != nil {
		t.Fatal(err)
	}
	return s
}

// examined runs r once and returns how many items it looked at.
func examined(t *testing.T, s *Store, p probe, r read) int64 {
	t.Helper()
	before := s.work.count()
	if err := r.run(t.Context(), s, p); err != nil {
		t.Fatalf("%s: %v", r.name, err)
	}
	return s.work.count() - before
}

// TestReadsCostTheSameAtEveryScale runs every read the benchmarks time on
// one copy of the record and on costScale copies. The copies are
// disjoint and alike, so each read's answer is the same size at both, and
// so must be the items it looks at and its allocations: a read that
// scanned a list of the whole data would look at costScale times as many.
// Search is the exception, tested below: its matches are in every copy.
func TestReadsCostTheSameAtEveryScale(t *testing.T) {
	small, large := countedStore(t, 1), countedStore(t, costScale)
	ps, pl := probeFor(t, small), probeFor(t, large)
	for _, r := range reads() {
		if r.name == "Search" {
			continue
		}
		t.Run(r.name, func(t *testing.T) {
			ns, nl := examined(t, small, ps, r), examined(t, large, pl, r)
			if ns != nl {
				t.Errorf("looked at %d items at 1× and %d at %d×", ns, nl, costScale)
			}
			if ns == 0 && r.name != "SearchNoMatch" {
				t.Errorf("looked at nothing: the read is not counted")
			}
			as := testing.AllocsPerRun(20, func() { _ = r.run(t.Context(), small, ps) })
			al := testing.AllocsPerRun(20, func() { _ = r.run(t.Context(), large, pl) })
			if as != al {
				t.Errorf("%v allocations at 1× and %v at %d×", as, al, costScale)
			}
		})
	}
}

// TestSearchCostsItsMatches shows what a one-word search costs: the nodes
// that hold the word, which every copy of the record adds to, plus a walk
// of the vocabulary, which copies do not grow. The nodes holding the word
// are counted by scoring every node, as the search rules define a match.
func TestSearchCostsItsMatches(t *testing.T) {
	small, large := countedStore(t, 1), countedStore(t, costScale)
	for _, word := range []string{"guarantees", "kyiv", "600", "zqxjv"} {
		walk := func(s *Store) int64 {
			q := peacegraph.SearchQuery{Text: word, First: 1}
			before := s.work.count()
			if _, err := s.Search(t.Context(), q); err != nil {
				t.Fatal(err)
			}
			n := s.work.count() - before
			all, err := peacegraph.SearchNodes(s.current().all, peacegraph.SearchQuery{Text: word, First: len(s.current().all)})
			if err != nil {
				t.Fatal(err)
			}
			return n - int64(len(all))
		}
		t.Run(word, func(t *testing.T) {
			ws, wl := walk(small), walk(large)
			if ws != wl || ws < 0 {
				t.Errorf("beyond the nodes holding %q, looked at %d items at 1× and %d at %d×", word, ws, wl, costScale)
			}
		})
	}
}
