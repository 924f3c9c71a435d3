package graph_test

import (
	"bytes"
	"sync"
	"testing"
)

// TestDataBuffersAreNotShared checks that the buffers an operation's data
// is written into, kept between requests (graph/databuf.go), never give
// one response another's bytes: concurrent requests of different answers,
// each large enough for its buffer to be kept, each get their own answer.
func TestDataBuffersAreNotShared(t *testing.T) {
	srv := MustServer(t, MustStore(t, MustSeeds(t)), nil)
	queries := []string{
		`{ claims(first: 50) { edges { node { id text date claimant { name } citations { quote source { id title } } } } } }`,
		`{ actors(first: 100) { edges { node { id name role kind affiliations { id name } } } } }`,
		`{ plans { id title points { number title summary topic concededBy { name } } } }`,
	}
	want := make([][]byte, len(queries))
	for i, q := range queries {
		resp := MustPost(t, srv, map[string]any{"query": q})
		if len(resp.Errors) > 0 {
			t.Fatalf("%s: %+v", q, resp.Errors)
		}
		if len(resp.Raw) < 4<<10 {
			t.Fatalf("%d bytes for %s: too short for its buffer to be kept", len(resp.Raw), q)
		}
		want[i] = resp.Raw
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 30 {
				i := (w + n) % len(queries)
				resp := MustPost(t, srv, map[string]any{"query": queries[i]})
				if !bytes.Equal(resp.Raw, want[i]) {
					t.Errorf("query %d, request %d: got another answer:\n%s", i, n, resp.Raw)
					return
				}
			}
		}()
	}
	wg.Wait()
}
