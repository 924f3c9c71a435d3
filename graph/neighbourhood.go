package graph

import (
	"context"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/model"
)

// neighbourhood answers graph(center, depth, types, maxNodes) after
// checking the arguments: depth 0 to MaxDepth, maxNodes 1 to MaxNodes, and
// known relationship types (the store's check names the valid ones).
func neighbourhood(ctx context.Context, store peacegraph.Store, center string, depth *int, types []string, maxNodes *int) (*model.GraphView, error) {
	d, err := intArg("depth", depth, 1, 0, MaxDepth)
	if err != nil {
		return nil, err
	}
	n, err := intArg("maxNodes", maxNodes, DefaultMaxNodes, 1, MaxNodes)
	if err != nil {
		return nil, err
	}
	q := peacegraph.NeighbourhoodQuery{Center: center, Depth: d, Types: types, MaxNodes: n}
	if err := q.Check(); err != nil {
		return nil, err
	}
	view, err := store.Neighbourhood(ctx, q)
	if err != nil {
		return nil, err
	}
	return graphView(view), nil
}
