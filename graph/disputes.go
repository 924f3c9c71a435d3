package graph

import (
	"context"
	"strings"

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

func sideKey(s *peacegraph.DisputeSide) string { return strings.Join(s.ClaimIDs, "\n") }

// sidesSources resolves the sources of dispute sides: the distinct sources
// their claims cite (CitedSourceIDs), in SortSources order. The
// claims come from the level's read (the sides' claims field names them),
// the sources in one read for the level.
func sidesSources(ctx context.Context, objs []*peacegraph.DisputeSide) ([][]*peacegraph.Source, error) {
	return batch(ctx, objs, sideKey, func(ctx context.Context, sides []*peacegraph.DisputeSide) ([][]*peacegraph.Source, error) {
		claimLists := make([][]string, len(sides))
		for i, s := range sides {
			claimLists[i] = s.ClaimIDs
		}
		claims, err := nodeLists[*peacegraph.Claim](ctx, claimLists)
		if err != nil {
			return nil, err
		}
		sourceLists := make([][]string, len(sides))
		for i := range sides {
			sourceLists[i] = peacegraph.CitedSourceIDs(claims[i])
		}
		sources, err := nodeLists[*peacegraph.Source](ctx, sourceLists)
		if err != nil {
			return nil, err
		}
		for _, list := range sources {
			peacegraph.SortSources(list)
		}
		return sources, nil
	})
}
