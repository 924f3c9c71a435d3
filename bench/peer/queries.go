package main

import (
	"sort"

	"github.com/peacegraph/peacegraph/bench/peer/rawcypher"
)

// params are the values the canonical queries ask about, chosen per seed
// set (discover), so that every query has an answer at every scale.
type params struct {
	Plan     string // the plan of Q1, Q4 and Q5: the default plan
	Claimant string // Q2: the actor with the most claims
	Point    int    // Q5: a point of Plan
	Position string // Q5
	AsOf     string // Q5
}

// query is one canonical question, asked of every system: peacegraph's
// GraphQL, the peer's GraphQL over typedefs.graphql, and the hand-written
// Cypher of package rawcypher. Each answer is brought to one canonical JSON tree
// (canon.go) before they are compared.
type query struct {
	id, title string

	// pg is asked of both peacegraph servers; pgField is the field of
	// data that holds the answer.
	pg      string
	pgVars  func(params) map[string]any
	pgField string

	// peer is asked of the peer; peerPath leads from data to the answer
	// ("0" takes a list's first element, or null when it is empty);
	// peerShape, when set, finishes the canonical tree.
	peer      string
	peerVars  func(params) map[string]any
	peerPath  []string
	peerShape func(any) any

	// cypher returns one row whose one column is the answer.
	cypher       string
	cypherParams func(params) map[string]any
}

// The page sizes of the paged queries.
const (
	q2First = 20
	q3First = 50
)

// The GraphQL of the peer reads relationship properties and relationship
// order through connections; aliases name the parts as peacegraph does, so
// that stripping the connection wrappers (canon.go) leaves the same tree.
var allQueries = []*query{
	{
		id: "Q1", title: "plan+points+concededBy",
		pg:      `query Q1($plan: ID!) { plan(id: $plan) { title points { number title concededBy { name } } } }`,
		pgVars:  func(p params) map[string]any { return map[string]any{"plan": p.Plan} },
		pgField: "plan",
		peer: `query Q1($plan: ID!) { plans(where: {id: {eq: $plan}}) { title points(sort: [{number: ASC}]) { number title
  concededBy: concededByConnection(sort: [{edge: {ord: ASC}}]) { edges { node { name } } } } } }`,
		peerVars:     func(p params) map[string]any { return map[string]any{"plan": p.Plan} },
		peerPath:     []string{"plans", "0"},
		cypher:       rawcypher.Q1,
		cypherParams: func(p params) map[string]any { return map[string]any{"plan": p.Plan} },
	},
	{
		id: "Q2", title: "one claimant's claims+citations",
		pg: `query Q2($claimant: ID!, $first: Int!) { claims(filter: {claimant: $claimant}, first: $first) { edges { node { id text date
  citations { quote start end source { id title url } } } } } }`,
		pgVars:  func(p params) map[string]any { return map[string]any{"claimant": p.Claimant, "first": q2First} },
		pgField: "claims",
		peer: `query Q2($claimant: ID!, $first: Int!) { actors(where: {id: {eq: $claimant}}) { claims(sort: [{sortKey: ASC}], limit: $first) { id text date
  citations: citesConnection(sort: [{edge: {ord: ASC}}]) { edges { properties { quote start end } source: node { id title url } } } } } }`,
		peerVars: func(p params) map[string]any { return map[string]any{"claimant": p.Claimant, "first": q2First} },
		peerPath: []string{"actors", "0", "claims"},
		cypher:   rawcypher.Q2,
		cypherParams: func(p params) map[string]any {
			return map[string]any{"claimant": p.Claimant, "after": "", "first": q2First}
		},
	},
	{
		id: "Q3", title: "50 claims+claimant+citations",
		pg: `query Q3($first: Int!) { claims(first: $first) { edges { node { id text date claimant { name }
  citations { quote source { id title } } } } } }`,
		pgVars:  func(params) map[string]any { return map[string]any{"first": q3First} },
		pgField: "claims",
		peer: `query Q3($first: Int!) { claims(sort: [{sortKey: ASC}], limit: $first) { id text date claimant { name }
  citations: citesConnection(sort: [{edge: {ord: ASC}}]) { edges { properties { quote } source: node { id title } } } } }`,
		peerVars:     func(params) map[string]any { return map[string]any{"first": q3First} },
		peerPath:     []string{"claims"},
		cypher:       rawcypher.Q3,
		cypherParams: func(params) map[string]any { return map[string]any{"after": "", "first": q3First} },
	},
	{
		id: "Q4", title: "concessions+stances",
		pg:      `query Q4($plan: ID!) { concessions(plan: $plan) { number title stances { actor { name } position asOf } } }`,
		pgVars:  func(p params) map[string]any { return map[string]any{"plan": p.Plan} },
		pgField: "concessions",
		// The library gives one field per relationship type, and the
		// type is the position: the four lists are merged in
		// peacegraph's order (mergeStances).
		peer: `query Q4($plan: String!) { planPoints(where: {plan: {eq: $plan}, concession: {eq: true}}, sort: [{number: ASC}]) { number title
  SUPPORTS: supportedByConnection(where: {edge: {current: {eq: true}}}, sort: [{node: {sortKey: ASC}}]) { edges { properties { asOf } actor: node { name sortKey } } }
  OPPOSES: opposedByConnection(where: {edge: {current: {eq: true}}}, sort: [{node: {sortKey: ASC}}]) { edges { properties { asOf } actor: node { name sortKey } } }
  CONDITIONAL: conditionalByConnection(where: {edge: {current: {eq: true}}}, sort: [{node: {sortKey: ASC}}]) { edges { properties { asOf } actor: node { name sortKey } } }
  UNDECIDED: undecidedByConnection(where: {edge: {current: {eq: true}}}, sort: [{node: {sortKey: ASC}}]) { edges { properties { asOf } actor: node { name sortKey } } } } }`,
		peerVars:     func(p params) map[string]any { return map[string]any{"plan": p.Plan} },
		peerPath:     []string{"planPoints"},
		peerShape:    mergeStances,
		cypher:       rawcypher.Q4,
		cypherParams: func(p params) map[string]any { return map[string]any{"plan": p.Plan} },
	},
	{
		id: "Q5", title: "whoBacks as of a date",
		pg: `query Q5($plan: ID!, $point: Int!, $position: Position!, $asOf: Date!) {
  whoBacks(point: $point, plan: $plan, position: $position, asOf: $asOf) { actor { name } position asOf } }`,
		pgVars: func(p params) map[string]any {
			return map[string]any{"plan": p.Plan, "point": p.Point, "position": p.Position, "asOf": p.AsOf}
		},
		pgField: "whoBacks",
		peer: `query Q5($plan: String!, $point: Int!, $position: Position!, $asOf: String!) { planPoints(where: {plan: {eq: $plan}, number: {eq: $point}}) {
  stances: heldByConnection(where: {edge: {position: {eq: $position}, from: {lte: $asOf}, OR: [{until: {eq: null}}, {until: {gt: $asOf}}]}}, sort: [{node: {sortKey: ASC}}]) {
    edges { properties { position asOf } actor: node { name } } } } }`,
		peerVars: func(p params) map[string]any {
			return map[string]any{"plan": p.Plan, "point": p.Point, "position": p.Position, "asOf": p.AsOf}
		},
		peerPath: []string{"planPoints", "0", "stances"},
		cypher:   rawcypher.Q5,
		cypherParams: func(p params) map[string]any {
			return map[string]any{"plan": p.Plan, "point": p.Point, "position": p.Position, "asOf": p.AsOf}
		},
	},
}

