package graph

import (
	"fmt"
	"time"
)

// Limits bound what one GraphQL request may cost the server, each checked
// before the work it protects: the body and the query's tokens before
// parsing, the query's depth, fragment spreads and cost before execution
// (querycost.go, in time linear in the query's text), and the objects of
// the answer and the request's deadline while it runs (budget.go). A zero
// field takes its default (DefaultLimits); cmd/peacegraph reads each from
// the environment.
type Limits struct {
	// BodyBytes caps a request body, with or without Content-Length
	// (413 beyond it). PEACEGRAPH_MAX_BODY_BYTES.
	BodyBytes int64
	// QueryTokens caps the tokens of a query document.
	// PEACEGRAPH_MAX_QUERY_TOKENS.
	QueryTokens int
	// Depth caps how deeply fields nest, fragments expanded.
	// PEACEGRAPH_MAX_DEPTH.
	Depth int
	// FragmentSpreads caps the fragment spreads written in a document.
	// PEACEGRAPH_MAX_FRAGMENT_SPREADS.
	FragmentSpreads int
	// Cost caps the estimated cost of an operation (complexity.go).
	// PEACEGRAPH_MAX_COST.
	Cost int
	// Objects caps the objects one answer holds, across all its fields
	// and aliases: nodes, edges, connections, pages.
	// PEACEGRAPH_MAX_OBJECTS.
	Objects int
	// Timeout is the deadline of one request; it cancels the store's
	// reads. PEACEGRAPH_REQUEST_TIMEOUT.
	Timeout time.Duration
}

// DefaultLimits are far above what a hand-written or generated query
// needs (the README's questions, and the deep query of the tests: 100
// actors with 20 claims each, their citations and sources) and far below
// what would let one request take the server down.
func DefaultLimits() Limits {
	return Limits{
		BodyBytes:       1 << 20,
		QueryTokens:     20000,
		Depth:           15,
		FragmentSpreads: 500,
		Cost:            ComplexityLimit,
		Objects:         50000,
		Timeout:         10 * time.Second,
	}
}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	return Limits{
		BodyBytes:       orDefault(l.BodyBytes, d.BodyBytes),
		QueryTokens:     orDefault(l.QueryTokens, d.QueryTokens),
		Depth:           orDefault(l.Depth, d.Depth),
		FragmentSpreads: orDefault(l.FragmentSpreads, d.FragmentSpreads),
		Cost:            orDefault(l.Cost, d.Cost),
		Objects:         orDefault(l.Objects, d.Objects),
		Timeout:         orDefault(l.Timeout, d.Timeout),
	}
}

// orDefault is v, or def when v is not positive.
func orDefault[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// String lists the limits, for the start-up log.
func (l Limits) String() string {
	return fmt.Sprintf("body %d bytes, %d tokens, depth %d, %d fragment spreads, cost %d, %d objects, timeout %s",
		l.BodyBytes, l.QueryTokens, l.Depth, l.FragmentSpreads, l.Cost, l.Objects, l.Timeout)
}

// WithLimits sets the request limits; fields left zero keep their
// defaults.
func WithLimits(l Limits) Option {
	return func(o *options) { o.limits = l }
}
