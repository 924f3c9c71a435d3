package loaders_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
	"github.com/peacegraph/peacegraph/memory"
)

// state is everything a store answers about its whole graph, to compare a
// store before and after a load.
type state struct {
	Actors         []*peacegraph.Actor
	Plans          []*peacegraph.Plan
	Points         [][]*peacegraph.Point
	Claims         []*peacegraph.Claim
	Contradictions [][]string
	Sources        []*peacegraph.Source
	Stances        []*peacegraph.Stance
	Events         []*peacegraph.Event
	Nodes          []peacegraph.Node
}

// MustState reads the whole graph a store holds.
func MustState(tb testing.TB, s peacegraph.Store) state {
	tb.Helper()
	ctx := context.Background()
	check := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatalf("store read: %v", err)
		}
	}
	var st state
	actors, err := s.Actors(ctx, peacegraph.ActorQuery{First: 10000})
	check(err)
	st.Actors = actors.Actors
	st.Plans, err = s.Plans(ctx)
	check(err)
	planIDs := make([]string, len(st.Plans))
	for i, p := range st.Plans {
		planIDs[i] = p.ID
	}
	st.Points, err = s.Points(ctx, planIDs, peacegraph.PointFilter{})
	check(err)
	claims, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 10000}})
	check(err)
	st.Claims = claims[0].Claims
	ids := make([]string, len(st.Claims))
	for i, c := range st.Claims {
		ids[i] = c.ID
	}
	st.Contradictions, err = s.Contradictions(ctx, ids)
	check(err)
	st.Sources, err = s.Sources(ctx)
	check(err)
	st.Stances, err = s.Stances(ctx, peacegraph.StanceFilter{})
	check(err)
	st.Events, err = s.Events(ctx)
	check(err)
	for _, a := range st.Actors {
		ids = append(ids, a.ID)
	}
	for _, p := range st.Plans {
		ids = append(ids, p.ID)
	}
	for _, src := range st.Sources {
		ids = append(ids, src.ID)
	}
	st.Nodes, err = s.Nodes(ctx, ids)
	check(err)
	return st
}

// MustLoad loads a seed directory that must be valid into s.
func MustLoad(tb testing.TB, s peacegraph.Store, dir string) *loaders.Summary {
	tb.Helper()
	sum, err := loaders.Load(context.Background(), s, dir)
	if err != nil {
		tb.Fatalf("Load(%q): %v", dir, err)
	}
	return sum
}

func TestLoad(t *testing.T) {
	t.Run("writes the fixture and counts it", func(t *testing.T) {
		s := memory.New()
		got := MustLoad(t, s, goodDir)
		want := &loaders.Summary{Actors: 5, Plans: 2, Points: 3, Claims: 5, Sources: 2, Stances: 3, Events: 1}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("summary = %+v, want %+v", got, want)
		}
		if got, want := got.String(), "5 actors, 2 plans, 3 points, 5 claims, 2 sources, 3 stances, 1 event"; got != want {
			t.Errorf("summary prints %q, want %q", got, want)
		}
		st := MustState(t, s)
		if got, want := len(st.Claims), 5; got != want {
			t.Errorf("store holds %d claims, want %d", got, want)
		}
		if got, want := st.Plans[0].ID, "lakeside-plan"; got != want {
			t.Errorf("default plan = %q, want %q", got, want)
		}
	})

	t.Run("writes nothing when the seeds are broken", func(t *testing.T) {
		s := memory.New()
		MustLoad(t, s, goodDir)
		before := MustState(t, s)

		dir := MustBreak(t,
			edit{"actors.yaml", "name: Lakes Union", "name: Lakes Union Renamed"},
			edit{"claims/report-one.yaml", "quote: Northland would sign it", "quote: Northland will sign it"},
		)
		sum, err := loaders.Load(context.Background(), s, dir)
		if err == nil {
			t.Fatalf("Load of broken seeds succeeded with %v", sum)
		}
		if got, want := peacegraph.ErrorCode(err), peacegraph.EINVALID; got != want {
			t.Errorf("ErrorCode = %q, want %q", got, want)
		}
		if after := MustState(t, s); !reflect.DeepEqual(after, before) {
			t.Errorf("the store changed after a failed load")
		}
	})

	t.Run("replaces what the store held with the new seeds", func(t *testing.T) {
		s := memory.New()
		MustLoad(t, s, goodDir)
		dir := MustBreak(t, edit{"actors.yaml", "name: Lakes Union", "name: Lakes Union Renamed"})
		MustLoad(t, s, dir)
		nodes, err := s.Nodes(context.Background(), []string{"lakes-union"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := nodes[0].Label(), "Lakes Union Renamed"; got != want {
			t.Errorf("lakes-union is named %q, want %q", got, want)
		}
	})
}
