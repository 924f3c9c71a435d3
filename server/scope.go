package server

import (
	"context"
	"net/http"
	"time"

	"github.com/peacegraph/peacegraph"
)

// DefaultRequestTimeout bounds one request of an export when
// Server.RequestTimeout is not set; it is the GraphQL request timeout's
// default.
const DefaultRequestTimeout = 10 * time.Second

// scoped gives each request of an export (the claims' JSON-LD, the
// annotations, the graph files, the feed) what GraphQL gives its own: a
// deadline on everything it reads, so that a slow store cannot hold a
// request past it, and, on a store that offers one, one read scope
// (peacegraph.RequestScoper), so that its reads share one session. The
// exports themselves only read.
func (s *Server) scoped(next http.Handler) http.Handler {
	timeout := orDefault(s.RequestTimeout, DefaultRequestTimeout)
	scoper, _ := s.Store.(peacegraph.RequestScoper)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		if scoper != nil {
			var end func()
			ctx, end = scoper.BeginRequest(ctx)
			defer end()
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
