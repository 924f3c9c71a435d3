package memory

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// Claims implements peacegraph.Store. One bad query fails the whole batch,
// as it would fail the one request that asked for it.
func (s *Store) Claims(ctx context.Context, qs []peacegraph.ClaimQuery) ([]*peacegraph.ClaimPage, error) {
	snap := s.current()
	out := make([]*peacegraph.ClaimPage, len(qs))
	for i, q := range qs {
		p, err := snap.claimPage(q, s.work)
		if err != nil {
			return nil, err
		}
		out[i] = &peacegraph.ClaimPage{Claims: p.items, TotalCount: p.total, HasNextPage: p.hasNext}
		snap.relate(ctx, s.work, claimRefs(peacegraph.IncludesFrom(ctx), p.items))
	}
	return out, nil
}

// claimPage answers one claim query from the indexes. A query with one
// filter field reads its index list: a binary search for the cursor and
// the page, TotalCount the list's length. With several fields it scans the
// shortest of their lists, testing each claim against the whole filter, so
// it costs the claims of its most selective field. With none it pages the
// whole list.
func (snap *snapshot) claimPage(q peacegraph.ClaimQuery, w *work) (page[*peacegraph.Claim], error) {
	f := q.Filter
	sel := selection{all: true}
	fields := 0
	narrow := func(set bool, positions []int32) {
		if !set {
			return
		}
		fields++
		if sel.all || len(positions) < len(sel.positions) {
			sel = selection{positions: positions}
		}
	}
	narrow(f.Claimant != "", snap.claimsByClaimant[f.Claimant])
	narrow(f.About != "", snap.claimsByAbout[f.About])
	narrow(f.Source != "", snap.claimsBySource[f.Source])
	narrow(f.Certainty != "", snap.claimsByCertainty[f.Certainty])
	var match func(*peacegraph.Claim) bool
	if fields > 1 {
		match = f.Match
	}
	return snap.claims.page(sel, match, q.First, q.After, w)
}

// Contradictions implements peacegraph.Store.
func (s *Store) Contradictions(ctx context.Context, ids []string) ([][]string, error) {
	return s.current().lookup(ids, s.work, func(snap *snapshot, id string) []string { return snap.contradictions[id] }), nil
}
