package graph

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// disputeLister is the Store read of disputes.
type disputeLister interface {
	Disputes(ctx context.Context, planID string) ([]*peacegraph.Dispute, error)
}

// listDisputes returns the disputes about a plan or its points ("" = all),
// by ID.
func listDisputes(ctx context.Context, store peacegraph.Store, planID string) ([]*peacegraph.Dispute, error) {
	ds, ok := store.(disputeLister)
	if !ok {
		return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "the store does not list disputes")
	}
	disputes, err := ds.Disputes(ctx, planID)
	if disputes == nil && err == nil {
		disputes = []*peacegraph.Dispute{}
	}
	return disputes, err
}
