package graph

import (
	"context"
	"net/http"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/peacegraph/peacegraph"
)

// Option configures NewHandler.
type Option func(*options)

type options struct {
	observe func(ctx context.Context, operation string)
	cost    bool
	limits  Limits
	changes peacegraph.ChangeLimits
	// gqlgenOnly leaves every field to gqlgen (direct.go), and answered
	// counts the root fields direct answered, so that tests can compare
	// the two answers and tell which answered.
	gqlgenOnly bool
	answered   *atomic.Int64
}

// WithCostExtension shows, in every response's extensions.cypher, what
// the request cost the store: {statements, dbHits} (dbHits counted only
// where the store profiles its statements). Benchmarks and tests read it;
// it is off by default, since it tells clients about the store.
func WithCostExtension() Option {
	return func(o *options) { o.cost = true }
}

// WithOperationObserver calls observe with the name of each GraphQL
// operation the handler runs ("" for an anonymous one), e.g. so that the
// request log can name it.
func WithOperationObserver(observe func(ctx context.Context, operation string)) Option {
	return func(o *options) { o.observe = observe }
}

// NewHandler returns the GraphQL endpoint over store: GraphQL over HTTP
// with POST, GET and OPTIONS, a parsed-query cache, automatic persisted
// queries, introspection, the request limits (limits.go), and per-request
// read state that asks the Store once per level of a query and read
// (batch.go).
// Errors are presented with extensions.code; internals are logged to log
// and never shown.
func NewHandler(store peacegraph.Store, log zerolog.Logger, opts ...Option) http.Handler {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	limits := o.limits.withDefaults()
	cfg := Config{Resolvers: &Resolver{Store: store, ChangeLimits: o.changes}, Complexity: complexity(o.changes.WithDefaults().Days)}
	es := NewExecutableSchema(cfg)
	exec := es.(*executableSchema)
	schema := newSchemaInfo(es.Schema())
	srv := handler.New(es)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(postTransport{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(limits.QueryTokens)
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	srv.Use(&queryCost{limits: limits})
	srv.SetErrorPresenter(presentError(log))
	srv.SetRecoverFunc(recoverPanic)
	srv.AroundFields(aroundField)
	srv.AroundRootFields(aroundRootField)
	srv.AroundResponses(stoppedResponse(limits))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		// The store's reads answer what the operation asks, not more.
		return next(peacegraph.WithSelection(ctx, schema.selectionOf(graphql.GetOperationContext(ctx).Operation)))
	})
	if o.observe != nil {
		srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
			oc := graphql.GetOperationContext(ctx)
			name := oc.OperationName
			if name == "" && oc.Operation != nil {
				name = oc.Operation.Name
			}
			o.observe(ctx, name)
			return next(ctx)
		})
	}
	if o.cost {
		srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
			resp := next(ctx)
			if st := peacegraph.QueryStatsFrom(ctx); resp != nil && st != nil {
				if resp.Extensions == nil {
					resp.Extensions = map[string]any{}
				}
				resp.Extensions["cypher"] = map[string]int64{"statements": st.Statements.Load(), "dbHits": st.DBHits.Load()}
			}
			return resp
		})
	}
	scoper, _ := store.(peacegraph.RequestScoper)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !readBody(w, r, limits.BodyBytes) {
			return
		}
		fw := &fixResponse{ResponseWriter: w}
		defer fw.finish()
		req := newRequest(store, schema, limits.Objects)
		if !o.gqlgenOnly {
			req.exec = exec
		}
		req.answered = o.answered
		ctx := withRequest(r.Context(), req)
		if o.cost {
			ctx, _ = peacegraph.WithQueryStats(ctx)
		}
		if scoper != nil {
			// One read scope (on Neo4j, one session) for the whole
			// request, ended once the answer is written.
			var end func()
			ctx, end = scoper.BeginRequest(ctx)
			defer end()
		}
		srv.ServeHTTP(fw, r.WithContext(ctx))
	})
}
