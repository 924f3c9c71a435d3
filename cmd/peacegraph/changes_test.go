package main_test

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestServesTheChangesFeed checks that serve mounts the Atom feed with the
// limits of the environment: a day of the seeds as a feed, and a range
// wider than PEACEGRAPH_MAX_CHANGE_DAYS refused.
func TestServesTheChangesFeed(t *testing.T) {
	addr := MustFreeAddr(t)
	cmd := exec.Command(bin, "serve", "--addr", addr, "--seeds", seeds, "--log-level", "warn")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "PEACEGRAPH_MAX_CHANGE_DAYS=3"}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	MustWaitReady(t, base+"/readyz")
	get := func(path string) (int, string, string) {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header.Get("Content-Type"), string(body)
	}
	status, ctype, body := get("/changes.atom?since=2025-11-21&until=2025-11-21")
	if status != http.StatusOK || !strings.HasPrefix(ctype, "application/atom+xml") ||
		!strings.Contains(body, "<id>urn:peacegraph:change:2025-11-21:claim:putin-plan-could-lay-foundation</id>") ||
		!strings.Contains(body, `href="`+base+`/claims/putin-plan-could-lay-foundation.jsonld"`) {
		t.Errorf("the feed of 2025-11-21: %d %s: %.400s", status, ctype, body)
	}
	status, _, body = get("/changes.atom?since=2025-11-20&until=2025-11-23")
	if status != http.StatusBadRequest || !strings.Contains(body, "ask for at most 3 days at once") {
		t.Errorf("four days with PEACEGRAPH_MAX_CHANGE_DAYS=3: %d %s", status, body)
	}
}
