package neo4j

import (
	"context"
	"slices"

	"github.com/peacegraph/peacegraph"
)

const plansQuery = `MATCH (n:Plan) RETURN ` + planMap + ` AS node ORDER BY n.seq`

// defaultPlan binds def to the ID of the plan with the lowest Seq among
// those that accompany no other (peacegraph.DefaultPlan; null when there
// are no plans): "" in a plan argument means it. The IS NOT NULL lets
// Neo4j walk the seq index in order instead of sorting every plan; it
// stops at the first plan that is not a companion.
const defaultPlan = `OPTIONAL MATCH (d:Plan) WHERE d.seq IS NOT NULL AND d.accompanies IS NULL WITH d ORDER BY d.seq LIMIT 1
WITH d.id AS def
`

// noDefaultPlan takes defaultPlan's place in a statement whose plans are
// all named, which then reads no plan it does not need.
const noDefaultPlan = "WITH null AS def\n"

// pointsTail reads each plan's points from the (plan, number) index: the
// IS NOT NULL on number is what lets Neo4j seek a composite index on its
// first property, where it would otherwise scan every point. It follows
// defaultPlan, or noDefaultPlan when every plan is named. The plan itself
// comes from its ID index, and only when asked (Includes.Plans), since it
// is found whether or not it has points.
func pointsTail(stances string) string {
	return `UNWIND range(0, size($ids) - 1) AS i
WITH i, CASE WHEN $ids[i] = '' THEN def ELSE $ids[i] END AS plan
OPTIONAL MATCH (n:Point {plan: plan}) USING INDEX n:Point(plan, number)
WHERE n.number IS NOT NULL AND ($topic IS NULL OR n.topic = $topic) AND ($concession IS NULL OR n.concession = $concession)
WITH i, plan, n ORDER BY i, n.number
WITH i, plan, collect(n) AS page
RETURN i, [n IN page | ` + pointMap + `] AS nodes, ` +
		included("Actor", "CASE WHEN $inc.concededBy THEN coalesce(x.concededBy, []) ELSE [] END") + ` AS related,
  CASE WHEN $inc.plans THEN COLLECT { MATCH (n:Plan {id: plan}) USING INDEX n:Plan(id) RETURN ` + planMap + ` } ELSE [] END AS plans,
  ` + stances + ` AS stances`
}

// pointsTails are the points statements: without the points' stances
// (""), and with them for each kind of stance answer, lean or not
// (pointStancesColumns).
var pointsTails = func() map[string]string {
	m := map[string]string{"": pointsTail("[]")}
	for which, byLean := range pointStancesColumns {
		for lean, column := range byLean {
			m[pointsTailKey(which, lean)] = pointsTail(column)
		}
	}
	return m
}()

func pointsTailKey(which string, lean bool) string {
	if lean {
		return which + " lean"
	}
	return which
}

// pointByNumberTail reads a point by its (plan, number), and whether the
// plan exists (looked up only when the point is not found), after
// defaultPlan or noDefaultPlan.
const pointByNumberTail = `WITH CASE WHEN $plan = '' THEN def ELSE $plan END AS plan
OPTIONAL MATCH (n:Point {plan: plan, number: $number}) USING INDEX n:Point(plan, number)
RETURN n IS NOT NULL OR EXISTS { (:Plan {id: plan}) } AS planFound, CASE WHEN n IS NOT NULL THEN ` + pointMap + ` END AS node, plan`

// defaultPlanQuery reads the first plan of the seq index that is not a
// companion.
const defaultPlanQuery = `MATCH (n:Plan) WHERE n.seq IS NOT NULL AND n.accompanies IS NULL
WITH n ORDER BY n.seq LIMIT 1
RETURN ` + planMap + ` AS node`

// revisionsQuery and amendersQuery walk back from each plan or point to
// the plans revising it and the points amending it.
const (
	revisionsQuery = `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (:Plan {id: $ids[i]})<-[:REVISES]-(n:Plan)
WITH i, n ORDER BY i, n.seq
RETURN i, collect(n.id) AS ids`
	amendersQuery = `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (:Point {id: $ids[i]})<-[:AMENDS]-(n:Point)<-[:HAS_POINT]-(pl:Plan)
WITH i, n, pl ORDER BY i, pl.seq, n.number
RETURN i, collect(n.id) AS ids`
)

