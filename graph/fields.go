package graph

import (
	"github.com/vektah/gqlparser/v2/ast"
)

// emptyAsNull shows an empty string in a nullable String field as null.
// The domain spells "unknown" as "" (a role, a publisher, a note not on
// record); clients should see the same null they see for unknown dates,
// not an empty string posing as a value.
func emptyAsNull(t *ast.Type, res any) any {
	if s, ok := res.(string); ok && s == "" && !t.NonNull && t.Elem == nil && t.NamedType == "String" {
		return nil
	}
	return res
}
