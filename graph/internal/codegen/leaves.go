package main

import (
	"fmt"
	"go/ast"
	"go/format"
	"sort"
	"strings"

	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

// A leaf field is a scalar or enum that gqlgen reads straight off its
// object: a struct field or a method with no arguments, no context and no
// error. gqlgen resolves it like any other field: a FieldContext, a
// context holding it, closures for the value and its marshaller, the value
// boxed in an interface, and the whole chain of field middleware, around
// an expression that cannot fail. Most of an answer's fields are leaves
// (seven of the twelve per claim of a page of claims with their
// citations), and that machinery made about a quarter of the objects such
// a page allocated.
//
// leafFields rewrites each leaf's generated function to marshal its value
// directly. What the middleware did to a leaf is kept: the request's field
// middleware (graph.aroundField) checks neither deadline nor budget on a
// leaf, and shows an empty string in a nullable String as null
// (graph.emptyAsNull), which the rewritten function does itself. Leaves
// whose marshalling could report an error stay as they are, since the
// error's path comes from the field's own FieldContext: a non-null field
// held in a pointer (nil is an error), and a non-null custom scalar (its
// marshaller may refuse a value). Lists of scalars stay too.
type leafFields struct {
	// leaves holds, for the name of each leaf's generated function
	// (_Object_field), whether an empty string is shown as null.
	leaves map[string]bool
	// objects holds the generated functions of the fields, of object
	// types other than the roots, that hold objects of an object type, one
	// or a list of them: those graph.direct walks into (direct.go).
	objects map[string]bool
}

// Name names the plugin in gqlgen's errors.
func (*leafFields) Name() string { return "leafFields" }

// builtinScalars are the scalars whose marshallers never report an error.
var builtinScalars = map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}

// GenerateCode finds the leaves in the data gqlgen writes its code from.
func (l *leafFields) GenerateCode(data *codegen.Data) error {
	l.leaves = map[string]bool{}
	l.objects = map[string]bool{}
	for _, o := range data.Objects {
		if o.Root || strings.HasPrefix(o.Name, "__") {
			continue
		}
		for _, f := range o.Fields {
			if holdsObjects(f.TypeReference) {
				l.objects["_"+o.Name+"_"+f.Name] = true
			}
			if f.IsResolver || f.Batch || len(f.Args) > 0 || len(f.Directives) > 0 || f.Stream || f.MethodHasContext {
				continue
			}
			t := f.TypeReference
			def := t.Definition
			if def == nil || (def.Kind != "SCALAR" && def.Kind != "ENUM") || t.IsSlice() {
				continue
			}
			if t.GQL.NonNull && (t.IsPtr() || (def.Kind == "SCALAR" && !builtinScalars[def.Name])) {
				continue
			}
			emptyAsNull := !t.GQL.NonNull && def.Name == "String" && t.GO.String() == "string"
			l.leaves["_"+o.Name+"_"+f.Name] = emptyAsNull
		}
	}
	if len(l.leaves) == 0 {
		return fmt.Errorf("no leaf fields found; has gqlgen's data changed?")
	}
	return nil
}

// inlineLeaves gives each leaf's generated function a body that marshals
// the value directly. It fails when a leaf's function is missing or is
// not the call of graphql.ResolveField it expects, with a value read off
// obj and no middleware of its own, since that means gqlgen's generated
// code has changed and the rewrite needs looking at.
func (l *leafFields) inlineLeaves(filename string, src []byte) ([]byte, error) {
	s, err := parse(filename, src)
	if err != nil {
		return nil, err
	}
	var edits []edit
	done := map[string]bool{}
	for _, d := range s.file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil {
			continue
		}
		emptyAsNull, ok := l.leaves[fn.Name.Name]
		if !ok {
			continue
		}
		value, marshal, err := leafShape(fn)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %v; has gqlgen's generated code changed?", filename, fn.Name.Name, err)
		}
		var b strings.Builder
		b.WriteString("{\n\tv := " + s.text(value) + "\n")
		if emptyAsNull {
			b.WriteString("\tif v == \"\" {\n\t\treturn graphql.Null\n\t}\n")
		}
		b.WriteString("\treturn " + s.text(marshal) + "(ctx, field.Selections, v)\n}")
		edits = append(edits, edit{s.offset(fn.Body.Lbrace), s.offset(fn.Body.Rbrace) + 1, b.String()})
		done[fn.Name.Name] = true
	}
	var missing []string
	for name := range l.leaves {
		if !done[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("%s: no generated function for the leaf fields %s; has gqlgen's generated code changed?", filename, strings.Join(missing, ", "))
	}
	return format.Source(s.splice(edits))
}

