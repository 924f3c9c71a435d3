package neo4j_test

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestSeedDigestGoesStale checks what only Neo4j can meet: a graph changed
// by a load that keeps no seed digest (an older peacegraph), or holding a
// stopped load's staging, vouches for no seed files, and the next load
// that names them makes the digest current again.
func TestSeedDigestGoesStale(t *testing.T) {
	driver := MustDriver(t)
	s := MustOpenEmpty(t)
	load := func(t *testing.T, digest string) peacegraph.LoadReport {
		t.Helper()
		var r peacegraph.LoadReport
		if err := s.Load(t.Context(), storetest.Fixture(), peacegraph.FromSeeds(digest), peacegraph.ReportTo(&r)); err != nil {
			t.Fatalf("Load: %v", err)
		}
		return r
	}
	want := func(t *testing.T, step, digest string) {
		t.Helper()
		storetest.WantSeedDigest(t, s, step, digest)
	}
	load(t, "files-a")
	want(t, "loaded", "files-a")

	// What a load's last transaction by a store without seed digests
	// does to the lock node: it moves the generation on.
	MustRun(t, driver, `MATCH (m:PeacegraphLoad {id: 'load'}) SET m.generation = m.generation + 1`, nil)
	want(t, "after a load that keeps no seed digest", "")
	if r := load(t, "files-a"); !r.Empty() || r.Writes == 0 {
		t.Errorf("reloading after it: %s with %d writes, want no change and the digest written", r.String(), r.Writes)
	}
	want(t, "reloaded", "files-a")

	MustRun(t, driver, `CREATE (:Staged {id: 'left-behind'})`, nil)
	want(t, "with a stopped load's staging", "")
	load(t, "files-a")
	want(t, "after the load that removed the staging", "files-a")
	if n := MustRun(t, driver, `MATCH (n:Staged) RETURN count(n)`, nil)[0].Values[0].(int64); n != 0 {
		t.Errorf("%d staged nodes left", n)
	}

	if r := load(t, "files-a"); r.Writes != 0 {
		t.Errorf("an unchanged load of the files the graph holds wrote %d statements, want none", r.Writes)
	}
}
