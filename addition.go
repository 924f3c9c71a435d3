package peacegraph

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// An addition is a load that only adds: new sources, claims, events and
// stances (a day's articles, the meetings they report and the positions
// they show), with nothing already held changed or removed. A record
// grows mostly that way, and an addition costs in proportion to what it
// adds, not to what the store holds: only the added entities are read
// from the seeds, and only the held nodes and stances whose derived facts
// they change are read from the store and written again (ReadAddition).
// Anything else is a whole load.

// ErrNotAddition is wrapped by Store.Load, given Adding, when the dataset
// cannot be added as it is: it holds more than new sources, claims,
// events and stances, names an ID the store holds or one that is neither
// held nor added, changes what it does not read back (ReadAddition), or
// breaks a rule of the record. Nothing was written; a whole load of the
// full set decides, and says where any problem lies.
var ErrNotAddition = errors.New("not an addition to what the store holds")

// notAddition says why a dataset is not an addition.
func notAddition(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrNotAddition, fmt.Sprintf(format, args...))
}

// Adding tells Store.Load that the dataset holds only entities to add to
// what the store holds, as a load of the union would: see ErrNotAddition.
// Seeds then name the whole set the union was read from.
func Adding() LoadOption { return func(o *LoadOptions) { o.Adding = true } }

// Addition is the part of the record an addition touches, completed.
type Addition struct {
	// Part holds the added entities and the held ones whose derived
	// facts the addition changes, with every held entity those facts are
	// derived from, completed as the whole record would be: each
	// Touched node of Part is what a whole load would write, and so are
	// Part's stances, which are every stance of the actors of the added
	// stances on their targets (whether each is current, and the spans
	// of an actor on a target, are derived from those alone).
	Part *Dataset
	// Added are the IDs of the added nodes; Touched are those and the
	// held nodes whose derived facts change.
	Added, Touched map[string]bool
}

// AdditionReader is what ReadAddition reads of a store.
type AdditionReader interface {
	Nodes(ctx context.Context, ids []string) ([]Node, error)
	Points(ctx context.Context, planIDs []string, f PointFilter) ([][]*Point, error)
	Claims(ctx context.Context, qs []ClaimQuery) ([]*ClaimPage, error)
	Stances(ctx context.Context, f StanceFilter) ([]*Stance, error)
}

// additionPage is how many claims one query of ReadAddition reads.
const additionPage = 1000

