package neo4j

import (
	"context"
	"fmt"

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

	// The tail projects each stance (the %s), keeps the position and
	// targets asked for, and orders them.
	stanceTail = `
WITH a, t, r, %s AS st
WHERE ($position = '' OR st.position = $position) AND (size($targets) = 0 OR t.id IN $targets)
RETURN st, CASE WHEN $inc THEN [n IN [a] | ` + actorMap + `][0] END AS actor ORDER BY a.sortKey, t.id, st.position`
)

// stanceQueries[lean][anchor][which] is the statement of each anchor
// (actors, targets, none) and each kind of answer (all, current, as of a
// date), projecting the whole stance or (lean) neither its note nor its
// evidence.
var stanceQueries = map[bool]map[string]map[string]string{false: stanceStatements(false), true: stanceStatements(true)}

func stanceStatements(lean bool) map[string]map[string]string {
	m := map[string]map[string]string{}
	for anchor, head := range map[string]string{"actors": byActors, "targets": byTargets, "all": byAll} {
		m[anchor] = map[string]string{}
		for which, rel := range map[string]string{"all": stancesAll, "current": stancesCurrent, "asOf": stancesAsOf} {
			proj := map[bool]map[bool]string{false: {false: stanceMap, true: heldMap}, true: {false: leanStanceMap, true: leanHeldMap}}[lean][which == "asOf"]
			tail := fmt.Sprintf(stanceTail, proj)
			switch anchor {
			case "targets":
				m[anchor][which] = head + rel + `]-(a:Actor) USING INDEX t:Node(id)` + tail
			case "actors":
				m[anchor][which] = head + rel + `]->(t:Node) USING INDEX a:Actor(id)` + tail
			default:
				m[anchor][which] = head + rel + `]->(t:Node)` + tail
			}
		}
	}
	return m
}

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
	// Every stance as stored serves the rules of histories whole; a
	// request that shows neither notes nor evidence gets lean stances.
	sel := peacegraph.SelectionFrom(ctx)
	lean := !f.All && sel != nil && !sel.Wants("Stance", "note") && !sel.Wants("Stance", "evidence")
	records, err := s.read(ctx, stanceQueries[lean][anchor][which], map[string]any{
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
