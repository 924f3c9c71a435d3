package memory

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Disputes implements peacegraph.Store with the disputes filed under the
// plan at Load, which are those peacegraph.DisputesAbout would select.
func (s *Store) Disputes(ctx context.Context, planID string) ([]*peacegraph.Dispute, error) {
	snap := s.current()
	list := snap.disputesAbout[planID]
	if planID == "" {
		list = nilIfEmpty(snap.disputes)
	}
	s.work.add(len(list))
	return slices.Clone(list), nil
}