// ReadAddition reads from s what adding the sources, claims, events and
// stances of added changes, and completes it (Addition). The rules of the
// record say what that is (docs/rules.md):
//   - an added claim changes the evidence of the edges of the nodes it is
//     about: an actor's affiliations, a plan's authors, revision and
//     companion, a point's plan, concessions, sources and amendment;
//   - a claim about a point changes the changes of the point's plan,
//     which are derived from the claims about its points;
//   - an event changes nothing held: the evidence of its participations
//     is derived from its own claims, which are read, and its
//     relationships are its own;
//   - a stance changes the other stances of its actor on its target:
//     which are current, and the spans of the actor on the target, are
//     derived from those stances alone, and their dates from their
//     claims, which are read;
//
// and nothing else: a claim that contradicts or denies another, stances
// that, by the positions rule, make a held claim contradict another, and
// any added entity but a source, a claim, an event or a stance, change
// what ReadAddition does not read, so it refuses them with
// ErrNotAddition, as it does an added ID the store holds, a reference to
// what neither holds, and a breach of a rule of the record. added is
// completed in place.
func ReadAddition(ctx context.Context, s AdditionReader, added *Dataset) (*Addition, error) {
	switch {
	case len(added.Actors) > 0, len(added.Plans) > 0, len(added.Points) > 0, len(added.Disputes) > 0:
		return nil, notAddition("it holds more than sources, claims, events and stances")
	case len(added.Sources) == 0 && len(added.Claims) == 0 && len(added.Events) == 0 && len(added.Stances) == 0:
		return nil, notAddition("it holds nothing")
	}
	a := &Addition{Added: map[string]bool{}, Touched: map[string]bool{}}
	for id := range added.Nodes() {
		a.Added[id] = true
		a.Touched[id] = true
	}
	for _, c := range added.Claims {
		if len(c.Contradicts) > 0 || len(c.Denies) > 0 || len(c.ContradictionRules) > 0 {
			return nil, notAddition("claim %q contradicts or denies a claim", c.ID)
		}
	}
	r := &additionRead{ctx: ctx, s: s, nodes: map[string]Node{}}
	held, err := r.lookUp(slices.Sorted(maps.Keys(a.Added)))
	if err != nil {
		return nil, err
	}
	for id, n := range held {
		if n != nil {
			return nil, notAddition("the store holds %s %q", n.NodeKind(), id)
		}
	}
	// What the added entities name: claimants, subjects, sources, the
	// originals the sources republish, the participants and claims of
	// events, and the actors, targets and claims of stances.
	var refs []string
	var about []string
	for _, c := range added.Claims {
		if c.ClaimantID != "" {
			refs = append(refs, c.ClaimantID)
		}
		about = append(about, c.AboutIDs...)
		for _, ct := range c.Citations {
			refs = append(refs, ct.SourceID)
		}
	}
	for _, src := range added.Sources {
		if src.Republishes != "" {
			refs = append(refs, src.Republishes)
		}
	}
	for _, e := range added.Events {
		refs = append(append(refs, e.ParticipantIDs...), e.EvidenceIDs...)
	}
	for _, st := range added.Stances {
		refs = append(append(refs, st.ActorID, st.TargetID), st.EvidenceIDs...)
	}
	addedNodes := added.Nodes()
	if err := r.need(addedNodes, append(refs, about...)); err != nil {
		return nil, err
	}
	if err := r.stancePairs(addedNodes, added.Stances); err != nil {
		return nil, err
	}
	if err := r.chains(addedNodes); err != nil {
		return nil, err
	}
	// The plans whose derived facts change, and the points and claims
	// they are derived from.
	var plans []string
	for _, id := range about {
		if a.Added[id] {
			continue
		}
		switch n := r.nodes[id].(type) {
		case *Actor:
			a.Touched[id] = true
		case *Plan:
			a.Touched[id] = true
			plans = append(plans, id)
		case *Point:
			a.Touched[id] = true
			plans = append(plans, n.PlanID)
		}
	}
	plans = uniqueSorted(plans)
	for _, id := range plans {
		a.Touched[id] = true
	}
	if err := r.need(addedNodes, plans); err != nil {
		return nil, err
	}
	// A plan's changes are derived from its points and those of the plan
	// it revises, from the claims about them and from the evidence of its
	// recorded changes.
	context := slices.Clone(plans)
	var evidence []string
	for _, id := range plans {
		p, ok := r.nodes[id].(*Plan)
		if !ok {
			return nil, notAddition("%q, which its claims name, is no plan of the store", id)
		}
		if p.Revises != "" {
			context = append(context, p.Revises)
		}
		for _, c := range p.SeedChanges {
			evidence = append(evidence, c.EvidenceIDs...)
		}
	}
	context = uniqueSorted(context)
	if err := r.need(addedNodes, context); err != nil {
		return nil, err
	}
	points, err := s.Points(ctx, context, PointFilter{})
	if err != nil {
		return nil, err
	}
	subjects := map[string]bool{}
	for id := range a.Touched {
		if !a.Added[id] {
			subjects[id] = true
		}
	}
	for _, ps := range points {
		for _, pt := range ps {
			r.nodes[pt.ID] = pt
			subjects[pt.ID] = true
		}
	}
	if err := r.claimsAbout(slices.Sorted(maps.Keys(subjects))); err != nil {
		return nil, err
	}
	if err := r.need(addedNodes, evidence); err != nil {
		return nil, err
	}
	a.Part = r.dataset(added)
	seq := make(map[string]int, len(a.Part.Plans))
	for _, p := range a.Part.Plans {
		seq[p.ID] = p.Seq
	}
	a.Part.Complete()
	for _, p := range a.Part.Plans {
		// Complete numbers the plans in the order given; a held plan
		// keeps the place the whole record gave it.
		p.Seq = seq[p.ID]
	}
	if err := a.Part.Validate(); err != nil {
		var ps Problems
		if !errors.As(err, &ps) {
			return nil, err
		}
		addedStance := make(map[*Stance]bool, len(added.Stances))
		for _, st := range added.Stances {
			addedStance[st] = true
		}
		for _, p := range ps {
			// The held entities of Part name nodes Part does not hold;
			// they were valid when they were loaded. A stance's problem
			// is its actor's, so the stance itself tells whether it is
			// added.
			st, isStance := p.Entity.(*Stance)
			if isStance && addedStance[st] || !isStance && a.Added[p.ID] {
				return nil, notAddition("%s %q: %s", p.Kind, p.ID, p.Message)
			}
		}
	}
	return a, nil
}

// additionRead gathers the held nodes an addition needs, and the held
// stances it changes.
type additionRead struct {
	ctx     context.Context
	s       AdditionReader
	nodes   map[string]Node
	stances []*Stance
}

