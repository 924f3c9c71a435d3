package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"time"
)

// serverStart bounds how long a server may take to be ready; the embedded
// store loads its seeds before it listens, which takes a while at large
// scales.
const serverStart = 10 * time.Minute

// scaleResult is everything measured at one scale.
type scaleResult struct {
	scale   int
	seeds   string // the seed directory
	summary string // what the loader loaded
	params  params
	queries []*queryResult
	// peakRSS is each server's peak resident memory in bytes after the
	// timing (0 where the system cannot tell): peacegraph on Neo4j should
	// hold the same at every scale.
	peakRSS map[string]int64
}

// queryResult is one query at one scale.
type queryResult struct {
	q *query
	// diffs is empty when every system gave the same answer; a query whose
	// answers differ is reported and not timed.
	diffs []string
	empty bool // the (agreed) answer is null or an empty list
	size  int  // bytes of the canonical answer
	rows  map[string]*row
}

// row is one system's figures for one query.
type row struct {
	hits     dbHits
	noHits   string // why there are no db hits, when there cannot be
	rates    []float64
	p50, p99 []float64 // milliseconds, one per repetition
	samples  int       // fewest latency samples of a repetition
}

func (r *row) rate() float64   { return median(r.rates) }
func (r *row) medP50() float64 { return median(r.p50) }
func (r *row) medP99() float64 { return median(r.p99) }

// servers are the processes of one scale.
type servers struct {
	neo4j, profile, embedded, peer *proc
	neo4jC, profileC, embeddedC    *graphqlClient
	peerC                          *graphqlClient
}

func (s *servers) stop() {
	for _, p := range []*proc{s.neo4j, s.profile, s.embedded, s.peer} {
		p.stop()
	}
	for _, c := range []*graphqlClient{s.neo4jC, s.profileC, s.embeddedC, s.peerC} {
		if c != nil {
			c.close()
		}
	}
}

func (b *bench) scale(ctx context.Context, scale int) (*scaleResult, error) {
	c := b.cfg
	dir, err := seedDir(ctx, c, b.work, scale)
	if err != nil {
		return nil, err
	}
	b.progress("scale %d: loading %s into %s", scale, dir, c.neo4jURI)
	summary, err := load(ctx, c, dir)
	if err != nil {
		return nil, err
	}
	p, err := discover(ctx, b.driver, c.neo4jDatabase)
	if err != nil {
		return nil, err
	}
	res := &scaleResult{scale: scale, seeds: dir, summary: summary, params: p}

	srv, err := b.startServers(ctx, scale, dir)
	defer srv.stop()
	if err != nil {
		return nil, err
	}
	systems := []*system{
		peacegraphSystem(sysNeo4j, srv.neo4jC),
		peacegraphSystem(sysEmbedded, srv.embeddedC),
		peerSystem(srv.peerC),
		rawSystem(b.driver, c.neo4jDatabase, c.timeout),
	}

	var timed []*queryResult
	for _, id := range c.queries {
		q := queryByID(id)
		qr := &queryResult{q: q, rows: map[string]*row{}}
		res.queries = append(res.queries, qr)
		if err := b.verify(ctx, qr, systems, p); err != nil {
			return nil, err
		}
		if len(qr.diffs) > 0 {
			continue
		}
		if err := b.countHits(ctx, qr, srv, p); err != nil {
			return nil, err
		}
		timed = append(timed, qr)
	}
	srv.profile.stop()
	if c.reps == 0 || len(timed) == 0 {
		return res, nil
	}
	if err := b.time(ctx, scale, timed, systems, p); err != nil {
		return nil, err
	}
	res.peakRSS = map[string]int64{
		sysNeo4j: srv.neo4j.peakRSS(), sysEmbedded: srv.embedded.peakRSS(), sysPeer: srv.peer.peakRSS(),
	}
	return res, nil
}

