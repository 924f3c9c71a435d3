package server_test

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/memory"
	"github.com/peacegraph/peacegraph/server"
)

// scopingStore is the memory store with request scopes that say, through
// the context, that they were begun, and count how many are still open.
type scopingStore struct {
	peacegraph.Store
	open atomic.Int64
}

type scopeKey struct{}

func (s *scopingStore) BeginRequest(ctx context.Context) (context.Context, func()) {
	s.open.Add(1)
	return context.WithValue(ctx, scopeKey{}, true), func() { s.open.Add(-1) }
}

// TestExportsReadInAScopeWithADeadline checks that each export's request
// reaches its handler with the server's deadline and inside one request
// scope of the store, ended once the answer is written, and that GraphQL,
// which scopes and bounds its own, gets neither from the server.
func TestExportsReadInAScopeWithADeadline(t *testing.T) {
	store := &scopingStore{Store: memory.New()}
	report := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		deadline, ok := r.Context().Deadline()
		left := time.Until(deadline)
		scoped, _ := r.Context().Value(scopeKey{}).(bool)
		fmt.Fprintf(w, "deadline %t within %t, scoped %t", ok, ok && left > 0 && left <= 7*time.Second, scoped)
	})
	srv := MustServe(t, &server.Server{
		Store: store, GraphQL: report, ClaimExport: report, Annotations: report, Views: report, Changes: report,
		RequestTimeout: 7 * time.Second, Log: zerolog.Nop(),
	})
	for _, path := range []string{
		"/claims/c-fair.jsonld", "/claims/c-fair/annotations.jsonld", "/sources/s1/annotations.jsonld",
		"/graph/kirill-dmitriev", "/changes.atom",
	} {
		t.Run(path, func(t *testing.T) {
			status, body := MustDo(t, srv, "GET", path)
			if want := "deadline true within true, scoped true"; status != 200 || body != want {
				t.Errorf("status %d, %q; want 200, %q", status, body, want)
			}
			if n := store.open.Load(); n != 0 {
				t.Errorf("%d request scopes still open after the answer", n)
			}
		})
	}
	t.Run("/graphql", func(t *testing.T) {
		status, body := MustDo(t, srv, "GET", "/graphql")
		if want := "deadline false within false, scoped false"; status != 200 || body != want {
			t.Errorf("status %d, %q; want 200, %q", status, body, want)
		}
	})
}
