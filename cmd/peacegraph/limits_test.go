package main_test

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestLimitsFromEnvironment(t *testing.T) {
	t.Run("a limit set in the environment holds in the served API", func(t *testing.T) {
		addr := MustFreeAddr(t)
		cmd := exec.Command(bin, "serve", "--addr", addr, "--seeds", seeds, "--log-level", "warn")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "PEACEGRAPH_MAX_OBJECTS=5", "PEACEGRAPH_MAX_DEPTH=4"}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		base := "http://" + addr
		MustWaitReady(t, base+"/readyz")
		for query, code := range map[string]string{
			`{ claims(first: 10) { edges { node { id } } } }`:     "RESPONSE_TOO_LARGE",
			`{ plan { revises { revises { revises { id } } } } }`: "COMPLEXITY_LIMIT_EXCEEDED",
		} {
			body, _ := json.Marshal(map[string]string{"query": query})
			res, err := http.Post(base+"/graphql", "application/json", strings.NewReader(string(body)))
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Errors []struct {
					Extensions struct{ Code string }
				}
			}
			err = json.NewDecoder(res.Body).Decode(&got)
			res.Body.Close()
			if err != nil || len(got.Errors) != 1 || got.Errors[0].Extensions.Code != code {
				t.Errorf("%s: got %+v (%v), want %s", query, got, err, code)
			}
		}
	})
	t.Run("an unusable limit is refused at start, by name", func(t *testing.T) {
		r := MustRun(t, []string{"PEACEGRAPH_REQUEST_TIMEOUT=soon", "PEACEGRAPH_MAX_IN_FLIGHT=0"}, "serve", "--addr", "127.0.0.1:0")
		if r.code == 0 || !strings.Contains(r.stderr, `PEACEGRAPH_REQUEST_TIMEOUT="soon"`) || !strings.Contains(r.stderr, `PEACEGRAPH_MAX_IN_FLIGHT="0"`) {
			t.Errorf("exit %d, stderr %s; want a failure naming both variables", r.code, r.stderr)
		}
	})
}
