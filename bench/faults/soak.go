package main

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// soakQueries are questions of the README, asked in turn.
var soakQueries = []string{
	`{ plan { title points { number title concededBy { name } } } }`,
	`{ whoBacks(point: 21, position: OPPOSES) { actor { name } evidence { text citations { quote source { title } } } } }`,
	`{ claims(first: 50) { totalCount edges { node { text claimant { name } citations { quote source { title } } } } } }`,
	`{ graph(center: "kirill-dmitriev", depth: 2) { nodes { id label } edges { source target type } } }`,
	`{ search(text: "territory") { __typename ... on Claim { id text } } }`,
}

// soakRun keeps eight clients asking the embedded store for d and reports
// errors, latency and memory.
func soakRun(bin string, d time.Duration) error {
	s, err := serve(bin, "PEACEGRAPH_SEEDS=seeds")
	if err != nil {
		return err
	}
	defer s.stop()
	// Warm up, then note the memory the soak starts from.
	for _, q := range soakQueries {
		s.post(context.Background(), q)
	}
	startRSS, _ := s.memory()
	var mu sync.Mutex
	var took []time.Duration
	var errs atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var wg sync.WaitGroup
	for c := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i++ {
				a := s.post(context.Background(), soakQueries[i%len(soakQueries)])
				if a.err != nil || a.status != 200 || a.code != "" {
					errs.Add(1)
				}
				mu.Lock()
				took = append(took, a.took)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	endRSS, peak := s.memory()
	slices.Sort(took)
	fmt.Printf("## Soak (embedded store, 8 clients, %s)\n\n", d)
	fmt.Println("| requests | errors | p50 / p99 | RSS at start / end / peak (MiB) |")
	fmt.Println("|---|---|---|---|")
	p := func(q float64) time.Duration { return took[int(q*float64(len(took)-1))].Round(100 * time.Microsecond) }
	fmt.Printf("| %d | %d | %s / %s | %d / %d / %d |\n\n", len(took), errs.Load(), p(0.5), p(0.99), startRSS, endRSS, peak)
	if errs.Load() > 0 {
		return fmt.Errorf("%d errors in the soak", errs.Load())
	}
	return nil
}
