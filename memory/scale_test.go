package memory

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
	"github.com/peacegraph/peacegraph/storetest"
)

// scaled returns a valid dataset n times the size of the real record. The
// benchmarks and the cost tests take their data from it alone, so another
// generator with the same signature can replace it in this one line.
var scaled = replicatedSeeds

// replicatedSeeds is the real seeds n times over, each copy's IDs suffixed
// with its number ("-x0", "-x1", ...) and every reference renamed with
// them, so the copies are disjoint graphs of the record's own shape: every
// claimant, topic and neighbourhood is as big in each copy as in the
// record, and only the whole grows. Copy 0 is suffixed too, so that a
// reference the renaming missed points at no node and Load rejects it.
func replicatedSeeds(tb testing.TB, n int) *peacegraph.Dataset {
	tb.Helper()
	seedsOnce.Do(func() { seeds, seedsErr = loaders.Read(storetest.SeedsDir(tb)) })
	if seedsErr != nil {
		tb.Fatalf("reading the seeds: %v", seedsErr)
	}
	out := &peacegraph.Dataset{}
	for k := range n {
		c, _ := peacegraph.CloneDataset(seeds)
		renameAll(c, fmt.Sprintf("-x%d", k))
		out.Actors = append(out.Actors, c.Actors...)
		out.Plans = append(out.Plans, c.Plans...)
		out.Points = append(out.Points, c.Points...)
		out.Claims = append(out.Claims, c.Claims...)
		out.Sources = append(out.Sources, c.Sources...)
		out.Stances = append(out.Stances, c.Stances...)
		out.Events = append(out.Events, c.Events...)
		out.Disputes = append(out.Disputes, c.Disputes...)
	}
	return out
}

var (
	seedsOnce sync.Once
	seeds     *peacegraph.Dataset
	seedsErr  error
)

// renameAll appends suffix to every ID of d and to every reference to one.
// Derived fields (Changes, ContradictionRules, Corroboration) are renamed
// too, though Load derives them again.
func renameAll(d *peacegraph.Dataset, suffix string) {
	id := func(s *string) {
		if *s != "" {
			*s += suffix
		}
	}
	ids := func(list []string) {
		for i := range list {
			id(&list[i])
		}
	}
	changes := func(cs []peacegraph.PointChange) {
		for i := range cs {
			id(&cs[i].PointID)
			ids(cs[i].RevisedIDs)
			ids(cs[i].EvidenceIDs)
		}
	}
	for _, a := range d.Actors {
		id(&a.ID)
		for i := range a.Affiliations {
			id(&a.Affiliations[i].ActorID)
		}
	}
	for _, p := range d.Plans {
		id(&p.ID)
		ids(p.AuthorIDs)
		id(&p.Revises)
		id(&p.Accompanies)
		changes(p.SeedChanges)
		changes(p.Changes)
	}
	for _, p := range d.Points {
		id(&p.ID)
		id(&p.PlanID)
		ids(p.ConcededByIDs)
		ids(p.SourceIDs)
		id(&p.Amends)
	}
	for _, c := range d.Claims {
		id(&c.ID)
		id(&c.ClaimantID)
		ids(c.AboutIDs)
		for i := range c.Citations {
			id(&c.Citations[i].SourceID)
		}
		ids(c.Contradicts)
		ids(c.Denies)
		if c.ContradictionRules != nil {
			rules := make(map[string][]string, len(c.ContradictionRules))
			for k, v := range c.ContradictionRules {
				rules[k+suffix] = v
			}
			c.ContradictionRules = rules
		}
		id(&c.Corroboration.EarliestSourceID)
	}
	for _, s := range d.Sources {
		id(&s.ID)
		id(&s.Republishes)
	}
	for _, s := range d.Stances {
		id(&s.ActorID)
		id(&s.TargetID)
		ids(s.EvidenceIDs)
	}
	for _, e := range d.Events {
		id(&e.ID)
		ids(e.ParticipantIDs)
		ids(e.EvidenceIDs)
	}
	for _, x := range d.Disputes {
		id(&x.ID)
		ids(x.AboutIDs)
		for i := range x.Sides {
			ids(x.Sides[i].ClaimIDs)
		}
	}
}

// scaledStores caches one loaded store per scale: loading the largest
// takes seconds, and the benchmarks and tests only read.
var (
	scaledMu     sync.Mutex
	scaledStores = map[int]*Store{}
)

func scaledStore(tb testing.TB, n int) *Store {
	tb.Helper()
	scaledMu.Lock()
	defer scaledMu.Unlock()
	if s, ok := scaledStores[n]; ok {
		return s
	}
	s := New()
	if err := s.Load(tb.Context(), scaled(tb, n)); err != nil {
		tb.Fatalf("loading %d× the record: %v", n, err)
	}
	scaledStores[n] = s
	return s
}

// probe is one read of each kind the API makes, with arguments chosen from
// the data by rules that pick an entity of the same shape at every scale
// (the most frequent claimant, the node most claims are about, ...), so
// that a read at two scales returns answers of one size.
type probe struct {
	claimant, about, source, target string
	laterCursor                     string
	nodeIDs                         []string
	center                          string
	pathFrom, pathTo                string
	searchText                      string
}

// probeFor picks the arguments of the probe reads from the loaded store.
func probeFor(tb testing.TB, s *Store) probe {
	tb.Helper()
	snap := s.current()
	var p probe
	claimants, abouts, sources, targets := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, c := range snap.claims.items {
		if c.ClaimantID != "" {
			claimants[c.ClaimantID]++
		}
		for _, id := range c.AboutIDs {
			abouts[id]++
		}
		for _, ct := range c.Citations {
			sources[ct.SourceID]++
		}
	}
	for _, st := range snap.stances {
		targets[st.TargetID]++
	}
	p.claimant, p.about, p.source, p.target = most(claimants), most(abouts), most(sources), most(targets)
	if len(snap.claims.items) == 0 {
		tb.Fatal("no claims to probe")
	}
	p.laterCursor = peacegraph.EncodeCursor(peacegraph.ClaimKey(snap.claims.items[len(snap.claims.items)/2]))
	for _, c := range snap.claims.items[:min(50, len(snap.claims.items))] {
		p.nodeIDs = append(p.nodeIDs, c.ID)
	}
	pt, err := s.PointByNumber(tb.Context(), "", 1)
	if err != nil {
		tb.Fatalf("the default plan has no point 1: %v", err)
	}
	p.center = pt.ID
	p.pathFrom, p.pathTo = p.claimant, p.target
	p.searchText = "security guarantees"
	return p
}

// most returns the key with the highest count, the smallest on a tie.
func most(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	best := ""
	for _, k := range keys {
		if best == "" || counts[k] > counts[best] {
			best = k
		}
	}
	return best
}
