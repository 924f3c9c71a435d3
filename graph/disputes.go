package graph

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// listDisputes returns the disputes about a plan or its points ("" = all),
// by ID.
func listDisputes(ctx context.Context, store peacegraph.Store, planID string) ([]*peacegraph.Dispute, error) {
	disputes, err := store.Disputes(ctx, planID)
	if disputes == nil && err == nil {
		disputes = []*peacegraph.Dispute{}
	}
	return disputes, err
}
