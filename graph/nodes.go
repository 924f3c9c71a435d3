package graph

import (
	"context"

	"github.com/vikstrous/dataloadgen"

	"github.com/peacegraph/peacegraph"
)

// loadNode returns the node of id through the request's Nodes loader; nil
// when the ID is unknown or its kind has no GraphQL type.
func loadNode(ctx context.Context, id string) (peacegraph.Node, error) {
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	n, err := l.nodes.Load(ctx, id)
	if err != nil || !served(n) {
		return nil, err
	}
	return n, nil
}

// served reports whether the schema has a type for the node, so that a
// kind the store knows before the API does is left out rather than
// failing the whole answer. Add a kind here when its type joins the Node
// interface and the SearchHit union.
func served(n peacegraph.Node) bool {
	switch n.(type) {
	case *peacegraph.Actor, *peacegraph.Plan, *peacegraph.Point, *peacegraph.Claim, *peacegraph.Source, *peacegraph.Event,
		*peacegraph.Dispute:
		return true
	}
	return false
}

// loadAs returns the node of id when it is a T (e.g. *peacegraph.Actor),
// else nil: asking actor(id:) with the ID of a claim finds no actor.
func loadAs[T peacegraph.Node](ctx context.Context, id string) (T, error) {
	var zero T
	if id == "" {
		return zero, nil
	}
	n, err := loadNode(ctx, id)
	if err != nil {
		return zero, err
	}
	t, _ := n.(T)
	return t, nil
}

// loadNodes returns the nodes of ids in order, leaving out unknown IDs
// (references are checked when seeds load, so none should be missing) and
// kinds the schema does not serve.
func loadNodes(ctx context.Context, ids []string) ([]peacegraph.Node, error) {
	if len(ids) == 0 {
		return []peacegraph.Node{}, nil
	}
	l, err := loadersFor(ctx)
	if err != nil {
		return nil, err
	}
	nodes, err := l.nodes.LoadAll(ctx, ids)
	if err != nil {
		return nil, firstError(err)
	}
	out := make([]peacegraph.Node, 0, len(nodes))
	for _, n := range nodes {
		if served(n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// loadAllAs returns the nodes of ids that are a T, in order.
func loadAllAs[T peacegraph.Node](ctx context.Context, ids []string) ([]T, error) {
	nodes, err := loadNodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		if t, ok := n.(T); ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// firstError unwraps the per-key errors of a LoadAll: they all come from
// the same failed batch, and one is enough to say what went wrong.
func firstError(err error) error {
	if errs, ok := err.(dataloadgen.ErrorSlice); ok {
		for _, e := range errs {
			if e != nil {
				return e
			}
		}
	}
	return err
}
