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
		var claims []*peacegraph.Claim
		for _, c := range snap.claims {
			if q.Filter.Match(c) {
				claims = append(claims, c)
			}
		}
		p, err := paginate(claims, peacegraph.ClaimKey, q.First, q.After)
		if err != nil {
			return nil, err
		}
		out[i] = &peacegraph.ClaimPage{Claims: p.items, TotalCount: p.total, HasNextPage: p.hasNext}
	}
	return out, nil
}

// Contradictions implements peacegraph.Store.
func (s *Store) Contradictions(ctx context.Context, ids []string) ([][]string, error) {
	return s.current().lookup(ids, func(snap *snapshot, id string) []string { return snap.contradictions[id] }), nil
}
