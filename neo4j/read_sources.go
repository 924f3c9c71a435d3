package neo4j

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

const (
	sourcesQuery = `MATCH (n:Source) RETURN ` + sourceMap + ` AS node ORDER BY n.sortKey`
	eventsQuery  = `MATCH (n:Event) RETURN ` + eventMap + ` AS node ORDER BY n.sortKey`

	actorEventsQuery = `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (:Actor {id: $ids[i]})-[:PARTICIPATED_IN]->(n:Event)
WITH DISTINCT i, n ORDER BY i, n.sortKey
RETURN i, collect(n.id) AS ids`
)

// Sources implements peacegraph.Store.
func (s *Store) Sources(ctx context.Context) ([]*peacegraph.Source, error) {
	records, err := s.read(ctx, sourcesQuery, nil)
	if err != nil {
		return nil, err
	}
	out := make([]*peacegraph.Source, 0, len(records))
	for _, r := range records {
		if x, ok := decodeNode(r.Values[0]).(*peacegraph.Source); ok {
			out = append(out, x)
		}
	}
	return out, nil
}

// Events implements peacegraph.Store.
func (s *Store) Events(ctx context.Context) ([]*peacegraph.Event, error) {
	records, err := s.read(ctx, eventsQuery, nil)
	if err != nil {
		return nil, err
	}
	out := make([]*peacegraph.Event, 0, len(records))
	for _, r := range records {
		if x, ok := decodeNode(r.Values[0]).(*peacegraph.Event); ok {
			out = append(out, x)
		}
	}
	return out, nil
}

// ActorEvents implements peacegraph.Store.
func (s *Store) ActorEvents(ctx context.Context, ids []string) ([][]string, error) {
	return s.readIDLists(ctx, actorEventsQuery, ids)
}
