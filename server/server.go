// Package server is peacegraph's HTTP front: it mounts the GraphQL handler
// and the playground, answers health checks, logs one line per request, and
// shuts down gracefully. It knows nothing of GraphQL itself; cmd/peacegraph
// wires the graph handler in.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/peacegraph/peacegraph"
	"github.com/rs/zerolog"
)

// ShutdownTimeout bounds how long in-flight requests may run once a
// shutdown has begun.
const ShutdownTimeout = 10 * time.Second

// readyTimeout bounds a readiness probe, so a hung store makes /readyz
// fail rather than hang the prober.
const readyTimeout = 800 * time.Millisecond

// Server serves the API over HTTP.
type Server struct {
	// Store answers /readyz; it must be set.
	Store peacegraph.Store
	// GraphQL is the handler mounted at /graphql.
	GraphQL http.Handler
	// ClaimExport, when set, serves each claim's JSON-LD document at
	// GET /claims/{id}.jsonld (see package schemaorg).
	ClaimExport http.Handler
	// Annotations, when set, serves citations as W3C Web Annotations at
	// GET /claims/{id}/annotations.jsonld and
	// GET /sources/{id}/annotations.jsonld (see package webannotation).
	Annotations http.Handler
	// Web, when set, serves the pages and their assets: the playground at
	// /, the explorer at /explore, sources at /sources/{id}, and their
	// files under /assets/ (package web).
	Web http.Handler
	// Schema, when set, serves the schema's SDL at GET /schema.graphql.
	Schema http.Handler
	// Views, when set, serves neighbourhoods as files at
	// GET /graph/{center} (graph.ViewHandler).
	Views http.Handler
	// Changes, when set, serves what changed in the record as an Atom
	// feed at GET /changes.atom (package atom).
	Changes http.Handler
	// Log receives one line per request and server events.
	Log zerolog.Logger
	// Limits bound requests in flight and connection times; zero fields
	// take their defaults.
	Limits Limits
	// RequestTimeout bounds one request of ClaimExport, Annotations,
	// Views and Changes, store reads included, each of which also reads
	// in one request scope of Store (scoped); 0 means
	// DefaultRequestTimeout. GraphQL bounds and scopes its own.
	RequestTimeout time.Duration
	// CORS lets pages of the origins it names call the API (/graphql,
	// /schema.graphql, /claims/, /graph/, /sources/{id}/annotations.jsonld);
	// none when empty.
	CORS CORS
}

// Handler returns the routes wrapped in the request middleware:
// /graphql, /healthz, /readyz and, when they are set, the pages (Web) at /
// and /assets/, /schema.graphql, /claims/{id}.jsonld and the annotations
// at /claims/{id}/annotations.jsonld and /sources/{id}/annotations.jsonld.
func (s *Server) Handler() http.Handler {
	limits := s.Limits.withDefaults()
	// The health checks stay outside the cap on requests in flight, so
	// that a busy server is not taken for a dead one.
	limit := limitInFlight(limits.InFlight)
	api := func(h http.Handler) http.Handler { return s.CORS.wrap(limit(h)) }
	export := func(h http.Handler) http.Handler { return api(s.scoped(h)) }
	mux := http.NewServeMux()
	// preflight answers a browser's CORS preflight on a GET-only route;
	// without allowed origins there is none to answer, and OPTIONS stays
	// the 405 it is.
	preflight := func(path string) {
		if len(s.CORS.Origins) > 0 {
			mux.Handle("OPTIONS "+path, s.CORS.wrap(http.NotFoundHandler()))
		}
	}
	mux.Handle("/graphql", api(s.GraphQL))
	if s.ClaimExport != nil {
		// A pattern's wildcard is a whole segment, so the handler itself
		// takes the ".jsonld" off.
		mux.Handle("GET /claims/{file}", export(s.ClaimExport))
		preflight("/claims/{file}")
	}
	if s.Annotations != nil {
		// One more segment than the claim export's pattern, so the two
		// never match the same path; the source pages' /sources/{id} is
		// one segment shorter too.
		for _, p := range []string{"/claims/{id}/annotations.jsonld", "/sources/{id}/annotations.jsonld"} {
			mux.Handle("GET "+p, export(s.Annotations))
			preflight(p)
		}
	}
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	if s.Views != nil {
		mux.Handle("GET /graph/{center}", export(s.Views))
		preflight("/graph/{center}")
	}
	if s.Changes != nil {
		mux.Handle("GET /changes.atom", export(s.Changes))
	}
	if s.Schema != nil {
		mux.Handle("GET /schema.graphql", s.CORS.wrap(s.Schema))
		preflight("/schema.graphql")
	}
	if s.Web != nil {
		// Every path no other route takes: the pages know their own.
		mux.Handle("/", s.Web)
	}
	return s.logRequests(mux)
}

// ListenAndServe serves on addr until ctx is cancelled, then stops taking
// new connections and waits up to ShutdownTimeout for in-flight requests.
// ready, when not nil, receives the bound address once the listener is up
// (useful with port 0).
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready chan<- net.Addr) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	limits := s.Limits.withDefaults()
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: limits.ReadHeaderTimeout,
		ReadTimeout:       limits.ReadTimeout,
		WriteTimeout:      limits.WriteTimeout,
		IdleTimeout:       limits.IdleTimeout,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	s.Log.Info().Str("addr", ln.Addr().String()).Str("limits", limits.String()).Msg("listening")
	base := "http://" + browsable(ln.Addr())
	s.Log.Info().Str("playground", base+"/").Str("graphql", base+"/graphql").Str("schema", base+"/schema.graphql").
		Msg("open the playground at " + base + "/")
	if ready != nil {
		ready <- ln.Addr()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.Log.Info().Msg("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// browsable is addr as a browser on this machine reaches it: an address
// that listens on every interface is reached at localhost.
func browsable(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// healthz says the process is up; it checks nothing else, so an
// orchestrator does not restart a healthy process whose database is down.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz says whether the store can answer reads.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()
	if err := s.Store.Ping(ctx); err != nil {
		s.Log.Warn().Err(err).Msg("store not ready")
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{
			"status": "unavailable", "error": peacegraph.ErrorMessage(err),
		})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
