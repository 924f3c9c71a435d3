package memory

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Sources implements peacegraph.Store. The answer is every source, in the
// order the snapshot keeps them.
func (s *Store) Sources(ctx context.Context) ([]*peacegraph.Source, error) {
	sources := s.current().sources
	s.work.add(len(sources))
	return slices.Clone(sources), nil
}

// Events implements peacegraph.Store. The answer is every event, in the
// order the snapshot keeps them.
func (s *Store) Events(ctx context.Context) ([]*peacegraph.Event, error) {
	events := s.current().events
	s.work.add(len(events))
	return slices.Clone(events), nil
}

// ActorEvents implements peacegraph.Store.
func (s *Store) ActorEvents(ctx context.Context, ids []string) ([][]string, error) {
	return s.current().lookup(ids, s.work, func(snap *snapshot, id string) []string { return snap.actorEvents[id] }), nil
}
