package main

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// dbHits is what Neo4j's PROFILE counts for one request: the db hits of
// every operator of every statement the request ran.
type dbHits struct {
	known      bool
	hits       int64
	statements int
}

func (h dbHits) String() string {
	if !h.known {
		return "n/a"
	}
	return fmt.Sprintf("%d (%d st.)", h.hits, h.statements)
}

// statement is one Cypher statement with its parameters.
type statement struct {
	query  string
	params map[string]any
}

// profile runs each statement with PROFILE in a read transaction and sums
// the db hits over each plan tree.
func profile(ctx context.Context, driver neo4j.DriverWithContext, database string, stmts []statement) (dbHits, error) {
	session := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: database, AccessMode: neo4j.AccessModeRead})
	defer session.Close(context.WithoutCancel(ctx))
	total := dbHits{known: true, statements: len(stmts)}
	for _, st := range stmts {
		hits, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (int64, error) {
			res, err := tx.Run(ctx, "PROFILE "+st.query, st.params)
			if err != nil {
				return 0, err
			}
			summary, err := res.Consume(ctx)
			if err != nil {
				return 0, err
			}
			if summary.Profile() == nil {
				return 0, fmt.Errorf("Neo4j returned no profile for %q", firstLine([]byte(st.query)))
			}
			return sumHits(summary.Profile()), nil
		})
		if err != nil {
			return dbHits{}, err
		}
		total.hits += hits
	}
	return total, nil
}

// sumHits adds up the db hits of a plan and all its children.
func sumHits(p neo4j.ProfiledPlan) int64 {
	n := p.DbHits()
	for _, c := range p.Children() {
		n += sumHits(c)
	}
	return n
}

// captureHeader asks the peer to report the Cypher it ran (server.mjs).
var captureHeader = http.Header{"X-Bench-Capture": {"1"}}

// peerStatements asks the peer q with capture on and returns the
// statements it sent to Neo4j, with their parameters as the driver of
// the peer sent them.
func peerStatements(ctx context.Context, c *graphqlClient, q *query, p params) ([]statement, error) {
	r, err := c.do(ctx, q.peer, q.peerVars(p), captureHeader)
	if err != nil {
		return nil, err
	}
	list, ok := r.Extensions["cypher"].([]any)
	if !ok || len(list) == 0 {
		return nil, fmt.Errorf("peer: %s: the answer has no extensions.cypher (is server.mjs the peer?)", q.id)
	}
	var out []statement
	for _, e := range list {
		m, _ := e.(map[string]any)
		text, _ := m["query"].(string)
		if text == "" {
			return nil, fmt.Errorf("peer: %s: a captured statement has no query", q.id)
		}
		ps, _ := fromWire(m["params"]).(map[string]any)
		out = append(out, statement{query: text, params: ps})
	}
	return out, nil
}

// fromWire turns the peer's JSON parameters back into driver values: a
// {"$int": "N"} is a Neo4j integer; every other number was a JavaScript
// number, which the JavaScript driver sends as a float.
func fromWire(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if s, ok := x["$int"].(string); ok && len(x) == 1 {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				return n
			}
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = fromWire(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = fromWire(e)
		}
		return out
	}
	return v
}

// peacegraphHits reads the db hits a peacegraph server reports for q in
// extensions.cypher (dbHits, statements) when it runs with
// PEACEGRAPH_NEO4J_PROFILE=true; unknown when it reports none.
func peacegraphHits(ctx context.Context, c *graphqlClient, q *query, p params) (dbHits, error) {
	r, err := c.do(ctx, q.pg, q.pgVars(p), nil)
	if err != nil {
		return dbHits{}, err
	}
	cy, ok := r.Extensions["cypher"].(map[string]any)
	if !ok {
		return dbHits{}, nil
	}
	hits, okH := cy["dbHits"].(float64)
	stmts, okS := cy["statements"].(float64)
	if !okH || !okS {
		return dbHits{}, fmt.Errorf("%s: %s: extensions.cypher is %s, want numbers dbHits and statements", sysNeo4j, q.id, short(cy))
	}
	return dbHits{known: true, hits: int64(hits), statements: int(stmts)}, nil
}