// Revisions implements peacegraph.Store.
func (s *Store) Revisions(ctx context.Context, ids []string) ([][]string, error) {
	return s.readIDLists(ctx, revisionsQuery, ids)
}

// Amenders implements peacegraph.Store.
func (s *Store) Amenders(ctx context.Context, ids []string) ([][]string, error) {
	return s.readIDLists(ctx, amendersQuery, ids)
}

// DefaultPlan implements peacegraph.Store.
func (s *Store) DefaultPlan(ctx context.Context) (*peacegraph.Plan, error) {
	records, err := s.read(ctx, defaultPlanQuery, nil)
	if err != nil || len(records) == 0 {
		return nil, err
	}
	p, _ := decodeNode(records[0].Values[0]).(*peacegraph.Plan)
	return p, nil
}

// Plans implements peacegraph.Store.
func (s *Store) Plans(ctx context.Context) ([]*peacegraph.Plan, error) {
	records, err := s.read(ctx, plansQuery, nil)
	if err != nil {
		return nil, err
	}
	out := make([]*peacegraph.Plan, 0, len(records))
	for _, r := range records {
		if p, ok := decodeNode(r.Values[0]).(*peacegraph.Plan); ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// Points implements peacegraph.Store: each plan's points by number.
func (s *Store) Points(ctx context.Context, planIDs []string, f peacegraph.PointFilter) ([][]*peacegraph.Point, error) {
	out := make([][]*peacegraph.Point, len(planIDs))
	if len(planIDs) == 0 {
		return out, nil
	}
	related := peacegraph.RelatedFrom(ctx)
	// The actors conceding the points, the plans, and the points' stances
	// with their actors come along when the request asks for them
	// (peacegraph.Includes).
	inc := peacegraph.IncludesFrom(ctx)
	params := map[string]any{"ids": planIDs, "topic": nil, "concession": nil, "position": "", "asOf": "",
		"inc": map[string]any{"concededBy": inc.ConcededBy, "plans": inc.Plans, "stanceActors": inc.StanceActors}}
	tail := ""
	if f := inc.PointStances; f != nil {
		tail = pointsTailKey(stanceKind(ctx, *f))
		params["position"], params["asOf"] = string(f.Position), string(f.AsOf)
	}
	if f.Topic != nil {
		params["topic"] = *f.Topic
	}
	if f.Concession != nil {
		params["concession"] = *f.Concession
	}
	head := noDefaultPlan
	if slices.Contains(planIDs, "") {
		head = defaultPlan
	}
	records, err := s.read(ctx, head+pointsTails[tail], params)
	if err != nil {
		return nil, err
	}
	for _, r := range records {
		var points []*peacegraph.Point
		for _, n := range nodeList(r.Values[1]) {
			points = append(points, n.(*peacegraph.Point))
		}
		out[index(r)] = points
		if related != nil {
			related.Add(nodeList(r.Values[2])...)
			related.Add(nodeList(r.Values[3])...)
			addStances(related, r.Values[4])
		}
	}
	return out, nil
}

// PointByNumber implements peacegraph.Store.
func (s *Store) PointByNumber(ctx context.Context, planID string, number int) (*peacegraph.Point, error) {
	head := noDefaultPlan
	if planID == "" {
		head = defaultPlan
	}
	records, err := s.read(ctx, head+pointByNumberTail, map[string]any{"plan": planID, "number": number})
	if err != nil {
		return nil, err
	}
	if len(records) == 0 || records[0].Values[0] != true {
		return nil, peacegraph.NoPlanError(planID)
	}
	p, ok := decodeNode(records[0].Values[1]).(*peacegraph.Point)
	if !ok {
		return nil, peacegraph.NoPointError(str(records[0].Values[2]), number)
	}
	return p, nil
}

// addStances keeps the stances a points statement brought along, each a
// [stance, actor] pair, in related.
func addStances(related *peacegraph.Related, v any) {
	pairs, _ := v.([]any)
	if len(pairs) == 0 {
		return
	}
	stances := make([]*peacegraph.Stance, 0, len(pairs))
	actors := make([]peacegraph.Node, 0, len(pairs))
	for _, p := range pairs {
		pair, _ := p.([]any)
		if len(pair) != 2 {
			continue
		}
		if st := decodeStance(pair[0]); st != nil {
			stances = append(stances, st)
		}
		actors = append(actors, decodeNode(pair[1]))
	}
	related.AddStances(stances, actors...)
}
