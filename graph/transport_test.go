package graph_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
)

func TestGET(t *testing.T) {
	srv := MustFixtureServer(t)
	t.Run("a query in the URL is answered", func(t *testing.T) {
		r := MustGet(t, srv, url.Values{"query": {`query Plan($n: Int!) { point(number: $n) { title } }`}, "variables": {`{"n": 6}`}, "operationName": {"Plan"}})
		if got, want := Compact(t, string(r.Data)), `{"point":{"title":"Army cap"}}`; r.Status != http.StatusOK || got != want {
			t.Errorf("got %d %s, want 200 %s", r.Status, got, want)
		}
		if got, want := r.Header.Get("Content-Type"), "application/graphql-response+json"; got != want {
			t.Errorf("content type %q, want %q", got, want)
		}
	})
	t.Run("a GET without a query is a bad request", func(t *testing.T) {
		r := MustGet(t, srv, url.Values{})
		if got, want := r.Status, http.StatusBadRequest; got != want {
			t.Errorf("status %d, want %d: %s", got, want, r.Raw)
		}
	})
}

func TestPersistedQueries(t *testing.T) {
	srv := MustFixtureServer(t)
	query := `{ plan { id } }`
	sum := sha256.Sum256([]byte(query))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}

	t.Run("an unknown hash asks for the query", func(t *testing.T) {
		r := MustPost(t, srv, map[string]any{"extensions": ext})
		if len(r.Errors) != 1 || r.Errors[0].Code() != "PERSISTED_QUERY_NOT_FOUND" {
			t.Fatalf("got %s, want PERSISTED_QUERY_NOT_FOUND", r.Raw)
		}
	})
	t.Run("a query sent with its hash is answered and registered", func(t *testing.T) {
		r := MustPost(t, srv, map[string]any{"query": query, "extensions": ext})
		if got, want := Compact(t, string(r.Data)), `{"plan":{"id":"us-28-point-plan"}}`; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	})
	t.Run("the hash alone is then enough, by POST", func(t *testing.T) {
		r := MustPost(t, srv, map[string]any{"extensions": ext})
		if got, want := Compact(t, string(r.Data)), `{"plan":{"id":"us-28-point-plan"}}`; len(r.Errors) > 0 || got != want {
			t.Errorf("got %s, want %s", r.Raw, want)
		}
	})
	t.Run("the hash alone is then enough, by GET", func(t *testing.T) {
		r := MustGet(t, srv, url.Values{"extensions": {MustJSON(t, ext)}})
		if got, want := Compact(t, string(r.Data)), `{"plan":{"id":"us-28-point-plan"}}`; len(r.Errors) > 0 || got != want {
			t.Errorf("got %s, want %s", r.Raw, want)
		}
	})
	t.Run("a query that does not match its hash is refused", func(t *testing.T) {
		r := MustPost(t, srv, map[string]any{"query": `{ plans { id } }`, "extensions": ext})
		if len(r.Errors) != 1 || r.Data != nil && string(r.Data) != "null" {
			t.Errorf("got %s, want one error and no data", r.Raw)
		}
	})
}

func TestComplexityLimit(t *testing.T) {
	srv := MustFixtureServer(t)
	t.Run("nested connections three deep are refused before running", func(t *testing.T) {
		r := MustPost(t, srv, map[string]any{"query": `{ actors(first: 100) { edges { node { claims(first: 100) { edges { node { about { ... on Actor { claims(first: 100) { totalCount } } } } } } } } } }`})
		if len(r.Errors) != 1 || r.Errors[0].Code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Fatalf("got %s, want COMPLEXITY_LIMIT_EXCEEDED", r.Raw)
		}
		if r.Data != nil && string(r.Data) != "null" {
			t.Errorf("got data %s, want none", r.Data)
		}
	})
	t.Run("a page of actors with their claims and citations passes", func(t *testing.T) {
		data := MustQuery[map[string]any](t, srv, `{ actors(first: 50) { edges { node { name claims(first: 50) { edges { node { text citations { quote source { title } } } } } } } } }`, nil)
		if data["actors"] == nil {
			t.Error("no actors")
		}
	})
	t.Run("the deep plan query passes", func(t *testing.T) {
		MustQuery[map[string]any](t, srv, deepQuery, nil)
	})
}

