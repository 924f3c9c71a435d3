package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// CodeTooComplex is the extensions.code of a query refused before it runs
// for its depth, its fragment spreads or its cost; it is the code gqlgen's
// own complexity limit gives.
const CodeTooComplex = "COMPLEXITY_LIMIT_EXCEEDED"

// queryCost refuses, before execution, an operation that nests too deep,
// writes too many fragment spreads or costs more than the limit, in time
// linear in the query's text. gqlgen's complexity walk expands every
// fragment spread again wherever it appears, so forty fragments that each
// spread the next one twice cost it 2^40 steps (and it cannot be
// cancelled); here each named fragment's depth and cost are computed once
// per operation and reused at every spread. The cost of each field is the
// one gqlgen's walk gives, from the same cost functions (complexity.go).
type queryCost struct {
	limits Limits
	es     graphql.ExecutableSchema
}

var _ interface {
	graphql.OperationContextMutator
	graphql.HandlerExtension
} = &queryCost{}

func (*queryCost) ExtensionName() string { return "QueryCost" }

func (q *queryCost) Validate(es graphql.ExecutableSchema) error {
	q.es = es
	return nil
}

func (q *queryCost) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Doc == nil || oc.Operation == nil {
		return nil
	}
	if n := countSpreads(oc.Doc); n > q.limits.FragmentSpreads {
		return tooComplex("the query has %d fragment spreads, which exceeds the limit of %d", n, q.limits.FragmentSpreads)
	}
	w := costWalk{ctx: ctx, es: q.es, schema: q.es.Schema(), vars: oc.Variables, limit: q.limits.Depth,
		depths: map[string]int{}, costs: map[string]int{}}
	if d := w.depth(oc.Operation.SelectionSet, 0); d > q.limits.Depth {
		return tooComplex("the query nests fields more than %d deep, the limit", q.limits.Depth)
	}
	if c := w.cost(oc.Operation.SelectionSet); c > q.limits.Cost {
		return tooComplex("operation has complexity %d, which exceeds the limit of %d", c, q.limits.Cost)
	}
	return nil
}

func tooComplex(format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": CodeTooComplex}
	return err
}

// countSpreads counts the fragment spreads written in doc: in its
// operations and its fragment definitions, each definition once.
func countSpreads(doc *ast.QueryDocument) int {
	n := 0
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				n++
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		walk(f.SelectionSet)
	}
	return n
}

// costWalk computes an operation's depth and cost, each named fragment
// once (depths, costs).
type costWalk struct {
	ctx    context.Context
	es     graphql.ExecutableSchema
	schema *ast.Schema
	vars   map[string]any
	limit  int

	depths map[string]int
	costs  map[string]int
}

// depth returns how deeply set's fields nest, or more than w.limit as soon
// as it knows the limit is passed; at is the depth of set's parent. A
// fragment's own depth does not depend on where it is spread, so it is
// computed once. (The validator has refused fragment cycles already; one
// still found counts as too deep.)
func (w *costWalk) depth(set ast.SelectionSet, at int) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			d = 1 + w.depth(s.SelectionSet, at+1)
		case *ast.InlineFragment:
			d = w.depth(s.SelectionSet, at)
		case *ast.FragmentSpread:
			known, ok := w.depths[s.Name]
			if !ok {
				if s.Definition == nil {
					continue
				}
				w.depths[s.Name] = w.limit + 1 // a cycle, while it is walked
				known = w.depth(s.Definition.SelectionSet, at)
				w.depths[s.Name] = known
			}
			d = known
		}
		deepest = max(deepest, d)
		if at+deepest > w.limit {
			return w.limit + 1
		}
	}
	return deepest
}

// cost is gqlgen's complexity of set (complexity.Calculate), with each
// named fragment's cost computed once and every sum saturating.
func (w *costWalk) cost(set ast.SelectionSet) int {
	total := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			total = addCost(total, w.fieldCost(s))
		case *ast.InlineFragment:
			total = addCost(total, w.cost(s.SelectionSet))
		case *ast.FragmentSpread:
			c, ok := w.costs[s.Name]
			if !ok {
				if s.Definition == nil {
					continue
				}
				c = w.cost(s.Definition.SelectionSet)
				w.costs[s.Name] = c
			}
			total = addCost(total, c)
		}
	}
	return total
}

func (w *costWalk) fieldCost(f *ast.Field) int {
	if f.Definition == nil || f.ObjectDefinition == nil {
		return 1
	}
	def := w.schema.Types[f.Definition.Type.Name()]
	if def == nil || def.Name == "__Schema" {
		return 0
	}
	child := 0
	switch def.Kind {
	case ast.Object, ast.Interface, ast.Union:
		child = w.cost(f.SelectionSet)
	}
	args := f.ArgumentMap(w.vars)
	if f.ObjectDefinition.Kind != ast.Interface {
		return w.typeFieldCost(f.ObjectDefinition, f.Name, child, args)
	}
	// An interface's field costs what it costs on its dearest
	// implementation, as in gqlgen's walk.
	dearest := 0
	for _, t := range w.schema.GetPossibleTypes(f.ObjectDefinition) {
		dearest = max(dearest, w.typeFieldCost(t, f.Name, child, args))
	}
	return dearest
}

func (w *costWalk) typeFieldCost(def *ast.Definition, field string, child int, args map[string]any) int {
	if c, ok := w.es.Complexity(w.ctx, def.Name, field, child, args); ok && c >= 1 {
		return c
	}
	return addCost(1, child)
}

// addCost adds two costs, saturating instead of overflowing and ignoring
// negative operands, as gqlgen's walk does.
func addCost(a, b int) int {
	a, b = max(a, 0), max(b, 0)
	if c := a + b; c >= a {
		return c
	}
	return int(^uint(0) >> 1)
}
