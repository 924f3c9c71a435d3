package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/server"
)

// Config is everything the command can be told, from the environment first
// and then from flags, which win.
type Config struct {
	// Addr is where serve listens (PEACEGRAPH_ADDR, --addr).
	Addr string
	// Seeds is the seed directory the embedded store is loaded from at
	// start (PEACEGRAPH_SEEDS, --seeds).
	Seeds string
	// Neo4j is used when URI is set; otherwise the embedded store is.
	Neo4jURI      string // NEO4J_URI
	Neo4jUsername string // NEO4J_USERNAME
	Neo4jPassword string // NEO4J_PASSWORD
	Neo4jDatabase string // NEO4J_DATABASE
	// Neo4jProfile runs every read under PROFILE and shows each request's
	// statements and db hits in extensions.cypher
	// (PEACEGRAPH_NEO4J_PROFILE=true): for benchmarks, not production.
	Neo4jProfile bool
	// Neo4jLoadBatch is how many rows one transaction of a large load
	// writes (PEACEGRAPH_NEO4J_LOAD_BATCH, --load-batch; default 20000).
	// A load that writes more is staged over several transactions and
	// still comes into view at once.
	Neo4jLoadBatch string
	// Neo4jLoadSessions is how many sessions write a staged load's
	// batches side by side (PEACEGRAPH_NEO4J_LOAD_SESSIONS,
	// --load-sessions; default 2).
	Neo4jLoadSessions string
	// LogLevel is debug, info, warn or error (LOG_LEVEL, --log-level).
	LogLevel string
	// LogFormat is json, console or auto: console when stderr is a
	// terminal (LOG_FORMAT, --log-format).
	LogFormat string
	// GraphLimits and ServerLimits bound what one request may cost
	// (PEACEGRAPH_MAX_*, PEACEGRAPH_*_TIMEOUT; limits.go); limitsErr is
	// what was wrong with them, reported by Validate.
	GraphLimits  graph.Limits
	ServerLimits server.Limits
	// ServerCORS names the origins whose pages may call the API
	// (PEACEGRAPH_CORS_ORIGINS, comma-separated, or *; none by default).
	ServerCORS server.CORS
	// ChangeLimits bound one changes query or feed request: the days it
	// spans and the entries of each kind it reads
	// (PEACEGRAPH_MAX_CHANGE_DAYS, PEACEGRAPH_MAX_CHANGES).
	ChangeLimits peacegraph.ChangeLimits
	limitsErr    error
	// Neo4jConnectTimeout bounds connecting to Neo4j and waiting for a
	// pooled connection (PEACEGRAPH_NEO4J_CONNECT_TIMEOUT), and
	// Neo4jRetryTime how long a transaction that failed for a transient
	// reason is retried (PEACEGRAPH_NEO4J_RETRY_TIME; load retries for at
	// least loadRetryTime).
	Neo4jConnectTimeout time.Duration
	Neo4jRetryTime      time.Duration
	// LoadMaxRemoved is the share of the graph (0 to 1) a load may remove
	// without --prune (PEACEGRAPH_LOAD_MAX_REMOVED, default
	// peacegraph.DefaultMaxRemoved).
	LoadMaxRemoved float64
	// SeedFileBytes caps each seed file and stored text
	// (PEACEGRAPH_MAX_SEED_FILE_BYTES, default
	// loaders.DefaultMaxFileBytes).
	SeedFileBytes int64
}

// Defaults of the configuration.
const (
	DefaultAddr     = ":8080"
	DefaultSeeds    = "seeds"
	DefaultDatabase = "neo4j"
)

// ConfigFromEnv reads the environment; getenv is os.Getenv outside tests.
func ConfigFromEnv(getenv func(string) string) Config {
	or := func(key, def string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		return def
	}
	c := Config{
		Addr:              or("PEACEGRAPH_ADDR", DefaultAddr),
		Seeds:             or("PEACEGRAPH_SEEDS", DefaultSeeds),
		Neo4jURI:          or("NEO4J_URI", ""),
		Neo4jUsername:     or("NEO4J_USERNAME", "neo4j"),
		Neo4jPassword:     getenv("NEO4J_PASSWORD"),
		Neo4jDatabase:     or("NEO4J_DATABASE", DefaultDatabase),
		Neo4jProfile:      or("PEACEGRAPH_NEO4J_PROFILE", "false") == "true",
		Neo4jLoadBatch:    or("PEACEGRAPH_NEO4J_LOAD_BATCH", "20000"),
		Neo4jLoadSessions: or("PEACEGRAPH_NEO4J_LOAD_SESSIONS", "2"),
		LogLevel:          or("LOG_LEVEL", "info"),
		LogFormat:         or("LOG_FORMAT", "auto"),
	}
	c.limitsErr = c.readLimits(getenv)
	return c
}

// commonFlags binds the flags every subcommand takes.
func (c *Config) commonFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Neo4jURI, "neo4j-uri", c.Neo4jURI, "Neo4j Bolt URI; empty: the embedded store (env NEO4J_URI)")
	fs.StringVar(&c.Neo4jDatabase, "neo4j-database", c.Neo4jDatabase, "Neo4j database name (env NEO4J_DATABASE)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "debug, info, warn or error (env LOG_LEVEL)")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "json, console or auto (env LOG_FORMAT)")
}

// Validate reports configuration that cannot work, before anything starts.
func (c *Config) Validate() error {
	if c.limitsErr != nil {
		return c.limitsErr
	}
	if n, err := strconv.Atoi(c.Neo4jLoadBatch); err != nil || n < 1 {
		return fmt.Errorf("load batch (PEACEGRAPH_NEO4J_LOAD_BATCH, --load-batch) %q: want a whole number of rows, 1 or more", c.Neo4jLoadBatch)
	}
	if n, err := strconv.Atoi(c.Neo4jLoadSessions); err != nil || n < 1 {
		return fmt.Errorf("load sessions (PEACEGRAPH_NEO4J_LOAD_SESSIONS, --load-sessions) %q: want a whole number of sessions, 1 or more", c.Neo4jLoadSessions)
	}
	switch c.LogFormat {
	case "json", "console", "auto":
	default:
		return fmt.Errorf("log format %q: want json, console or auto", c.LogFormat)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("log level %q: want debug, info, warn or error", c.LogLevel)
	}
	return nil
}

// UsesNeo4j reports whether the configuration names a Neo4j server.
func (c *Config) UsesNeo4j() bool { return c.Neo4jURI != "" }
