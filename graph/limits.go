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
	if l.BodyBytes <= 0 {
		l.BodyBytes = d.BodyBytes
	}
	if l.QueryTokens <= 0 {
		l.QueryTokens = d.QueryTokens
	}
	if l.Depth <= 0 {
		l.Depth = d.Depth
	}
	if l.FragmentSpreads <= 0 {
		l.FragmentSpreads = d.FragmentSpreads
	}
	if l.Cost <= 0 {
		l.Cost = d.Cost
	}
	if l.Objects <= 0 {
		l.Objects = d.Objects
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	return l
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
