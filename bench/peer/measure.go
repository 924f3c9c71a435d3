package main

import (
	"context"
	"fmt"
	"math"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// throughput runs hit from clients goroutines for window and returns the
// completed requests per second. The loop is bounded in time (window) and
// in count (maxRequests); any failed request ends it with that error.
func throughput(ctx context.Context, hit func(context.Context) error, clients int, window time.Duration, maxRequests int64) (float64, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		done     atomic.Int64
		started  atomic.Int64
		once     sync.Once
		firstErr error
		wg       sync.WaitGroup
	)
	begin := time.Now()
	deadline := begin.Add(window)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil && time.Now().Before(deadline) && started.Add(1) <= maxRequests {
				if err := hit(ctx); err != nil {
					once.Do(func() { firstErr = err; cancel() })
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(begin)
	if firstErr != nil {
		return 0, firstErr
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return float64(done.Load()) / elapsed.Seconds(), nil
}

// latencies times n rounds of one request to each of hits, one after
// another, in an order rotated each round, or as many whole rounds as
// maxTime allows, and returns each one's durations. Every system's series
// then spans the same stretch of time: on a shared machine, a busy second
// slows them all alike instead of the one whose series it falls in, so
// their ratios hold from run to run.
func latencies(ctx context.Context, hits []func(context.Context) error, n int, maxTime time.Duration) ([][]time.Duration, error) {
	out := make([][]time.Duration, len(hits))
	for k := range out {
		out[k] = make([]time.Duration, 0, n)
	}
	stop := time.Now().Add(maxTime)
	for i := 0; i < n && time.Now().Before(stop); i++ {
		for j := range hits {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			k := (i + j) % len(hits)
			t := time.Now()
			if err := hits[k](ctx); err != nil {
				return nil, err
			}
			out[k] = append(out[k], time.Since(t))
		}
	}
	if len(hits) > 0 && len(out[0]) == 0 {
		return nil, fmt.Errorf("no round of requests finished within %s", maxTime)
	}
	return out, nil
}

// percentile is the nearest-rank percentile q (0 < q <= 1) of ds.
func percentile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	// ceil(q·n), less a rounding error of q·n in floating point.
	rank := int(math.Ceil(q*float64(len(s)) - 1e-9))
	if rank < 1 {
		rank = 1
	}
	if rank > len(s) {
		rank = len(s)
	}
	return s[rank-1]
}

// median of xs; the mean of the two middle values for an even count.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// rotate returns xs started at offset i, so that no system is always
// measured first within a repetition.
func rotate[T any](xs []T, i int) []T {
	if len(xs) == 0 {
		return nil
	}
	i %= len(xs)
	return append(append([]T(nil), xs[i:]...), xs[:i]...)
}
