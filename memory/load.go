package memory

import (
	"context"
	"errors"
	"fmt"

	"github.com/peacegraph/peacegraph"
)

// Load implements peacegraph.Store. It works on a deep copy of d, so the
// caller may go on changing d, and the store never changes under its
// readers: the new snapshot replaces the old one in a single step, or, on
// any error, not at all. An invalid dataset gives the error of
// peacegraph.InvalidDataset: code EINVALID, Problems reachable with
// errors.As, each Problem's Entity one of the caller's own values.
func (s *Store) Load(ctx context.Context, d *peacegraph.Dataset, opts ...peacegraph.LoadOption) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d == nil {
		return peacegraph.FieldErrorf(peacegraph.EINVALID, "dataset", "no dataset given")
	}
	o := peacegraph.ApplyLoadOptions(opts)
	c, origin := peacegraph.CloneDataset(d)
	var base *snapshot
	if o.Adding {
		var err error
		if base, c, err = s.union(ctx, c); err != nil {
			return err
		}
	}
	if err := peacegraph.CheckDataset(c); err != nil {
		if o.Adding {
			// ReadAddition checked the addition; a union that still
			// breaks a rule is for a whole load to report.
			return fmt.Errorf("%w: %w", peacegraph.ErrNotAddition, err)
		}
		var ps peacegraph.Problems
		if !errors.As(err, &ps) {
			return err
		}
		for i := range ps {
			if o, ok := origin[ps[i].Entity]; ok {
				ps[i].Entity = o
			}
		}
		return peacegraph.InvalidDataset(ps)
	}
	snap := newSnapshot(c)
	s.mu.Lock()
	defer s.mu.Unlock()
	if base != nil && s.snap != base {
		return fmt.Errorf("%w: another load changed the store meanwhile", peacegraph.ErrNotAddition)
	}
	var r peacegraph.LoadReport
	r.CompareDatasets(s.snap.nodes, snap.nodes, s.snap.stances, snap.stances)
	if err := peacegraph.CheckRemovals(o, &r); err != nil {
		return err
	}
	if !o.DryRun {
		if !r.Empty() {
			r.Writes = 1
		}
		s.snap = snap
		// A load that changes nothing and names no files leaves the
		// digest: the files it names still give what the store holds.
		if !r.Empty() || o.Seeds != "" {
			s.seeds = o.Seeds
		}
	}
	*o.Report = r
	return nil
}

// union returns the snapshot an addition (peacegraph.Adding) is made to
// and the dataset it makes with it: a copy of the snapshot's with the
// added entities after its own. The addition is checked as the Neo4j
// store checks it (peacegraph.ReadAddition), so that both refuse the same
// ones; the whole union is then loaded, which the memory store does in
// one step anyway.
func (s *Store) union(ctx context.Context, added *peacegraph.Dataset) (*snapshot, *peacegraph.Dataset, error) {
	base := s.current()
	if _, err := peacegraph.ReadAddition(ctx, s, added); err != nil {
		return nil, nil, err
	}
	held, _ := peacegraph.CloneDataset(base.data)
	held.Extend(added)
	return base, held, nil
}

// SeedDigest implements peacegraph.Store: only a load changes the store,
// so the digest of the last one holds until the next.
func (s *Store) SeedDigest(ctx context.Context) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.seeds, nil
}
