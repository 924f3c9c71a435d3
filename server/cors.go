package server

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// CORS lets pages served from other origins (a front end that draws the
// graph, a notebook) call the API from a browser. It is off unless origins
// are configured (PEACEGRAPH_CORS_ORIGINS): the API holds nothing secret,
// but a deployment decides who may script it.
type CORS struct {
	// Origins are the allowed origins, "scheme://host[:port]" each, or
	// "*" for any.
	Origins []string
}

// ParseOrigins reads a comma-separated list of origins, refusing an entry
// that is not "*" or a bare origin (a path or a trailing slash would never
// match what a browser sends).
func ParseOrigins(list string) ([]string, error) {
	var out []string
	for _, o := range strings.Split(list, ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		if o != "*" {
			u, err := url.Parse(o)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" || u.User != nil {
				return nil, fmt.Errorf("%q is not an origin such as https://example.org or http://localhost:3000 (no path, no trailing slash), nor *", o)
			}
		}
		out = append(out, o)
	}
	return out, nil
}

// corsHeaders are the request headers a cross-origin page may send.
const corsHeaders = "Content-Type, Accept, X-Request-ID"

func (c CORS) allows(origin string) bool {
	return origin != "" && (slices.Contains(c.Origins, "*") || slices.Contains(c.Origins, origin))
}

// wrap answers preflight requests and marks the answers of next as
// readable by the allowed origins.
func (c CORS) wrap(next http.Handler) http.Handler {
	if len(c.Origins) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		h := w.Header()
		h.Add("Vary", "Origin")
		if !c.allows(origin) {
			next.ServeHTTP(w, r)
			return
		}
		h.Set("Access-Control-Allow-Origin", origin)
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Allow-Headers", corsHeaders)
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		h.Set("Access-Control-Expose-Headers", RequestIDHeader)
		next.ServeHTTP(w, r)
	})
}
