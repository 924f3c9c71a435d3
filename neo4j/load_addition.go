package neo4j

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

// add is Load given peacegraph.Adding: it writes what adding d to the
// graph changes, having read only what that depends on. The graph's
// bucket digests say what it holds; peacegraph.ReadAddition reads, through
// the store's own reads, the held nodes whose derived facts the addition
// changes and those facts are derived from; their units are hashed, and
// the buckets they fall in are read and digested again with them. The
// plan is then the same as a whole load's, written the same way
// (commit), and a load that commits meanwhile fails it with
// ErrNotAddition, so that the whole load that follows plans against it.
func (s *Store) add(ctx context.Context, d *peacegraph.Dataset, o peacegraph.LoadOptions) error {
	started := time.Now()
	held, err := s.readGeneration(ctx)
	if err != nil {
		return err
	}
	switch {
	case held.staged:
		return fmt.Errorf("%w: a stopped load left its staging, which a whole load removes", peacegraph.ErrNotAddition)
	case held.digests == nil:
		return fmt.Errorf("%w: the graph keeps no current digests of what it holds", peacegraph.ErrNotAddition)
	}
	a, err := peacegraph.ReadAddition(ctx, s, d)
	if err != nil {
		return err
	}
	// The units it derives again: the touched nodes, and the stances and
	// spans of Part, those of the actors of the added stances on their
	// targets.
	pairs := map[string]bool{}
	for _, st := range a.Part.Stances {
		pairs[stanceUnit+stanceKey(st)] = true
		pairs[spansKey(st)] = true
	}
	var us []*unit
	buckets := map[int64]bool{}
	for _, u := range units(a.Part) {
		if u.node != nil && a.Touched[u.key] || u.node == nil && pairs[u.key] {
			us = append(us, u)
			buckets[u.bucket] = true
		}
	}
	read := slices.Sorted(maps.Keys(buckets))
	if err := s.readUnits(ctx, held, read); err != nil {
		return err
	}
	if held.legacy {
		return fmt.Errorf("%w: the graph holds nodes written before units", peacegraph.ErrNotAddition)
	}
	// The buckets read hold the units the addition leaves as they are
	// too: their hashes as held go into the buckets' digests.
	all := slices.Clone(us)
	for key, h := range held.units {
		if a.Touched[key] || pairs[key] {
			continue
		}
		anchor := key
		if h.label == "" {
			anchor, _ = relUnitAnchor(key)
		}
		all = append(all, &unit{key: key, anchor: anchor, bucket: bucketOf(anchor), hash: h.hash})
	}
	want := slices.Clone(held.digests)
	digests := bucketDigests(all)
	for _, b := range read {
		want[b] = digests[b]
	}
	p := plan(all, held, want)
	p.count = held.count
	for _, u := range p.fresh {
		if u.kind != "" {
			p.count++
		}
	}
	s.log.Debug().Dur("took", time.Since(started)).Int("touched", len(us)).Int("buckets", len(read)).Int("read", len(held.units)).Msg("planned the addition")
	moved := func(context.Context, neo4j.ManagedTransaction) (*loadPlan, *heldState, error) {
		return nil, nil, fmt.Errorf("%w: another load changed the graph meanwhile", peacegraph.ErrNotAddition)
	}
	return s.commit(ctx, p, held, o, started, moved)
}

// readGeneration reads the lock node's bookkeeping (readGenerationIn) in a
// read transaction of its own, from the leader, as readHeld does.
func (s *Store) readGeneration(ctx context.Context) (*heldState, error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	h, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (*heldState, error) {
		return s.readGenerationIn(txQuery(ctx, tx))
	})
	return h, s.mapError(err)
}

// readUnits reads the units of the buckets into held, in a read
// transaction of its own.
func (s *Store) readUnits(ctx context.Context, held *heldState, buckets []int64) error {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	_, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (bool, error) {
		return true, s.readUnitsIn(txQuery(ctx, tx), held, buckets)
	})
	return s.mapError(err)
}
