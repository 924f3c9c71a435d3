package memory

import (
	"context"
)

// Companions implements peacegraph.Store: the reverse of each plan's
// Accompanies, indexed once per load (snapshot.companions), so a read
// costs the companions it returns.
func (s *Store) Companions(ctx context.Context, ids []string) ([][]string, error) {
	return s.current().lookup(ids, s.work, func(snap *snapshot, id string) []string { return snap.companions[id] }), nil
}
