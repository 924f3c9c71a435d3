package synth_test

// Benchmarks of generating and writing sets at growing scales: what
// `peacegraph synth` costs.
//
// PEACEGRAPH_BENCH_SCALES chooses the scales, comma-separated (default
// 1,10,100):
//
//	PEACEGRAPH_BENCH_SCALES=1,10,100,1000 go test -run '^$' -bench . -benchtime 1x ./synth/
//
// What the figures mean: ns/op is the elapsed time of one Generate, or of
// one Write of the generated set to a new directory (both use every CPU);
// cpu-s/op is the processor time, all CPUs together, the figure to
// compare on a busy machine; claims, files and disk-MB describe the set.

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/peacegraph/peacegraph/internal/benchtest"
	"github.com/peacegraph/peacegraph/synth"
)

func BenchmarkGenerate(b *testing.B) {
	for _, scale := range benchtest.Scales(b) {
		b.Run(fmt.Sprintf("scale=%d", scale), func(b *testing.B) {
			cfg := synth.Config{Scale: scale, Seed: 1}
			claims := 0
			cpu := benchtest.CPUTime()
			b.ReportAllocs()
			for b.Loop() {
				d, err := synth.Generate(cfg)
				if err != nil {
					b.Fatal(err)
				}
				claims = len(d.Claims)
			}
			benchtest.ReportCPU(b, cpu)
			b.ReportMetric(float64(claims), "claims")
		})
	}
}

func BenchmarkWrite(b *testing.B) {
	for _, scale := range benchtest.Scales(b) {
		b.Run(fmt.Sprintf("scale=%d", scale), func(b *testing.B) {
			d, err := synth.Generate(synth.Config{Scale: scale, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			var files int
			var size int64
			cpu := benchtest.CPUTime()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				dir := filepath.Join(b.TempDir(), fmt.Sprint(i))
				if err := synth.Write(dir, d); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if files, size, err = synth.Size(dir); err != nil {
					b.Fatal(err)
				}
				if err := os.RemoveAll(dir); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			benchtest.ReportCPU(b, cpu)
			b.ReportMetric(float64(files), "files")
			b.ReportMetric(float64(size)/1e6, "disk-MB")
		})
	}
}
