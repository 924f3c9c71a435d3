package memory

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Sources implements peacegraph.Store.
func (s *Store) Sources(ctx context.Context) ([]*peacegraph.Source, error) {
	return slices.Clone(s.current().sources), nil
}

// Events implements peacegraph.Store.
func (s *Store) Events(ctx context.Context) ([]*peacegraph.Event, error) {
	return slices.Clone(s.current().events), nil
}

// ActorEvents implements peacegraph.Store.
func (s *Store) ActorEvents(ctx context.Context, ids []string) ([][]string, error) {
	return s.current().lookup(ids, func(snap *snapshot, id string) []string { return snap.actorEvents[id] }), nil
}
