package main_test

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// TestNeo4jOutage serves the API on Neo4j through a proxy, takes the
// proxy down and brings it back: during the outage a request is answered
// SERVICE_UNAVAILABLE and /readyz 503, each within a second, and once Neo4j
// is back the API answers again within two seconds, without a restart.
func TestNeo4jOutage(t *testing.T) {
	cfg := neo4jtest.Config()
	neo4jtest.Reachable(t)

	proxy := neo4jtest.StartProxy(t)
	addr := MustFreeAddr(t)
	cmd := exec.Command(bin, "serve", "--addr", addr, "--log-level", "error")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "NEO4J_URI=" + proxy.URI(),
		"NEO4J_USERNAME=" + cfg.Username, "NEO4J_PASSWORD=" + cfg.Password, "NEO4J_DATABASE=" + cfg.Database}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	MustWaitReady(t, base+"/readyz")

	// ask posts a query and returns its first error code ("" for an
	// answer) and how long it took.
	ask := func(t *testing.T) (string, time.Duration) {
		t.Helper()
		start := time.Now()
		res, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ plans { id } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var got struct {
			Errors []struct{ Extensions struct{ Code string } }
		}
		if err := json.NewDecoder(res.Body).Decode(&got); err != nil {
			t.Fatal(err)
		}
		if len(got.Errors) > 0 {
			return got.Errors[0].Extensions.Code, time.Since(start)
		}
		return "", time.Since(start)
	}
	ready := func(t *testing.T) (int, time.Duration) {
		t.Helper()
		start := time.Now()
		res, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode, time.Since(start)
	}

	if code, _ := ask(t); code != "" {
		t.Fatalf("before the outage: %s", code)
	}
	for _, outage := range []struct {
		name  string
		begin func()
	}{
		{"Neo4j stopped (connections refused)", proxy.Down},
		{"Neo4j stuck (connections taken, never answered)", proxy.Hang},
	} {
		t.Run(outage.name, func(t *testing.T) {
			outage.begin()
			for i := range 3 {
				code, took := ask(t)
				t.Logf("request %d: %q in %s", i+1, code, took)
				if code != "SERVICE_UNAVAILABLE" || took > time.Second {
					t.Errorf("request %d during the outage: %q in %s, want SERVICE_UNAVAILABLE within 1s", i+1, code, took)
				}
			}
			status, took := ready(t)
			t.Logf("/readyz: %d in %s", status, took)
			if status != http.StatusServiceUnavailable || took > time.Second {
				t.Errorf("/readyz during the outage: %d in %s, want 503 within 1s", status, took)
			}

			proxy.Up()
			back := time.Now()
			for {
				code, _ := ask(t)
				if code == "" {
					break
				}
				if time.Since(back) > 2*time.Second {
					t.Fatalf("still %s 2s after Neo4j came back", code)
				}
				time.Sleep(50 * time.Millisecond)
			}
			t.Logf("answering again %s after Neo4j came back", time.Since(back))
			if status, _ := ready(t); status != http.StatusOK {
				t.Errorf("/readyz after the outage: %d, want 200", status)
			}
		})
	}
}