// lookUp reads the nodes of ids, nil where the store holds none.
func (r *additionRead) lookUp(ids []string) (map[string]Node, error) {
	out := make(map[string]Node, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	nodes, err := r.s.Nodes(r.ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, n := range nodes {
		out[ids[i]] = n
	}
	return out, nil
}

// need reads the held nodes of ids that neither added nor the read holds;
// ErrNotAddition for one the store does not hold either.
func (r *additionRead) need(added map[string]Node, ids []string) error {
	var missing []string
	for _, id := range uniqueSorted(ids) {
		if _, ok := added[id]; !ok && r.nodes[id] == nil {
			missing = append(missing, id)
		}
	}
	got, err := r.lookUp(missing)
	if err != nil {
		return err
	}
	for _, id := range missing {
		if got[id] == nil {
			return notAddition("it names %q, which the store does not hold", id)
		}
		r.nodes[id] = got[id]
	}
	return nil
}

// chains reads the sources the sources read so far republish, to the
// original reports, which a claim's corroboration counts.
func (r *additionRead) chains(added map[string]Node) error {
	for {
		var next []string
		for _, n := range r.nodes {
			if src, ok := n.(*Source); ok && src.Republishes != "" && r.nodes[src.Republishes] == nil {
				if _, isAdded := added[src.Republishes]; !isAdded {
					next = append(next, src.Republishes)
				}
			}
		}
		if len(next) == 0 {
			return nil
		}
		if err := r.need(added, next); err != nil {
			return err
		}
	}
}

// stancePairs reads the stances the store holds of the actors of the
// added stances on their targets, which the added ones change, and the
// claims those stances cite; and checks that the positions rule joins no
// held claim anew (it would change the held claim's contradictions). It
// reads what the claims are about too, which the rule of what a stance is
// on checks them against.
func (r *additionRead) stancePairs(added map[string]Node, stances []*Stance) error {
	if len(stances) == 0 {
		return nil
	}
	type pair struct{ actor, target string }
	pairs := map[pair]bool{}
	var actors, targets []string
	for _, st := range stances {
		pairs[pair{st.ActorID, st.TargetID}] = true
		actors, targets = append(actors, st.ActorID), append(targets, st.TargetID)
	}
	held, err := r.s.Stances(r.ctx, StanceFilter{ActorIDs: uniqueSorted(actors), TargetIDs: uniqueSorted(targets), All: true})
	if err != nil {
		return err
	}
	var evidence []string
	for _, st := range held {
		if pairs[pair{st.ActorID, st.TargetID}] {
			r.stances = append(r.stances, st)
			evidence = append(evidence, st.EvidenceIDs...)
		}
	}
	if err := r.need(added, evidence); err != nil {
		return err
	}
	nodes := maps.Clone(r.nodes)
	maps.Copy(nodes, added)
	before := map[[2]string]bool{}
	samePositionDays(r.stances, nodes, func(x, y string) { before[[2]string{x, y}] = true })
	all := append(slices.Clone(r.stances), stances...)
	var joined error
	samePositionDays(all, nodes, func(x, y string) {
		if joined != nil || before[[2]string{x, y}] {
			return
		}
		for _, id := range []string{x, y} {
			if _, ok := added[id]; !ok {
				joined = notAddition("its stances make held claim %q contradict another", id)
				return
			}
		}
	})
	if joined != nil {
		return joined
	}
	var about []string
	for _, st := range all {
		for _, id := range st.EvidenceIDs {
			if c, ok := r.nodes[id].(*Claim); ok {
				about = append(about, c.AboutIDs...)
			}
		}
	}
	return r.need(added, about)
}

// claimsAbout reads every claim about the subjects, a page at a time.
func (r *additionRead) claimsAbout(subjects []string) error {
	qs := make([]ClaimQuery, len(subjects))
	for i, id := range subjects {
		qs[i] = ClaimQuery{Filter: ClaimFilter{About: id}, First: additionPage}
	}
	for len(qs) > 0 {
		pages, err := r.s.Claims(r.ctx, qs)
		if err != nil {
			return err
		}
		var more []ClaimQuery
		for i, page := range pages {
			for _, c := range page.Claims {
				r.nodes[c.ID] = c
			}
			if page.HasNextPage && len(page.Claims) > 0 {
				q := qs[i]
				q.After = EncodeCursor(ClaimKey(page.Claims[len(page.Claims)-1]))
				more = append(more, q)
			}
		}
		qs = more
	}
	return nil
}

// dataset puts copies of the held nodes and stances read, plans in their
// held order, and the added sources, claims, events and stances into one
// dataset. Completing it then changes no value the store handed out: the
// memory store's are those its readers read.
func (r *additionRead) dataset(added *Dataset) *Dataset {
	d := &Dataset{}
	for _, id := range slices.Sorted(maps.Keys(r.nodes)) {
		switch n := r.nodes[id].(type) {
		case *Actor:
			d.Actors = append(d.Actors, n)
		case *Plan:
			d.Plans = append(d.Plans, n)
		case *Point:
			d.Points = append(d.Points, n)
		case *Claim:
			d.Claims = append(d.Claims, n)
		case *Source:
			d.Sources = append(d.Sources, n)
		case *Event:
			d.Events = append(d.Events, n)
		case *Dispute:
			d.Disputes = append(d.Disputes, n)
		}
	}
	slices.SortStableFunc(d.Plans, func(a, b *Plan) int { return a.Seq - b.Seq })
	d.Stances = r.stances
	d, _ = CloneDataset(d)
	d.Extend(added)
	return d
}

// Extend puts what an addition may hold (its sources, claims, events and
// stances) after d's own.
func (d *Dataset) Extend(added *Dataset) {
	d.Sources = append(d.Sources, added.Sources...)
	d.Claims = append(d.Claims, added.Claims...)
	d.Events = append(d.Events, added.Events...)
	d.Stances = append(d.Stances, added.Stances...)
}

// uniqueSorted sorts ids and drops repeats and empty IDs.
func uniqueSorted(ids []string) []string {
	out := slices.Compact(slices.Sorted(slices.Values(ids)))
	if len(out) > 0 && out[0] == "" {
		out = out[1:]
	}
	return out
}
