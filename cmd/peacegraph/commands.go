package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/atom"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/loaders"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
	"github.com/peacegraph/peacegraph/schemaorg"
	"github.com/peacegraph/peacegraph/server"
	"github.com/peacegraph/peacegraph/web"
	"github.com/peacegraph/peacegraph/webannotation"
	"github.com/rs/zerolog"
)

// Main is one run of the command: its configuration and what it opened.
type Main struct {
	Config Config
	Log    zerolog.Logger
	Store  peacegraph.Store
	Stdout io.Writer
	Stderr io.Writer
}

// Close releases what the run opened.
func (m *Main) Close() error {
	if m.Store != nil {
		return m.Store.Close()
	}
	return nil
}

// parse binds the common flags plus extra, parses args, and readies the
// logger. It returns the positional arguments.
func (m *Main) parse(name string, args []string, extra func(*flag.FlagSet), maxArgs int) ([]string, error) {
	fs := flag.NewFlagSet("peacegraph "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	m.Config.commonFlags(fs)
	if extra != nil {
		extra(fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageError{err}
	}
	if fs.NArg() > maxArgs {
		return nil, usageError{fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args()[maxArgs:], " "))}
	}
	if err := m.Config.Validate(); err != nil {
		return nil, usageError{err}
	}
	m.Log = newLogger(m.Config, m.Stderr)
	return fs.Args(), nil
}

// loadRetryTime is the least time load retries a transaction that failed
// for a transient reason.
const loadRetryTime = 30 * time.Second

// serveGCPercent is the garbage collector's target for serve where GOGC
// does not set one (Go's default is 100).
const serveGCPercent = 400

// serveMemoryHeadroom is how far above the heap it starts with (the
// embedded store's graph, when it is used) serve lets the heap grow before
// the collector works harder, where GOMEMLIMIT does not set a limit. The
// request limits bound what the requests in flight hold; this bounds the
// garbage GOGC=400 would otherwise let pile up beside it.
const serveMemoryHeadroom = 512 << 20

// Serve runs the API until the context is cancelled (SIGINT, SIGTERM).
func (m *Main) Serve(ctx context.Context, args []string) error {
	_, err := m.parse("serve", args, func(fs *flag.FlagSet) {
		fs.StringVar(&m.Config.Addr, "addr", m.Config.Addr, "address to listen on (env PEACEGRAPH_ADDR)")
		fs.StringVar(&m.Config.Seeds, "seeds", m.Config.Seeds, "seed directory the embedded store loads at start (env PEACEGRAPH_SEEDS)")
	}, 0)
	if err != nil {
		return err
	}
	if os.Getenv("GOGC") == "" {
		// A request allocates much and keeps little, and the live heap
		// of a server is small: collecting at five times the live heap
		// rather than twice cuts the collector's share of every
		// request. GOGC, when set, wins.
		debug.SetGCPercent(serveGCPercent)
	}
	if err := m.openStore(ctx); err != nil {
		return err
	}
	if !m.Config.UsesNeo4j() {
		if err := m.load(ctx, m.Config.Seeds, ""); err != nil {
			return err
		}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		limit := int64(ms.HeapAlloc) + serveMemoryHeadroom
		debug.SetMemoryLimit(limit)
		m.Log.Info().Int64("bytes", limit).Msg("soft memory limit (GOMEMLIMIT unset: the heap at start plus 512 MiB)")
	}
	srv := &server.Server{
		Store:       m.Store,
		GraphQL:     graph.NewHandler(m.Store, m.Log, m.graphOptions()...),
		ClaimExport: &schemaorg.Handler{Store: m.Store, Log: m.Log},
		Annotations: &webannotation.Handler{Store: m.Store, Log: m.Log},
		Web:         web.Handler(),
		Schema:      graph.SchemaHandler(),
		Views:       graph.ViewHandler(m.Store, m.Log),
		Changes:     &atom.Handler{Store: m.Store, Limits: m.Config.ChangeLimits, Log: m.Log},
		Log:         m.Log,
		Limits:      m.Config.ServerLimits,
		// The exports' requests are bounded as GraphQL's are.
		RequestTimeout: m.Config.GraphLimits.Timeout,
		CORS:           m.Config.ServerCORS,
	}
	m.Log.Info().Str("limits", m.Config.GraphLimits.String()).Msg("GraphQL request limits")
	return srv.ListenAndServe(ctx, m.Config.Addr, nil)
}

