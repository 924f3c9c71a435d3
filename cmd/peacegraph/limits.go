package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/server"
)

// limitSetting is one request limit that the environment can set.
type limitSetting struct {
	env string
	// set parses v into the limits, or says what it wants.
	set func(g *graph.Limits, s *server.Limits, v string) error
}

func count(field func(*graph.Limits, *server.Limits) *int) func(*graph.Limits, *server.Limits, string) error {
	return func(g *graph.Limits, s *server.Limits, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return fmt.Errorf("want a whole number, 1 or more")
		}
		*field(g, s) = n
		return nil
	}
}

func duration(field func(*graph.Limits, *server.Limits) *time.Duration) func(*graph.Limits, *server.Limits, string) error {
	return func(g *graph.Limits, s *server.Limits, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return fmt.Errorf("want a duration such as 10s or 500ms")
		}
		*field(g, s) = d
		return nil
	}
}

// limitSettings are the environment variables of the limits in
// graph.Limits and server.Limits; README.md lists them with their
// defaults.
var limitSettings = []limitSetting{
	{"PEACEGRAPH_MAX_BODY_BYTES", func(g *graph.Limits, _ *server.Limits, v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			return fmt.Errorf("want a whole number of bytes, 1 or more")
		}
		g.BodyBytes = n
		return nil
	}},
	{"PEACEGRAPH_MAX_QUERY_TOKENS", count(func(g *graph.Limits, _ *server.Limits) *int { return &g.QueryTokens })},
	{"PEACEGRAPH_MAX_DEPTH", count(func(g *graph.Limits, _ *server.Limits) *int { return &g.Depth })},
	{"PEACEGRAPH_MAX_FRAGMENT_SPREADS", count(func(g *graph.Limits, _ *server.Limits) *int { return &g.FragmentSpreads })},
	{"PEACEGRAPH_MAX_COST", count(func(g *graph.Limits, _ *server.Limits) *int { return &g.Cost })},
	{"PEACEGRAPH_MAX_OBJECTS", count(func(g *graph.Limits, _ *server.Limits) *int { return &g.Objects })},
	{"PEACEGRAPH_REQUEST_TIMEOUT", duration(func(g *graph.Limits, _ *server.Limits) *time.Duration { return &g.Timeout })},
	{"PEACEGRAPH_MAX_IN_FLIGHT", count(func(_ *graph.Limits, s *server.Limits) *int { return &s.InFlight })},
	{"PEACEGRAPH_READ_HEADER_TIMEOUT", duration(func(_ *graph.Limits, s *server.Limits) *time.Duration { return &s.ReadHeaderTimeout })},
	{"PEACEGRAPH_READ_TIMEOUT", duration(func(_ *graph.Limits, s *server.Limits) *time.Duration { return &s.ReadTimeout })},
	{"PEACEGRAPH_WRITE_TIMEOUT", duration(func(_ *graph.Limits, s *server.Limits) *time.Duration { return &s.WriteTimeout })},
	{"PEACEGRAPH_IDLE_TIMEOUT", duration(func(_ *graph.Limits, s *server.Limits) *time.Duration { return &s.IdleTimeout })},
}

// limitsFromEnv reads the limits the environment sets; the others keep
// their defaults. An unusable value is an error naming the variable, so
// that a typo does not leave a server without the limit it was given.
func limitsFromEnv(getenv func(string) string) (graph.Limits, server.Limits, error) {
	g, s := graph.DefaultLimits(), server.DefaultLimits()
	var problems []string
	for _, l := range limitSettings {
		v := strings.TrimSpace(getenv(l.env))
		if v == "" {
			continue
		}
		if err := l.set(&g, &s, v); err != nil {
			problems = append(problems, fmt.Sprintf("%s=%q: %v", l.env, v, err))
		}
	}
	if len(problems) > 0 {
		return g, s, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	if s.WriteTimeout <= g.Timeout {
		return g, s, fmt.Errorf("PEACEGRAPH_WRITE_TIMEOUT (%s) must be longer than PEACEGRAPH_REQUEST_TIMEOUT (%s), or answers are cut off as they are written", s.WriteTimeout, g.Timeout)
	}
	return g, s, nil
}
