package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph/memory"
	"github.com/peacegraph/peacegraph/server"
)

func TestCORS(t *testing.T) {
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"data":{}}`)) })
	serve := func(origins ...string) string {
		return MustServe(t, &server.Server{Store: memory.New(), GraphQL: api, Log: zerolog.Nop(), CORS: server.CORS{Origins: origins}}).URL
	}
	do := func(t *testing.T, base, method, origin string, preflight bool) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(method, base+"/graphql", strings.NewReader(`{"query":"{ plan { id } }"}`))
		req.Header.Set("Origin", origin)
		if preflight {
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "content-type")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	t.Run("off by default: no page of another origin may read an answer", func(t *testing.T) {
		res := do(t, serve(), http.MethodPost, "https://viz.example", false)
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin %q, want none", got)
		}
	})
	base := serve("https://viz.example", "http://localhost:3000")
	t.Run("a preflight from an allowed origin is answered", func(t *testing.T) {
		res := do(t, base, http.MethodOptions, "https://viz.example", true)
		if res.StatusCode != http.StatusNoContent || res.Header.Get("Access-Control-Allow-Origin") != "https://viz.example" ||
			!strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "POST") || !strings.Contains(res.Header.Get("Access-Control-Allow-Headers"), "Content-Type") {
			t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
		}
	})
	t.Run("an allowed origin may read the answer", func(t *testing.T) {
		res := do(t, base, http.MethodPost, "http://localhost:3000", false)
		if res.StatusCode != http.StatusOK || res.Header.Get("Access-Control-Allow-Origin") != "http://localhost:3000" || !strings.Contains(res.Header.Get("Vary"), "Origin") {
			t.Errorf("answer: %d %v", res.StatusCode, res.Header)
		}
	})
	t.Run("another origin may not", func(t *testing.T) {
		res := do(t, base, http.MethodOptions, "https://evil.example", true)
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin %q for an origin not allowed", got)
		}
	})
	t.Run("* allows any origin", func(t *testing.T) {
		res := do(t, serve("*"), http.MethodPost, "https://anyone.example", false)
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "https://anyone.example" {
			t.Errorf("Access-Control-Allow-Origin %q", got)
		}
	})
	t.Run("the GET-only routes answer preflights only when origins are allowed", func(t *testing.T) {
		schema := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("type Query")) })
		preflight := func(origins ...string) int {
			srv := MustServe(t, &server.Server{Store: memory.New(), GraphQL: api, Schema: schema, Log: zerolog.Nop(), CORS: server.CORS{Origins: origins}})
			req, _ := http.NewRequest(http.MethodOptions, srv.URL+"/schema.graphql", nil)
			req.Header.Set("Origin", "https://viz.example")
			req.Header.Set("Access-Control-Request-Method", "GET")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res.StatusCode
		}
		if got := preflight("https://viz.example"); got != http.StatusNoContent {
			t.Errorf("allowed origin: %d, want 204", got)
		}
		if got := preflight(); got != http.StatusMethodNotAllowed {
			t.Errorf("no origins configured: %d, want 405", got)
		}
	})
	t.Run("origins are checked as they are configured", func(t *testing.T) {
		for _, bad := range []string{"viz.example", "https://viz.example/", "https://viz.example/app", "ftp://x.example"} {
			if _, err := server.ParseOrigins(bad); err == nil {
				t.Errorf("ParseOrigins(%q) accepted", bad)
			}
		}
		if got, err := server.ParseOrigins(" https://a.example, http://localhost:3000 ,"); err != nil || len(got) != 2 {
			t.Errorf("ParseOrigins = %v, %v", got, err)
		}
	})
}
