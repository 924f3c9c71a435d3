package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// config is everything a run can be told: the environment first (what
// `make bench-peer` passes on), then flags, which win.
type config struct {
	scales   []int
	reps     int
	window   time.Duration // throughput window per measurement
	clients  int           // concurrent clients of the throughput measurement
	requests int           // requests of one latency series
	// latencyMax bounds one query's latency series, every system's
	// together, in time when requests take longer than expected (large
	// scales).
	latencyMax time.Duration
	warmup     int           // untimed requests per system and query before timing
	timeout    time.Duration // one request
	queries    []string

	neo4jURI, neo4jUser, neo4jPassword, neo4jDatabase string

	peacegraph string // the peacegraph binary
	node       string // the Node.js binary
	peerDir    string // this directory: server.mjs, typedefs.graphql, node_modules
	seeds      string // the seed directory of scale 1
	workDir    string // synthesized seeds and server logs; a temporary directory when empty
}

// Defaults and bounds of the configuration.
const (
	defaultScales     = "1 10 100"
	defaultReps       = 3
	defaultWindow     = 3 * time.Second
	defaultClients    = 8
	defaultRequests   = 300
	defaultLatencyMax = 15 * time.Second
	defaultWarmup     = 30
	defaultTimeout    = 30 * time.Second
	defaultNeo4jURI   = "bolt://127.0.0.1:7687"

	maxScale    = 100000
	maxReps     = 100
	maxWindow   = 5 * time.Minute
	maxClients  = 256
	maxRequests = 1000000
)

// maxRequestsPerWindow bounds the requests of one throughput window, so
// that a loop is bounded in count as well as in time.
const maxRequestsPerWindow = 10000000

