package graph

import (
	"context"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// nodesByID returns the node of each ID, aligned with ids: nil where an ID
// is "" or unknown. The IDs not read yet are read in one Store call.
//
// A node read at one place of the answer serves the places below it: what
// a claim is about serves the points' concededBy below it, a page of
// actors serves their events' participants. A place never takes a node
// from another branch of the query: that branch may or may not have read
// it yet, so the calls a query costs would depend on timing. This way they
// depend on the query alone, and each level's call is made or not made
// the same way every time. place is the place the nodes are read for.
func (r *request) nodesByID(ctx context.Context, place string, ids []string) ([]peacegraph.Node, error) {
	return r.readNodes(ctx, place, false, ids)
}

// levelNodesByID reads nodes for the fields of the objects at place (a
// level's read for all its node fields, levelNodes): they serve those
// fields, which keep them for the places below themselves, and not the
// places below the level's other fields, which may start before the read.
func (r *request) levelNodesByID(ctx context.Context, place string, ids []string) error {
	_, err := r.readNodes(ctx, place, true, ids)
	return err
}

func (r *request) readNodes(ctx context.Context, place string, fields bool, ids []string) ([]peacegraph.Node, error) {
	waits := make([]*pending[peacegraph.Node], len(ids))
	var mine []string
	var mineAt []*pending[peacegraph.Node]
	r.mu.Lock()
	for i, id := range ids {
		if id == "" {
			continue
		}
		p, kept := r.node(id, place, fields)
		switch {
		case p == nil:
			p = newPending[peacegraph.Node]()
			r.nodes[id] = append(r.nodes[id], placed{place: place, fields: fields, node: p})
			mine = append(mine, id)
			mineAt = append(mineAt, p)
		case !kept && !fields:
			// A read for the level's fields: keep it for the places
			// below this one.
			r.nodes[id] = append(r.nodes[id], placed{place: place, node: p})
		}
		waits[i] = p
	}
	r.mu.Unlock()
	if len(mine) > 0 {
		nodes, err := safely(func() ([]peacegraph.Node, error) { return r.store.Nodes(ctx, mine) })
		if err == nil && len(nodes) != len(mine) {
			err = peacegraph.Errorf(peacegraph.EINTERNAL, "the store returned %d nodes for %d IDs", len(nodes), len(mine))
		}
		for i, p := range mineAt {
			if err != nil {
				p.resolve(nil, err)
			} else {
				p.resolve(nodes[i], nil)
			}
		}
	}
	out := make([]peacegraph.Node, len(ids))
	for i, p := range waits {
		if p == nil {
			continue
		}
		n, err := p.wait(ctx)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// placed is a node read for a place of the answer: for the places at and
// below it, or (fields) for the fields of the objects at it only.
type placed struct {
	place  string
	fields bool
	node   *pending[peacegraph.Node]
}

// serves reports whether the read serves a read at place: a read of the
// nodes of the fields at place (fields), or of one field at place.
func (e placed) serves(place string, fields bool) bool {
	switch {
	case !e.fields:
		return within(place, e.place)
	case fields:
		return place == e.place
	}
	i := strings.LastIndexByte(place, '/')
	return i >= 0 && place[:i] == e.place
}

// node returns the read of id that serves a read at place, or nil, and
// whether it serves the places below place too. r.mu is held.
func (r *request) node(id, place string, fields bool) (*pending[peacegraph.Node], bool) {
	var found *pending[peacegraph.Node]
	for _, e := range r.nodes[id] {
		if e.serves(place, fields) {
			if !e.fields {
				return e.node, true
			}
			found = e.node
		}
	}
	return found, false
}

// remember keeps nodes that a list read for place returned (a page of
// claims, of actors), so that the places below it find them without a
// Store call.
func remember[T peacegraph.Node](r *request, place string, nodes []T) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, n := range nodes {
		if any(n) == nil {
			continue
		}
		id := n.NodeID()
		if _, kept := r.node(id, place, false); kept {
			continue
		}
		r.nodes[id] = append(r.nodes[id], placed{place: place, node: resolved[peacegraph.Node](n, nil)})
	}
}

// served reports whether the schema has a type for the node, so that a
// kind the store knows before the API does is left out rather than
// failing the whole answer. Add a kind here when its type joins the Node
// interface and the SearchHit union.
func served(n peacegraph.Node) bool {
	switch n.(type) {
	case *peacegraph.Actor, *peacegraph.Plan, *peacegraph.Point, *peacegraph.Claim, *peacegraph.Source, *peacegraph.Event,
		*peacegraph.Dispute:
		return true
	}
	return false
}

// as returns n when it is a T the schema serves, else the zero T: asking
// actor(id:) with the ID of a claim finds no actor.
func as[T peacegraph.Node](n peacegraph.Node) T {
	var zero T
	if n == nil || !served(n) {
		return zero
	}
	t, _ := n.(T)
	return t
}

// allAs keeps the nodes that are a T the schema serves, in order, leaving
// out unknown IDs (references are checked when seeds load, so none should
// be missing).
func allAs[T peacegraph.Node](nodes []peacegraph.Node) []T {
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		if n == nil || !served(n) {
			continue
		}
		if t, ok := n.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// loadAs returns the node of id when it is a T, else nil.
func loadAs[T peacegraph.Node](ctx context.Context, id string) (T, error) {
	var zero T
	r, err := requestFor(ctx)
	if err != nil {
		return zero, err
	}
	nodes, err := r.nodesByID(ctx, r.fieldPlace(ctx), []string{id})
	if err != nil {
		return zero, err
	}
	return as[T](nodes[0]), nil
}

// loadAllAs returns the nodes of ids that are a T, in order.
func loadAllAs[T peacegraph.Node](ctx context.Context, ids []string) ([]T, error) {
	r, err := requestFor(ctx)
	if err != nil {
		return nil, err
	}
	nodes, err := r.nodesByID(ctx, r.fieldPlace(ctx), ids)
	if err != nil {
		return nil, err
	}
	return allAs[T](nodes), nil
}
