package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"strings"
)

// gqlgen's batch resolvers are handed the parents of one list at once:
// every list of objects records its elements in the context (a group per
// type, with an index map for a list of an interface), and each batch
// field looks its parent's index up in that group, by building the
// field's whole response path, and shares one call of the resolver among
// the list. Here graph.batch already shares one call among every parent
// of a level, however many lists hold them, from the first parent that
// asks (graph/batch.go); gqlgen's groups only cost: the path built for
// every parent's every batch field, the groups built for every list,
// about a fifth of what a page of 50 claims with their citations
// allocated.
//
// noBatchGroups takes them out of the generated code: each batch field
// calls its resolver with its one parent, as gqlgen does when it finds no
// group, and graph.batch answers it from the level's one call. The
// resolvers keep the signature of batch resolvers (a slice of parents),
// which graph.batch takes.

// batchGroupCalls are the calls of gqlgen's group machinery; none may be
// left after the rewrite.
var batchGroupCalls = []string{"graphql.WithBatchParents(", "graphql.WithBatchParentValues(", "graphql.BatchParentsFor[", "graphql.GetBatchParentGroup("}

// noBatchGroups removes from every generated function the statements that
// build or read gqlgen's groups of batch parents: the recording of a
// list's elements (a statement, or the block that sorts an interface
// list's elements by type), and a batch field's use of the group. It
// fails when there is nothing to remove, or when a call of the group
// machinery is left in some other shape, since that means gqlgen's
// generated code has changed and the rewrite needs looking at.
func noBatchGroups(filename string, src []byte) ([]byte, error) {
	s, err := parse(filename, src)
	if err != nil {
		return nil, err
	}
	var cuts []edit
	for _, d := range s.file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		for _, st := range fn.Body.List {
			if !usesBatchGroups(s.text(st)) {
				continue
			}
			switch st := st.(type) {
			case *ast.AssignStmt, *ast.BlockStmt:
				// ctx = graphql.WithBatchParents(…), or { … sorted by type … }
			case *ast.IfStmt:
				// if batch, ok := graphql.BatchParentsFor[P](…); ok { … }
				if st.Init == nil || !usesBatchGroups(s.text(st.Init)) {
					continue
				}
			default:
				continue
			}
			from := s.offset(st.Pos())
			// Take the statement's line with it.
			for from > 0 && (src[from-1] == '\t' || src[from-1] == ' ') {
				from--
			}
			to := s.offset(st.End())
			if to < len(src) && src[to] == '\n' {
				to++
			}
			cuts = append(cuts, edit{from: from, to: to})
		}
	}
	if len(cuts) == 0 {
		return nil, fmt.Errorf("%s: no groups of batch parents to take out; has gqlgen's generated code changed?", filename)
	}
	out := s.splice(cuts)
	for _, call := range batchGroupCalls {
		if bytes.Contains(out, []byte(call)) {
			return nil, fmt.Errorf("%s: a call of %s is left in a shape the rewrite does not know; has gqlgen's generated code changed?", filename, call)
		}
	}
	return format.Source(out)
}

func usesBatchGroups(s string) bool {
	for _, call := range batchGroupCalls {
		if strings.Contains(s, call) {
			return true
		}
	}
	return false
}