// startServers starts peacegraph on Neo4j (twice: once to time, once with
// PEACEGRAPH_NEO4J_PROFILE=true to read its db hits), peacegraph on the
// embedded store, and the peer, each on a free loopback port.
func (b *bench) startServers(ctx context.Context, scale int, dir string) (*servers, error) {
	c := b.cfg
	s := &servers{}
	logFile := func(name string) string {
		return filepath.Join(b.work, fmt.Sprintf("x%d-%s.log", scale, name))
	}
	type spec struct {
		name   string
		dst    **proc
		client **graphqlClient
		env    []string
		argv   func(port int) []string
		dir    string
		path   string // the GraphQL endpoint
		ready  func(base string) func(context.Context) bool
	}
	pgArgv := func(extra ...string) func(int) []string {
		return func(port int) []string {
			return append([]string{c.peacegraph, "serve", "--addr", "127.0.0.1:" + strconv.Itoa(port),
				"--log-level", "warn", "--log-format", "json"}, extra...)
		}
	}
	pgReady := func(base string) func(context.Context) bool { return httpOK(base + "/readyz") }
	specs := []spec{
		{"peacegraph-neo4j", &s.neo4j, &s.neo4jC, childEnv(c.neo4jEnv()...), pgArgv(), "", "/graphql", pgReady},
		{"peacegraph-neo4j-profile", &s.profile, &s.profileC, childEnv(append(c.neo4jEnv(), "PEACEGRAPH_NEO4J_PROFILE=true")...), pgArgv(), "", "/graphql", pgReady},
		{"peacegraph-embedded", &s.embedded, &s.embeddedC, childEnv(), pgArgv("--seeds", absPath(dir)), "", "/graphql", pgReady},
		{"peer", &s.peer, &s.peerC, childEnv(c.neo4jEnv()...), func(port int) []string {
			return []string{c.node, "server.mjs", "--host", "127.0.0.1", "--port", strconv.Itoa(port)}
		}, c.peerDir, "/", func(base string) func(context.Context) bool { return graphqlOK(base + "/") }},
	}
	bases := make([]string, len(specs))
	for i, sp := range specs {
		port, err := freePort()
		if err != nil {
			return s, err
		}
		p, err := startProc(sp.name, sp.dir, sp.env, logFile(sp.name), sp.argv(port)...)
		if err != nil {
			return s, err
		}
		*sp.dst = p
		bases[i] = "http://127.0.0.1:" + strconv.Itoa(port)
		*sp.client = newGraphQLClient(bases[i]+sp.path, c.clients, c.timeout)
	}
	// They start side by side; each is waited for in turn.
	for i, sp := range specs {
		if err := (*sp.dst).waitReady(ctx, serverStart, sp.ready(bases[i])); err != nil {
			return s, err
		}
	}
	b.progress("scale %d: servers ready (logs in %s)", scale, b.work)
	return s, nil
}

// absPath makes a seed directory absolute, since the servers may run
// elsewhere.
func absPath(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		return a
	}
	return dir
}

// verify asks every system q once and compares each answer with
// peacegraph-on-Neo4j's, recording the differences.
func (b *bench) verify(ctx context.Context, qr *queryResult, systems []*system, p params) error {
	ref := systems[0]
	want, err := ref.ask(ctx, qr.q, p)
	if err != nil {
		qr.diffs = append(qr.diffs, fmt.Sprintf("%s fails: %v", ref.name, err))
		return nil
	}
	for _, s := range systems[1:] {
		got, err := s.ask(ctx, qr.q, p)
		if err != nil {
			qr.diffs = append(qr.diffs, fmt.Sprintf("%s fails: %v", s.name, err))
			continue
		}
		if !reflect.DeepEqual(want, got) {
			qr.diffs = append(qr.diffs, fmt.Sprintf("%s differs from %s:", s.name, ref.name))
			for _, d := range diff(want, got, ref.name, s.name, 20) {
				qr.diffs = append(qr.diffs, "  "+d)
			}
		}
	}
	qr.empty = isEmpty(want)
	if j, err := json.Marshal(want); err == nil {
		qr.size = len(j)
	}
	return nil
}