// Load validates a seed directory and writes it to the configured store.
func (m *Main) Load(ctx context.Context, args []string) error {
	var dryRun, prune, full bool
	rest, err := m.parse("load", args, func(fs *flag.FlagSet) {
		fs.StringVar(&m.Config.Neo4jLoadBatch, "load-batch", m.Config.Neo4jLoadBatch, "rows one transaction of a large Neo4j load writes (env PEACEGRAPH_NEO4J_LOAD_BATCH)")
		fs.StringVar(&m.Config.Neo4jLoadSessions, "load-sessions", m.Config.Neo4jLoadSessions, "sessions that write a large Neo4j load's batches side by side (env PEACEGRAPH_NEO4J_LOAD_SESSIONS)")
		fs.BoolVar(&dryRun, "dry-run", false, "print what the load would change, and write nothing")
		fs.BoolVar(&prune, "prune", false, "let the load remove more of the graph than PEACEGRAPH_LOAD_MAX_REMOVED allows (an emptied record, a set that replaces another)")
		fs.BoolVar(&full, "full", false, "read and compare the whole set even when the store holds a load of these very files (say, after the graph was changed by hand)")
	}, 1)
	if err != nil {
		return err
	}
	opts := []peacegraph.LoadOption{peacegraph.MaxRemoved(m.Config.LoadMaxRemoved)}
	if dryRun {
		opts = append(opts, peacegraph.DryRun())
	}
	if prune {
		opts = append(opts, peacegraph.Prune())
	}
	// Nobody waits on a load answer by answer: it may ride out a
	// transient failure rather than start again from the beginning.
	m.Config.Neo4jRetryTime = max(m.Config.Neo4jRetryTime, loadRetryTime)
	if err := m.openStore(ctx); err != nil {
		return err
	}
	dir := dirArg(rest)
	var files string
	if !dryRun && !full {
		var held string
		var unchanged bool
		if held, files, unchanged = m.unchanged(ctx, dir); unchanged {
			return nil
		}
		if held != "" {
			if done, err := m.added(ctx, dir, held, files, opts); done || err != nil {
				return err
			}
		}
	}
	if err := m.load(ctx, dir, files, opts...); err != nil {
		return err
	}
	if !m.Config.UsesNeo4j() && !dryRun {
		fmt.Fprintln(m.Stdout, "note: NEO4J_URI is not set, so this wrote to an embedded store that ends with this command; 'peacegraph serve' loads the seeds itself.")
	}
	return nil
}

// Validate checks a seed directory and prints every problem; it writes
// nothing anywhere.
func (m *Main) Validate(ctx context.Context, args []string) error {
	rest, err := m.parse("validate", args, nil, 1)
	if err != nil {
		return err
	}
	dir := dirArg(rest)
	d, err := loaders.ReadWith(dir, loaders.Options{MaxFileBytes: m.Config.SeedFileBytes})
	if err != nil {
		return m.reportSeedError(dir, err)
	}
	sum := loaders.Summarize(d)
	fmt.Fprintf(m.Stdout, "%s: ok: %s\n", dir, sum)
	if sum.Empty() {
		// Valid, and far more likely a wrong or emptied directory than
		// a record: loading it would remove the whole graph.
		fmt.Fprintf(m.Stderr, "%s: warning: the seed set holds nothing; load refuses to replace a graph with it unless given --prune\n", dir)
	}
	return nil
}

// load reads dir and writes it to the store, printing what it did (or,
// with peacegraph.DryRun, what it would do). files is a digest of dir
// taken just before, or "" to take one (loaders.ReadDigest).
func (m *Main) load(ctx context.Context, dir, files string, opts ...peacegraph.LoadOption) error {
	d, files, err := loaders.ReadDigest(dir, loaders.Options{MaxFileBytes: m.Config.SeedFileBytes}, files)
	if err != nil {
		return m.reportSeedError(dir, err)
	}
	if digest := seedDigest(files); digest != "" {
		opts = append(opts, peacegraph.FromSeeds(digest))
	}
	var report peacegraph.LoadReport
	if err := m.Store.Load(ctx, d, append(opts, peacegraph.ReportTo(&report))...); err != nil {
		return fmt.Errorf("loading %s: %w", dir, err)
	}
	if peacegraph.ApplyLoadOptions(opts).DryRun {
		fmt.Fprintf(m.Stdout, "%s: dry run against the %s, nothing written: %s\n", dir, m.storeName(), loaders.Summarize(d))
		fmt.Fprintf(m.Stdout, "%s: would change: %s (%d of %d entities removed)\n", dir, report.String(), report.Removed(), report.Held)
		return nil
	}
	m.Log.Info().Str("dir", dir).Str("store", m.storeName()).Str("changes", report.String()).Msg("seeds loaded")
	fmt.Fprintf(m.Stdout, "%s: loaded into the %s: %s\n", dir, m.storeName(), loaders.Summarize(d))
	fmt.Fprintf(m.Stdout, "%s: changes: %s (%d write statements)\n", dir, report.String(), report.Writes)
	return nil
}

// shownProblems is how many seed problems are printed: a broken file can
// hold a million, and the first hundred say what is wrong.
const shownProblems = 100

// reportSeedError prints seed problems one per line, file:line first, so
// editors and CI logs can jump to them; the first shownProblems, then how
// many more there are.
func (m *Main) reportSeedError(dir string, err error) error {
	var problems loaders.Errors
	if !errors.As(err, &problems) {
		return fmt.Errorf("reading %s: %w", dir, err)
	}
	for _, p := range problems[:min(len(problems), shownProblems)] {
		fmt.Fprintln(m.Stderr, p.String())
	}
	if more := len(problems) - shownProblems; more > 0 {
		fmt.Fprintf(m.Stderr, "%s: … and %d more problem(s) not shown; mend these and run again\n", dir, more)
	}
	fmt.Fprintf(m.Stderr, "%s: %d problem(s); nothing was written\n", dir, len(problems))
	return errReported
}

func (m *Main) storeName() string {
	if m.Config.UsesNeo4j() {
		return "Neo4j store at " + pgneo4j.ShownURI(m.Config.Neo4jURI)
	}
	return "embedded store"
}

func dirArg(rest []string) string {
	if len(rest) == 1 {
		return rest[0]
	}
	return DefaultSeeds
}

// graphOptions are the API's options: the request log names each
// operation, and a profiling Neo4j store shows each request's cost.
func (m *Main) graphOptions() []graph.Option {
	opts := []graph.Option{graph.WithOperationObserver(server.RecordOperation), graph.WithLimits(m.Config.GraphLimits),
		graph.WithChangeLimits(m.Config.ChangeLimits)}
	if m.Config.Neo4jProfile && m.Config.UsesNeo4j() {
		opts = append(opts, graph.WithCostExtension())
	}
	return opts
}