func parseConfig(args []string, getenv func(string) string) (*config, error) {
	env := func(key, def string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		return def
	}
	fs := flag.NewFlagSet("bench-peer", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	scales := fs.String("scales", env("BENCH_SCALES", defaultScales), "seed scales to measure, space or comma separated; 1 is the seeds directory, N > 1 comes from 'peacegraph synth --scale N' (env BENCH_SCALES)")
	reps := fs.String("reps", env("BENCH_REPS", strconv.Itoa(defaultReps)), "repetitions of every measurement; the table shows medians; 0 only checks the answers and counts db hits (env BENCH_REPS)")
	window := fs.String("window", env("BENCH_WINDOW", defaultWindow.String()), "how long one throughput measurement runs (env BENCH_WINDOW)")
	clients := fs.String("clients", env("BENCH_CLIENTS", strconv.Itoa(defaultClients)), "concurrent clients of the throughput measurement (env BENCH_CLIENTS)")
	requests := fs.String("requests", env("BENCH_REQUESTS", strconv.Itoa(defaultRequests)), "requests of one latency series at 1 client (env BENCH_REQUESTS)")
	latencyMax := fs.String("latency-max", env("BENCH_LATENCY_MAX", defaultLatencyMax.String()), "time bound of one query's latency series, all systems together (env BENCH_LATENCY_MAX)")
	warmup := fs.String("warmup", env("BENCH_WARMUP", strconv.Itoa(defaultWarmup)), "untimed requests per system and query before timing (env BENCH_WARMUP)")
	timeout := fs.String("timeout", env("BENCH_TIMEOUT", defaultTimeout.String()), "time bound of one request (env BENCH_TIMEOUT)")
	queries := fs.String("queries", env("BENCH_QUERIES", ""), "queries to run, e.g. Q1,Q2,Q3; empty: all (env BENCH_QUERIES)")
	uri := fs.String("neo4j-uri", env("NEO4J_URI", defaultNeo4jURI), "Bolt URI of the benchmark database, on a loopback address; its graph is replaced (env NEO4J_URI)")
	db := fs.String("neo4j-database", env("NEO4J_DATABASE", "neo4j"), "database name (env NEO4J_DATABASE)")
	pg := fs.String("peacegraph", env("BENCH_PEACEGRAPH", "bin/peacegraph"), "the peacegraph binary (env BENCH_PEACEGRAPH)")
	node := fs.String("node", env("BENCH_NODE", "node"), "the Node.js binary (env BENCH_NODE)")
	peerDir := fs.String("peer-dir", env("BENCH_PEER_DIR", "bench/peer"), "directory of server.mjs and its node_modules (env BENCH_PEER_DIR)")
	seeds := fs.String("seeds", env("BENCH_SEEDS", "seeds"), "seed directory of scale 1 (env BENCH_SEEDS)")
	workDir := fs.String("workdir", env("BENCH_WORKDIR", ""), "where synthesized seeds and server logs go; empty: a temporary directory, removed at the end (env BENCH_WORKDIR)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}

	c := &config{
		neo4jURI: *uri, neo4jDatabase: *db,
		neo4jUser:     env("NEO4J_USERNAME", "neo4j"),
		neo4jPassword: getenv("NEO4J_PASSWORD"),
		peacegraph:    *pg, node: *node, peerDir: *peerDir, seeds: *seeds, workDir: *workDir,
	}
	var errs []error
	var err error
	if c.scales, err = parseScales(*scales); err != nil {
		errs = append(errs, err)
	}
	intIn := func(name, s string, lo, hi int, dst *int) {
		n, err := strconv.Atoi(s)
		if err != nil || n < lo || n > hi {
			errs = append(errs, fmt.Errorf("%s %q: want a whole number from %d to %d", name, s, lo, hi))
			return
		}
		*dst = n
	}
	durIn := func(name, s string, hi time.Duration, dst *time.Duration) {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 || d > hi {
			errs = append(errs, fmt.Errorf("%s %q: want a duration such as 3s, above 0 and at most %s", name, s, hi))
			return
		}
		*dst = d
	}
	intIn("BENCH_REPS", *reps, 0, maxReps, &c.reps)
	intIn("BENCH_CLIENTS", *clients, 1, maxClients, &c.clients)
	intIn("BENCH_REQUESTS", *requests, 1, maxRequests, &c.requests)
	intIn("BENCH_WARMUP", *warmup, 0, maxRequests, &c.warmup)
	durIn("BENCH_WINDOW", *window, maxWindow, &c.window)
	durIn("BENCH_LATENCY_MAX", *latencyMax, time.Hour, &c.latencyMax)
	durIn("BENCH_TIMEOUT", *timeout, 10*time.Minute, &c.timeout)
	if c.queries, err = parseQueries(*queries); err != nil {
		errs = append(errs, err)
	}
	if err := checkLoopbackURI(c.neo4jURI); err != nil {
		errs = append(errs, err)
	}
	return c, errors.Join(errs...)
}

// parseScales reads "1 10 100" or "1,10,100".
func parseScales(s string) ([]int, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	if len(fields) == 0 {
		return nil, fmt.Errorf("BENCH_SCALES %q: want at least one scale, e.g. \"1 10 100\"", s)
	}
	var out []int
	seen := map[int]bool{}
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > maxScale {
			return nil, fmt.Errorf("BENCH_SCALES: scale %q: want a whole number from 1 to %d", f, maxScale)
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out, nil
}

// parseQueries reads "Q1,Q3" (case-insensitive, spaces allowed); empty
// selects every query.
func parseQueries(s string) ([]string, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	if len(fields) == 0 {
		var all []string
		for _, q := range allQueries {
			all = append(all, q.id)
		}
		return all, nil
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range fields {
		id := strings.ToUpper(f)
		if queryByID(id) == nil {
			var known []string
			for _, q := range allQueries {
				known = append(known, q.id)
			}
			return nil, fmt.Errorf("BENCH_QUERIES: unknown query %q; the queries are %s", f, strings.Join(known, ", "))
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out, nil
}

// checkLoopbackURI refuses a Neo4j that is not on this machine: the
// benchmark replaces the graph of the database it is pointed at, and sends
// its load only to loopback addresses.
func checkLoopbackURI(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Errorf("NEO4J_URI %q: want a Bolt URI such as %s", raw, defaultNeo4jURI)
	}
	switch u.Scheme {
	case "bolt", "neo4j":
	default:
		return fmt.Errorf("NEO4J_URI %q: want the scheme bolt:// or neo4j:// (no TLS on loopback)", raw)
	}
	if !isLoopback(u.Hostname()) {
		return fmt.Errorf("NEO4J_URI %q: the benchmark only talks to a Neo4j on a loopback address (127.0.0.0/8, ::1, localhost)", raw)
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
