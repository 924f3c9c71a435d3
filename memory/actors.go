package memory

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

// Actors implements peacegraph.Store.
func (s *Store) Actors(ctx context.Context, q peacegraph.ActorQuery) (*peacegraph.ActorPage, error) {
	snap := s.current()
	actors := snap.actors
	if q.Kind != "" {
		actors = nil
		for _, a := range snap.actors {
			if a.Kind == q.Kind {
				actors = append(actors, a)
			}
		}
	}
	p, err := paginate(actors, peacegraph.ActorKey, q.First, q.After)
	if err != nil {
		return nil, err
	}
	return &peacegraph.ActorPage{Actors: p.items, TotalCount: p.total, HasNextPage: p.hasNext}, nil
}

// Members implements peacegraph.Store. Members come in actor order (name,
// then ID).
func (s *Store) Members(ctx context.Context, ids []string) ([][]string, error) {
	return s.current().lookup(ids, func(snap *snapshot, id string) []string { return snap.members[id] }), nil
}

// lookup answers a batched ID-list read, aligned with ids. Each list is a
// copy, so a caller that sorts or appends cannot change the snapshot.
func (snap *snapshot) lookup(ids []string, get func(*snapshot, string) []string) [][]string {
	out := make([][]string, len(ids))
	for i, id := range ids {
		out[i] = slices.Clone(get(snap, id))
	}
	return out
}
