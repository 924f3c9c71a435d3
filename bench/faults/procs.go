package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/peacegraph/peacegraph/internal/childenv"
)

// server is a peacegraph serve process the run started.
type server struct {
	cmd  *exec.Cmd
	base string
	log  bytes.Buffer
}

// serve starts `peacegraph serve` with env and waits until it is ready.
func serve(bin string, env ...string) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	s := &server{base: "http://" + addr}
	s.cmd = exec.Command(bin, "serve", "--addr", addr, "--log-level", "warn", "--log-format", "json")
	s.cmd.Env = append(cleanEnv(), env...)
	s.cmd.Stdout, s.cmd.Stderr = &s.log, &s.log
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	for range 600 {
		if res, err := http.Get(s.base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.stop()
	return nil, fmt.Errorf("the server was not ready within 60 s:\n%s", s.log.String())
}

func (s *server) stop() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}

// memory is the server's resident and peak resident memory, in MiB.
func (s *server) memory() (rss, peak int) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return -1, -1
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.Atoi(f[1])
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "VmHWM:":
			peak = kb / 1024
		}
	}
	return rss, peak
}

// answer is what one request got.
type answer struct {
	status int
	code   string // the first error's extensions.code, "" for none
	bytes  int
	took   time.Duration
	err    error // the request itself failed (connection closed, ...)
}

func (a answer) String() string {
	if a.err != nil {
		return fmt.Sprintf("no answer (%v) after %s", a.err, a.took.Round(time.Millisecond))
	}
	code := a.code
	if code == "" {
		code = "data"
	}
	return fmt.Sprintf("%d %s, %d bytes, %s", a.status, code, a.bytes, a.took.Round(time.Millisecond))
}

// post sends a GraphQL query.
func (s *server) post(ctx context.Context, query string) answer {
	body, _ := json.Marshal(map[string]string{"query": query})
	return s.send(ctx, bytes.NewReader(body), int64(len(body)))
}

// send posts body as it is, with length n (-1: chunked).
func (s *server) send(ctx context.Context, body io.Reader, n int64) answer {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/graphql", body)
	if err != nil {
		return answer{err: err}
	}
	req.ContentLength = n
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return answer{err: err, took: time.Since(start)}
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	a := answer{status: res.StatusCode, bytes: len(raw), took: time.Since(start), err: err}
	var got struct {
		Errors []struct {
			Extensions struct{ Code string }
		}
	}
	if json.Unmarshal(raw, &got) == nil && len(got.Errors) > 0 {
		a.code = got.Errors[0].Extensions.Code
	}
	return a
}

// cleanEnv is this process's environment without peacegraph's and
// Neo4j's settings, which each part sets itself (childenv.Clean).
func cleanEnv() []string { return childenv.Clean() }

// neo4jEnv is the Neo4j connection of this run, for commands.
func neo4jEnv(uri string) []string {
	out := []string{"NEO4J_URI=" + uri}
	for _, k := range []string{"NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"} {
		if v := os.Getenv(k); v != "" {
			out = append(out, k+"="+v)
		}
	}
	return out
}

func neo4jURI() string { return env("NEO4J_URI", "bolt://127.0.0.1:7687") }

// run runs a command to its end and returns its output.
func run(timeout time.Duration, env []string, argv ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = append(cleanEnv(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, out)
	}
	return string(out), nil
}
