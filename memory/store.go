// Package memory is the embedded Store: the whole graph held in memory,
// the default when no Neo4j is configured.
//
// Load builds an immutable snapshot with every index the reads need and
// swaps it in at once, so readers never see half a dataset and a failed
// Load changes nothing. Reads return the snapshot's own values: callers
// must treat everything a Store returns as read-only.
package memory

import (
	"context"
	"sync"

	"github.com/peacegraph/peacegraph"
)

var _ peacegraph.Store = (*Store)(nil)

// Store is the in-memory Store. The zero value is not ready; use New.
type Store struct {
	mu   sync.RWMutex
	snap *snapshot
	// seeds is the digest the load of snap was given (FromSeeds).
	seeds string
	// work, when set (only tests set it), counts what reads look at.
	work *work
}

// New returns an empty store.
func New() *Store {
	return &Store{snap: newSnapshot(&peacegraph.Dataset{})}
}

// current returns the snapshot reads answer from. A snapshot never changes,
// so the lock is held only to read the pointer.
func (s *Store) current() *snapshot {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.snap
}

// Ping implements peacegraph.Store; the memory store is always ready.
func (s *Store) Ping(ctx context.Context) error { return nil }

// Close implements peacegraph.Store; there is nothing to release.
func (s *Store) Close() error { return nil }

// Nodes implements peacegraph.Store.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]peacegraph.Node, error) {
	snap := s.current()
	out := make([]peacegraph.Node, len(ids))
	s.work.add(len(ids))
	for i, id := range ids {
		if n, ok := snap.nodes[id]; ok {
			out[i] = n
		}
	}
	return out, nil
}
