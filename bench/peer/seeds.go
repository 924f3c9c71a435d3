package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Bounds of the commands the benchmark runs to prepare a scale.
const (
	synthTimeout = 30 * time.Minute
	loadTimeout  = 60 * time.Minute
)

// checkSynth fails, before anything is measured, when a scale above 1 is
// asked of a peacegraph that has no synth command.
func checkSynth(ctx context.Context, c *config) error {
	needs := false
	for _, s := range c.scales {
		needs = needs || s > 1
	}
	if !needs {
		return nil
	}
	// Only an unknown command is a failure here: how synth answers -h is
	// its own business, and a failing synth reports itself when it runs.
	out, _ := runCommand(ctx, time.Minute, childEnv(), c.peacegraph, "synth", "-h")
	if strings.Contains(out, `unknown command "synth"`) {
		return fmt.Errorf("scales above 1 come from 'peacegraph synth --scale N', and %s has no synth command; "+
			"run with BENCH_SCALES=1, or with a peacegraph that has it", c.peacegraph)
	}
	return nil
}

// seedDir gives the seed directory of a scale: the seeds themselves at 1,
// a synthesized set (fixed random seed 1, so runs compare) above.
func seedDir(ctx context.Context, c *config, work string, scale int) (string, error) {
	if scale == 1 {
		return c.seeds, nil
	}
	dir := filepath.Join(work, "seeds-x"+strconv.Itoa(scale))
	if _, err := runCommand(ctx, synthTimeout, childEnv(), c.peacegraph, "synth",
		"--scale", strconv.Itoa(scale), "--out", dir, "--seed", "1"); err != nil {
		return "", err
	}
	return dir, nil
}

// load replaces the graph in the benchmark database with the seed set, the
// way a user loads it, and returns the loader's summary line.
func load(ctx context.Context, c *config, dir string) (string, error) {
	out, err := runCommand(ctx, loadTimeout, childEnv(c.neo4jEnv()...),
		// Each scale replaces the graph the last one loaded: --prune.
		c.peacegraph, "load", "--prune", "--log-level", "warn", "--log-format", "json", dir)
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(out, "\n") {
		// "DIR: loaded into the Neo4j store at URI: 54 actors, ..."
		if strings.Contains(line, "loaded into") {
			if i := strings.LastIndex(line, ": "); i >= 0 {
				return line[i+2:], nil
			}
			return strings.TrimSpace(line), nil
		}
	}
	return strings.TrimSpace(out), nil
}

// The parameters of Q5 on the real seeds: who opposed the territorial
// point as of 23 November 2025.
const (
	seedsQ5Point    = 21
	seedsQ5Position = "OPPOSES"
	seedsQ5AsOf     = "2025-11-23"
)

// discover picks the parameters of the queries from the loaded graph: the
// default plan (the first loaded that accompanies no other: a companion
// document loaded before its plan has no points to ask about), the actor with the most claims, and for
// Q5 point 21 opposed as of 2025-11-23 where the plan has such stances,
// else its point and position with the most dated stances and the middle
// of their dates.
func discover(ctx context.Context, driver neo4j.DriverWithContext, database string) (params, error) {
	var p params
	read := func(cypher string, args map[string]any) ([]*neo4j.Record, error) {
		res, err := neo4j.ExecuteQuery(ctx, driver, cypher, args, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(database), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			return nil, err
		}
		return res.Records, nil
	}
	recs, err := read(`MATCH (p:Plan) WHERE p.accompanies IS NULL RETURN p.id AS id ORDER BY p.seq, p.id LIMIT 1`, nil)
	if err != nil {
		return p, err
	}
	if len(recs) == 0 {
		return p, errors.New("the loaded graph has no plan")
	}
	p.Plan, _ = recs[0].Values[0].(string)

	recs, err = read(`MATCH (a:Actor)-[:CLAIMED]->(c:Claim)
RETURN a.id AS id, count(c) AS n ORDER BY n DESC, id LIMIT 1`, nil)
	if err != nil {
		return p, err
	}
	if len(recs) == 0 {
		return p, errors.New("the loaded graph has no claim with a claimant")
	}
	p.Claimant, _ = recs[0].Values[0].(string)

	// The seeds' question, where someone held that position on that
	// point on that day (a generated record is dated otherwise).
	recs, err = read(`MATCH (:Plan {id: $plan})-[:HAS_POINT]->(pt:Point {number: $point})<-[h:HELD]-(:Actor)
WHERE h.position = $position AND h.from <= $asOf AND (h.until IS NULL OR h.until > $asOf)
RETURN count(h) AS n`, map[string]any{"plan": p.Plan, "point": seedsQ5Point, "position": seedsQ5Position, "asOf": seedsQ5AsOf})
	if err != nil {
		return p, err
	}
	if n, _ := recs[0].Values[0].(int64); n > 0 {
		p.Point, p.Position, p.AsOf = seedsQ5Point, seedsQ5Position, seedsQ5AsOf
		return p, nil
	}
	recs, err = read(`MATCH (:Plan {id: $plan})-[:HAS_POINT]->(pt:Point)<-[r:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED]-(:Actor)
WHERE r.asOf IS NOT NULL
WITH pt.number AS number, type(r) AS position, r.asOf AS asOf ORDER BY asOf
WITH number, position, collect(asOf) AS dates
RETURN number, position, dates[size(dates) / 2] AS asOf
ORDER BY size(dates) DESC, number, position LIMIT 1`, map[string]any{"plan": p.Plan})
	if err != nil {
		return p, err
	}
	if len(recs) == 0 {
		return p, fmt.Errorf("plan %s has no dated stance on any point, so Q5 has nothing to ask", p.Plan)
	}
	n, _ := recs[0].Values[0].(int64)
	p.Point = int(n)
	p.Position, _ = recs[0].Values[1].(string)
	p.AsOf, _ = recs[0].Values[2].(string)
	return p, nil
}
