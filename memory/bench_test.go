package memory

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// benchScales are the sizes, in multiples of the real record, that the
// benchmarks compare: a read whose cost follows its answer costs the same
// at both.
var benchScales = []int{1, 100}

// read is one Store read the API makes, on the arguments of a probe.
type read struct {
	name string
	run  func(ctx context.Context, s *Store, p probe) error
}

// pageSize is the page the claim reads ask for: a typical connection page,
// smaller than the claims of the busiest claimant. actorPageSize is
// smaller than the governments of the record, so that an actor page is
// full at every scale.
const (
	pageSize      = 20
	actorPageSize = 10
)

func claimPage(q peacegraph.ClaimQuery) func(context.Context, *Store, probe) error {
	return func(ctx context.Context, s *Store, p probe) error {
		_, err := s.Claims(ctx, []peacegraph.ClaimQuery{q})
		return err
	}
}

// reads lists the reads the benchmarks time and the cost tests count.
func reads() []read {
	return []read{
		{"ClaimsByClaimant", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Claims(ctx, []peacegraph.ClaimQuery{{Filter: peacegraph.ClaimFilter{Claimant: p.claimant}, First: pageSize}})
			return err
		}},
		{"ClaimsByAbout", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Claims(ctx, []peacegraph.ClaimQuery{{Filter: peacegraph.ClaimFilter{About: p.about}, First: pageSize}})
			return err
		}},
		{"ClaimsBySource", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Claims(ctx, []peacegraph.ClaimQuery{{Filter: peacegraph.ClaimFilter{Source: p.source}, First: pageSize}})
			return err
		}},
		{"ClaimsByAboutAndClaimant", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Claims(ctx, []peacegraph.ClaimQuery{{Filter: peacegraph.ClaimFilter{About: p.about, Claimant: p.claimant}, First: pageSize}})
			return err
		}},
		{"ClaimsFirstPage", claimPage(peacegraph.ClaimQuery{First: pageSize})},
		{"ClaimsLaterPage", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: pageSize, After: p.laterCursor}})
			return err
		}},
		{"ActorsByKind", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Actors(ctx, peacegraph.ActorQuery{Kind: peacegraph.ActorGovernment, First: actorPageSize})
			return err
		}},
		{"StancesOfTarget", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Stances(ctx, peacegraph.StanceFilter{TargetIDs: []string{p.target}})
			return err
		}},
		{"StancesOfTargetAsOf", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Stances(ctx, peacegraph.StanceFilter{TargetIDs: []string{p.target}, AsOf: "2025-11-25"})
			return err
		}},
		{"PointsOfPlan", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Points(ctx, []string{""}, peacegraph.PointFilter{})
			return err
		}},
		{"PointByNumber", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.PointByNumber(ctx, "", 6)
			return err
		}},
		{"Nodes50", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Nodes(ctx, p.nodeIDs)
			return err
		}},
		{"NeighbourhoodDepth2", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: p.center, Depth: 2, MaxNodes: 200})
			return err
		}},
		{"Path", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Path(ctx, p.pathFrom, p.pathTo, 4)
			return err
		}},
		{"Search", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Search(ctx, peacegraph.SearchQuery{Text: p.searchText, First: pageSize})
			return err
		}},
		{"SearchNoMatch", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Search(ctx, peacegraph.SearchQuery{Text: "zqxjv", First: pageSize})
			return err
		}},
		{"DisputesOfPlan", func(ctx context.Context, s *Store, p probe) error {
			_, err := s.Disputes(ctx, s.current().planID(""))
			return err
		}},
	}
}

// BenchmarkReads times each read at each scale; ns/op and allocs/op that
// stay level from 1× to 100× show a read that does not grow with the data.
func BenchmarkReads(b *testing.B) {
	for _, r := range reads() {
		for _, n := range benchScales {
			b.Run(fmt.Sprintf("%s/%dx", r.name, n), func(b *testing.B) {
				s := scaledStore(b, n)
				p := probeFor(b, s)
				ctx := b.Context()
				b.ReportAllocs()
				for b.Loop() {
					if err := r.run(ctx, s, p); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkLoad times a whole Load at each scale and reports the memory a
// loaded snapshot holds on to, measured after a collection.
func BenchmarkLoad(b *testing.B) {
	for _, n := range benchScales {
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			d := scaled(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if err := New().Load(b.Context(), d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(retained(b, d))/(1<<20), "MiB-held")
		})
	}
}

// retained is how much heap a store loaded with d holds: the live heap
// after a collection with the store, less the live heap before it.
func retained(tb testing.TB, d *peacegraph.Dataset) uint64 {
	tb.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := New()
	if err := s.Load(tb.Context(), d); err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(s)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}
