package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"
)

// abuseCase is one abusive request and what the server must answer.
type abuseCase struct {
	name string
	ask  func(s *server) answer
	want string // the status and code it must get, e.g. "200 COMPLEXITY_LIMIT_EXCEEDED"
	// within bounds the time of the answer.
	within time.Duration
}

func abuseCases() []abuseCase {
	query := func(q string) func(*server) answer {
		return func(s *server) answer { return s.post(context.Background(), q) }
	}
	fan := func(n int) string {
		var b strings.Builder
		b.WriteString("query Fan { ...F0 }\n")
		for i := range n {
			fmt.Fprintf(&b, "fragment F%d on Query { plan { title } ...F%d ...F%d }\n", i, i+1, i+1)
		}
		fmt.Fprintf(&b, "fragment F%d on Query { plan { id } }\n", n)
		return b.String()
	}
	aliases := func(n int, field string) string {
		var b strings.Builder
		b.WriteString("{ ")
		for i := range n {
			fmt.Fprintf(&b, "a%d: %s ", i, field)
		}
		b.WriteString("}")
		return b.String()
	}
	big := `{"query": "{ plans { id } }", "pad": "` + strings.Repeat("x", 10<<20) + `"}`
	return []abuseCase{
		{"40 fragments, each spreading the next twice (1.5 KB)", query(fan(40)), "200 COMPLEXITY_LIMIT_EXCEEDED", time.Second},
		{"fields nested 100 deep", query("{ plan { " + strings.Repeat("revises { ", 99) + "id" + strings.Repeat(" }", 99) + " } }"), "200 COMPLEXITY_LIMIT_EXCEEDED", time.Second},
		{"390 aliases of graph(depth: 4, maxNodes: 1000)", query(aliases(390, `graph(center: "kirill-dmitriev", depth: 4, maxNodes: 1000) { nodes { id } }`)), "200 RESPONSE_TOO_LARGE", 5 * time.Second},
		{"1000 aliases of search(first: 100)", query(aliases(1000, `search(text: "plan", first: 100) { __typename }`)), "200 RESPONSE_TOO_LARGE", 5 * time.Second},
		{"10 MB body with its length", func(s *server) answer { return s.send(context.Background(), strings.NewReader(big), int64(len(big))) }, "413 REQUEST_TOO_LARGE", time.Second},
		{"10 MB body sent chunked", func(s *server) answer {
			return s.send(context.Background(), io.MultiReader(strings.NewReader(big)), -1)
		}, "413 REQUEST_TOO_LARGE", 2 * time.Second},
		{"a body trickled a byte every 2 s", trickle, "connection closed", 15 * time.Second},
	}
}

// trickle sends a request's headers and then its body a byte every two
// seconds, and reports when the server closed the connection.
func trickle(s *server) answer {
	start := time.Now()
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.base, "http://"))
	if err != nil {
		return answer{err: err}
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
	closed := make(chan struct{})
	go func() {
		_, _ = bufio.NewReader(conn).ReadString(0)
		close(closed)
	}()
	for i := 0; i < 100; i++ {
		select {
		case <-closed:
			return answer{status: -1, took: time.Since(start)}
		case <-time.After(2 * time.Second):
		}
		if _, err := conn.Write([]byte(" ")); err != nil {
			return answer{status: -1, took: time.Since(start)}
		}
	}
	return answer{err: fmt.Errorf("still open"), took: time.Since(start)}
}

func (a answer) got() string {
	if a.status == -1 {
		return "connection closed"
	}
	return fmt.Sprintf("%d %s", a.status, a.code)
}

// abuse serves the seeds on the embedded store and sends each abusive
// request, then eight of the worst at once.
func abuse(bin string) error {
	s, err := serve(bin, "PEACEGRAPH_SEEDS=seeds")
	if err != nil {
		return err
	}
	defer s.stop()
	fmt.Println("## Abusive requests (embedded store, the seeds, default limits)")
	fmt.Println()
	fmt.Println("| request | answer | time | server memory after (RSS / peak MiB) |")
	fmt.Println("|---|---|---|---|")
	var problems []string
	for _, c := range abuseCases() {
		a := c.ask(s)
		rss, peak := s.memory()
		fmt.Printf("| %s | %s | %s | %d / %d |\n", c.name, a.got(), a.took.Round(time.Millisecond), rss, peak)
		if a.got() != c.want || a.took > c.within {
			problems = append(problems, fmt.Sprintf("%s: got %s in %s, want %s within %s", c.name, a, a.took, c.want, c.within))
		}
	}
	worst := abuseCases()[2]
	var wg sync.WaitGroup
	answers := make([]answer, 8)
	start := time.Now()
	for i := range answers {
		wg.Add(1)
		go func() { defer wg.Done(); answers[i] = worst.ask(s) }()
	}
	wg.Wait()
	rss, peak := s.memory()
	fmt.Printf("| 8 at once of: %s | %s (all %d) | %s | %d / %d |\n", worst.name, answers[0].got(), len(answers), time.Since(start).Round(time.Millisecond), rss, peak)
	for _, a := range answers {
		if a.got() != worst.want {
			problems = append(problems, fmt.Sprintf("8 at once: got %s, want %s", a, worst.want))
			break
		}
	}
	if ok := s.post(context.Background(), `{ plan { title } }`); ok.code != "" || ok.status != 200 {
		problems = append(problems, fmt.Sprintf("after the abuse, a plain query got %s", ok))
	}
	fmt.Println()
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}
