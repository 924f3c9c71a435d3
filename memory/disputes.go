package memory

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Disputes implements peacegraph.Store.
func (s *Store) Disputes(ctx context.Context, planID string) ([]*peacegraph.Dispute, error) {
	snap := s.current()
	return slices.Clone(peacegraph.DisputesAbout(snap.disputes, planID, snap.points2)), nil
}
