package graph

import (
	"context"
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// fieldSet is one object of the answer: its fields, as the query selects
// them, and their values. It stands where gqlgen's generated code uses
// graphql.FieldSet (the generator, graph/internal/codegen, puts it there),
// with the same fields and methods that code uses and the same JSON.
//
// gqlgen's FieldSet serves concurrent and deferred fields too: two
// allocations to make it, and a map and two closures each time it is
// written, to write each response name once. Here every field of an
// object is resolved in turn (no Concurrently, no @defer: the generator
// checks), and graphql.CollectFields merges nearly every repeat of a
// response name (not one selected both on a union and on one of its
// members), so a look back over the few fields before it finds the rest
// without allocating. That was a sixth of what a page of 50 claims with
// their citations allocated.
type fieldSet struct {
	fields   []graphql.CollectedField
	Values   []graphql.Marshaler
	Invalids uint32
	// inline holds the values of an object of few fields, so that the
	// set and its values are one allocation.
	inline [fieldSetInline]graphql.Marshaler
}

// fieldSetInline is how many fields' values fieldSet holds inline: most
// objects of an answer select fewer.
const fieldSetInline = 6

func newFieldSet(fields []graphql.CollectedField) *fieldSet {
	s := &fieldSet{fields: fields}
	if len(fields) <= fieldSetInline {
		s.Values = s.inline[:len(fields)]
	} else {
		s.Values = make([]graphql.Marshaler, len(fields))
	}
	return s
}

// Dispatch resolves the fields scheduled to be resolved later: none, since
// every field is resolved in turn.
func (*fieldSet) Dispatch(context.Context) {}

// MarshalGQL writes the object's fields in the order the query selects
// them, each response name once (the first field of that name, as gqlgen
// does). A response name is a GraphQL name, so it needs no escaping.
func (s *fieldSet) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, "{")
	for i := range s.fields {
		if repeatsName(s.fields, i) {
			continue
		}
		if i > 0 {
			_, _ = io.WriteString(w, `,"`)
		} else {
			_, _ = io.WriteString(w, `"`)
		}
		_, _ = io.WriteString(w, s.fields[i].Alias)
		_, _ = io.WriteString(w, `":`)
		s.Values[i].MarshalGQL(w)
	}
	_, _ = io.WriteString(w, "}")
}

// repeatsName tells whether a field before field i has its response name
// (fieldSet and direct skip such a field, as gqlgen does).
func repeatsName(fields []graphql.CollectedField, i int) bool {
	for j := range i {
		if fields[j].Alias == fields[i].Alias {
			return true
		}
	}
	return false
}
