package neo4j_test

// A benchmark of the store's read of a page of claims against the
// hand-written statement of the peer benchmark's Q3 (rawcypher.Q3), both in
// this process, without HTTP, JSON or GraphQL: how far the store's own
// read is from the floor.
//
//	PEACEGRAPH_BENCH_SCALES=1,100 go test -run '^$' -bench ClaimsPage -benchtime 500x ./neo4j/
//
// on generated sets (package synth; scales 1, 10 and 100 by default). The
// two run in turn in one loop, so that a busy machine slows both
// alike; store-ms and raw-ms are their medians, store/raw the ratio.

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/bench/peer/rawcypher"
	"github.com/peacegraph/peacegraph/internal/benchtest"
	"github.com/peacegraph/peacegraph/synth"
)

func BenchmarkClaimsPage(b *testing.B) {
	for _, scale := range benchtest.Scales(b) {
		b.Run(fmt.Sprintf("scale=%d", scale), func(b *testing.B) {
			d, err := synth.Generate(synth.Config{Scale: scale, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			benchClaimsPage(b, d)
		})
	}
}

func benchClaimsPage(b *testing.B, d *peacegraph.Dataset) {
	s := MustOpen(b)
	MustLoad(b, s, d)
	driver := MustDriver(b)
	// What Q3 selects, as the API hands it to the store.
	sel := peacegraph.NewSelection(map[string][]string{
		"ClaimConnection": {"totalCount", "edges"}, "ClaimEdge": {"node"},
		"Claim": {"id", "text", "date", "claimant", "citations"}, "Actor": {"name"},
		"Citation": {"quote", "source"}, "Source": {"id", "title"},
	})
	store := func() int {
		ctx, related := peacegraph.WithRelated(peacegraph.WithSelection(b.Context(), sel))
		ctx, end := s.BeginRequest(ctx)
		defer end()
		pages, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 50}})
		if err != nil {
			b.Fatal(err)
		}
		if len(related.Nodes()) == 0 {
			b.Fatal("the page brought no claimants or sources along")
		}
		return len(pages[0].Claims)
	}
	raw := func() int {
		session := driver.NewSession(b.Context(), neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
		defer session.Close(b.Context())
		result, err := neo4j.ExecuteRead(b.Context(), session, func(tx neo4j.ManagedTransaction) ([]any, error) {
			res, err := tx.Run(b.Context(), rawcypher.Q3, map[string]any{"after": "", "first": 50})
			if err != nil {
				return nil, err
			}
			r, err := res.Single(b.Context())
			if err != nil {
				return nil, err
			}
			return r.Values[0].([]any), nil
		})
		if err != nil {
			b.Fatal(err)
		}
		return len(result)
	}
	if n, m := store(), raw(); n != 50 || m != 50 {
		b.Fatalf("pages of %d and %d claims, want 50 each", n, m)
	}
	var ts, tr []time.Duration
	for b.Loop() {
		start := time.Now()
		store()
		ts = append(ts, time.Since(start))
		start = time.Now()
		raw()
		tr = append(tr, time.Since(start))
	}
	ms, mr := median(ts), median(tr)
	b.ReportMetric(float64(ms.Microseconds())/1000, "store-ms")
	b.ReportMetric(float64(mr.Microseconds())/1000, "raw-ms")
	b.ReportMetric(float64(ms)/float64(mr), "store/raw")
}

// median is the middle of d, or the mean of its two middle values.
func median(d []time.Duration) time.Duration {
	d = slices.Clone(d)
	slices.Sort(d)
	if len(d)%2 == 0 {
		return (d[len(d)/2-1] + d[len(d)/2]) / 2
	}
	return d[len(d)/2]
}
