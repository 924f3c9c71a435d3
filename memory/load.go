package memory

import (
	"context"
	"errors"

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
	c, origin := cloneDataset(d)
	if err := peacegraph.CheckDataset(c); err != nil {
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
	o := peacegraph.ApplyLoadOptions(opts)
	snap := newSnapshot(c)
	s.mu.Lock()
	defer s.mu.Unlock()
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
