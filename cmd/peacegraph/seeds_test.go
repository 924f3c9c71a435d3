package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadOfUnchangedFilesReadsNothing loads a seed set into the test
// Neo4j and loads it again: the second load finds that the graph holds a
// load of these very files and reads none. A change to any file, a
// --full or --dry-run load, or a graph loaded since from other files
// makes the load read and compare the set.
func TestLoadOfUnchangedFilesReadsNothing(t *testing.T) {
	env := mustNeo4jEnv(t)
	set := MustCopySeeds(t)
	load := func(t *testing.T, wantRead bool, wantChanges string, args ...string) {
		t.Helper()
		r := MustRun(t, env, append([]string{"load"}, args...)...)
		if r.code != 0 {
			t.Fatalf("load %v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
		read := !strings.Contains(r.stdout, ": unchanged: ")
		if read != wantRead {
			t.Errorf("load %v read the set: %v, want %v\n%s", args, read, wantRead, r.stdout)
		}
		if !strings.Contains(r.stdout, wantChanges) {
			t.Errorf("load %v printed\n%s\nwant %q", args, r.stdout, wantChanges)
		}
	}
	load(t, true, "changes: ", "--prune", "--full", set)
	load(t, false, "changes: no changes (0 write statements)", set)
	load(t, false, "changes: no changes (0 write statements)", MustCopySeeds(t))
	load(t, true, "changes: no changes (0 write statements)", "--full", set)
	load(t, true, "would change: no changes", "--dry-run", set)

	// A file changed in a way that changes no entity: the set is read,
	// nothing in the graph changes, and the new digest is kept.
	actors := filepath.Join(set, "actors.yaml")
	data, err := os.ReadFile(actors)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(actors, append(data, "# a comment\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	load(t, true, "changes: no changes (2 write statements)", set)
	load(t, false, "changes: no changes (0 write statements)", set)

	// Another set loaded in between: the graph no longer holds this one.
	other := MustCopySeeds(t)
	claims, _ := filepath.Glob(filepath.Join(other, "claims", "*.yaml"))
	if len(claims) < 2 {
		t.Fatalf("claims files: %v", claims)
	}
	if err := os.Remove(claims[len(claims)-1]); err != nil {
		t.Fatal(err)
	}
	load(t, true, "changes: Claim +0", other)
	load(t, true, "changes: Claim +", set)
	load(t, false, "changes: no changes (0 write statements)", set)
}
