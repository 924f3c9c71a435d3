package loaders_test

// Benchmarks of reading generated seed sets (package synth) at growing
// scales: what `peacegraph validate`, `load` and the start of `serve`
// cost on sets far larger than the real seeds.
//
// PEACEGRAPH_BENCH_SCALES chooses the scales, comma-separated (default
// 1,10,100; scale 1000 takes a minute or more per read and about 2 GB).
// Run one read per scale:
//
//	PEACEGRAPH_BENCH_SCALES=100,1000 go test -run '^$' -bench Read -benchtime 1x ./loaders/
//
// What the figures mean: ns/op is the elapsed time of one whole Read
// (parse every file, read the texts, Complete, Validate), which files are
// parsed in parallel to shorten; cpu-s/op is the processor time it took,
// all CPUs together (the figure to compare on a busy machine);
// peak-heap-MB is the most heap in use seen during it, sampled every
// 10ms; claims and disk-MB describe the set.

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/peacegraph/peacegraph/internal/benchtest"
	"github.com/peacegraph/peacegraph/loaders"
	"github.com/peacegraph/peacegraph/synth"
)

func BenchmarkRead(b *testing.B) {
	for _, scale := range benchtest.Scales(b) {
		b.Run(fmt.Sprintf("scale=%d", scale), func(b *testing.B) {
			dir, d := benchtest.WriteSet(b, scale)
			_, size, err := synth.Size(dir)
			if err != nil {
				b.Fatal(err)
			}
			claims := len(d.Claims)
			d = nil
			runtime.GC()
			peak := benchtest.SampleHeap()
			cpu := benchtest.CPUTime()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := loaders.Read(dir); err != nil {
					b.Fatalf("read scale %d: %v", scale, err)
				}
			}
			b.StopTimer()
			benchtest.ReportCPU(b, cpu)
			b.ReportMetric(float64(peak())/1e6, "peak-heap-MB")
			b.ReportMetric(float64(claims), "claims")
			b.ReportMetric(float64(size)/1e6, "disk-MB")
		})
	}
}