func queryByID(id string) *query {
	for _, q := range allQueries {
		if q.id == id {
			return q
		}
	}
	return nil
}

// positions are the stance relationship types, which are the positions.
var positions = []string{"SUPPORTS", "OPPOSES", "CONDITIONAL", "UNDECIDED"}

// mergeStances turns the peer's Q4 points, each with one stance list per
// position (after canon: [{asOf, actor: {name, sortKey}}]), into points
// with one list of {actor: {name}, position, asOf} in peacegraph's order:
// actor name, actor ID (both in the actor's sortKey), then position.
func mergeStances(v any) any {
	points, ok := v.([]any)
	if !ok {
		return v
	}
	out := make([]any, 0, len(points))
	for _, p := range points {
		m, ok := p.(map[string]any)
		if !ok {
			out = append(out, p)
			continue
		}
		type stance struct {
			key, position string
			v             map[string]any
		}
		var all []stance
		point := map[string]any{}
		for k, x := range m {
			point[k] = x
		}
		for _, pos := range positions {
			list, _ := m[pos].([]any)
			delete(point, pos)
			for _, e := range list {
				e, _ := e.(map[string]any)
				actor, _ := e["actor"].(map[string]any)
				key, _ := actor["sortKey"].(string)
				all = append(all, stance{key, pos, map[string]any{
					"actor": map[string]any{"name": actor["name"]}, "position": pos, "asOf": e["asOf"],
				}})
			}
		}
		sort.SliceStable(all, func(i, j int) bool {
			if all[i].key != all[j].key {
				return all[i].key < all[j].key
			}
			return all[i].position < all[j].position
		})
		stances := make([]any, 0, len(all))
		for _, s := range all {
			stances = append(stances, s.v)
		}
		point["stances"] = stances
		out = append(out, point)
	}
	return out
}
