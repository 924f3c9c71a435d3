package benchtest

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/synth"
)

// WriteSet writes the generated set of scale (seed 1) to a directory of
// the benchmark's own and returns the directory and the set as generated.
func WriteSet(b *testing.B, scale int) (string, *peacegraph.Dataset) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "set")
	d, err := synth.Generate(synth.Config{Scale: scale, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(dir, d); err != nil {
		b.Fatal(err)
	}
	return dir, d
}

// ReportCPU reports the processor time since start (CPUTime) per
// operation as cpu-s/op, where the platform measures it.
func ReportCPU(b *testing.B, start time.Duration) {
	b.Helper()
	if start >= 0 {
		b.ReportMetric((CPUTime()-start).Seconds()/float64(b.N), "cpu-s/op")
	}
}
