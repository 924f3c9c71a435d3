package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
	"github.com/peacegraph/peacegraph/memory"
)

// MustStore returns a memory store holding d.
func MustStore(tb testing.TB, d *peacegraph.Dataset) *memory.Store {
	tb.Helper()
	s := memory.New()
	if err := s.Load(context.Background(), d); err != nil {
		tb.Fatalf("load dataset: %v", err)
	}
	return s
}

// MustServer serves the GraphQL handler over store on a real HTTP server.
// The handler's log goes to logs when it is not nil.
func MustServer(tb testing.TB, store peacegraph.Store, logs io.Writer, opts ...graph.Option) *httptest.Server {
	tb.Helper()
	if logs == nil {
		logs = io.Discard
	}
	srv := httptest.NewServer(graph.NewHandler(store, zerolog.New(logs), opts...))
	tb.Cleanup(srv.Close)
	return srv
}

// MustFixtureServer serves the hand-written fixture graph.
func MustFixtureServer(tb testing.TB) *httptest.Server {
	tb.Helper()
	return MustServer(tb, MustStore(tb, fixture.Dataset()), nil)
}

// Response is a GraphQL response as it arrives over the wire.
type Response struct {
	Status int
	Header http.Header
	Data   json.RawMessage `json:"data"`
	Errors []ResponseError `json:"errors"`
	Raw    []byte
}

// ResponseError is one entry of a response's errors.
type ResponseError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns the error's extensions.code.
func (e ResponseError) Code() string {
	c, _ := e.Extensions["code"].(string)
	return c
}

// MustPost sends a GraphQL request as a JSON POST and decodes the answer.
func MustPost(tb testing.TB, srv *httptest.Server, body map[string]any) *Response {
	tb.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		tb.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	return MustDo(tb, srv, req)
}

// MustGet sends a GraphQL request as a GET with URL parameters.
func MustGet(tb testing.TB, srv *httptest.Server, params url.Values) *Response {
	tb.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+"?"+params.Encode(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Accept", "application/graphql-response+json")
	return MustDo(tb, srv, req)
}

// MustDo sends req and decodes the GraphQL response.
func MustDo(tb testing.TB, srv *httptest.Server, req *http.Request) *Response {
	tb.Helper()
	res, err := srv.Client().Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	r := &Response{Status: res.StatusCode, Header: res.Header, Raw: raw}
	if err := json.Unmarshal(raw, r); err != nil {
		tb.Fatalf("response is not JSON (%d): %s", res.StatusCode, raw)
	}
	return r
}

// MustQuery posts query with variables, requires an answer without
// errors, and decodes its data into a value of type T.
func MustQuery[T any](tb testing.TB, srv *httptest.Server, query string, vars map[string]any) T {
	tb.Helper()
	body := map[string]any{"query": query}
	if vars != nil {
		body["variables"] = vars
	}
	r := MustPost(tb, srv, body)
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		tb.Fatalf("query failed (%d): %s", r.Status, r.Raw)
	}
	var data T
	if err := json.Unmarshal(r.Data, &data); err != nil {
		tb.Fatalf("decode data: %v: %s", err, r.Data)
	}
	return data
}

// MustFail posts query and requires exactly one error; it returns it with
// the response.
func MustFail(tb testing.TB, srv *httptest.Server, query string, vars map[string]any) (ResponseError, *Response) {
	tb.Helper()
	body := map[string]any{"query": query}
	if vars != nil {
		body["variables"] = vars
	}
	r := MustPost(tb, srv, body)
	if len(r.Errors) != 1 {
		tb.Fatalf("got %d errors, want 1: %s", len(r.Errors), r.Raw)
	}
	return r.Errors[0], r
}

// MustJSON returns v as compact JSON, for comparing answers whole.
func MustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
