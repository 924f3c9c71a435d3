// Package benchtest holds what the benchmarks of several packages share:
// the scales they run at, the generated sets they run on, and the
// processor time and peak heap they report, which say more than elapsed time on a machine shared with other
// work.
package benchtest

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Scales reads PEACEGRAPH_BENCH_SCALES, the scales of the generated
// record a benchmark runs at (default 1, 10 and 100), comma-separated.
func Scales(b *testing.B) []int {
	env := os.Getenv("PEACEGRAPH_BENCH_SCALES")
	if env == "" {
		return []int{1, 10, 100}
	}
	var scales []int
	for _, f := range strings.Split(env, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("PEACEGRAPH_BENCH_SCALES=%q: %q is not a scale (a whole number, 1 or more)", env, f)
		}
		scales = append(scales, n)
	}
	return scales
}

// SampleHeap watches the heap in use until the returned function is
// called, which stops it and returns the most it saw.
func SampleHeap() func() uint64 {
	var (
		mu   sync.Mutex
		peak uint64
		stop = make(chan struct{})
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapInuse)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}
