package main_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// mustNeo4jEnv holds the test Neo4j for the test and returns the
// environment that points the binary at it.
func mustNeo4jEnv(t *testing.T) []string {
	t.Helper()
	cfg := neo4jtest.Config()
	neo4jtest.Reachable(t)
	neo4jtest.Lock(t)
	return []string{"NEO4J_URI=" + cfg.URI, "NEO4J_USERNAME=" + cfg.Username, "NEO4J_PASSWORD=" + cfg.Password, "NEO4J_DATABASE=" + cfg.Database, "LOG_LEVEL=warn"}
}

// TestLoadShowsAndGuardsItsChange loads the real seeds into the test
// Neo4j and then tries what an unlucky operator does: a seed set whose
// files were all emptied, which validates (it holds nothing wrong) and
// would wipe the graph. The load refuses it and writes nothing; --dry-run
// prints the change and writes nothing; --prune lets it through.
func TestLoadShowsAndGuardsItsChange(t *testing.T) {
	env := mustNeo4jEnv(t)
	load := func(t *testing.T, args ...string) result {
		t.Helper()
		return MustRun(t, env, append([]string{"load"}, args...)...)
	}
	if r := load(t, "--prune", seeds); r.code != 0 {
		t.Fatalf("load the seeds: exit %d\n%s", r.code, r.stderr)
	}

	emptied := MustCopySeeds(t)
	if err := filepath.WalkDir(emptied, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".yaml") {
			err = os.WriteFile(path, nil, 0o644)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	unchanged := func(t *testing.T) {
		t.Helper()
		if r := load(t, "--dry-run", seeds); r.code != 0 || !strings.Contains(r.stdout, "would change: no changes") {
			t.Errorf("the graph is no longer the seeds': exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	}

	t.Run("an emptied seed set is refused and writes nothing", func(t *testing.T) {
		r := load(t, emptied)
		if r.code == 0 || !strings.Contains(r.stderr, "would remove") || !strings.Contains(r.stderr, "--prune") {
			t.Errorf("exit %d, stderr %s; want a refusal that says what would go and how to prune", r.code, r.stderr)
		}
		unchanged(t)
	})
	t.Run("a dry run prints the change and writes nothing", func(t *testing.T) {
		lessOne := MustCopySeeds(t)
		claims, _ := filepath.Glob(filepath.Join(lessOne, "claims", "*.yaml"))
		if len(claims) < 2 {
			t.Fatalf("claims files: %v", claims)
		}
		if err := os.Remove(claims[len(claims)-1]); err != nil {
			t.Fatal(err)
		}
		r := load(t, "--dry-run", lessOne)
		if r.code != 0 || !strings.Contains(r.stdout, "nothing written") || !strings.Contains(r.stdout, "would change: ") || !strings.Contains(r.stdout, "Claim +0 ~0 -") {
			t.Errorf("exit %d, stdout %s, stderr %s; want the claims it would remove", r.code, r.stdout, r.stderr)
		}
		unchanged(t)
	})
	t.Run("--prune lets the emptied set through", func(t *testing.T) {
		if r := load(t, "--prune", emptied); r.code != 0 || !strings.Contains(r.stdout, "Claim +0 ~0 -241") {
			t.Errorf("exit %d, stdout %s, stderr %s", r.code, r.stdout, r.stderr)
		}
		if r := load(t, seeds); r.code != 0 {
			t.Errorf("load the seeds into the emptied graph: exit %d\n%s", r.code, r.stderr)
		}
	})
}
