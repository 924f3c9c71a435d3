package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

func testEmpty(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	nodes, err := s.Nodes(ctx, []string{"alice-envoy"})
	if err != nil || len(nodes) != 1 || nodes[0] != nil {
		t.Errorf("Nodes on an empty store = %v, %v; want [nil]", nodes, err)
	}
	page, err := s.Actors(ctx, peacegraph.ActorQuery{First: 10})
	if err != nil || len(page.Actors) != 0 || page.TotalCount != 0 || page.HasNextPage {
		t.Errorf("Actors on an empty store = %+v, %v; want an empty page", page, err)
	}
	plans, err := s.Plans(ctx)
	if err != nil || len(plans) != 0 {
		t.Errorf("Plans on an empty store = %v, %v; want none", plans, err)
	}
	if p, err := s.DefaultPlan(ctx); err != nil || p != nil {
		t.Errorf("DefaultPlan on an empty store = %v, %v; want nil", p, err)
	}
	_, err = s.PointByNumber(ctx, "", 1)
	wantCode(t, err, peacegraph.ENOTFOUND)
}

func testNodes(t *testing.T, s peacegraph.Store) {
	want := expected()
	byID := want.Nodes()

	t.Run("EveryNodeAsLoaded", func(t *testing.T) {
		var ids []string
		for id := range byID {
			ids = append(ids, id)
		}
		got, err := s.Nodes(t.Context(), ids)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(ids) {
			t.Fatalf("got %d nodes for %d IDs", len(got), len(ids))
		}
		for i, id := range ids {
			wantSame(t, "node "+id, got[i], byID[id])
		}
	})

	t.Run("AlignedWithNilForUnknown", func(t *testing.T) {
		ids := []string{"peace-plan-2", "nobody", "c-heard", "alice-envoy", "", "c-heard"}
		got, err := s.Nodes(t.Context(), ids)
		if err != nil {
			t.Fatal(err)
		}
		wantIDs(t, "Nodes", idsOf(got), []string{"peace-plan-2", "", "c-heard", "alice-envoy", "", "c-heard"})
		kinds := []peacegraph.Kind{peacegraph.KindPoint, "", peacegraph.KindClaim, peacegraph.KindActor, "", peacegraph.KindClaim}
		for i, n := range got {
			if n != nil && n.NodeKind() != kinds[i] {
				t.Errorf("Nodes[%d] kind = %s, want %s", i, n.NodeKind(), kinds[i])
			}
		}
	})

	t.Run("NoIDsNoNodes", func(t *testing.T) {
		got, err := s.Nodes(t.Context(), nil)
		if err != nil || len(got) != 0 {
			t.Errorf("Nodes(nil) = %v, %v; want none", got, err)
		}
	})
}

// testCitations checks the offsets of quotes in the stored text: code
// points, across a line break, past typographic quotes.
func testCitations(t *testing.T, s peacegraph.Store) {
	got, err := s.Nodes(t.Context(), []string{"c-fair", "c-heard", "c-reject", "c-leak"})
	if err != nil {
		t.Fatal(err)
	}
	want := []peacegraph.Citation{
		{SourceID: "article-full", Quote: "the plan is fair to everyone.", Start: 23, End: 52},
		{SourceID: "article-full", Quote: "Our position is really being heard.", Start: 71, End: 106},
		{SourceID: "article-full", Quote: "Carol Cruz rejected the army cap.", Start: 108, End: 141},
		{SourceID: "report-daily", Start: -1, End: -1},
	}
	for i, n := range got {
		c, ok := n.(*peacegraph.Claim)
		if !ok || len(c.Citations) != 1 {
			t.Fatalf("node %d = %#v, want a claim with one citation", i, n)
		}
		wantSame(t, c.ID+" citation", c.Citations[0], want[i])
		if ct := c.Citations[0]; ct.HasOffsets() {
			span := peacegraph.Substring(ArticleText, ct.Start, ct.End)
			a, b, ok := peacegraph.LocateQuote(span, ct.Quote)
			if !ok || a != 0 || b != ct.End-ct.Start {
				t.Errorf("%s: text at [%d, %d) is %q, not the quote %q", c.ID, ct.Start, ct.End, span, ct.Quote)
			}
		}
	}
}