// countHits profiles q on every system that runs Cypher.
func (b *bench) countHits(ctx context.Context, qr *queryResult, srv *servers, p params) error {
	c := b.cfg
	q := qr.q
	pg, err := peacegraphHits(ctx, srv.profileC, q, p)
	if err != nil {
		return err
	}
	qr.rows[sysNeo4j] = &row{hits: pg}
	if !pg.known {
		qr.rows[sysNeo4j].noHits = "n/a"
	}
	qr.rows[sysEmbedded] = &row{noHits: "-"}
	stmts, err := peerStatements(ctx, srv.peerC, q, p)
	if err != nil {
		return err
	}
	peer, err := profile(ctx, b.driver, c.neo4jDatabase, stmts)
	if err != nil {
		return fmt.Errorf("%s: PROFILE of the peer's Cypher: %w", q.id, err)
	}
	qr.rows[sysPeer] = &row{hits: peer}
	raw, err := profile(ctx, b.driver, c.neo4jDatabase, []statement{{q.cypher, q.cypherParams(p)}})
	if err != nil {
		return fmt.Errorf("%s: PROFILE of the raw Cypher: %w", q.id, err)
	}
	qr.rows[sysRaw] = &row{hits: raw}
	return nil
}

// time warms every system up on every query, then measures them
// round-robin: in each repetition, each query, every system in an order
// rotated by repetition and query, throughput first, then latency, one
// request of each system in turn.
func (b *bench) time(ctx context.Context, scale int, qrs []*queryResult, systems []*system, p params) error {
	c := b.cfg
	hits := map[string]map[string]func(context.Context) error{}
	for _, qr := range qrs {
		hits[qr.q.id] = map[string]func(context.Context) error{}
		for _, s := range systems {
			h, err := s.prepare(qr.q, p)
			if err != nil {
				return err
			}
			hits[qr.q.id][s.name] = h
			for range c.warmup {
				if err := h(ctx); err != nil {
					return fmt.Errorf("%s on %s (warm-up): %w", qr.q.id, s.name, err)
				}
			}
		}
	}
	for rep := range c.reps {
		start := time.Now()
		for qi, qr := range qrs {
			order := rotate(systems, rep+qi)
			for _, s := range order {
				rate, err := throughput(ctx, hits[qr.q.id][s.name], c.clients, c.window, maxRequestsPerWindow)
				if err != nil {
					return fmt.Errorf("%s on %s (throughput): %w", qr.q.id, s.name, err)
				}
				qr.rows[s.name].rates = append(qr.rows[s.name].rates, rate)
			}
			series := make([]func(context.Context) error, len(order))
			for k, s := range order {
				hit := hits[qr.q.id][s.name]
				series[k] = func(ctx context.Context) error {
					if err := hit(ctx); err != nil {
						return fmt.Errorf("on %s: %w", s.name, err)
					}
					return nil
				}
			}
			all, err := latencies(ctx, series, c.requests, c.latencyMax)
			if err != nil {
				return fmt.Errorf("%s (latency): %w", qr.q.id, err)
			}
			for k, s := range order {
				ds := all[k]
				r := qr.rows[s.name]
				r.p50 = append(r.p50, ms(percentile(ds, 0.50)))
				r.p99 = append(r.p99, ms(percentile(ds, 0.99)))
				if r.samples == 0 || len(ds) < r.samples {
					r.samples = len(ds)
				}
			}
		}
		b.progress("scale %d: repetition %d of %d done in %s", scale, rep+1, c.reps, time.Since(start).Round(time.Second))
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func (b *bench) progress(format string, args ...any) {
	fmt.Fprintf(b.log, "bench-peer: "+format+"\n", args...)
}