func TestHTTP(t *testing.T) {
	srv := MustFixtureServer(t)
	post := func(t *testing.T, contentType, accept, body string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", contentType)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	t.Run("a parse error is 200 with errors under application/json", func(t *testing.T) {
		res, body := post(t, "application/json", "application/json", `{"query": "{"}`)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "GRAPHQL_PARSE_FAILED") {
			t.Errorf("got %d %s", res.StatusCode, body)
		}
	})
	t.Run("a parse error is 400 without data under graphql-response+json", func(t *testing.T) {
		res, body := post(t, "application/json", "application/graphql-response+json", `{"query": "{"}`)
		if res.StatusCode != http.StatusBadRequest || strings.Contains(body, `"data"`) {
			t.Errorf("got %d %s", res.StatusCode, body)
		}
	})
	t.Run("a validation error is 400 without data under graphql-response+json", func(t *testing.T) {
		res, body := post(t, "application/json", "application/graphql-response+json", `{"query": "{ noSuchField }"}`)
		if res.StatusCode != http.StatusBadRequest || strings.Contains(body, `"data"`) || !strings.Contains(body, "GRAPHQL_VALIDATION_FAILED") {
			t.Errorf("got %d %s", res.StatusCode, body)
		}
	})
	t.Run("a body with no query is a bad request under application/json", func(t *testing.T) {
		res, body := post(t, "application/json", "application/json", `{"qeury": "{ plans { id } }"}`)
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("got %d %s", res.StatusCode, body)
		}
	})
	t.Run("a body that is not JSON is a bad request", func(t *testing.T) {
		res, body := post(t, "application/json", "application/json", `{"query": `)
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("got %d %s", res.StatusCode, body)
		}
	})
	t.Run("an unsupported content type is refused", func(t *testing.T) {
		res, body := post(t, "text/plain", "", `{"query": "{ plans { id } }"}`)
		if res.StatusCode < 400 || res.StatusCode > 499 {
			t.Errorf("got %d %s", res.StatusCode, body)
		}
	})
	t.Run("a body above the limit is refused", func(t *testing.T) {
		res, _ := post(t, "application/json", "", `{"query": "{ plans { id } }", "pad": "`+strings.Repeat("x", int(graph.DefaultLimits().BodyBytes))+`"}`)
		if got, want := res.StatusCode, http.StatusRequestEntityTooLarge; got != want {
			t.Errorf("status %d, want %d", got, want)
		}
	})
	t.Run("a query of too many tokens is refused", func(t *testing.T) {
		r := MustPost(t, srv, map[string]any{"query": "{ " + strings.Repeat("plans { id } ", graph.DefaultLimits().QueryTokens/4) + "}"})
		if len(r.Errors) != 1 || r.Status != http.StatusBadRequest || !strings.Contains(r.Errors[0].Message, "token limit") {
			t.Errorf("got %d %.300s, want 400 with the token limit error", r.Status, r.Raw)
		}
	})
	t.Run("OPTIONS names the methods", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodOptions, srv.URL, nil)
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if allow := res.Header.Get("Allow"); !strings.Contains(allow, "GET") || !strings.Contains(allow, "POST") {
			t.Errorf("Allow %q, want GET and POST", allow)
		}
	})
	t.Run("introspection answers", func(t *testing.T) {
		got := MustAnswer(t, srv, `{ __type(name: "Stance") { fields { name } } }`, nil)
		want := Compact(t, `{"__type":{"fields":[{"name":"actor"},{"name":"target"},{"name":"position"},{"name":"asOf"},{"name":"evidence"},{"name":"note"}]}}`)
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	})
}

func TestOperationObserver(t *testing.T) {
	var mu sync.Mutex
	var names []string
	h := graph.NewHandler(MustStore(t, fixture.Dataset()), zerolog.Nop(), graph.WithOperationObserver(func(ctx context.Context, name string) {
		mu.Lock()
		names = append(names, name)
		mu.Unlock()
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	MustPost(t, srv, map[string]any{"query": `query WhoDrafted { plan { authors { name } } }`})
	MustPost(t, srv, map[string]any{"query": `{ plans { id } }`})
	mu.Lock()
	defer mu.Unlock()
	if got, want := strings.Join(names, ","), "WhoDrafted,"; got != want {
		t.Errorf("observed %q, want %q", got, want)
	}
}
