package graph

import "sync/atomic"

// WithGQLGenOnly leaves every field of every request to gqlgen, not to
// direct, so that a test can compare the two answers.
func WithGQLGenOnly() Option {
	return func(o *options) { o.gqlgenOnly = true }
}

// WithDirectCounter counts in n the root fields direct answered.
func WithDirectCounter(n *atomic.Int64) Option {
	return func(o *options) { o.answered = n }
}