// leafShape checks that fn is
//
//	return graphql.ResolveField(ctx, ec.OperationContext, field, fieldContext,
//		func(ctx context.Context) (any, error) { return obj.F, nil },  // or obj.F()
//		nil,
//		func(ctx context.Context, selections ast.SelectionSet, v T) graphql.Marshaler { return ec.marshalX(ctx, selections, v) },
//		recover, nonNull)
//
// and returns the value's expression and the marshaller.
func leafShape(fn *ast.FuncDecl) (value, marshal ast.Expr, err error) {
	ret, ok := only(fn.Body).(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, nil, fmt.Errorf("the body is not one return")
	}
	call, ok := ret.Results[0].(*ast.CallExpr)
	if !ok || !isSelector(call.Fun, "graphql", "ResolveField") || len(call.Args) != 9 {
		return nil, nil, fmt.Errorf("it does not return graphql.ResolveField(9 arguments)")
	}
	if id, ok := call.Args[5].(*ast.Ident); !ok || id.Name != "nil" {
		return nil, nil, fmt.Errorf("the field has middleware of its own")
	}
	resolve, ok := call.Args[4].(*ast.FuncLit)
	if !ok {
		return nil, nil, fmt.Errorf("the resolver is not a function literal")
	}
	r, ok := only(resolve.Body).(*ast.ReturnStmt)
	if !ok || len(r.Results) != 2 {
		return nil, nil, fmt.Errorf("the resolver is not one return of a value and an error")
	}
	if id, ok := r.Results[1].(*ast.Ident); !ok || id.Name != "nil" {
		return nil, nil, fmt.Errorf("the resolver can return an error")
	}
	value = r.Results[0]
	switch v := value.(type) {
	case *ast.SelectorExpr:
		if !isIdent(v.X, "obj") {
			return nil, nil, fmt.Errorf("the value is not read off obj")
		}
	case *ast.CallExpr:
		sel, ok := v.Fun.(*ast.SelectorExpr)
		if !ok || !isIdent(sel.X, "obj") || len(v.Args) != 0 {
			return nil, nil, fmt.Errorf("the value is not a method of obj without arguments")
		}
	default:
		return nil, nil, fmt.Errorf("the value is not read off obj")
	}
	m, ok := call.Args[6].(*ast.FuncLit)
	if !ok {
		return nil, nil, fmt.Errorf("the marshaller is not a function literal")
	}
	mr, ok := only(m.Body).(*ast.ReturnStmt)
	if !ok || len(mr.Results) != 1 {
		return nil, nil, fmt.Errorf("the marshaller is not one return")
	}
	mc, ok := mr.Results[0].(*ast.CallExpr)
	if !ok || len(mc.Args) != 3 {
		return nil, nil, fmt.Errorf("the marshaller does not call a function of 3 arguments")
	}
	if sel, ok := mc.Fun.(*ast.SelectorExpr); !ok || !isIdent(sel.X, "ec") || !strings.HasPrefix(sel.Sel.Name, "marshal") {
		return nil, nil, fmt.Errorf("the marshaller does not call a marshal function of ec")
	}
	return value, mc.Fun, nil
}

// only returns the one statement of b, or nil.
func only(b *ast.BlockStmt) ast.Stmt {
	if b == nil || len(b.List) != 1 {
		return nil
	}
	return b.List[0]
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isSelector(e ast.Expr, x, sel string) bool {
	s, ok := e.(*ast.SelectorExpr)
	return ok && isIdent(s.X, x) && s.Sel.Name == sel
}

// holdsObjects reports whether t holds objects of an object type, one or a
// list of them (not a list of lists).
func holdsObjects(t *config.TypeReference) bool {
	def := t.Definition
	return def != nil && def.Kind == "OBJECT" && (t.GQL.Elem == nil || t.GQL.Elem.Elem == nil)
}
