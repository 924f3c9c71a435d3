package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/loaders"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
	"github.com/peacegraph/peacegraph/server"
)

// limitSetting is one request limit that the environment can set.
type limitSetting struct {
	env string
	// set parses v into the configuration, or says what it wants.
	set func(c *Config, v string) error
}

func count(field func(*Config) *int) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return fmt.Errorf("want a whole number, 1 or more")
		}
		*field(c) = n
		return nil
	}
}

func byteCount(field func(*Config) *int64) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			return fmt.Errorf("want a whole number of bytes, 1 or more")
		}
		*field(c) = n
		return nil
	}
}

func duration(field func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return fmt.Errorf("want a duration such as 10s or 500ms")
		}
		*field(c) = d
		return nil
	}
}

// limitSettings are the environment variables of the limits in
// graph.Limits and server.Limits, of the Neo4j driver's timeouts and of
// the origins allowed to call the API; README.md lists them with their
// defaults.
var limitSettings = []limitSetting{
	{"PEACEGRAPH_MAX_BODY_BYTES", byteCount(func(c *Config) *int64 { return &c.GraphLimits.BodyBytes })},
	{"PEACEGRAPH_MAX_SEED_FILE_BYTES", byteCount(func(c *Config) *int64 { return &c.SeedFileBytes })},
	{"PEACEGRAPH_MAX_QUERY_TOKENS", count(func(c *Config) *int { return &c.GraphLimits.QueryTokens })},
	{"PEACEGRAPH_MAX_DEPTH", count(func(c *Config) *int { return &c.GraphLimits.Depth })},
	{"PEACEGRAPH_MAX_FRAGMENT_SPREADS", count(func(c *Config) *int { return &c.GraphLimits.FragmentSpreads })},
	{"PEACEGRAPH_MAX_COST", count(func(c *Config) *int { return &c.GraphLimits.Cost })},
	{"PEACEGRAPH_MAX_OBJECTS", count(func(c *Config) *int { return &c.GraphLimits.Objects })},
	{"PEACEGRAPH_MAX_CHANGE_DAYS", count(func(c *Config) *int { return &c.ChangeLimits.Days })},
	{"PEACEGRAPH_MAX_CHANGES", count(func(c *Config) *int { return &c.ChangeLimits.Entries })},
	{"PEACEGRAPH_REQUEST_TIMEOUT", duration(func(c *Config) *time.Duration { return &c.GraphLimits.Timeout })},
	{"PEACEGRAPH_MAX_IN_FLIGHT", count(func(c *Config) *int { return &c.ServerLimits.InFlight })},
	{"PEACEGRAPH_READ_HEADER_TIMEOUT", duration(func(c *Config) *time.Duration { return &c.ServerLimits.ReadHeaderTimeout })},
	{"PEACEGRAPH_READ_TIMEOUT", duration(func(c *Config) *time.Duration { return &c.ServerLimits.ReadTimeout })},
	{"PEACEGRAPH_WRITE_TIMEOUT", duration(func(c *Config) *time.Duration { return &c.ServerLimits.WriteTimeout })},
	{"PEACEGRAPH_NEO4J_CONNECT_TIMEOUT", duration(func(c *Config) *time.Duration { return &c.Neo4jConnectTimeout })},
	{"PEACEGRAPH_NEO4J_RETRY_TIME", duration(func(c *Config) *time.Duration { return &c.Neo4jRetryTime })},
	{"PEACEGRAPH_LOAD_MAX_REMOVED", func(c *Config, v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 || f > 1 {
			return fmt.Errorf("want a share of the graph, more than 0 and at most 1 (0.25 is a quarter)")
		}
		c.LoadMaxRemoved = f
		return nil
	}},
	{"PEACEGRAPH_CORS_ORIGINS", func(c *Config, v string) error {
		origins, err := server.ParseOrigins(v)
		c.ServerCORS = server.CORS{Origins: origins}
		return err
	}},
	{"PEACEGRAPH_IDLE_TIMEOUT", duration(func(c *Config) *time.Duration { return &c.ServerLimits.IdleTimeout })},
}

// readLimits reads into c the limits the environment sets; the others
// keep their defaults. An unusable value is an error naming the variable,
// so that a typo does not leave a server without the limit it was given.
func (c *Config) readLimits(getenv func(string) string) error {
	c.GraphLimits, c.ServerLimits = graph.DefaultLimits(), server.DefaultLimits()
	c.ChangeLimits = peacegraph.DefaultChangeLimits()
	c.Neo4jConnectTimeout, c.Neo4jRetryTime = pgneo4j.DefaultConnectTimeout, 0
	c.LoadMaxRemoved = peacegraph.DefaultMaxRemoved
	c.SeedFileBytes = loaders.DefaultMaxFileBytes
	var problems []string
	for _, l := range limitSettings {
		v := strings.TrimSpace(getenv(l.env))
		if v == "" {
			continue
		}
		if err := l.set(c, v); err != nil {
			problems = append(problems, fmt.Sprintf("%s=%q: %v", l.env, v, err))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	if c.ServerLimits.WriteTimeout <= c.GraphLimits.Timeout {
		return fmt.Errorf("PEACEGRAPH_WRITE_TIMEOUT (%s) must be longer than PEACEGRAPH_REQUEST_TIMEOUT (%s), or answers are cut off as they are written", c.ServerLimits.WriteTimeout, c.GraphLimits.Timeout)
	}
	return nil
}
