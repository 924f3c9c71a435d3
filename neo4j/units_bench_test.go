package neo4j

// A benchmark of what a load computes before it touches Neo4j: the units
// of a generated set (package synth) and their hashes, which every load
// computes whole, however little changed. PEACEGRAPH_BENCH_SCALES chooses
// the scales (default 1,10,100):
//
//	PEACEGRAPH_BENCH_SCALES=100 go test -run '^$' -bench Units -benchtime 5x ./neo4j/
//
// ns/op is the elapsed time of one units(d), cpu-s/op its processor time
// (all CPUs together: the figure to compare on a busy machine).

import (
	"fmt"
	"testing"

	"github.com/peacegraph/peacegraph/internal/benchtest"
	"github.com/peacegraph/peacegraph/loaders"
)

func BenchmarkUnits(b *testing.B) {
	for _, scale := range benchtest.Scales(b) {
		b.Run(fmt.Sprintf("scale=%d", scale), func(b *testing.B) {
			dir, _ := benchtest.WriteSet(b, scale)
			d, err := loaders.Read(dir)
			if err != nil {
				b.Fatal(err)
			}
			cpu := benchtest.CPUTime()
			b.ReportAllocs()
			b.ResetTimer()
			n := 0
			for b.Loop() {
				n = len(units(d))
			}
			b.StopTimer()
			benchtest.ReportCPU(b, cpu)
			b.ReportMetric(float64(n), "units")
		})
	}
}
