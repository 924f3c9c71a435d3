package graph_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
)

// fragmentFanOut is a query of n fragments that each spread the next one
// twice: 1.5 KB at n = 40, and 2^40 steps for a walk that expands every
// spread where it appears.
func fragmentFanOut(n int) string {
	var b strings.Builder
	b.WriteString("query Fan { ...F0 }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { plan { title } ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { plan { id } }\n", n)
	return b.String()
}

// nested returns a query whose fields nest depth deep: the plan a plan
// revises, and the plan that one revises, and so on.
func nested(depth int) string {
	q := "title"
	for range depth - 2 {
		q = "revises { " + q + " }"
	}
	return "{ plan { " + q + " } }"
}

func TestQueryLimits(t *testing.T) {
	srv := MustFixtureServer(t)
	refused := func(t *testing.T, query, code, says string) {
		t.Helper()
		start := time.Now()
		r := MustPost(t, srv, map[string]any{"query": query})
		if len(r.Errors) != 1 || r.Errors[0].Code() != code || !strings.Contains(r.Errors[0].Message, says) {
			t.Fatalf("got %s, want one %s error saying %q", r.Raw, code, says)
		}
		if r.Data != nil && string(r.Data) != "null" {
			t.Errorf("got data %s, want none", r.Data)
		}
		t.Logf("refused in %s", time.Since(start))
	}
	t.Run("forty fragments that each spread the next twice are costed at once and refused", func(t *testing.T) {
		// The test's own deadline is what fails a walk that expands
		// the spreads: it would not end in a lifetime.
		refused(t, fragmentFanOut(40), graph.CodeTooComplex, "complexity")
	})
	t.Run("a fan-out within the cost limit runs, each fragment counted where it is spread", func(t *testing.T) {
		data := MustQuery[map[string]any](t, srv, fragmentFanOut(8), nil)
		if data["plan"] == nil {
			t.Errorf("got %v, want the plan", data)
		}
	})
	t.Run("fields nested deeper than the limit are refused", func(t *testing.T) {
		refused(t, nested(graph.DefaultLimits().Depth+1), graph.CodeTooComplex, "deep")
	})
	t.Run("fields nested as deep as the limit run", func(t *testing.T) {
		MustQuery[map[string]any](t, srv, nested(graph.DefaultLimits().Depth), nil)
	})
	t.Run("more fragment spreads than the limit are refused", func(t *testing.T) {
		n := graph.DefaultLimits().FragmentSpreads + 1
		q := "{ " + strings.Repeat("...P ", n) + "}\nfragment P on Query { plan { id } }"
		refused(t, q, graph.CodeTooComplex, "fragment spreads")
	})
}

func TestAnswerLimits(t *testing.T) {
	store := MustStore(t, fixture.Dataset())
	t.Run("an answer with more objects than the limit is one error and no data", func(t *testing.T) {
		srv := MustServer(t, store, nil, graph.WithLimits(graph.Limits{Objects: 10}))
		r := MustPost(t, srv, map[string]any{"query": `{ a: claims(first: 50) { edges { node { id } } } b: claims(first: 50) { edges { node { id } } } }`})
		if len(r.Errors) != 1 || r.Errors[0].Code() != graph.CodeTooLarge || !strings.Contains(r.Errors[0].Message, "more than 10 objects") {
			t.Fatalf("got %s, want one %s error", r.Raw, graph.CodeTooLarge)
		}
		if string(r.Data) != "null" {
			t.Errorf("got data %s, want null", r.Data)
		}
	})
	t.Run("the objects are counted across aliases", func(t *testing.T) {
		// One alias of a page of 3 claims holds 7 objects (the
		// connection, 3 edges, 3 claims): one fits in 12, two do not.
		srv := MustServer(t, store, nil, graph.WithLimits(graph.Limits{Objects: 12}))
		one := MustPost(t, srv, map[string]any{"query": `{ a: claims(first: 3) { edges { node { id } } } }`})
		if len(one.Errors) != 0 {
			t.Fatalf("one alias: got %s, want an answer", one.Raw)
		}
		two := MustPost(t, srv, map[string]any{"query": `{ a: claims(first: 3) { edges { node { id } } } b: claims(first: 3) { edges { node { id } } } }`})
		if len(two.Errors) != 1 || two.Errors[0].Code() != graph.CodeTooLarge {
			t.Fatalf("two aliases: got %s, want %s", two.Raw, graph.CodeTooLarge)
		}
	})
	t.Run("a request past its deadline is one TIMEOUT error", func(t *testing.T) {
		srv := MustServer(t, store, nil, graph.WithLimits(graph.Limits{Timeout: time.Nanosecond}))
		r := MustPost(t, srv, map[string]any{"query": `{ plan { title points { number } } }`})
		if len(r.Errors) != 1 || r.Errors[0].Code() != graph.CodeTimeout {
			t.Fatalf("got %s, want one %s error", r.Raw, graph.CodeTimeout)
		}
	})
}

func TestBodyLimit(t *testing.T) {
	srv := MustServer(t, MustStore(t, fixture.Dataset()), nil, graph.WithLimits(graph.Limits{BodyBytes: 4096}))
	// chunked sends body with no Content-Length (the client cannot know
	// a MultiReader's length), in chunks, as a streaming client does.
	chunked := func(t *testing.T, body string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, srv.URL, io.MultiReader(strings.NewReader(body)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.ContentLength = -1
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	t.Run("a chunked body over the limit is 413 with a code", func(t *testing.T) {
		res, body := chunked(t, `{"query": "{ plans { id } }", "pad": "`+strings.Repeat("x", 8192)+`"}`)
		if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, graph.CodeBodyTooLarge) || !strings.Contains(body, "4096 bytes") {
			t.Errorf("got %d %s, want 413 %s", res.StatusCode, body, graph.CodeBodyTooLarge)
		}
	})
	t.Run("a chunked body within the limit is answered", func(t *testing.T) {
		res, body := chunked(t, `{"query": "{ plan { id } }"}`)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "us-28-point-plan") {
			t.Errorf("got %d %s", res.StatusCode, body)
		}
	})
}
