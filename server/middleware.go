package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/rs/zerolog"
)

// RequestIDHeader carries a request's ID in and out, so a client's ID can
// be found in the server's log.
const RequestIDHeader = "X-Request-ID"

// validRequestID accepts client-chosen IDs that are safe to log verbatim.
var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

type ctxKey struct{}

// requestInfo is what the handlers below the middleware tell it about a
// request, for the log line.
type requestInfo struct {
	mu        sync.Mutex
	operation string
}

// RecordOperation notes the GraphQL operation name of the request ctx
// belongs to, so the request's log line can name it. The GraphQL handler
// calls it; outside a logged request it does nothing.
func RecordOperation(ctx context.Context, name string) {
	if info, ok := ctx.Value(ctxKey{}).(*requestInfo); ok {
		info.mu.Lock()
		info.operation = name
		info.mu.Unlock()
	}
}

// RequestID returns a new random request ID.
func RequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// logRequests gives each request an ID, a logger carrying it (reachable
// with zerolog.Ctx), and writes one line when it ends.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get(RequestIDHeader)
		if !validRequestID.MatchString(id) {
			id = RequestID()
		}
		w.Header().Set(RequestIDHeader, id)
		log := s.Log.With().Str("request_id", id).Logger()
		info := &requestInfo{}
		ctx := context.WithValue(log.WithContext(r.Context()), ctxKey{}, info)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(ctx))

		info.mu.Lock()
		op := info.operation
		info.mu.Unlock()
		level := zerolog.InfoLevel
		if rec.status >= 500 {
			level = zerolog.ErrorLevel
		}
		ev := log.WithLevel(level).
			Str("method", r.Method).
			Str("path", r.URL.Path).
			Int("status", rec.status).
			Dur("latency", time.Since(start)).
			Int64("bytes", rec.bytes)
		if op != "" {
			ev = ev.Str("operation", op)
		}
		ev.Msg("request")
	})
}

// statusRecorder remembers the status and size of a response.
type statusRecorder struct {
	http.ResponseWriter
	status      int
	bytes       int64
	wroteHeader bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wroteHeader {
		r.status = code
		r.wroteHeader = true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wroteHeader = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the real writer (flushing).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
