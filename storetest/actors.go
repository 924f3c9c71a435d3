package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

// actorOrder is every fixture actor by name, then ID: "Alice" before
// "Alice Arden", and seed order plays no part.
var actorOrder = []string{
	"zed-observer", "alice-envoy", "blue-state", "bob-minister", "carol-leader", "north-alliance", "red-state",
}

func testActors(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()

	t.Run("AllInOrderAsLoaded", func(t *testing.T) {
		page, err := s.Actors(ctx, peacegraph.ActorQuery{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		wantIDs(t, "actors", idsOf(page.Actors), actorOrder)
		if page.TotalCount != 7 || page.HasNextPage {
			t.Errorf("TotalCount, HasNextPage = %d, %v; want 7, false", page.TotalCount, page.HasNextPage)
		}
		byID := expected().Nodes()
		for _, a := range page.Actors {
			wantSame(t, "actor "+a.ID, a, byID[a.ID])
		}
	})

	t.Run("PagesConcatenateToTheWholeList", func(t *testing.T) {
		for _, size := range []int{1, 2, 3, 7} {
			got, pages := walkActors(t, s, peacegraph.ActorQuery{First: size}, 7)
			wantIDs(t, "pages concatenated", got, actorOrder)
			if want := (7 + size - 1) / size; pages != want {
				t.Errorf("size %d: %d pages, want %d", size, pages, want)
			}
		}
	})

	t.Run("SecondPageStartsAfterCursor", func(t *testing.T) {
		page, err := s.Actors(ctx, peacegraph.ActorQuery{First: 3, After: actorCursor(t, s, "blue-state")})
		if err != nil {
			t.Fatal(err)
		}
		wantIDs(t, "page", idsOf(page.Actors), []string{"bob-minister", "carol-leader", "north-alliance"})
		if page.TotalCount != 7 || !page.HasNextPage {
			t.Errorf("TotalCount, HasNextPage = %d, %v; want 7, true", page.TotalCount, page.HasNextPage)
		}
	})

	t.Run("CursorOfLastGivesEmptyPage", func(t *testing.T) {
		page, err := s.Actors(ctx, peacegraph.ActorQuery{First: 3, After: actorCursor(t, s, "red-state")})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Actors) != 0 || page.TotalCount != 7 || page.HasNextPage {
			t.Errorf("page = %q, %d, %v; want none, 7, false", idsOf(page.Actors), page.TotalCount, page.HasNextPage)
		}
	})

	t.Run("FilteredByKind", func(t *testing.T) {
		for kind, want := range map[peacegraph.ActorKind][]string{
			peacegraph.ActorPerson:       {"zed-observer", "alice-envoy", "bob-minister", "carol-leader"},
			peacegraph.ActorGovernment:   {"blue-state", "red-state"},
			peacegraph.ActorOrganization: {"north-alliance"},
		} {
			got, _ := walkActors(t, s, peacegraph.ActorQuery{Kind: kind, First: 1}, len(want))
			wantIDs(t, string(kind), got, want)
		}
	})

	t.Run("FirstZeroCountsOnly", func(t *testing.T) {
		page, err := s.Actors(ctx, peacegraph.ActorQuery{Kind: peacegraph.ActorPerson})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Actors) != 0 || page.TotalCount != 4 || !page.HasNextPage {
			t.Errorf("page = %q, %d, %v; want none, 4, true", idsOf(page.Actors), page.TotalCount, page.HasNextPage)
		}
	})

	t.Run("NegativeFirstIsInvalid", func(t *testing.T) {
		_, err := s.Actors(ctx, peacegraph.ActorQuery{First: -1})
		wantCode(t, err, peacegraph.EINVALID)
	})

	t.Run("BadCursorIsInvalid", func(t *testing.T) {
		for _, after := range []string{"not a cursor", "YWJj", "!!!"} {
			_, err := s.Actors(ctx, peacegraph.ActorQuery{First: 2, After: after})
			wantCode(t, err, peacegraph.EINVALID)
		}
	})
}

// walkActors pages through a query until the end, checking TotalCount on
// every page, and returns the IDs seen and the number of pages.
func walkActors(t *testing.T, s peacegraph.Store, q peacegraph.ActorQuery, total int) (ids []string, pages int) {
	t.Helper()
	for {
		page, err := s.Actors(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if page.TotalCount != total {
			t.Errorf("page %d: TotalCount = %d, want %d", pages, page.TotalCount, total)
		}
		if len(page.Actors) > q.First {
			t.Fatalf("page %d holds %d actors, more than first = %d", pages, len(page.Actors), q.First)
		}
		ids = append(ids, idsOf(page.Actors)...)
		if !page.HasNextPage || pages > total {
			return ids, pages
		}
		q.After = peacegraph.EncodeCursor(peacegraph.ActorKey(page.Actors[len(page.Actors)-1]))
	}
}

// actorCursor returns the cursor of an actor as the store holds it.
func actorCursor(t *testing.T, s peacegraph.Store, id string) string {
	t.Helper()
	nodes, err := s.Nodes(t.Context(), []string{id})
	if err != nil || nodes[0] == nil {
		t.Fatalf("Nodes(%q) = %v, %v", id, nodes, err)
	}
	return peacegraph.EncodeCursor(peacegraph.ActorKey(nodes[0].(*peacegraph.Actor)))
}

func testMembers(t *testing.T, s peacegraph.Store) {
	got, err := s.Members(t.Context(), []string{"red-state", "nobody", "blue-state", "alice-envoy", "north-alliance"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"bob-minister", "carol-leader"}, // by name, not seed order
		nil,
		{"alice-envoy"},
		nil,
		{"blue-state"},
	}
	if len(got) != len(want) {
		t.Fatalf("Members returned %d lists, want %d", len(got), len(want))
	}
	for i := range want {
		wantIDs(t, "members", got[i], want[i])
	}
}
