package main_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bin is the peacegraph binary built once for these tests: they run the
// real command as a user would.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "peacegraph-cmd")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "peacegraph")
	build := exec.Command("go", "build", "-race", "-o", bin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building peacegraph:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// seeds is the repository's real seed directory.
const seeds = "../../seeds"

type result struct {
	code           int
	stdout, stderr string
}

// MustRun runs the binary with args and a clean environment plus env.
func MustRun(tb testing.TB, env []string, args ...string) result {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		tb.Fatalf("running peacegraph %v: %v", args, err)
	}
	return result{code, out.String(), errb.String()}
}

func TestValidate(t *testing.T) {
	t.Run("real seeds pass", func(t *testing.T) {
		r := MustRun(t, nil, "validate", seeds)
		if r.code != 0 {
			t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
		}
		// The seeds hold the 28 points of the plan and the points of its
		// later versions, so only the form of the count is fixed here.
		if !strings.Contains(r.stdout, "ok:") || !regexp.MustCompile(`\b\d+ points\b`).MatchString(r.stdout) {
			t.Errorf("stdout = %q, want an ok line counting the points", r.stdout)
		}
	})
	t.Run("broken quote fails with file and line", func(t *testing.T) {
		dir := MustCopySeeds(t)
		file := filepath.Join(dir, "claims", "article-28-point-plan.yaml")
		line := MustBreakFirstQuote(t, file)
		r := MustRun(t, nil, "validate", dir)
		if r.code != 1 {
			t.Fatalf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
		}
		want := fmt.Sprintf("%s:%d:", file, line)
		if !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "not-verbatim") {
			t.Errorf("stderr = %q, want a not-verbatim problem at %s", r.stderr, want)
		}
		if !strings.Contains(r.stderr, "nothing was written") {
			t.Errorf("stderr = %q, want it to say nothing was written", r.stderr)
		}
	})
	t.Run("a thousand problems print the first hundred and a count", func(t *testing.T) {
		dir := t.TempDir()
		var b strings.Builder
		b.WriteString("actors:\n")
		for i := range 1000 {
			fmt.Fprintf(&b, "  - id: Bad ID %d\n    name: N\n    kind: PERSON\n", i)
		}
		if err := os.WriteFile(filepath.Join(dir, "actors.yaml"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		r := MustRun(t, nil, "validate", dir)
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if r.code != 1 || len(lines) != 102 || !strings.Contains(r.stderr, "… and 900 more problem(s)") || !strings.Contains(lines[101], "1000 problem(s)") {
			t.Errorf("exit %d, %d lines, last %q; want 100 problems, a count of the rest and the total", r.code, len(lines), lines[len(lines)-1])
		}
	})
	t.Run("a set whose files are empty is valid, with a warning", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "actors.yaml"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		r := MustRun(t, nil, "validate", dir)
		if r.code != 0 || !strings.Contains(r.stdout, "ok: 0 actors") || !strings.Contains(r.stderr, "holds nothing") {
			t.Errorf("exit %d, stdout %q, stderr %q; want ok and a warning", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("missing directory fails", func(t *testing.T) {
		r := MustRun(t, nil, "validate", filepath.Join(t.TempDir(), "nope"))
		if r.code != 1 {
			t.Errorf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
		}
	})
}

func TestUsage(t *testing.T) {
	for name, tc := range map[string]struct {
		env  []string
		args []string
		code int
	}{
		"no command is a usage error":      {nil, nil, 2},
		"unknown command is a usage error": {nil, []string{"frobnicate"}, 2},
		"bad log format is a usage error":  {[]string{"LOG_FORMAT=xml"}, []string{"validate", seeds}, 2},
		"too many arguments is an error":   {nil, []string{"validate", seeds, seeds}, 2},
		"help succeeds":                    {nil, []string{"help"}, 0},
		"version succeeds":                 {nil, []string{"version"}, 0},
	} {
		t.Run(name, func(t *testing.T) {
			if r := MustRun(t, tc.env, tc.args...); r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
		})
	}
}

func TestLoadEmbedded(t *testing.T) {
	r := MustRun(t, nil, "load", seeds)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "embedded store") {
		t.Errorf("stdout = %q, want it to name the embedded store", r.stdout)
	}
}

// TestLoadSettings checks that a load's Neo4j settings that cannot work
// are refused before anything is read or written, naming the setting and
// the value, whether they come from the environment or a flag.
func TestLoadSettings(t *testing.T) {
	for _, c := range []struct {
		env  []string
		args []string
		want string
	}{
		{[]string{"PEACEGRAPH_NEO4J_LOAD_SESSIONS=0"}, nil, `PEACEGRAPH_NEO4J_LOAD_SESSIONS, --load-sessions) "0"`},
		{nil, []string{"--load-sessions", "two"}, `PEACEGRAPH_NEO4J_LOAD_SESSIONS, --load-sessions) "two"`},
		{[]string{"PEACEGRAPH_NEO4J_LOAD_BATCH=-5"}, nil, `PEACEGRAPH_NEO4J_LOAD_BATCH, --load-batch) "-5"`},
	} {
		r := MustRun(t, c.env, append(append([]string{"load"}, c.args...), seeds)...)
		if r.code == 0 || !strings.Contains(r.stderr, c.want) || strings.Contains(r.stdout, "loaded") {
			t.Errorf("load with %v %v: exit %d, stdout %q, stderr %q; want a refusal naming %s", c.env, c.args, r.code, r.stdout, r.stderr, c.want)
		}
	}
}

func TestServe(t *testing.T) {
	addr := MustFreeAddr(t)
	cmd := exec.Command(bin, "serve", "--addr", addr)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "PEACEGRAPH_SEEDS=" + seeds, "LOG_FORMAT=json"}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	base := "http://" + addr
	MustWaitReady(t, base+"/readyz")

	t.Run("health checks answer", func(t *testing.T) {
		for _, path := range []string{"/healthz", "/readyz"} {
			res, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Errorf("GET %s = %d, want 200", path, res.StatusCode)
			}
		}
	})
	t.Run("playground is served at the root", func(t *testing.T) {
		res, err := http.Get(base + "/")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "/assets/playground.js") || !strings.Contains(string(body), "/assets/vendor/graphiql.min.js") {
			t.Errorf("GET / = %d, body does not load the playground from the server", res.StatusCode)
		}
	})
	t.Run("the schema is served as SDL", func(t *testing.T) {
		res, err := http.Get(base + "/schema.graphql")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "type Query {") || !strings.Contains(string(body), "whoBacks(") {
			t.Errorf("GET /schema.graphql = %d, %d bytes; want the schema", res.StatusCode, len(body))
		}
	})
	t.Run("graphql answers from the seeded graph", func(t *testing.T) {
		body := `{"operationName":"SixthPoint","query":"query SixthPoint { point(number: 6) { number summary plan { id } } }"}`
		req, _ := http.NewRequest("POST", base+"/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Request-ID", "test-req-6")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var got struct {
			Data struct {
				Point struct {
					Number  int
					Summary string
					Plan    struct{ ID string }
				}
			}
		}
		if err := json.NewDecoder(res.Body).Decode(&got); err != nil {
			t.Fatal(err)
		}
		if got.Data.Point.Number != 6 || !strings.Contains(got.Data.Point.Summary, "600,000") {
			t.Errorf("point 6 = %+v, want the army cap of 600,000", got.Data.Point)
		}
		if got.Data.Point.Plan.ID != "us-28-point-plan" {
			t.Errorf("plan = %q, want us-28-point-plan", got.Data.Point.Plan.ID)
		}
		if id := res.Header.Get("X-Request-ID"); id != "test-req-6" {
			t.Errorf("X-Request-ID = %q, want the client's", id)
		}
	})
	t.Run("the start names the playground's URL, and each request is logged once with its operation", func(t *testing.T) {
		deadline := time.After(5 * time.Second)
		sawURL := false
		for {
			select {
			case line := <-lines:
				var entry map[string]any
				if json.Unmarshal([]byte(line), &entry) != nil {
					continue
				}
				if entry["playground"] == base+"/" && entry["graphql"] == base+"/graphql" {
					sawURL = true
				}
				if entry["request_id"] != "test-req-6" {
					continue
				}
				if !sawURL {
					t.Errorf("no start line named the playground at %s/ and the API at %s/graphql", base, base)
				}
				if entry["operation"] != "SixthPoint" || entry["status"] != float64(200) || entry["latency"] == nil {
					t.Errorf("log line = %s, want operation SixthPoint, status 200 and a latency", line)
				}
				return
			case <-deadline:
				t.Fatal("no log line for the request")
			}
		}
	})
	t.Run("SIGTERM shuts down cleanly", func(t *testing.T) {
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("exit after SIGTERM: %v, want status 0", err)
			}
		case <-time.After(15 * time.Second):
			t.Fatal("server did not stop within 15s of SIGTERM")
		}
	})
}

// MustFreeAddr returns a loopback address with a port nobody listens on.
func MustFreeAddr(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// MustWaitReady polls url until it answers 200.
func MustWaitReady(tb testing.TB, url string) {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	tb.Fatalf("%s did not become ready", url)
}

// MustCopySeeds copies the real seeds into a temporary directory.
func MustCopySeeds(tb testing.TB) string {
	tb.Helper()
	dst := filepath.Join(tb.TempDir(), "seeds")
	if err := os.CopyFS(dst, os.DirFS(seeds)); err != nil {
		tb.Fatal(err)
	}
	return dst
}

var quoteLine = regexp.MustCompile(`^(\s*(?:-\s*)?quote:\s*)(.+)$`)

// MustBreakFirstQuote changes the first quote in file so it is no longer
// verbatim, and returns its 1-based line number.
func MustBreakFirstQuote(tb testing.TB, file string) int {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		if m := quoteLine.FindStringSubmatch(l); m != nil {
			lines[i] = m[1] + `"words the article never printed"`
			if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				tb.Fatal(err)
			}
			return i + 1
		}
	}
	tb.Fatalf("no quote in %s", file)
	return 0
}
