// Package synth generates synthetic seed sets in the shape of the real
// record, at any scale, to measure the stores and the loaders on sets far
// larger than seeds/.
//
// A set of scale N is N replicas of the real record's shape: each has the
// real record's count of every kind (54 actors, 5 plans with 36 points,
// 154 sources, 241 claims, 35 stances, 15 events, 8 disputes), the same
// mix of actor kinds, certainties, dated and undated claims, republished
// and stored sources, and exercises every rule: plan versions whose
// changes are CHANGED, ADDED, KEPT, DROPPED and UNKNOWN, and a companion
// document that accompanies the main plan; stances that
// change over months; claims that contradict, deny and are reviewed;
// quotes found verbatim in stored texts. Each replica links to the one
// before it, so the graph is connected. Names are invented, so no
// generated claim is put in a real person's mouth.
//
// Generation is deterministic: the same Config gives the same dataset and
// the same files, byte for byte, on any machine and Go release.
package synth

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/peacegraph/peacegraph"
)

// Config says which set to generate.
type Config struct {
	// Scale is how many times the real record's shape is repeated: 1 is
	// about the size of seeds/, 1000 a thousand times it.
	Scale int
	// Seed selects the content: names, dates, words. A different seed
	// gives a different set of the same shape and size.
	Seed int64
	// MaxScale bounds Scale, as a guard against a typo that would fill
	// the memory and the disk; 0 means DefaultMaxScale.
	MaxScale int
}

// DefaultMaxScale is the largest scale generated unless MaxScale says
// otherwise: about 10,000 times the real record, some 2.4 million claims.
const DefaultMaxScale = 10000

// Per replica, the counts of every kind, those of the real record.
const (
	ActorsPerScale   = 54
	PlansPerScale    = 5
	PointsPerScale   = 36
	SourcesPerScale  = totalSources
	ClaimsPerScale   = 241
	StancesPerScale  = 35
	EventsPerScale   = 15
	DisputesPerScale = 8
)

// Validate reports a configuration that cannot be generated.
func (c Config) Validate() error {
	max := c.MaxScale
	if max == 0 {
		max = DefaultMaxScale
	}
	switch {
	case c.Scale < 1:
		return peacegraph.FieldErrorf(peacegraph.EINVALID, "scale", "scale %d: it must be 1 or more", c.Scale)
	case c.MaxScale < 0:
		return peacegraph.FieldErrorf(peacegraph.EINVALID, "max-scale", "max scale %d: it must be 0 (the default, %d) or more", c.MaxScale, DefaultMaxScale)
	case c.Scale > max:
		return peacegraph.FieldErrorf(peacegraph.EINVALID, "scale", "scale %d is above the maximum of %d (raise the maximum scale to generate it)", c.Scale, max)
	}
	return nil
}

// Generate returns the set cfg describes, as the seed files would hold it:
// not yet completed (call Complete, or let a store's Load do it), every
// citation's offsets -1. Replicas come one after another in every list,
// so the default plan is the first replica's main plan: the plan before
// it, the first replica's companion document, is never the default.
func Generate(cfg Config) (*peacegraph.Dataset, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	pubs := outlets(cfg.Seed)
	parts := make([]*peacegraph.Dataset, cfg.Scale)
	// Replicas are independent, so they are made in parallel and joined in
	// order: the result does not depend on the number of CPUs.
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				parts[i] = newReplica(cfg, i+1, pubs).build()
			}
		}()
	}
	for i := range parts {
		next <- i
	}
	close(next)
	wg.Wait()
	return join(parts), nil
}

// join concatenates datasets, kind by kind, in order.
func join(parts []*peacegraph.Dataset) *peacegraph.Dataset {
	n := len(parts)
	d := &peacegraph.Dataset{
		Actors: make([]*peacegraph.Actor, 0, n*ActorsPerScale), Plans: make([]*peacegraph.Plan, 0, n*PlansPerScale),
		Points: make([]*peacegraph.Point, 0, n*PointsPerScale), Claims: make([]*peacegraph.Claim, 0, n*ClaimsPerScale),
		Sources: make([]*peacegraph.Source, 0, n*SourcesPerScale), Stances: make([]*peacegraph.Stance, 0, n*StancesPerScale),
		Events: make([]*peacegraph.Event, 0, n*EventsPerScale), Disputes: make([]*peacegraph.Dispute, 0, n*DisputesPerScale),
	}
	for _, p := range parts {
		d.Actors = append(d.Actors, p.Actors...)
		d.Plans = append(d.Plans, p.Plans...)
		d.Points = append(d.Points, p.Points...)
		d.Claims = append(d.Claims, p.Claims...)
		d.Sources = append(d.Sources, p.Sources...)
		d.Stances = append(d.Stances, p.Stances...)
		d.Events = append(d.Events, p.Events...)
		d.Disputes = append(d.Disputes, p.Disputes...)
	}
	return d
}

// String names a configuration as the command line would give it.
func (c Config) String() string { return fmt.Sprintf("scale %d, seed %d", c.Scale, c.Seed) }
