package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// emptyAsNull shows an empty string in a nullable String field as null.
// The domain spells "unknown" as "" (a role, a publisher, a note not on
// record); clients should see the same null they see for unknown dates,
// not an empty string posing as a value.
func emptyAsNull(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if s, ok := res.(string); ok && s == "" && err == nil {
		if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Field.Definition != nil {
			if t := fc.Field.Definition.Type; !t.NonNull && t.Elem == nil && t.NamedType == "String" {
				return nil, nil
			}
		}
	}
	return res, err
}
