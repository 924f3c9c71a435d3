package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/peacegraph/peacegraph/internal/tcpproxy"
)

// phase is a stretch of the outage run: what Neo4j does, for how long.
type phase struct {
	name  string
	begin func(p *tcpproxy.Proxy) error
	// back marks a phase that follows an outage: its recovery is timed.
	back bool
}

// outage serves the seeds from Neo4j through a proxy, keeps four clients
// asking, and takes Neo4j away (refused, then stuck) and gives it back.
func outage(bin string) error {
	uri := neo4jURI()
	if _, err := run(10*time.Minute, neo4jEnv(uri), bin, "load", "--prune", "--log-level", "warn", "seeds"); err != nil {
		return err
	}
	u, err := url.Parse(uri)
	if err != nil {
		return err
	}
	proxy, err := tcpproxy.Start(u.Host)
	if err != nil {
		return err
	}
	defer proxy.Down()
	via := *u
	via.Host = proxy.Addr()
	s, err := serve(bin, neo4jEnv(via.String())...)
	if err != nil {
		return err
	}
	defer s.stop()

	const each = 3 * time.Second
	phases := []phase{
		{"Neo4j up", func(p *tcpproxy.Proxy) error { return nil }, false},
		{"Neo4j stopped (connections refused and cut)", func(p *tcpproxy.Proxy) error { p.Down(); return nil }, false},
		{"Neo4j back", (*tcpproxy.Proxy).Up, true},
		{"Neo4j stuck (connections taken, never answered)", (*tcpproxy.Proxy).Hang, false},
		{"Neo4j back", (*tcpproxy.Proxy).Up, true},
	}
	type event struct {
		phase int
		at    time.Time
		a     answer
	}
	var mu sync.Mutex
	var events []event
	current := 0
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				ph := current
				mu.Unlock()
				rctx, rcancel := context.WithTimeout(ctx, 10*time.Second)
				a := s.post(rctx, `{ plan { title points { number title } } }`)
				rcancel()
				if ctx.Err() != nil {
					return
				}
				mu.Lock()
				if current == ph {
					// Requests that straddle a change belong to no phase.
					events = append(events, event{ph, time.Now(), a})
				}
				mu.Unlock()
			}
		}()
	}
	starts := make([]time.Time, len(phases))
	ready := make([]string, len(phases))
	for i, ph := range phases {
		// Requests that start (or end) while Neo4j changes belong to no
		// phase.
		mu.Lock()
		current = -1
		mu.Unlock()
		if err := ph.begin(proxy); err != nil {
			cancel()
			wg.Wait()
			return err
		}
		mu.Lock()
		current, starts[i] = i, time.Now()
		mu.Unlock()
		time.Sleep(each / 2)
		if res, err := http.Get(s.base + "/readyz"); err == nil {
			res.Body.Close()
			ready[i] = fmt.Sprint(res.StatusCode)
		}
		time.Sleep(each / 2)
	}
	cancel()
	wg.Wait()

	fmt.Println("## A Neo4j outage under load (4 clients, each phase 3 s)")
	fmt.Println()
	fmt.Println("| phase | answers | p50 / max | /readyz | first data after Neo4j came back |")
	fmt.Println("|---|---|---|---|---|")
	var problems []string
	for i, ph := range phases {
		codes := map[string]int{}
		var took []time.Duration
		first := time.Duration(-1)
		for _, e := range events {
			if e.phase != i {
				continue
			}
			c := e.a.code
			switch {
			case e.a.err != nil:
				c = "no answer"
			case c == "":
				c = "data"
				if first < 0 {
					first = e.at.Sub(starts[i])
				}
			}
			codes[c]++
			took = append(took, e.a.took)
		}
		slices.Sort(took)
		var parts []string
		for c, n := range codes {
			parts = append(parts, fmt.Sprintf("%d %s", n, c))
		}
		sort.Strings(parts)
		p50, most := time.Duration(0), time.Duration(0)
		if len(took) > 0 {
			p50, most = took[len(took)/2], took[len(took)-1]
		}
		back := ""
		if ph.back {
			back = "never"
			if first >= 0 {
				back = first.Round(time.Millisecond).String()
			}
		}
		fmt.Printf("| %s | %s | %s / %s | %s | %s |\n", ph.name, strings.Join(parts, ", "), p50.Round(100*time.Microsecond), most.Round(100*time.Microsecond), ready[i], back)
		outageNow := !ph.back && i > 0
		switch {
		case outageNow && (codes["data"] > 0 || codes["no answer"] > 0 || most > time.Second+200*time.Millisecond):
			problems = append(problems, fmt.Sprintf("%s: %v, slowest %s; want SERVICE_UNAVAILABLE within 1 s", ph.name, codes, most))
		case outageNow && ready[i] != "503":
			problems = append(problems, fmt.Sprintf("%s: /readyz %s, want 503", ph.name, ready[i]))
		case ph.back && (first < 0 || first > 2*time.Second):
			problems = append(problems, fmt.Sprintf("%s: first data after %s, want within 2 s", ph.name, back))
		}
	}
	fmt.Println()
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}
