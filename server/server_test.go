package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph/memory"
	"github.com/peacegraph/peacegraph/server"
)

// MustServe serves s's routes on a real HTTP server.
func MustServe(tb testing.TB, s *server.Server) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(s.Handler())
	tb.Cleanup(srv.Close)
	return srv
}

// MustDo sends a request with an empty body and returns the status and body.
func MustDo(tb testing.TB, srv *httptest.Server, method, path string) (int, string) {
	tb.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return res.StatusCode, string(body)
}

func TestClaimExportRoute(t *testing.T) {
	export := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "export of "+r.PathValue("file"))
	})
	base := server.Server{Store: memory.New(), GraphQL: http.NotFoundHandler(), Log: zerolog.Nop()}

	t.Run("UnsetLeavesNoRoute", func(t *testing.T) {
		srv := MustServe(t, &base)
		if got, _ := MustDo(t, srv, "GET", "/claims/c-fair.jsonld"); got != http.StatusNotFound {
			t.Errorf("status %d, want 404", got)
		}
	})

	withExport := base
	withExport.ClaimExport = export
	srv := MustServe(t, &withExport)
	t.Run("GetReachesTheExportWithTheFile", func(t *testing.T) {
		status, body := MustDo(t, srv, "GET", "/claims/c-fair.jsonld")
		if got, want := body, "export of c-fair.jsonld"; status != 200 || got != want {
			t.Errorf("status %d, body %q, want 200 %q", status, got, want)
		}
	})
	t.Run("PostIsNotAllowed", func(t *testing.T) {
		if got, _ := MustDo(t, srv, "POST", "/claims/c-fair.jsonld"); got != http.StatusMethodNotAllowed {
			t.Errorf("status %d, want 405", got)
		}
	})
	t.Run("DeeperPathIsNotFound", func(t *testing.T) {
		if got, _ := MustDo(t, srv, "GET", "/claims/a/c-fair.jsonld"); got != http.StatusNotFound {
			t.Errorf("status %d, want 404", got)
		}
	})
	t.Run("OtherRoutesStay", func(t *testing.T) {
		status, body := MustDo(t, srv, "GET", "/healthz")
		if status != 200 || !strings.Contains(body, `"ok"`) {
			t.Errorf("healthz: status %d, body %q", status, body)
		}
	})
}
