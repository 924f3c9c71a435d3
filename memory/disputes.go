package memory

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Disputes returns the disputes about a plan or any of its points ("" for
// all disputes), by ID.
func (s *Store) Disputes(ctx context.Context, planID string) ([]*peacegraph.Dispute, error) {
	snap := s.current()
	return slices.Clone(peacegraph.DisputesAbout(snap.disputes, planID, snap.points2)), nil
}
