package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/model"
)

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func derefDate(d *peacegraph.Date) peacegraph.Date {
	if d == nil {
		return ""
	}
	return *d
}

// concessionsAsOf returns the asOf argument of the concessions field that
// encloses the field being resolved, if any: concessions(asOf:) is asked
// for the stances of its points as of that date, and Point.stances takes
// it from there unless it names a date of its own.
func concessionsAsOf(ctx context.Context) *peacegraph.Date {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Field.Field == nil || fc.Object != "Query" || fc.Field.Name != "concessions" {
			continue
		}
		if d, ok := fc.Args["asOf"].(*peacegraph.Date); ok {
			return d
		}
		return nil
	}
	return nil
}

// optionalInt shows 0, the domain's "unset", as null.
func optionalInt(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

// graphView turns a neighbourhood into the flat shape visualizations take.
func graphView(v *peacegraph.GraphView) *model.GraphView {
	out := &model.GraphView{
		Nodes:     make([]*model.GraphNode, len(v.Nodes)),
		Edges:     make([]*peacegraph.Edge, len(v.Edges)),
		Truncated: v.Truncated,
	}
	for i, n := range v.Nodes {
		out.Nodes[i] = &model.GraphNode{ID: n.NodeID(), Label: n.Label(), Kind: graphKind(n)}
	}
	for i := range v.Edges {
		out.Edges[i] = &v.Edges[i]
	}
	return out
}

// graphKind is what a visualization colours a node by: the actor kind for
// actors (persons and governments look different), else the node's kind.
func graphKind(n peacegraph.Node) string {
	if a, ok := n.(*peacegraph.Actor); ok {
		return string(a.Kind)
	}
	return strings.ToUpper(string(n.NodeKind()))
}
