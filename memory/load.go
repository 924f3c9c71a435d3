package memory

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// Load implements peacegraph.Store. It works on a deep copy of d, so the
// caller may go on changing d, and the store never changes under its
// readers: the new snapshot replaces the old one in a single step, or, on
// any error, not at all. An invalid dataset gives the error of
// peacegraph.InvalidDataset: code EINVALID, Problems reachable with
// errors.As.
func (s *Store) Load(ctx context.Context, d *peacegraph.Dataset) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d == nil {
		return peacegraph.FieldErrorf(peacegraph.EINVALID, "dataset", "no dataset given")
	}
	c := cloneDataset(d)
	if err := peacegraph.CheckDataset(c); err != nil {
		return err
	}
	snap := newSnapshot(c)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.snap = snap
	return nil
}
