package main

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// source is the generated file, parsed, for the rewrites that replace
// parts of it found by its syntax rather than by its text.
type source struct {
	src  []byte
	fset *token.FileSet
	file *ast.File
}

func parse(filename string, src []byte) (*source, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	return &source{src: src, fset: fset, file: file}, nil
}

// offset is the byte offset of p in the file.
func (s *source) offset(p token.Pos) int { return s.fset.Position(p).Offset }

// text is the source of n.
func (s *source) text(n ast.Node) string { return string(s.src[s.offset(n.Pos()):s.offset(n.End())]) }

// edit replaces the bytes from from to to with text.
type edit struct {
	from, to int
	text     string
}

// splice makes the edits, which are in the order of the file and do not
// overlap, and returns the new file.
func (s *source) splice(edits []edit) []byte {
	var out []byte
	at := 0
	for _, e := range edits {
		out = append(out, s.src[at:e.from]...)
		out = append(out, e.text...)
		at = e.to
	}
	return append(out, s.src[at:]...)
}
