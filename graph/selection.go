package graph

import (
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/peacegraph/peacegraph"
)

// selectionOf is what an operation asks of each object type, anywhere in
// it (peacegraph.Selection): the store's reads may leave out the rest. An
// interface or union's fields count for every object type it may hold.
// Each named fragment is walked once, however often it is spread, so the
// walk is linear in the size of the document.
func (s *schemaInfo) selectionOf(op *ast.OperationDefinition) *peacegraph.Selection {
	fields := map[string][]string{}
	seen := map[string]bool{}
	var walk func(set ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				if sel.ObjectDefinition != nil {
					for _, typ := range s.objectTypes(sel.ObjectDefinition.Name) {
						fields[typ] = append(fields[typ], sel.Name)
						for _, need := range hiddenNeeds[typ+"."+sel.Name] {
							fields[need.typ] = append(fields[need.typ], need.field)
						}
					}
				}
				walk(sel.SelectionSet)
			case *ast.InlineFragment:
				walk(sel.SelectionSet)
			case *ast.FragmentSpread:
				if sel.Definition != nil && !seen[sel.Name] {
					seen[sel.Name] = true
					walk(sel.Definition.SelectionSet)
				}
			}
		}
	}
	if op != nil {
		walk(op.SelectionSet)
	}
	return peacegraph.NewSelection(fields)
}

type typeField struct{ typ, field string }

// hiddenNeeds are the fields a resolver reads of other values than the
// ones the query names: a dispute side's sources are those its claims
// cite, so they need the claims' citations; the points amending a point
// are found from what the points of later plans amend; the stance matrix
// counts the stances' evidence and keeps the plan's own points.
var hiddenNeeds = map[string][]typeField{
	"DisputeSide.sources": {{"Claim", "citations"}},
	"Point.amendedBy":     {{"Point", "amends"}},
	"Query.stanceMatrix":  {{"Stance", "evidence"}, {"Stance", "note"}, {"Point", "plan"}},
}
