package neo4j

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// A change query reads four ranges of indexes, each in index order and cut
// by LIMIT inside Neo4j at one more than the entry limit: the claims of the
// days asked for (claim_sort: a claim's sort key starts with its date),
// the stance spans that start on those days (held_from, on the HELD
// relationships the load derives), the plans dated then (plan_date), and,
// walking from the claims of the range, the disputes they are on a side
// of. peacegraph.ChangeDays then applies the rule to what it read.

// latestChangeDayQuery reads the latest dated claim from the end of the
// claim sort-key index (undated claims sort after every date) and the
// latest plan date from the end of the plan date index.
const latestChangeDayQuery = `RETURN COLLECT {
  MATCH (c:Claim) USING INDEX c:Claim(sortKey) WHERE c.sortKey < $undated
  WITH c ORDER BY c.sortKey DESC LIMIT 1
  RETURN c.date
} AS claims, COLLECT {
  MATCH (p:Plan) USING INDEX p:Plan(date) WHERE p.date IS NOT NULL
  WITH p ORDER BY p.date DESC LIMIT 1
  RETURN p.date
} AS plans`

// heldSpan projects the HELD span bound to rel (from actor a to target t)
// as decodeStance reads it, with the days it covers.
func heldSpan(rel string) string {
	return `[{actor: a.id, target: t.id, position: ` + rel + `.position, asOf: ` + rel + `.asOf, note: ` + rel + `.note, claims: ` + rel +
		`.claims, claimDates: ` + rel + `.claimDates}, ` + rel + `.from, ` + rel + `.until]`
}

// changesQuery reads the record of a resolved change query. Claims come
// projected as the request selects them, with what they are about (the
// rule needs it whatever is selected); disputes and plans come whole, since
// the rule reads their sides and dates.
var changesQuery = `CALL () {
  MATCH (n:Claim) USING INDEX n:Claim(sortKey)
  WHERE n.sortKey >= $since AND n.sortKey < $next
  WITH n ORDER BY n.sortKey LIMIT $limit
  RETURN collect(n) AS page
}
CALL () {
  MATCH (a:Actor)-[r:` + relHeld + `]->(t:Node) USING INDEX r:` + relHeld + `(from)
  WHERE r.from >= $since AND r.from <= $until
  WITH a, t, r ORDER BY r.from, a.id, t.id, r.position LIMIT $limit
  RETURN collect([` + heldSpan("r") + `, [(a)-[p:` + relHeld + `]->(t) WHERE p.until = r.from | ` + heldSpan("p") + `]]) AS spans
}
CALL (page) {
  UNWIND page AS c
  MATCH (c)<-[:` + relBackedBy + `]-(:` + sideLabel + `)<-[:` + relHasSide + `]-(n:Dispute)
  WITH DISTINCT n ORDER BY n.id LIMIT $limit
  RETURN collect([` + fullNodeMap + `,
    [(n)-[:` + relHasSide + `]->(:` + sideLabel + `)-[:` + relBackedBy + `]->(x:Claim) WHERE x.date IS NOT NULL | [x.id, x.date]]]) AS disputes
}
CALL () {
  MATCH (n:Plan) USING INDEX n:Plan(date)
  WHERE n.date >= $since AND n.date <= $until
  WITH n ORDER BY n.date, n.seq LIMIT $limit
  RETURN collect([` + fullNodeMap + `, [(n)-[:HAS_POINT]->(pt:Point) | pt.id]]) AS plans
}
RETURN [n IN page | ` + claimMap + `] AS claims, [n IN page | n.about] AS about, spans, disputes, plans`

// Changes implements peacegraph.Store: one statement for the latest day of
// the record when Until is left out, and one for the record of the range.
func (s *Store) Changes(ctx context.Context, q peacegraph.ChangeQuery) ([]*peacegraph.ChangeDay, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	var latest peacegraph.Date
	if q.Until == "" {
		records, err := s.read(ctx, latestChangeDayQuery, map[string]any{"undated": peacegraph.DateKey("")})
		if err != nil {
			return nil, err
		}
		if len(records) > 0 {
			claims, plans := strs(records[0].Values[0]), strs(records[0].Values[1])
			latest = peacegraph.LatestChangeDay(peacegraph.Date(at(claims, 0)), peacegraph.Date(at(plans, 0)))
		}
	}
	q, ok, err := q.Resolve(latest)
	if err != nil || !ok {
		return nil, err
	}
	records, err := s.read(ctx, changesQuery, map[string]any{
		"since": string(q.Since), "until": string(q.Until), "next": q.Next(), "limit": q.Limits.Entries + 1,
	})
	if err != nil {
		return nil, err
	}
	rec := &peacegraph.ChangeRecord{SideDates: map[string]peacegraph.Date{}, PlanPoints: map[string][]string{}}
	if len(records) > 0 {
		decodeChangeRecord(rec, records[0].Values)
	}
	return peacegraph.ChangeDays(q, rec)
}

// decodeChangeRecord reads the row of changesQuery.
func decodeChangeRecord(rec *peacegraph.ChangeRecord, row []any) {
	about := anyList(row[1])
	for i, v := range anyList(row[0]) {
		if c, ok := decodeNode(v).(*peacegraph.Claim); ok {
			if i < len(about) {
				c.AboutIDs = strs(about[i])
			}
			rec.Claims = append(rec.Claims, c)
		}
	}
	span := func(v any) (peacegraph.StanceSpan, bool) {
		r, _ := v.([]any)
		if len(r) < 3 {
			return peacegraph.StanceSpan{}, false
		}
		st := decodeStance(r[0])
		return peacegraph.StanceSpan{Stance: st, From: peacegraph.Date(str(r[1])), Until: peacegraph.Date(str(r[2]))}, st != nil
	}
	for _, v := range anyList(row[2]) {
		r, _ := v.([]any)
		if len(r) < 2 {
			continue
		}
		if sp, ok := span(r[0]); ok {
			rec.Spans = append(rec.Spans, sp)
		}
		for _, b := range anyList(r[1]) {
			if sp, ok := span(b); ok {
				rec.Before = append(rec.Before, sp)
			}
		}
	}
	for _, v := range anyList(row[3]) {
		r, _ := v.([]any)
		if len(r) < 2 {
			continue
		}
		if d, ok := decodeNode(r[0]).(*peacegraph.Dispute); ok {
			rec.Disputes = append(rec.Disputes, d)
		}
		for _, cd := range anyList(r[1]) {
			if pair := strs(cd); len(pair) == 2 {
				rec.SideDates[pair[0]] = peacegraph.Date(pair[1])
			}
		}
	}
	for _, v := range anyList(row[4]) {
		r, _ := v.([]any)
		if len(r) < 2 {
			continue
		}
		if p, ok := decodeNode(r[0]).(*peacegraph.Plan); ok {
			rec.Plans = append(rec.Plans, p)
			rec.PlanPoints[p.ID] = strs(r[1])
		}
	}
}

// anyList reads a list value; anything else is an empty list.
func anyList(v any) []any {
	xs, _ := v.([]any)
	return xs
}
