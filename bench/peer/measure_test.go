package main

import (
	"context"
	"errors"
	"reflect"
	"sync/atomic"
	"testing"
	"time"
)

func TestPercentileIsNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	for _, tc := range []struct {
		q    float64
		want time.Duration
	}{{0.50, 50 * time.Millisecond}, {0.99, 99 * time.Millisecond}, {1, 100 * time.Millisecond}, {0.001, time.Millisecond}} {
		if got := percentile(ds, tc.q); got != tc.want {
			t.Errorf("p%v: got %v, want %v", tc.q*100, got, tc.want)
		}
	}
	if got := percentile(ds[:3], 0.99); got != 100*time.Millisecond {
		t.Errorf("p99 of 3: got %v, want the largest", got)
	}
	if ds[0] != 100*time.Millisecond {
		t.Error("percentile sorted its input in place")
	}
}

func TestMedian(t *testing.T) {
	if got := median([]float64{3, 1, 2}); got != 2 {
		t.Errorf("odd: got %v", got)
	}
	if got := median([]float64{4, 1, 2, 3}); got != 2.5 {
		t.Errorf("even: got %v", got)
	}
}

func TestRotate(t *testing.T) {
	xs := []string{"a", "b", "c"}
	if got := rotate(xs, 4); !reflect.DeepEqual(got, []string{"b", "c", "a"}) {
		t.Errorf("got %v", got)
	}
	if !reflect.DeepEqual(xs, []string{"a", "b", "c"}) {
		t.Error("rotate changed its input")
	}
}

func TestThroughputIsBoundedInCount(t *testing.T) {
	var calls atomic.Int64
	hit := func(context.Context) error { calls.Add(1); return nil }
	rate, err := throughput(context.Background(), hit, 4, 5*time.Second, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 1000 {
		t.Errorf("ran %d requests, want the bound of 1000", calls.Load())
	}
	if rate <= 0 {
		t.Errorf("rate %v", rate)
	}
}

func TestThroughputIsBoundedInTime(t *testing.T) {
	hit := func(context.Context) error { time.Sleep(time.Millisecond); return nil }
	start := time.Now()
	if _, err := throughput(context.Background(), hit, 2, 50*time.Millisecond, maxRequestsPerWindow); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("a 50ms window took %v", d)
	}
}

func TestThroughputStopsAtTheFirstError(t *testing.T) {
	boom := errors.New("boom")
	var calls atomic.Int64
	hit := func(context.Context) error {
		if calls.Add(1) == 10 {
			return boom
		}
		return nil
	}
	if _, err := throughput(context.Background(), hit, 3, 10*time.Second, maxRequestsPerWindow); !errors.Is(err, boom) {
		t.Errorf("got %v, want the failed request's error", err)
	}
}

func TestLatenciesIsBoundedInTime(t *testing.T) {
	hit := func(context.Context) error { time.Sleep(20 * time.Millisecond); return nil }
	all, err := latencies(context.Background(), []func(context.Context) error{hit}, 1000, 100*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	ds := all[0]
	if len(ds) == 0 || len(ds) > 10 {
		t.Errorf("got %d samples in 100ms of 20ms requests", len(ds))
	}
	for _, d := range ds {
		if d < 20*time.Millisecond {
			t.Errorf("sample %v shorter than the request", d)
		}
	}
}

// TestLatenciesInterleaveTheSystems checks that the systems' requests
// alternate, each round in a rotated order, and that every series has a
// sample of every round.
func TestLatenciesInterleaveTheSystems(t *testing.T) {
	var order []int
	hits := make([]func(context.Context) error, 3)
	for k := range hits {
		hits[k] = func(context.Context) error { order = append(order, k); return nil }
	}
	all, err := latencies(context.Background(), hits, 4, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{0, 1, 2, 1, 2, 0, 2, 0, 1, 0, 1, 2}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("requests in the order %v, want %v", order, want)
	}
	for k, ds := range all {
		if len(ds) != 4 {
			t.Errorf("system %d: %d samples, want 4", k, len(ds))
		}
	}
}

func TestLatenciesStopAtAFailure(t *testing.T) {
	boom := errors.New("boom")
	ok := func(context.Context) error { return nil }
	fail := func(context.Context) error { return boom }
	if _, err := latencies(context.Background(), []func(context.Context) error{ok, fail}, 10, time.Minute); !errors.Is(err, boom) {
		t.Errorf("got %v, want the failed request's error", err)
	}
}
