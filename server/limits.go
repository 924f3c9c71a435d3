package server

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Limits bound what clients can hold of the server: the requests it
// answers at once, and how long a connection may take to send a request,
// to take its answer and to sit idle. A zero field takes its default
// (DefaultLimits); cmd/peacegraph reads each from the environment.
type Limits struct {
	// InFlight caps the API requests answered at once; one more gets 503
	// with Retry-After. PEACEGRAPH_MAX_IN_FLIGHT.
	InFlight int
	// ReadHeaderTimeout bounds reading a request's headers
	// (PEACEGRAPH_READ_HEADER_TIMEOUT), ReadTimeout the whole request
	// with its body (PEACEGRAPH_READ_TIMEOUT), WriteTimeout the time from
	// the end of the headers to the end of the answer, which must exceed
	// the GraphQL request timeout (PEACEGRAPH_WRITE_TIMEOUT), and
	// IdleTimeout a kept-alive connection between requests
	// (PEACEGRAPH_IDLE_TIMEOUT).
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
}

// DefaultLimits let a 2-core machine keep every core busy with room to
// queue, and a slow client no more than seconds of a connection.
func DefaultLimits() Limits {
	return Limits{
		InFlight:          32,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	return Limits{
		InFlight:          orDefault(l.InFlight, d.InFlight),
		ReadHeaderTimeout: orDefault(l.ReadHeaderTimeout, d.ReadHeaderTimeout),
		ReadTimeout:       orDefault(l.ReadTimeout, d.ReadTimeout),
		WriteTimeout:      orDefault(l.WriteTimeout, d.WriteTimeout),
		IdleTimeout:       orDefault(l.IdleTimeout, d.IdleTimeout),
	}
}

// orDefault is v, or def when v is not positive.
func orDefault[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// String lists the limits, for the start-up log.
func (l Limits) String() string {
	return fmt.Sprintf("%d requests in flight, read header %s, read %s, write %s, idle %s",
		l.InFlight, l.ReadHeaderTimeout, l.ReadTimeout, l.WriteTimeout, l.IdleTimeout)
}

// CodeBusy is the extensions.code of a request refused because the server
// is answering as many as it may.
const CodeBusy = "SERVER_BUSY"

// busyRetryAfter is what a refused client is told to wait, in seconds.
const busyRetryAfter = 1

// limitInFlight returns a wrapper under which at most n requests, of all
// the handlers it wraps, are answered at once; the others are refused at
// once with 503 and Retry-After rather than queued: a queue would hold
// their memory and their connections, and a client told to retry can go
// to another replica.
func limitInFlight(n int) func(http.Handler) http.Handler {
	slots := make(chan struct{}, n)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case slots <- struct{}{}:
				defer func() { <-slots }()
				next.ServeHTTP(w, r)
			default:
				w.Header().Set("Retry-After", strconv.Itoa(busyRetryAfter))
				writeJSON(w, http.StatusServiceUnavailable, map[string]any{
					"errors": []map[string]any{{
						"message":    fmt.Sprintf("the server is answering %d requests, its limit; try again in %d s", n, busyRetryAfter),
						"extensions": map[string]any{"code": CodeBusy},
					}},
				})
			}
		})
	}
}
