package graph

import (
	"context"
	"errors"
	"reflect"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The extensions.code values of a request stopped while it runs.
const (
	// CodeTooLarge: the answer would hold more objects than Limits.Objects.
	CodeTooLarge = "RESPONSE_TOO_LARGE"
	// CodeTimeout: the request ran past Limits.Timeout.
	CodeTimeout = "TIMEOUT"
)

// budget is what a request may still spend while it runs: the objects of
// its answer, counted across every field and alias as each field returns.
// The cost check (querycost.go) bounds a query by estimates; the budget
// bounds the answer by what the graph actually holds, so that aliases of a
// large neighbourhood cannot add up to hundreds of megabytes.
type budget struct {
	max     int64
	objects atomic.Int64
}

// spend counts n more objects and reports whether the budget still holds.
func (b *budget) spend(n int) bool {
	return b.objects.Add(int64(n)) <= b.max
}

func (b *budget) exceeded() bool { return b.objects.Load() > b.max }

// fits reports whether n more objects would keep the budget.
func (b *budget) fits(n int) bool { return b.objects.Load()+int64(n) <= b.max }

var (
	errTooLarge = errors.New("the answer is too large")
	errTimeout  = errors.New("the request ran out of time")
)

// aroundField runs around every field: it stops a request whose deadline
// has passed or whose budget is spent before the field does any work,
// counts the objects the field returns, and shows an empty string as null
// where the field may be null (emptyAsNull). The answer of a stopped
// request is replaced by one error (stoppedResponse).
func aroundField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Definition == nil {
		return next(ctx)
	}
	t := fc.Field.Definition.Type
	if !compositeTypes[t.Name()] {
		// A scalar: no objects to count, and the request state is not
		// looked up on this, the most frequent path.
		if fc.IsResolver && ctx.Err() != nil {
			return nil, errTimeout
		}
		res, err := next(ctx)
		if err != nil || res == nil {
			return res, err
		}
		return emptyAsNull(t, res), nil
	}
	req, err := requestFor(ctx)
	if err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, errTimeout
	}
	if req.budget.exceeded() {
		return nil, errTooLarge
	}
	res, err := next(ctx)
	if err != nil || res == nil {
		return res, err
	}
	n := objectsIn(t, res)
	if fieldAbove(fc) == nil {
		// A root field: its subtree answered at once, where it can be
		// (direct.go), and counted as gqlgen would have counted it.
		if answer, below, ok := direct(ctx, req, fc, res); ok && req.budget.fits(n+below) {
			req.budget.spend(n + below)
			if req.answered != nil {
				req.answered.Add(1)
			}
			return answer, nil
		}
	}
	if !req.budget.spend(n) {
		return nil, errTooLarge
	}
	return res, nil
}

// aroundRootField runs the fields of the operation's root one at a time,
// each after checking the deadline and the budget, so that of a thousand
// aliases of a large neighbourhood, those after the one that spends the
// budget do nothing. The generated code already runs root fields in turn
// (graph/internal/codegen); gqlgen's own would start them all at once, and
// the lock keeps the guarantee here rather than in how the code is
// generated. It costs the Neo4j store no time, since a request's reads
// share one session, which runs one statement at a time anyway.
func aroundRootField(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	req, err := requestFor(ctx)
	if err != nil {
		return next(ctx)
	}
	req.roots.Lock()
	defer req.roots.Unlock()
	switch {
	case ctx.Err() != nil:
		graphql.AddError(ctx, errTimeout)
		return graphql.Null
	case req.budget.exceeded():
		graphql.AddError(ctx, errTooLarge)
		return graphql.Null
	}
	return next(ctx)
}

// spendObjects counts n objects a field returns inside one value (a
// drawing library's JSON), which aroundField cannot see.
func spendObjects(ctx context.Context, n int) error {
	req, err := requestFor(ctx)
	if err != nil {
		return err
	}
	if !req.budget.spend(n) {
		return errTooLarge
	}
	return nil
}

// objectsIn counts the objects a composite field's value holds at its own
// level: the items of a list, or one.
func objectsIn(t *ast.Type, v any) int {
	if t.Elem == nil {
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return 0
		}
		return 1
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice {
		return rv.Len()
	}
	return 1
}

// stoppedResponse runs the operation under its deadline, and replaces the
// answer of a request stopped by the deadline or by its budget with one
// error that says which limit and how to ask less: a partial answer would
// hide where it was cut, and the error of every field that did not run
// would say the same thing a thousand times. (The deadline starts here,
// once the query is parsed and checked, which the token and cost limits
// bound: gqlgen answers nothing at all for a request whose context is done
// before it runs.)
func stoppedResponse(limits Limits) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		ctx, cancel := context.WithTimeout(ctx, limits.Timeout)
		defer cancel()
		resp := next(ctx)
		req, err := requestFor(ctx)
		if err != nil || resp == nil {
			return resp
		}
		var stop *gqlerror.Error
		switch {
		case req.budget.exceeded():
			stop = gqlerror.Errorf("the answer would hold more than %d objects, the limit: ask for fewer (a smaller first or maxNodes, fewer aliases or nested lists)", limits.Objects)
			stop.Extensions = map[string]any{"code": CodeTooLarge}
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			stop = gqlerror.Errorf("the request took longer than %s, the limit: ask for less", limits.Timeout)
			stop.Extensions = map[string]any{"code": CodeTimeout}
		default:
			return resp
		}
		return &graphql.Response{Errors: gqlerror.List{stop}, Data: []byte("null"), Extensions: resp.Extensions}
	}
}

// compositeTypes are the schema's types whose values are objects.
var compositeTypes = func() map[string]bool {
	out := map[string]bool{}
	for name, def := range parsedSchema.Types {
		switch def.Kind {
		case ast.Object, ast.Interface, ast.Union:
			out[name] = true
		}
	}
	return out
}()
