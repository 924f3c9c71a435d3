// Command bench-peer measures peacegraph side by side with its peer, the
// Neo4j GraphQL Library (@neo4j/graphql on Apollo Server, this directory's
// Node package), over the same Neo4j and the same graph, with hand-written
// Cypher through the Go driver as the floor, and peacegraph's embedded
// store beside them.
//
// For each scale it loads a seed set into the Neo4j at NEO4J_URI (which it
// replaces: point it at a benchmark database), starts the servers on free
// loopback ports, checks that every system gives the same answer to each
// canonical query, counts db hits with PROFILE, and then times the systems
// interleaved: throughput at several concurrent clients over a fixed
// window, and p50/p99 latency at one client, medians of the repetitions.
// `make bench-peer` runs it; bench/peer/README.md says how to read it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses.
const (
	exitOK     = 0
	exitFail   = 1 // a run failed, or some answers differ
	exitConfig = 2 // the configuration was wrong
)

// run is main without the process, so that tests can call it.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	c, err := parseConfig(args, getenv)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "bench-peer: %v\n", err)
		return exitConfig
	}
	b := &bench{cfg: c, out: stdout, log: stderr}
	results, err := b.run(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "bench-peer: %v\n", err)
		return exitFail
	}
	if !summarize(stdout, results) {
		return exitFail
	}
	return exitOK
}

// bench is one run over all scales.
type bench struct {
	cfg    *config
	out    io.Writer // the tables
	log    io.Writer // progress
	driver neo4j.DriverWithContext
	work   string
}

func (b *bench) run(ctx context.Context) ([]*scaleResult, error) {
	c := b.cfg
	if err := b.preflight(ctx); err != nil {
		return nil, err
	}
	if usesTestDatabase(c.neo4jURI) {
		fmt.Fprintf(b.log, "bench-peer: %s is where the tests' Neo4j runs; waiting for the test-database lock\n", c.neo4jURI)
		release, err := neo4jtest.Acquire()
		if err != nil {
			return nil, fmt.Errorf("test-database lock: %w", err)
		}
		defer release()
	}
	auth := neo4j.NoAuth()
	if c.neo4jPassword != "" {
		auth = neo4j.BasicAuth(c.neo4jUser, c.neo4jPassword, "")
	}
	driver, err := neo4j.NewDriverWithContext(c.neo4jURI, auth)
	if err != nil {
		return nil, fmt.Errorf("NEO4J_URI %s: %w", c.neo4jURI, err)
	}
	defer driver.Close(context.WithoutCancel(ctx))
	vctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	err = driver.VerifyConnectivity(vctx)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("no Neo4j answers at %s (start one with `make neo4j-up`): %w", c.neo4jURI, err)
	}
	b.driver = driver

	if c.workDir == "" {
		dir, err := os.MkdirTemp("", "bench-peer-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		b.work = dir
	} else {
		if err := os.MkdirAll(c.workDir, 0o755); err != nil {
			return nil, err
		}
		b.work = c.workDir
	}

	fmt.Fprintf(b.out, "bench-peer: Neo4j at %s (its graph is replaced by each scale's seeds); scales %v; queries %v\n",
		c.neo4jURI, c.scales, c.queries)
	fmt.Fprintf(b.out, "bench-peer: medians of %d interleaved repetitions; throughput: %d clients for %s; latency: 1 client, %d requests of each system in turn (at most %s)\n",
		c.reps, c.clients, c.window, c.requests, c.latencyMax)
	var results []*scaleResult
	for _, scale := range c.scales {
		r, err := b.scale(ctx, scale)
		if err != nil {
			return nil, fmt.Errorf("scale %d: %w", scale, err)
		}
		report(b.out, r, c)
		results = append(results, r)
	}
	return results, nil
}

// preflight checks what a run needs before it changes anything.
func (b *bench) preflight(ctx context.Context) error {
	c := b.cfg
	if _, err := os.Stat(c.peacegraph); err != nil {
		return fmt.Errorf("the peacegraph binary %s is missing (build it with `make build`): %w", c.peacegraph, err)
	}
	if _, err := os.Stat(filepath.Join(c.peerDir, "server.mjs")); err != nil {
		return fmt.Errorf("the peer's server.mjs is not in %s (set BENCH_PEER_DIR): %w", c.peerDir, err)
	}
	if _, err := os.Stat(filepath.Join(c.peerDir, "node_modules", "@neo4j", "graphql")); err != nil {
		return fmt.Errorf("the peer's packages are not installed: run `npm ci` in %s (`make bench-peer` does)", c.peerDir)
	}
	if _, err := os.Stat(c.seeds); err != nil {
		return fmt.Errorf("the seed directory %s: %w", c.seeds, err)
	}
	return checkSynth(ctx, c)
}

// usesTestDatabase reports whether uri is the Neo4j the tests share, on
// whose lock (internal/neo4jtest) the benchmark then waits, so that it
// never replaces the graph under a running test.
func usesTestDatabase(uri string) bool {
	u, err := url.Parse(uri)
	if err != nil {
		return false
	}
	port := u.Port()
	if port == "" {
		port = "7687"
	}
	d, _ := url.Parse(neo4jtest.DefaultURI)
	return isLoopback(u.Hostname()) && port == d.Port()
}
