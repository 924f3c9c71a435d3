package main_test

import (
	"fmt"
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
	appendComment(t, filepath.Join(set, "actors.yaml"))
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

// addedArticle is a day's report for the seeds, a seed file of its own:
// its name (with n) and the text it names, with a briefing the report and
// a held claim speak of; the first also gives Ukraine a new position on
// the plan, beside the one it held, which is current no longer.
func addedArticle(t *testing.T, set string, n int) {
	t.Helper()
	id := fmt.Sprintf("added-report-%d", n)
	stance := ""
	if n == 1 {
		stance = fmt.Sprintf("stances:\n  - actor: ukraine\n    target: us-28-point-plan\n    position: UNDECIDED\n    evidence: [%s-claim]\n", id)
	}
	entries := fmt.Sprintf(`sources:
  - id: %[1]s
    title: A later report
    publisher: Example Gazette
    published: 2025-11-30
    text_file: sources/%[1]s.txt
claims:
  - id: %[1]s-claim
    text: Ukraine said it was studying the plan.
    claimant: ukraine
    about: [us-28-point-plan, ukraine]
    certainty: STATED
    date: 2025-11-30
    citations:
      - source: %[1]s
        quote: we are studying the plan
%[2]sevents:
  - id: %[1]s-briefing
    title: A briefing in Kyiv
    date: 2025-11-30
    participants: [ukraine, rustem-umerov]
    evidence: [%[1]s-claim, zelenskyy-one-of-hardest-moments]
`, id, stance)
	for name, content := range map[string]string{
		"claims/" + id + ".yaml": entries,
		"sources/" + id + ".txt": "Kyiv said: we are studying the plan carefully.\n",
	} {
		if err := os.WriteFile(filepath.Join(set, filepath.FromSlash(name)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLoadOfAddedFilesReadsThemAlone loads the seeds into Neo4j, then the
// seeds with a file of a day's report added: that file alone is read and
// added, and a whole comparison of the set after it finds nothing to
// write. A held file edited beside an added one makes the load read the
// whole set.
func TestLoadOfAddedFilesReadsThemAlone(t *testing.T) {
	env := mustNeo4jEnv(t)
	set := MustCopySeeds(t)
	load := func(t *testing.T, args ...string) string {
		t.Helper()
		r := MustRun(t, env, append([]string{"load"}, args...)...)
		if r.code != 0 {
			t.Fatalf("load %v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
		return r.stdout
	}
	load(t, "--prune", "--full", set)
	addedArticle(t, set, 1)
	out := load(t, set)
	if !strings.Contains(out, ": added to the Neo4j store at ") || !strings.Contains(out, ": 0 actors, 0 plans, 0 points, 1 claim, 1 source, 1 stance, 1 event, from the files added") ||
		!strings.Contains(out, "changes: Claim +1 ~0 -0") || !strings.Contains(out, "Event +1 ~0 -0") || !strings.Contains(out, "Source +1 ~0 -0") ||
		!strings.Contains(out, "Stance +1 ~0 -0") {
		t.Errorf("loading the seeds with a report added printed\n%s\nwant the report's file alone added: a claim, a stance, an event and a source", out)
	}
	if out := load(t, "--full", set); !strings.Contains(out, "changes: no changes (0 write statements)") {
		t.Errorf("the set compared whole after the addition printed\n%s\nwant no changes and no writes", out)
	}
	if out := load(t, set); !strings.Contains(out, ": unchanged: ") {
		t.Errorf("the set after the addition, loaded again, printed\n%s\nwant it found unchanged", out)
	}

	appendComment(t, filepath.Join(set, "actors.yaml"))
	addedArticle(t, set, 2)
	out = load(t, set)
	if strings.Contains(out, "added to the") || !strings.Contains(out, "loaded into the Neo4j store at ") || !strings.Contains(out, "changes: Claim +1 ~0 -0") {
		t.Errorf("loading the seeds with a file edited and a report added printed\n%s\nwant the whole set read and the claim added", out)
	}
}

// appendComment changes a seed file in a way that changes no entity.
func appendComment(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, "# a comment\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
}
