// Package graph serves the GraphQL API: the gqlgen executable schema,
// thin resolvers that ask the Store once per level of a query (batch.go),
// the error presenter that turns domain error codes into extensions.code, and
// the HTTP handler that puts them together.
package graph

import (
	"github.com/peacegraph/peacegraph"
)

// Resolver is the root of the resolvers. It holds only the Store and the
// limits of the changes query; all per-request state (the nodes read, the
// objects of each level) travels in the request context.
type Resolver struct {
	Store peacegraph.Store
	// ChangeLimits bound what one changes query may read.
	ChangeLimits peacegraph.ChangeLimits
}
