package graph

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// TestMarshalListKeepsGqlgensAnswer checks what the generated code relies
// on when marshalList stands for graphql.MarshalSliceConcurrently: every
// element is marshalled once, in order, under a FieldContext holding its
// index; an element whose marshalling panics is null with the panic as
// the request's error, and the elements after it are still marshalled.
func TestMarshalListKeepsGqlgensAnswer(t *testing.T) {
	recovered := func(_ context.Context, p any) error { return fmt.Errorf("panic: %v", p) }
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, recovered)
	var seen []int
	list := marshalList(ctx, 4, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		fc := graphql.GetFieldContext(ctx)
		if fc == nil || fc.Index == nil || *fc.Index != i {
			t.Errorf("element %d: field context %+v, want one with index %d", i, fc, i)
		}
		seen = append(seen, i)
		if i == 2 {
			panic("element 2 breaks")
		}
		return graphql.MarshalInt(i)
	})
	var out bytes.Buffer
	list.MarshalGQL(&out)
	if got, want := out.String(), "[0,1,null,3]"; got != want {
		t.Errorf("list = %s, want %s", got, want)
	}
	if got, want := len(seen), 4; got != want || seen[0] != 0 || seen[3] != 3 {
		t.Errorf("marshalled %v, want each of 0..3 once, in order", seen)
	}
	errs := graphql.GetErrors(ctx)
	if len(errs) != 1 {
		t.Fatalf("errors = %v, want the one panic", errs)
	}
	if got, want := errs[0].Message, "panic: element 2 breaks"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
	if got, want := errs[0].Path.String(), "[2]"; got != want {
		t.Errorf("error path = %s, want the panicking element's, %s", got, want)
	}
}
