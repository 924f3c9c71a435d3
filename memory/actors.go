package memory

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Actors implements peacegraph.Store: the page is cut from the actors of
// the kind asked for (all actors without one), already in actor order.
func (s *Store) Actors(ctx context.Context, q peacegraph.ActorQuery) (*peacegraph.ActorPage, error) {
	snap := s.current()
	sel := selection{all: true}
	if q.Kind != "" {
		sel = selection{positions: snap.actorsByKind[q.Kind]}
	}
	p, err := snap.actors.page(sel, nil, q.First, q.After, s.work)
	if err != nil {
		return nil, err
	}
	return &peacegraph.ActorPage{Actors: p.items, TotalCount: p.total, HasNextPage: p.hasNext}, nil
}

// Members implements peacegraph.Store. Members come in actor order (name,
// then ID).
func (s *Store) Members(ctx context.Context, ids []string) ([][]string, error) {
	return s.current().lookup(ids, s.work, func(snap *snapshot, id string) []string { return snap.members[id] }), nil
}

// lookup answers a batched ID-list read, aligned with ids. Each list is a
// copy, so a caller that sorts or appends cannot change the snapshot.
func (snap *snapshot) lookup(ids []string, w *work, get func(*snapshot, string) []string) [][]string {
	out := make([][]string, len(ids))
	for i, id := range ids {
		out[i] = slices.Clone(get(snap, id))
		w.add(1 + len(out[i]))
	}
	return out
}
