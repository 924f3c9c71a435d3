package graph

import (
	"context"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/model"
)

// neighbourhoodReader is the Store read of a neighbourhood with
// relationship-type filters and a node cap.
type neighbourhoodReader interface {
	NeighbourhoodOf(ctx context.Context, q peacegraph.NeighbourhoodQuery) (*peacegraph.GraphView, error)
}

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
	nr, ok := store.(neighbourhoodReader)
	if !ok {
		return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "the store does not filter neighbourhoods")
	}
	view, err := nr.NeighbourhoodOf(ctx, q)
	if err != nil {
		return nil, err
	}
	return graphView(view), nil
}
