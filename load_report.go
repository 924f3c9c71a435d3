package peacegraph

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// LoadReport says what a load changed, per kind of entity: the nodes of
// each Kind, and the stances (KindStance), which are relationships. A load
// that finds the store already holding the dataset reports no change and
// writes nothing.
type LoadReport struct {
	Kinds map[Kind]*KindChange
	// Writes is the number of statements or operations the store ran to
	// apply the change; 0 for an unchanged reload.
	Writes int
	// Derived counts what a store rewrote although its own value stayed
	// the same, because facts derived from other entities changed (the
	// evidence of an edge, say); stores that derive nothing at load report 0.
	Derived int
	// Held is how many entities (nodes and stances, as Kinds counts them)
	// the store held before the load: what a removal is a share of.
	Held int
}

// Removed is how many entities the load removes, of every kind.
func (r *LoadReport) Removed() int {
	n := 0
	for _, c := range r.Kinds {
		n += c.Removed
	}
	return n
}

// KindStance names the stances in a LoadReport; stances are no nodes.
const KindStance Kind = "Stance"

// KindChange counts the entities of one kind a load added, changed and
// removed.
type KindChange struct {
	Added, Changed, Removed int
}

// Count records one entity of kind k as added, changed or removed.
func (r *LoadReport) Count(k Kind, added, changed, removed int) {
	if r.Kinds == nil {
		r.Kinds = make(map[Kind]*KindChange)
	}
	c := r.Kinds[k]
	if c == nil {
		c = &KindChange{}
		r.Kinds[k] = c
	}
	c.Added += added
	c.Changed += changed
	c.Removed += removed
}

// Empty reports whether the load changed nothing.
func (r *LoadReport) Empty() bool {
	for _, c := range r.Kinds {
		if c.Added+c.Changed+c.Removed > 0 {
			return false
		}
	}
	return true
}

// String lists the changes by kind, e.g.
// "Claim +10 ~0 -0, Source +1 ~0 -0", or "no changes".
func (r *LoadReport) String() string {
	if r.Empty() {
		return "no changes"
	}
	kinds := make([]string, 0, len(r.Kinds))
	for k, c := range r.Kinds {
		if c.Added+c.Changed+c.Removed > 0 {
			kinds = append(kinds, string(k))
		}
	}
	sort.Strings(kinds)
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		c := r.Kinds[Kind(k)]
		parts[i] = fmt.Sprintf("%s +%d ~%d -%d", k, c.Added, c.Changed, c.Removed)
	}
	return strings.Join(parts, ", ")
}

// LoadOption adjusts one Store.Load.
type LoadOption func(*LoadOptions)

// LoadOptions are the settings of one load, as the options leave them.
type LoadOptions struct {
	// Report, when set, receives what the load changed (or, with DryRun,
	// would change).
	Report *LoadReport
	// DryRun computes the change and writes nothing.
	DryRun bool
	// MaxRemoved is the share of what the store holds (0 to 1) a load
	// may remove; one that would remove more is refused (CheckRemovals)
	// unless Prune is set. DefaultMaxRemoved when 0.
	MaxRemoved float64
	Prune      bool
	// Seeds names the files the dataset was read from (SeedDigest); the
	// store keeps it with what the load writes. Empty: the dataset comes
	// from no files, or from files nobody named.
	Seeds string
	// Adding: the dataset holds only entities to add to what the store
	// holds (Adding, ErrNotAddition).
	Adding bool
}

// DryRun asks a load to compute and report its change, and write nothing.
func DryRun() LoadOption { return func(o *LoadOptions) { o.DryRun = true } }

// Prune lets a load remove any share of what the store holds.
func Prune() LoadOption { return func(o *LoadOptions) { o.Prune = true } }

// MaxRemoved sets the share of what the store holds a load may remove.
func MaxRemoved(share float64) LoadOption { return func(o *LoadOptions) { o.MaxRemoved = share } }

// FromSeeds tells a load the digest of the files its dataset was read
// from (loaders.Digest), which the store keeps until the next load, so
// that a later load of the very same files can learn from
// Store.SeedDigest that there is nothing to do without reading them.
func FromSeeds(digest string) LoadOption { return func(o *LoadOptions) { o.Seeds = digest } }

// ReportTo asks a load to fill r with what it changed.
func ReportTo(r *LoadReport) LoadOption {
	return func(o *LoadOptions) { o.Report = r }
}

// ApplyLoadOptions gathers opts into LoadOptions; a store calls it first.
func ApplyLoadOptions(opts []LoadOption) LoadOptions {
	var o LoadOptions
	for _, f := range opts {
		f(&o)
	}
	if o.Report == nil {
		o.Report = &LoadReport{}
	}
	if o.MaxRemoved <= 0 {
		o.MaxRemoved = DefaultMaxRemoved
	}
	return o
}

// CompareDatasets fills r with what replacing the old nodes and stances by
// the new ones changes, node by node (by ID; a node whose kind changed is
// one removed and one added) and stance by stance (by actor, target and
// position), values compared whole. A store that keeps the domain values
// themselves, as the embedded one does, reports its loads with it.
func (r *LoadReport) CompareDatasets(oldNodes, newNodes map[string]Node, oldStances, newStances []*Stance) {
	r.Held = len(oldNodes) + len(oldStances)
	for id, n := range newNodes {
		o, ok := oldNodes[id]
		switch {
		case !ok:
			r.Count(n.NodeKind(), 1, 0, 0)
		case o.NodeKind() != n.NodeKind():
			r.Count(o.NodeKind(), 0, 0, 1)
			r.Count(n.NodeKind(), 1, 0, 0)
		case !reflect.DeepEqual(o, n):
			r.Count(n.NodeKind(), 0, 1, 0)
		}
	}
	for id, o := range oldNodes {
		if _, ok := newNodes[id]; !ok {
			r.Count(o.NodeKind(), 0, 0, 1)
		}
	}
	key := func(s *Stance) string { return s.ActorID + "\x00" + s.TargetID + "\x00" + string(s.Position) }
	old := make(map[string]*Stance, len(oldStances))
	for _, s := range oldStances {
		old[key(s)] = s
	}
	seen := make(map[string]bool, len(newStances))
	for _, s := range newStances {
		k := key(s)
		seen[k] = true
		switch o, ok := old[k]; {
		case !ok:
			r.Count(KindStance, 1, 0, 0)
		case !reflect.DeepEqual(o, s):
			r.Count(KindStance, 0, 1, 0)
		}
	}
	for k := range old {
		if !seen[k] {
			r.Count(KindStance, 0, 0, 1)
		}
	}
}
