package memory_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/memory"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestReadersNeverSeeHalfADataset loads two datasets in turn while readers
// run, and checks that every read answers from one dataset or the other,
// whole. Run with -race, it also shows reads and loads share no memory
// unsafely.
func TestReadersNeverSeeHalfADataset(t *testing.T) {
	s := memory.New()
	storetest.MustLoad(t, s, storetest.Fixture())
	ctx := t.Context()

	var wg sync.WaitGroup
	done := make(chan struct{})
	errs := make(chan error, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := readWhole(ctx, s); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := range 50 {
		d := storetest.Fixture()
		if i%2 == 0 {
			d = storetest.SmallFixture()
		}
		storetest.MustLoad(t, s, d)
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// readWhole reads in several calls and fails when the answers mix the two
// datasets; each call sees one snapshot, so within a call they never may.
func readWhole(ctx context.Context, s *memory.Store) error {
	nodes, err := s.Nodes(ctx, []string{"alice-envoy", "red-state"})
	if err != nil {
		return err
	}
	red, _ := nodes[1].(*peacegraph.Actor)
	switch {
	case red == nil:
		return errors.New("red-state is missing from both datasets")
	case nodes[0] != nil && red.Name != "Redland":
		return errors.New("alice-envoy of the fixture beside red-state of the small fixture")
	case nodes[0] == nil && red.Name != "Redland Republic":
		return errors.New("red-state of the fixture without alice-envoy")
	}
	page, err := s.Actors(ctx, peacegraph.ActorQuery{First: 100})
	if err != nil {
		return err
	}
	if n := len(page.Actors); n != page.TotalCount || (n != 7 && n != 2) {
		return errors.New("an actor page mixes datasets")
	}
	return nil
}

func TestLoadProblemsNameTheCallersValues(t *testing.T) {
	d := storetest.InvalidFixture()
	err := memory.New().Load(t.Context(), d)
	var ps peacegraph.Problems
	if !errors.As(err, &ps) || len(ps) != 2 {
		t.Fatalf("Load = %v, want two Problems", err)
	}
	if ps[0].Entity != peacegraph.Node(d.Claims[0]) || ps[1].Entity != peacegraph.Node(d.Claims[1]) {
		t.Errorf("problem entities = %p, %p; want the caller's claims %p, %p",
			ps[0].Entity, ps[1].Entity, d.Claims[0], d.Claims[1])
	}
}

func TestChangingResultsLeavesStoreUnchanged(t *testing.T) {
	s := memory.New()
	storetest.MustLoad(t, s, storetest.Fixture())
	ctx := t.Context()

	plans, err := s.Plans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	plans[0], plans[1] = plans[1], plans[0]
	members, err := s.Members(ctx, []string{"red-state"})
	if err != nil {
		t.Fatal(err)
	}
	members[0][0] = "changed"

	plans, _ = s.Plans(ctx)
	if plans[0].ID != "peace-plan" {
		t.Errorf("Plans()[0] = %s after reordering a result, want peace-plan", plans[0].ID)
	}
	members, _ = s.Members(ctx, []string{"red-state"})
	if members[0][0] != "bob-minister" {
		t.Errorf("Members = %q after changing a result, want bob-minister first", members[0])
	}
}
