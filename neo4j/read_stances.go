package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

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

	// byPoint starts from one point, named by plan and number
	// (StanceFilter.Point), found from the (plan, number) index after
	// defaultPlan or noDefaultPlan, and says whether the plan and the
	// point exist, as pointByNumberTail does. Its tail keeps the actors
	// asked for and collects the point's stances into one row, so that a point without them is told
	// from a point that does not exist.
	byPoint = `WITH CASE WHEN $plan = '' THEN def ELSE $plan END AS plan
OPTIONAL MATCH (t:Point {plan: plan, number: $number}) USING INDEX t:Point(plan, number)
WITH plan, t, t IS NOT NULL OR EXISTS { (:Plan {id: plan}) } AS planFound
CALL (t) {
  OPTIONAL MATCH (t)<-[`
	byPointTail = `]-(a:Actor)
  WITH a, t, r, %s AS st
  WHERE r IS NOT NULL AND ($position = '' OR st.position = $position) AND (size($actors) = 0 OR a.id IN $actors)
  WITH a, st ORDER BY a.sortKey, st.position
  RETURN collect(st) AS stances, collect(CASE WHEN $inc THEN [n IN [a] | ` + actorMap + `][0] END) AS actors
}
RETURN planFound, t IS NOT NULL AS pointFound, plan, stances, actors`

	// The tail projects each stance (the %s), keeps the position and
	// targets asked for, and orders them.
	stanceTail = `
WITH a, t, r, %s AS st
WHERE ($position = '' OR st.position = $position) AND (size($targets) = 0 OR t.id IN $targets)
RETURN st, CASE WHEN $inc THEN [n IN [a] | ` + actorMap + `][0] END AS actor ORDER BY a.sortKey, t.id, st.position`
)

// stanceRels is the relationship pattern of each kind of answer.
var stanceRels = map[string]string{"all": stancesAll, "current": stancesCurrent, "asOf": stancesAsOf}

// stanceQueries[lean][anchor][which] is the statement of each anchor
// (actors, targets, a point of a named plan or of the default plan, none)
// and each kind of answer (all, current, as of a
// date), projecting the whole stance or (lean) neither its note nor its
// evidence.
var stanceQueries = map[bool]map[string]map[string]string{false: stanceStatements(false), true: stanceStatements(true)}

func stanceStatements(lean bool) map[string]map[string]string {
	m := map[string]map[string]string{}
	for anchor, head := range map[string]string{"actors": byActors, "targets": byTargets, "all": byAll,
		"point": noDefaultPlan + byPoint, "defaultPoint": defaultPlan + byPoint} {
		m[anchor] = map[string]string{}
		for which, rel := range stanceRels {
			proj := stanceProjection(which, lean)
			tail := fmt.Sprintf(stanceTail, proj)
			switch anchor {
			case "point", "defaultPoint":
				m[anchor][which] = head + rel + fmt.Sprintf(byPointTail, proj)
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

// pointStancesColumns[which][lean] is the column of a points statement
// (pointsTail) that brings along the points' stances
// (peacegraph.Includes.PointStances): for each point of the page, the
// walk from the point to its stances that the targets statement makes
// from its ID, kept and ordered as that statement keeps them, each stance
// with its actor when asked.
var pointStancesColumns = func() map[string]map[bool]string {
	m := map[string]map[bool]string{}
	for which, rel := range stanceRels {
		m[which] = map[bool]string{}
		for _, lean := range []bool{false, true} {
			m[which][lean] = `COLLECT {
  UNWIND page AS t
  MATCH (t)<-[` + rel + `]-(a:Actor)
  WITH a, t, r, ` + stanceProjection(which, lean) + ` AS st
  WHERE $position = '' OR st.position = $position
  WITH a, t, st ORDER BY a.sortKey, t.id, st.position
  RETURN [st, CASE WHEN $inc.stanceActors THEN [n IN [a] | ` + actorMap + `][0] END]
}`
		}
	}
	return m
}()

// stanceProjection is the map a stance read projects for each kind of
// answer, whole or (lean) without its note and evidence.
func stanceProjection(which string, lean bool) string {
	return map[bool]map[bool]string{false: {false: stanceMap, true: heldMap}, true: {false: leanStanceMap, true: leanHeldMap}}[lean][which == "asOf"]
}

// stanceKind is which of the stance statements answers f: every stance
// as stored, the current ones, or the spans that cover a date; and
// whether it may be lean: every stance as stored serves the rules of
// histories whole, and a request that shows neither notes nor evidence
// gets lean stances.
func stanceKind(ctx context.Context, f peacegraph.StanceFilter) (which string, lean bool) {
	which = "current"
	switch {
	case f.All:
		which = "all"
	case f.AsOf != "":
		which = "asOf"
	}
	sel := peacegraph.SelectionFrom(ctx)
	return which, !f.All && sel != nil && !sel.Wants("Stance", "note") && !sel.Wants("Stance", "evidence")
}

// Stances implements peacegraph.Store.
func (s *Store) Stances(ctx context.Context, f peacegraph.StanceFilter) ([]*peacegraph.Stance, error) {
	anchor := "all"
	switch {
	case f.Point != nil && f.Point.Plan == "":
		anchor = "defaultPoint"
	case f.Point != nil:
		anchor = "point"
	case len(f.ActorIDs) > 0:
		anchor = "actors"
	case len(f.TargetIDs) > 0:
		anchor = "targets"
	}
	which, lean := stanceKind(ctx, f)
	ids, targets := f.ActorIDs, f.TargetIDs
	if anchor == "targets" {
		// The anchor already keeps only these targets.
		ids, targets = f.TargetIDs, nil
	}
	// The stances' actors come along when the request asks for them
	// (peacegraph.Includes): the walk has them already.
	related := peacegraph.RelatedFrom(ctx)
	params := map[string]any{
		"anchor": list(ids), "targets": list(targets), "asOf": string(f.AsOf), "position": string(f.Position),
		"inc": peacegraph.IncludesFrom(ctx).StanceActors,
	}
	if f.Point != nil {
		params["plan"], params["number"], params["actors"] = f.Point.Plan, f.Point.Number, list(f.ActorIDs)
	}
	records, err := s.read(ctx, stanceQueries[lean][anchor][which], params)
	if err != nil {
		return nil, err
	}
	if f.Point != nil {
		return pointStances(records, f.Point, related)
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

// pointStances reads the one row of a point's stances (byPoint), failing
// as PointByNumber does when the plan or the point does not exist.
func pointStances(records []*neo4j.Record, p *peacegraph.PointNumber, related *peacegraph.Related) ([]*peacegraph.Stance, error) {
	if len(records) != 1 || records[0].Values[0] != true {
		return nil, peacegraph.NoPlanError(p.Plan)
	}
	r := records[0]
	if r.Values[1] != true {
		return nil, peacegraph.NoPointError(str(r.Values[2]), p.Number)
	}
	var stances []*peacegraph.Stance
	xs, _ := r.Values[3].([]any)
	for _, v := range xs {
		if st := decodeStance(v); st != nil {
			stances = append(stances, st)
		}
	}
	if related != nil {
		related.Add(nodeList(r.Values[4])...)
	}
	return stances, nil
}
