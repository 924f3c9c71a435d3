package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph/memory"
	"github.com/peacegraph/peacegraph/server"
)

func TestRequestsInFlight(t *testing.T) {
	inside := make(chan struct{})
	release := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inside <- struct{}{}
		<-release
		w.Write([]byte(`{"data":{}}`))
	})
	srv := MustServe(t, &server.Server{Store: memory.New(), GraphQL: slow, Log: zerolog.Nop(), Limits: server.Limits{InFlight: 2}})

	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if status, body := MustDo(t, srv, "POST", "/graphql"); status != http.StatusOK {
				t.Errorf("a request within the limit got %d %s", status, body)
			}
		}()
	}
	<-inside
	<-inside

	t.Run("one more than the limit is refused at once with 503 and Retry-After", func(t *testing.T) {
		res, err := srv.Client().Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ plan { id } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body struct {
			Errors []struct {
				Message    string         `json:"message"`
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") != "1" ||
			len(body.Errors) != 1 || body.Errors[0].Extensions["code"] != server.CodeBusy {
			t.Errorf("got %d Retry-After %q %+v, want 503, 1 and %s", res.StatusCode, res.Header.Get("Retry-After"), body, server.CodeBusy)
		}
	})
	t.Run("the health checks still answer", func(t *testing.T) {
		if status, body := MustDo(t, srv, "GET", "/healthz"); status != http.StatusOK {
			t.Errorf("healthz got %d %s", status, body)
		}
	})
	close(release)
	wg.Wait()
	t.Run("once they are answered, a request is taken again", func(t *testing.T) {
		go func() { <-inside }()
		if status, body := MustDo(t, srv, "POST", "/graphql"); status != http.StatusOK {
			t.Errorf("got %d %s", status, body)
		}
	})
}

func TestSlowClients(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reads := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	})
	s := &server.Server{Store: memory.New(), GraphQL: reads, Log: zerolog.Nop(),
		Limits: server.Limits{ReadHeaderTimeout: 500 * time.Millisecond, ReadTimeout: time.Second}}
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- s.ListenAndServe(ctx, "127.0.0.1:0", ready) }()
	addr := (<-ready).String()
	defer func() { cancel(); <-done }()

	// trickle sends head at once and then rest a byte at a time, as a
	// slow client does, and reports how long the server kept the
	// connection open.
	trickle := func(t *testing.T, head, rest string) time.Duration {
		t.Helper()
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.Write([]byte(head)); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		closed := make(chan struct{})
		go func() {
			// Whatever the server answers, it then closes.
			_, _ = bufio.NewReader(conn).ReadString(0)
			close(closed)
		}()
		for i := 0; i < len(rest); i++ {
			select {
			case <-closed:
				return time.Since(start)
			case <-time.After(200 * time.Millisecond):
			}
			if _, err := conn.Write([]byte{rest[i]}); err != nil {
				return time.Since(start)
			}
		}
		select {
		case <-closed:
		case <-time.After(30 * time.Second):
			t.Fatal("the server kept the connection open")
		}
		return time.Since(start)
	}
	t.Run("headers sent a byte at a time are cut off", func(t *testing.T) {
		if held := trickle(t, "", "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\r\n"); held > 10*time.Second {
			t.Errorf("held %s", held)
		}
	})
	t.Run("a body sent a byte at a time is cut off", func(t *testing.T) {
		body := strings.Repeat(" ", 200)
		if held := trickle(t, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 200\r\n\r\n", body); held > 10*time.Second {
			t.Errorf("held %s", held)
		}
	})
}
