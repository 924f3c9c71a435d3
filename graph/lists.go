package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalList marshals the elements of a list one after another, in the
// goroutine of the field that holds the list. It stands where gqlgen's
// generated code calls graphql.MarshalSliceConcurrently (the generator,
// graph/internal/codegen, puts it there), with the same arguments and the
// same answer: each element gets a FieldContext with its index, and an
// element whose marshalling panics is null with the panic as its error.
//
// gqlgen starts a goroutine for every element of every list of objects.
// Here an element's fields cost no waiting (each level of a query is one
// Store call, made by the first element that asks, batch.go), so the
// goroutines overlap nothing; what they cost is a fresh stack for each
// element, grown and copied as its fields go deeper, which was a fifth of
// the CPU time of a page of 50 claims. workerLimit is gqlgen's limit on
// those goroutines and means nothing here.
func marshalList(ctx context.Context, length int, _ int64, omitPanicHandler bool, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	ret := make(graphql.Array, length)
	for i := range length {
		childCtx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		if omitPanicHandler {
			ret[i] = marshalElement(childCtx, i)
			continue
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(childCtx, graphql.Recover(childCtx, r))
					ret[i] = graphql.Null
				}
			}()
			ret[i] = marshalElement(childCtx, i)
		}()
	}
	return ret
}
