package graph

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/peacegraph/peacegraph"
)

// request is the read state of one GraphQL request: the Store, the nodes
// read so far, the results of the reads its parts share, and the objects
// each place of the answer holds (batch.go). A fresh one per request keeps
// one user's answers from leaking into another's and bounds what it holds
// by the size of one answer.
//
// Nothing in it waits for a timer: a part of the request that needs what
// another part is reading waits for that read to finish, and no read waits
// for keys to gather.
type request struct {
	store  peacegraph.Store
	schema *schemaInfo
	// exec is the executable schema whose generated code direct reads
	// fields with (nil: gqlgen answers every field).
	exec *executableSchema
	// answered, when set, counts the root fields direct answered.
	answered *atomic.Int64

	budget budget
	roots  sync.Mutex // held by the root field being resolved (budget.go)

	mu     sync.Mutex
	nodes  map[string][]placed
	shared map[readKey]*pending[any]
	levels map[string][]any
	places map[placeKey]string
}

func newRequest(store peacegraph.Store, schema *schemaInfo, maxObjects int) *request {
	return &request{
		store:  store,
		schema: schema,
		budget: budget{max: int64(maxObjects)},
		nodes:  map[string][]placed{},
		shared: map[readKey]*pending[any]{},
		levels: map[string][]any{},
		places: map[placeKey]string{},
	}
}

// schemaInfo is what a request needs of the schema to find the fields
// selected on the objects of a level: the object types an abstract type
// may hold, and the types each object type satisfies in a fragment's type
// condition.
type schemaInfo struct {
	schema    *ast.Schema
	satisfies map[string][]string
}

func newSchemaInfo(schema *ast.Schema) *schemaInfo {
	info := &schemaInfo{schema: schema, satisfies: map[string][]string{}}
	for name, def := range schema.Types {
		if def.Kind != ast.Object {
			continue
		}
		names := append([]string{name}, def.Interfaces...)
		for _, u := range schema.Types {
			if u.Kind == ast.Union && slices.Contains(u.Types, name) {
				names = append(names, u.Name)
			}
		}
		info.satisfies[name] = names
	}
	return info
}

// objectTypes returns the object types a value of the named type can be.
func (s *schemaInfo) objectTypes(name string) []string {
	def := s.schema.Types[name]
	switch {
	case def == nil:
		return nil
	case def.Kind == ast.Object:
		return []string{name}
	}
	var out []string
	for _, d := range s.schema.GetPossibleTypes(def) {
		out = append(out, d.Name)
	}
	return out
}

// pending is a value that one part of a request reads for all of them.
type pending[V any] struct {
	done chan struct{}
	val  V
	err  error
}

func newPending[V any]() *pending[V] { return &pending[V]{done: make(chan struct{})} }

// resolved is a value read already, such as a node a page brought along:
// it shares one closed channel rather than making and closing its own.
func resolved[V any](v V, err error) *pending[V] { return &pending[V]{done: closed, val: v, err: err} }

// closed is the done channel of every value made resolved.
var closed = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// resolve records the outcome of the read and releases those waiting.
func (p *pending[V]) resolve(v V, err error) {
	p.val, p.err = v, err
	close(p.done)
}

// wait returns the value once it has been read, or the context's error if
// the request ends first.
func (p *pending[V]) wait(ctx context.Context) (V, error) {
	select {
	case <-p.done:
		return p.val, p.err
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

// readKey names a read shared within a request: what is read, and for
// which place of the answer ("" for a read of the whole request). It is a
// struct, not one string, so that naming a read allocates nothing.
type readKey struct{ what, place string }

// once returns what read returns, running it once per request and key:
// the first caller reads, every other caller waits for that read and gets
// its result (an error included).
func (r *request) once(ctx context.Context, key readKey, read func() (any, error)) (any, error) {
	r.mu.Lock()
	p, ok := r.shared[key]
	if !ok {
		p = newPending[any]()
		r.shared[key] = p
	}
	r.mu.Unlock()
	if !ok {
		p.resolve(safely(read))
	}
	return p.wait(ctx)
}

// safely runs read and turns a panic into an error, so that the callers
// waiting for a shared read are released and see it fail (the presenter
// shows it as "internal error" and logs the stack).
func safely[V any](read func() (V, error)) (v V, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = recoverPanic(context.Background(), p)
		}
	}()
	return read()
}

type requestKey struct{}

func withRequest(ctx context.Context, r *request) context.Context {
	return context.WithValue(ctx, requestKey{}, r)
}

// requestFor returns the request's read state. The handler always installs
// it; a missing one is a wiring bug, reported as an internal error.
func requestFor(ctx context.Context) (*request, error) {
	r, ok := ctx.Value(requestKey{}).(*request)
	if !ok {
		return nil, peacegraph.Errorf(peacegraph.EINTERNAL, "no request state in the context")
	}
	return r, nil
}
