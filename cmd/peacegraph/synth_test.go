package main_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSynth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "set")

	t.Run("writes a set and prints its counts", func(t *testing.T) {
		r := MustRun(t, nil, "synth", "--scale", "2", "--seed", "4", "--out", dir)
		if r.code != 0 {
			t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
		}
		for _, want := range []string{"scale 2, seed 4", "108 actors", "10 plans", "72 points", "482 claims", "308 sources", "70 stances", "30 events", "16 disputes", "MB"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("stdout = %q, want it to say %q", r.stdout, want)
			}
		}
	})

	t.Run("the set validates", func(t *testing.T) {
		r := MustRun(t, nil, "validate", dir)
		if r.code != 0 || !strings.Contains(r.stdout, "ok: 108 actors") {
			t.Fatalf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
		}
	})

	t.Run("refuses a directory that is not empty", func(t *testing.T) {
		r := MustRun(t, nil, "synth", "--out", dir)
		if r.code != 1 || !strings.Contains(r.stderr, dir+" is not empty") || !strings.Contains(r.stderr, "--force") {
			t.Errorf("exit %d, stderr %q; want 1 and a message naming the directory and --force", r.code, r.stderr)
		}
	})

	t.Run("--force replaces a set it wrote, articles and all", func(t *testing.T) {
		r := MustRun(t, nil, "synth", "--force", "--articles", "3", "--out", dir)
		if r.code != 0 {
			t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
		}
		r = MustRun(t, nil, "validate", dir)
		// Scale 1 plus three articles of one source and ten claims each.
		if r.code != 0 || !strings.Contains(r.stdout, "ok: 54 actors, 5 plans, 36 points, 271 claims, 157 sources") {
			t.Errorf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
		}
	})

	t.Run("--force refuses a directory it did not write, and leaves it", func(t *testing.T) {
		mine := t.TempDir()
		file := filepath.Join(mine, "notes.txt")
		if err := os.WriteFile(file, []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := MustRun(t, nil, "synth", "--force", "--out", mine)
		if r.code != 1 || !strings.Contains(r.stderr, "not written by synth") {
			t.Errorf("exit %d, stderr %q; want 1 and a refusal", r.code, r.stderr)
		}
		if _, err := os.Stat(file); err != nil {
			t.Errorf("the directory's own file is gone: %v", err)
		}
	})

	for name, args := range map[string][]string{
		"without --out":           {"synth"},
		"with scale 0":            {"synth", "--scale", "0", "--out", t.TempDir()},
		"above the maximum scale": {"synth", "--scale", "11", "--max-scale", "10", "--out", t.TempDir()},
		"with negative articles":  {"synth", "--articles", "-1", "--out", t.TempDir()},
		"with an argument":        {"synth", "--out", t.TempDir(), "extra"},
	} {
		t.Run("is a usage error "+name, func(t *testing.T) {
			if r := MustRun(t, nil, args...); r.code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", r.code, r.stderr)
			}
		})
	}
}

// TestServeSynth serves a generated set on the embedded store and asks it
// for the sixth point of the default plan: the first replica's main plan.
func TestServeSynth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "set")
	if r := MustRun(t, nil, "synth", "--scale", "3", "--out", dir); r.code != 0 {
		t.Fatalf("synth: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	base := MustServeSet(t, dir)

	body := `{"query":"{ point(number: 6) { number summary plan { id } } }"}`
	res, err := http.Post(base+"/graphql", "application/json", strings.NewReader(body))
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
		Errors []any
	}
	if err := json.NewDecoder(res.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	p := got.Data.Point
	if len(got.Errors) > 0 || p.Number != 6 || !strings.Contains(p.Summary, "armed forces are limited to") || !strings.HasSuffix(p.Plan.ID, "-28-point-plan-r1") {
		t.Errorf("point 6 = %+v, errors %v; want the force cap of the first replica's main plan", p, got.Errors)
	}
}
