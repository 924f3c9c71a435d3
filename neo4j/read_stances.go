package neo4j

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// The stance reads start from the actors or the targets asked for, by
// their unique IDs, and read what the load stored: every stance as
// recorded (All), the stances current when no date is asked (current),
// or the spans that cover a date (HELD). Nothing is recomputed; the
// position filter and the order (actor name, actor ID, target ID,
// position) are Cypher's.
const (
	stancesAll     = `r:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED`
	stancesCurrent = `r:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED WHERE r.current`
	stancesAsOf    = `r:` + relHeld + ` WHERE r.from <= $asOf AND (r.until IS NULL OR r.until > $asOf)`

	byActors  = `UNWIND $anchor AS id MATCH (a:Actor {id: id})-[`
	byTargets = `UNWIND $anchor AS id MATCH (t:Node {id: id})<-[`
	byAll     = `MATCH (a:Actor)-[`

	stanceTail = `
WITH a, t, r, ` + stanceMap + ` AS st
WHERE ($position = '' OR st.position = $position) AND (size($targets) = 0 OR t.id IN $targets)
RETURN st, CASE WHEN $inc THEN [n IN [a] | ` + nodeMap + `][0] END AS actor ORDER BY a.sortKey, t.id, st.position`
	heldTail = `
WITH a, t, r, ` + heldMap + ` AS st
WHERE ($position = '' OR st.position = $position) AND (size($targets) = 0 OR t.id IN $targets)
RETURN st, CASE WHEN $inc THEN [n IN [a] | ` + nodeMap + `][0] END AS actor ORDER BY a.sortKey, t.id, st.position`
)

// stanceQueries[anchor][which] is the statement of each anchor (actors,
// targets, none) and each kind of answer (all, current, as of a date).
var stanceQueries = func() map[string]map[string]string {
	m := map[string]map[string]string{}
	for anchor, head := range map[string]string{"actors": byActors, "targets": byTargets, "all": byAll} {
		m[anchor] = map[string]string{}
		for which, rel := range map[string]string{"all": stancesAll, "current": stancesCurrent, "asOf": stancesAsOf} {
			tail := stanceTail
			if which == "asOf" {
				tail = heldTail
			}
			switch anchor {
			case "targets":
				m[anchor][which] = head + rel + `]-(a:Actor)` + tail
			default:
				m[anchor][which] = head + rel + `]->(t:Node)` + tail
			}
		}
	}
	return m
}()

// Stances implements peacegraph.Store.
func (s *Store) Stances(ctx context.Context, f peacegraph.StanceFilter) ([]*peacegraph.Stance, error) {
	anchor := "all"
	switch {
	case len(f.ActorIDs) > 0:
		anchor = "actors"
	case len(f.TargetIDs) > 0:
		anchor = "targets"
	}
	which := "current"
	switch {
	case f.All:
		which = "all"
	case f.AsOf != "":
		which = "asOf"
	}
	ids, targets := f.ActorIDs, f.TargetIDs
	if anchor == "targets" {
		// The anchor already keeps only these targets.
		ids, targets = f.TargetIDs, nil
	}
	// The stances' actors come along when the request asks for them
	// (peacegraph.Includes): the walk has them already.
	related := peacegraph.RelatedFrom(ctx)
	records, err := s.read(ctx, stanceQueries[anchor][which], map[string]any{
		"anchor": list(ids), "targets": list(targets), "asOf": string(f.AsOf), "position": string(f.Position),
		"inc": peacegraph.IncludesFrom(ctx).StanceActors,
	})
	if err != nil {
		return nil, err
	}
	stances := make([]*peacegraph.Stance, 0, len(records))
	for _, r := range records {
		if st := decodeStance(r.Values[0]); st != nil {
			stances = append(stances, st)
		}
		if related != nil {
			related.Add(decodeNode(r.Values[1]))
		}
	}
	return stances, nil
}
