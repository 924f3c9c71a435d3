package peacegraph

import (
	"context"
	"slices"
	"strings"
	"sync"
)

// Selection is what the reader of a store's answers will look at: for
// each type of value (a node kind such as "Claim", or a wrapper such as
// "ClaimConnection"), the fields it asks of any value of that type, in
// the API's names. A store may then leave out of the values it returns
// whatever no selected field needs, and skip work (a count) that no field
// asks for: a claim's reviews are not read for a question about its text.
//
// It is the union over the whole request, so that a value read for one
// part of an answer serves any other part. A nil Selection asks for
// everything, which is what a caller that sets none (an export, a rule)
// gets.
type Selection struct {
	fields map[string]map[string]bool
	key    string
}

// NewSelection returns the selection of the given fields per type.
func NewSelection(fields map[string][]string) *Selection {
	s := &Selection{fields: make(map[string]map[string]bool, len(fields))}
	types := make([]string, 0, len(fields))
	for typ, names := range fields {
		set := make(map[string]bool, len(names))
		for _, n := range names {
			set[n] = true
		}
		s.fields[typ] = set
		types = append(types, typ)
	}
	slices.Sort(types)
	var b strings.Builder
	for _, typ := range types {
		names := make([]string, 0, len(s.fields[typ]))
		for n := range s.fields[typ] {
			names = append(names, n)
		}
		slices.Sort(names)
		b.WriteString(typ)
		b.WriteByte(':')
		b.WriteString(strings.Join(names, ","))
		b.WriteByte(';')
	}
	s.key = b.String()
	return s
}

// Wants reports whether the reader asks for the field of values of the
// type; always true for a nil Selection.
func (s *Selection) Wants(typ, field string) bool {
	if s == nil {
		return true
	}
	return s.fields[typ][field]
}

// Key names the selection: two selections with the same key ask for the
// same fields ("" for a nil one), so that a store may keep what it builds
// for one.
func (s *Selection) Key() string {
	if s == nil {
		return ""
	}
	return s.key
}

type selectionKey struct{}

// WithSelection returns a context whose store reads may answer only what
// s asks for.
func WithSelection(ctx context.Context, s *Selection) context.Context {
	return context.WithValue(ctx, selectionKey{}, s)
}

// SelectionFrom returns the selection of a context, or nil (everything).
func SelectionFrom(ctx context.Context) *Selection {
	s, _ := ctx.Value(selectionKey{}).(*Selection)
	return s
}

// Includes says which nodes a store may read along with a list, because
// the reader will ask for them next (the Selection asks for the field
// that names them): the claimants and the cited sources of a page of
// claims, the actors conceding a plan's points, the actors of stances.
// A store that reads them in the same round trip as the list saves the
// request a round trip per level.
type Includes struct {
	Claimants, CitedSources, ConcededBy, StanceActors bool

	// Plans asks a read of plans' points for the plans themselves: a
	// reader that asks for one plan and its points (Query.plan) then
	// costs one round trip, not two. The Selection cannot say this (it
	// asks for fields, not for which read answers them), so the reader
	// asks through its Related (WithPlans).
	Plans bool

	// PointStances, when set, asks a read of plans' points for the
	// points' stances too, those Stances gives for the filter with the
	// points as its targets, each with its actor where StanceActors asks:
	// the concessions with their stances cost one round trip
	// (WithPointStances).
	PointStances *StanceFilter
}

// Includes returns what a reader of s asks of the nodes lists name.
func (s *Selection) Includes() Includes {
	return Includes{
		Claimants:    s.Wants("Claim", "claimant"),
		CitedSources: s.Wants("Claim", "citations") && s.Wants("Citation", "source"),
		ConcededBy:   s.Wants("Point", "concededBy"),
		StanceActors: s.Wants("Stance", "actor"),
	}
}

// Related gathers the nodes a store read along with what it was asked for
// (Includes), for the caller to keep beside the answer. Safe for
// concurrent use.
type Related struct {
	mu    sync.Mutex
	nodes []Node
	plans bool

	pointStances *StanceFilter
	stances      []*Stance
	stanceActors []Node
}

// WithPlans asks the reads that take r to bring along the plans whose
// points they read (Includes.Plans), and returns r.
func (r *Related) WithPlans() *Related {
	r.plans = true
	return r
}

// WithPointStances asks the reads that take r to bring along the stances
// of the points they read, as f selects them (Includes.PointStances), and
// returns r.
func (r *Related) WithPointStances(f StanceFilter) *Related {
	r.pointStances = &f
	return r
}

// AddStances keeps stances read along with points, and their actors
// (nils left out). The actors are kept apart from Nodes: they answer the
// stances' fields, not the points'.
func (r *Related) AddStances(stances []*Stance, actors ...Node) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stances = append(r.stances, stances...)
	for _, n := range actors {
		if n != nil {
			r.stanceActors = append(r.stanceActors, n)
		}
	}
}

// Stances returns the stances kept so far, in the order added, and their
// actors.
func (r *Related) Stances() ([]*Stance, []Node) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*Stance(nil), r.stances...), append([]Node(nil), r.stanceActors...)
}

// Add keeps nodes (nils left out).
func (r *Related) Add(nodes ...Node) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, n := range nodes {
		if n != nil {
			r.nodes = append(r.nodes, n)
		}
	}
}

// Nodes returns the nodes kept so far.
func (r *Related) Nodes() []Node {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Node(nil), r.nodes...)
}

type relatedKey struct{}

// WithRelated returns a context whose store reads may add to the returned
// Related the nodes they read along (Includes of the context's
// Selection). Without one a store reads only what it is asked for.
func WithRelated(ctx context.Context) (context.Context, *Related) {
	r := &Related{}
	return context.WithValue(ctx, relatedKey{}, r), r
}

// RelatedFrom returns the context's Related, or nil.
func RelatedFrom(ctx context.Context) *Related {
	r, _ := ctx.Value(relatedKey{}).(*Related)
	return r
}

// IncludesFrom is what a store should read along in ctx: the Includes of
// its Selection where it has a Related to take them, else nothing.
func IncludesFrom(ctx context.Context) Includes {
	r := RelatedFrom(ctx)
	if r == nil {
		return Includes{}
	}
	inc := SelectionFrom(ctx).Includes()
	inc.Plans = r.plans
	if r.pointStances != nil {
		f := *r.pointStances
		inc.PointStances = &f
	}
	return inc
}
