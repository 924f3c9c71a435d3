package graph

import (
	"bytes"
	"context"
	"io"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// gqlgen resolves every field of an answer on its own: a FieldContext and
// a context holding it, closures, the chain of field middleware, a recover,
// and a set of values for every object. For a page of 50 claims with their
// claimants and citations, about a thousand fields, that machinery was
// most of what the request cost on the embedded store, and a request on
// Neo4j paid it on top of the database's time.
//
// direct answers the whole subtree of a root field instead, once its
// resolver has returned: it walks the query level by level (every object
// at one place, as batch.go names places), reads each field as the
// generated code reads it (directFields, written from that code by
// graph/internal/codegen), calls each batch field's resolver once with
// every parent of its level, and then writes the JSON gqlgen would write.
// The batch resolvers see what they see under gqlgen: a FieldContext for
// their field, with the fields above it up to the root, and the objects of
// the level above (request.levels), so they share the request's reads in
// the same way and cost the same Store calls.
//
// Where it cannot give gqlgen's answer, it gives none and gqlgen answers
// the field as before: a field directFields has no entry for (a resolver
// that is not a batch one), a field of an interface or a union, a scalar
// that is not a leaf, a null where the schema allows none, an error of a
// resolver or of an argument, a deferred fragment, a budget the subtree
// would overspend, a deadline past.
// The reads it made are shared through the request, so gqlgen makes none
// of them again, and nothing else of the request has changed.

// directField is how the generated code reads one field of an object type:
// a leaf through its generated function, a plain field off its object, a
// batch field through its resolver, given every parent of a level, with
// the arguments the generated code parses.
type directField struct {
	leaf func(ec *executionContext, ctx context.Context, field graphql.CollectedField, obj any) graphql.Marshaler
	// text reads a leaf that is a string, or null (an empty string where
	// the field may be null), which direct writes itself (writeString).
	text  func(obj any) (v string, null bool)
	plain func(obj any) any
	batch func(ec *executionContext, ctx context.Context, objs []any) (any, error)
	// args reads a batch field's arguments, which its resolver takes from
	// its FieldContext (nil: it has none).
	args func(ec *executionContext, ctx context.Context, field graphql.CollectedField) (map[string]any, error)
}

// directLevel is every object of the answer at one place below the root
// field, all of one object type, and what the query selects of them.
type directLevel struct {
	object string
	place  string
	// ctx holds a FieldContext that stands for those of the field that
	// holds the objects (and of the list element, where it is a list), as
	// the batch resolvers below look them up.
	ctx    context.Context
	sel    ast.SelectionSet
	objs   []any
	fields []graphql.CollectedField
	reads  []directField
	// kids holds, for each composite field, the objects it holds.
	kids []*directKids
}

// directKids are the objects one field holds for each object of the level
// above: those of object i are level.objs[from[i]:to[i]], or null where
// from[i] is negative.
type directKids struct {
	level    *directLevel
	list     bool
	from, to []int
}

// directWalk is one root field's answer being built.
type directWalk struct {
	ctx context.Context
	req *request
	oc  *graphql.OperationContext
	ec  *executionContext
	// objects counts the objects below the root field, which aroundField
	// would have counted field by field.
	objects int
}

// direct returns the answer of root field fc, whose resolver returned
// res, and the objects below it, or false when gqlgen must answer it.
func direct(ctx context.Context, req *request, fc *graphql.FieldContext, res any) (answer graphql.Marshaler, objects int, ok bool) {
	if req.exec == nil || fc.Field.Field == nil || fc.Field.Definition == nil || !graphql.HasOperationContext(ctx) {
		return nil, 0, false
	}
	defer func() {
		// A panic is left to gqlgen, which reports it at its field.
		if recover() != nil {
			answer, objects, ok = nil, 0, false
		}
	}()
	t := fc.Field.Definition.Type
	if !directObject(t) {
		return nil, 0, false
	}
	oc := graphql.GetOperationContext(ctx)
	w := &directWalk{ctx: ctx, req: req, oc: oc, ec: newExecutionContext(oc, req.exec, nil)}
	root := &directLevel{object: t.Name(), place: req.placeOf(fc), ctx: elementContext(ctx, t), sel: fc.Field.Selections}
	from, to, ok := root.add(t, res)
	if !ok || !w.build(root) {
		return nil, 0, false
	}
	b := dataBuffer()
	switch {
	case from < 0:
		b.WriteString("null")
	case t.Elem != nil:
		w.writeList(b, root, from, to)
	default:
		w.write(b, root, from)
	}
	return directAnswer{b}, w.objects, true
}

// directObject reports whether the field type t holds objects of an object
// type, one or a list of them, which is what direct walks.
func directObject(t *ast.Type) bool {
	if t.Elem != nil && t.Elem.Elem != nil || strings.HasPrefix(t.Name(), "__") {
		// A list of lists, or introspection (which has no reads).
		return false
	}
	def := parsedSchema.Types[t.Name()]
	return def != nil && def.Kind == ast.Object
}

// elementContext returns the context of each object a field of type t
// holds, given the field's: the same, or a list element's below it.
func elementContext(ctx context.Context, t *ast.Type) context.Context {
	if t.Elem == nil {
		return ctx
	}
	i := 0
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
}

// build resolves every field the query selects on the objects of lv, and
// the levels below it.
func (w *directWalk) build(lv *directLevel) bool {
	if len(lv.objs) == 0 {
		return true
	}
	// The batch resolvers below find their parents here, as they would
	// under gqlgen; a level a batch field or a read ahead recorded stays.
	w.req.setLevelOnce(lv.place, lv.objs)
	lv.fields = graphql.CollectFields(w.oc, lv.sel, w.req.schema.satisfies[lv.object])
	lv.reads = make([]directField, len(lv.fields))
	lv.kids = make([]*directKids, len(lv.fields))
	for j, f := range lv.fields {
		if f.IsDeferred() {
			return false
		}
		if f.Name == "__typename" {
			continue
		}
		read, ok := directFields[lv.object+"."+f.Name]
		if !ok || f.Definition == nil {
			return false
		}
		lv.reads[j] = read
		if read.leaf != nil || read.text != nil {
			continue
		}
		t := f.Definition.Type
		if !directObject(t) {
			return false
		}
		kids, ok := w.resolve(lv, f, read, t)
		if !ok || !w.build(kids.level) {
			return false
		}
		lv.kids[j] = kids
	}
	return true
}

// resolve reads composite field f of every object of lv.
func (w *directWalk) resolve(lv *directLevel, f graphql.CollectedField, read directField, t *ast.Type) (*directKids, bool) {
	fc := &graphql.FieldContext{Object: lv.object, Field: f, IsMethod: read.batch != nil, IsResolver: read.batch != nil}
	if read.args != nil {
		args, err := read.args(w.ec, lv.ctx, f)
		if err != nil {
			return nil, false
		}
		fc.Args = args
	}
	ctx := graphql.WithFieldContext(lv.ctx, fc)
	var results reflect.Value
	if read.batch != nil {
		if ctx.Err() != nil {
			return nil, false
		}
		res, err := read.batch(w.ec, ctx, lv.objs)
		if err != nil {
			return nil, false
		}
		results = reflect.ValueOf(res)
		if results.Kind() != reflect.Slice || results.Len() != len(lv.objs) {
			return nil, false
		}
	}
	// The values first, to size the level below once.
	values := make([]any, len(lv.objs))
	size := len(values)
	for i, o := range lv.objs {
		if read.batch != nil {
			values[i] = results.Index(i).Interface()
		} else {
			values[i] = read.plain(o)
		}
		if t.Elem != nil {
			if rv := reflect.ValueOf(values[i]); rv.Kind() == reflect.Slice {
				size += rv.Len() - 1
			}
		}
	}
	child := &directLevel{object: t.Name(), place: placeBelow(lv.place, lv.object, f), ctx: elementContext(ctx, t), sel: f.Selections, objs: make([]any, 0, max(size, 0))}
	spans := make([]int, 2*len(lv.objs))
	kids := &directKids{level: child, list: t.Elem != nil, from: spans[:len(lv.objs)], to: spans[len(lv.objs):]}
	for i, v := range values {
		from, to, ok := child.add(t, v)
		if !ok {
			return nil, false
		}
		kids.from[i], kids.to[i] = from, to
		if v != nil {
			// What aroundField counts for a field that returned v.
			w.objects += objectsIn(t, v)
		}
	}
	return kids, true
}

// add appends the objects of v, a value of field type t, to the level, and
// returns where they are (from < 0: null); false where gqlgen would report
// a null the schema does not allow, or v is not what direct walks.
func (lv *directLevel) add(t *ast.Type, v any) (from, to int, ok bool) {
	from = len(lv.objs)
	rv := reflect.ValueOf(v)
	if t.Elem == nil {
		switch {
		case !rv.IsValid() || (rv.Kind() == reflect.Pointer && rv.IsNil()):
			return -1, -1, !t.NonNull
		case rv.Kind() == reflect.Pointer:
			lv.objs = append(lv.objs, v)
		case rv.Kind() == reflect.Struct:
			// gqlgen marshals a copy of a struct held by value.
			p := reflect.New(rv.Type())
			p.Elem().Set(rv)
			lv.objs = append(lv.objs, p.Interface())
		default:
			return 0, 0, false
		}
		return from, len(lv.objs), true
	}
	switch {
	case !rv.IsValid():
		return -1, -1, !t.NonNull
	case rv.Kind() != reflect.Slice:
		return 0, 0, false
	case rv.IsNil() && !t.NonNull:
		return -1, -1, true
	}
	for i := range rv.Len() {
		e := rv.Index(i)
		switch e.Kind() {
		case reflect.Pointer, reflect.Interface:
			if e.IsNil() {
				return 0, 0, false
			}
			lv.objs = append(lv.objs, e.Interface())
		case reflect.Struct:
			lv.objs = append(lv.objs, e.Addr().Interface())
		default:
			return 0, 0, false
		}
	}
	return from, len(lv.objs), true
}

// write writes object i of lv as gqlgen's field set does (fieldSet).
func (w *directWalk) write(b *bytes.Buffer, lv *directLevel, i int) {
	b.WriteByte('{')
	for j, f := range lv.fields {
		if repeatsName(lv.fields, j) {
			continue
		}
		if j > 0 {
			b.WriteString(`,"`)
		} else {
			b.WriteByte('"')
		}
		b.WriteString(f.Alias)
		b.WriteString(`":`)
		switch kids := lv.kids[j]; {
		case f.Name == "__typename":
			graphql.MarshalString(lv.object).MarshalGQL(b)
		case lv.reads[j].text != nil:
			if v, null := lv.reads[j].text(lv.objs[i]); null {
				b.WriteString("null")
			} else {
				writeString(b, v)
			}
		case kids == nil:
			lv.reads[j].leaf(w.ec, w.ctx, f, lv.objs[i]).MarshalGQL(b)
		case kids.from[i] < 0:
			b.WriteString("null")
		case kids.list:
			w.writeList(b, kids.level, kids.from[i], kids.to[i])
		default:
			w.write(b, kids.level, kids.from[i])
		}
	}
	b.WriteByte('}')
}

// writeList writes the objects from to to of lv as a JSON array.
func (w *directWalk) writeList(b *bytes.Buffer, lv *directLevel, from, to int) {
	b.WriteByte('[')
	for k := from; k < to; k++ {
		if k > from {
			b.WriteByte(',')
		}
		w.write(b, lv, k)
	}
	b.WriteByte(']')
}

// writeString writes s as a JSON string, byte for byte as gqlgen's
// string marshaller does (graphql.MarshalString), without the closure it
// allocates for each of the hundreds of strings of a page: the quotes, a
// backslash before a quote or a backslash, \t \r \n, and \u00XX for the
// other control characters; every other byte as it is (gqlgen checks
// runes, but no byte of a multi-byte or invalid sequence is below 0x80).
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		b.WriteString(s[start:i])
		switch c {
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\n':
			b.WriteString(`\n`)
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		default:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xf])
		}
		start = i + 1
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

const hexDigits = "0123456789ABCDEF"

// directAnswer is a root field's answer, written.
type directAnswer struct{ b *bytes.Buffer }

// MarshalGQL writes the answer and gives its buffer back: the generated
// code writes each field's value once, into the operation's data.
func (a directAnswer) MarshalGQL(w io.Writer) {
	_, _ = w.Write(a.b.Bytes())
	releaseData(a.b.Bytes())
}
