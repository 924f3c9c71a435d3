package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

// claimOrder is every fixture claim by date, then ID; the undated claim
// comes last.
var claimOrder = []string{"c-denial", "c-leak", "c-fair", "c-heard", "c-reject", "c-cap-support", "c-accept"}

// claimCursor is the cursor of a fixture claim.
func claimCursor(id string) string {
	c, ok := expected().Nodes()[id].(*peacegraph.Claim)
	if !ok {
		panic("storetest: no fixture claim " + id)
	}
	return peacegraph.EncodeCursor(peacegraph.ClaimKey(c))
}

func testClaims(t *testing.T, s peacegraph.Store) {
	for _, c := range []struct {
		name string
		f    peacegraph.ClaimFilter
		want []string
	}{
		{"All", peacegraph.ClaimFilter{}, claimOrder},
		{"AboutPlan", peacegraph.ClaimFilter{About: "peace-plan"}, []string{"c-denial", "c-leak", "c-fair", "c-heard"}},
		{"AboutPoint", peacegraph.ClaimFilter{About: "peace-plan-2"}, []string{"c-reject", "c-cap-support", "c-accept"}},
		{"AboutActor", peacegraph.ClaimFilter{About: "red-state"}, []string{"c-heard"}},
		{"ByClaimant", peacegraph.ClaimFilter{Claimant: "carol-leader"}, []string{"c-reject", "c-accept"}},
		{"ByCertainty", peacegraph.ClaimFilter{Certainty: peacegraph.Reported}, []string{"c-leak", "c-accept"}},
		{"BySource", peacegraph.ClaimFilter{Source: "report-daily"}, []string{"c-denial", "c-leak", "c-cap-support"}},
		{"ByStoredSource", peacegraph.ClaimFilter{Source: "article-full"}, []string{"c-fair", "c-heard", "c-reject"}},
		{"ByAboutAndCertainty", peacegraph.ClaimFilter{About: "peace-plan-2", Certainty: peacegraph.Stated}, []string{"c-reject"}},
		{"NoMatch", peacegraph.ClaimFilter{Claimant: "nobody"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages, err := s.Claims(t.Context(), []peacegraph.ClaimQuery{{Filter: c.f, First: 100}})
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != 1 {
				t.Fatalf("Claims returned %d pages for 1 query", len(pages))
			}
			p := pages[0]
			wantIDs(t, "claims", idsOf(p.Claims), c.want)
			if p.TotalCount != len(c.want) || p.HasNextPage {
				t.Errorf("TotalCount, HasNextPage = %d, %v; want %d, false", p.TotalCount, p.HasNextPage, len(c.want))
			}
		})
	}

	t.Run("AsLoaded", func(t *testing.T) {
		pages, err := s.Claims(t.Context(), []peacegraph.ClaimQuery{{First: 100}})
		if err != nil {
			t.Fatal(err)
		}
		byID := expected().Nodes()
		for _, c := range pages[0].Claims {
			wantSame(t, "claim "+c.ID, c, byID[c.ID])
		}
	})
}

func testClaimPages(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()

	t.Run("PagesConcatenateToTheWholeList", func(t *testing.T) {
		for _, size := range []int{1, 2, 3, 7} {
			var got []string
			q := peacegraph.ClaimQuery{First: size}
			for n := 1; ; n++ {
				pages, err := s.Claims(ctx, []peacegraph.ClaimQuery{q})
				if err != nil {
					t.Fatal(err)
				}
				p := pages[0]
				if p.TotalCount != 7 || len(p.Claims) > size {
					t.Errorf("size %d page %d: %d claims, TotalCount %d", size, n, len(p.Claims), p.TotalCount)
				}
				got = append(got, idsOf(p.Claims)...)
				if !p.HasNextPage || n > 7 {
					break
				}
				q.After = peacegraph.EncodeCursor(peacegraph.ClaimKey(p.Claims[len(p.Claims)-1]))
			}
			wantIDs(t, "pages concatenated", got, claimOrder)
		}
	})

	t.Run("BatchAlignedWithQueries", func(t *testing.T) {
		pages, err := s.Claims(ctx, []peacegraph.ClaimQuery{
			{Filter: peacegraph.ClaimFilter{About: "peace-plan"}, First: 2},
			{First: 3, After: claimCursor("c-fair")},
			{Filter: peacegraph.ClaimFilter{Source: "article-full"}},
			{First: 5, After: claimCursor("c-cap-support")},
			{Filter: peacegraph.ClaimFilter{About: "peace-plan"}, First: 2, After: claimCursor("c-leak")},
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []struct {
			ids     []string
			total   int
			hasNext bool
		}{
			{[]string{"c-denial", "c-leak"}, 4, true},
			{[]string{"c-heard", "c-reject", "c-cap-support"}, 7, true},
			{nil, 3, true}, // first 0: the count alone
			{[]string{"c-accept"}, 7, false},
			{[]string{"c-fair", "c-heard"}, 4, false},
		}
		if len(pages) != len(want) {
			t.Fatalf("Claims returned %d pages for %d queries", len(pages), len(want))
		}
		for i, w := range want {
			wantIDs(t, "claims", idsOf(pages[i].Claims), w.ids)
			if pages[i].TotalCount != w.total || pages[i].HasNextPage != w.hasNext {
				t.Errorf("page %d: TotalCount, HasNextPage = %d, %v; want %d, %v",
					i, pages[i].TotalCount, pages[i].HasNextPage, w.total, w.hasNext)
			}
		}
	})

	t.Run("CursorOfUndatedLastGivesEmptyPage", func(t *testing.T) {
		pages, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 5, After: claimCursor("c-accept")}})
		if err != nil {
			t.Fatal(err)
		}
		if p := pages[0]; len(p.Claims) != 0 || p.TotalCount != 7 || p.HasNextPage {
			t.Errorf("page = %q, %d, %v; want none, 7, false", idsOf(p.Claims), p.TotalCount, p.HasNextPage)
		}
	})

	t.Run("NegativeFirstIsInvalid", func(t *testing.T) {
		_, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 1}, {First: -1}})
		wantCode(t, err, peacegraph.EINVALID)
	})

	t.Run("BadCursorIsInvalid", func(t *testing.T) {
		_, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 1}, {First: 1, After: "bogus"}})
		wantCode(t, err, peacegraph.EINVALID)
	})

	t.Run("NoQueriesNoPages", func(t *testing.T) {
		pages, err := s.Claims(ctx, nil)
		if err != nil || len(pages) != 0 {
			t.Errorf("Claims(nil) = %v, %v; want none", pages, err)
		}
	})
}

func testContradictions(t *testing.T, s peacegraph.Store) {
	got, err := s.Contradictions(t.Context(), []string{"c-reject", "c-leak", "nobody", "c-fair", "c-accept", "c-denial", "c-cap-support"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"c-cap-support", "c-accept"}, // claim order: dated before undated
		{"c-denial"},                  // symmetric: only c-denial names it
		nil,
		nil,
		{"c-reject"},
		{"c-leak"},
		{"c-reject"},
	}
	if len(got) != len(want) {
		t.Fatalf("Contradictions returned %d lists, want %d", len(got), len(want))
	}
	for i := range want {
		wantIDs(t, "contradictions", got[i], want[i])
	}
}
