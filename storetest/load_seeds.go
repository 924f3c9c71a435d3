package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

// testLoadSeeds follows the digest of the seed files (FromSeeds) through
// the loads that keep it, replace it and leave it.
func testLoadSeeds(t *testing.T, s peacegraph.Store) {
	want := func(t *testing.T, step, digest string) {
		t.Helper()
		WantSeedDigest(t, s, step, digest)
	}
	load := func(t *testing.T, d *peacegraph.Dataset, opts ...peacegraph.LoadOption) peacegraph.LoadReport {
		t.Helper()
		var r peacegraph.LoadReport
		if err := s.Load(t.Context(), d, append(opts, peacegraph.Prune(), peacegraph.ReportTo(&r))...); err != nil {
			t.Fatalf("Load: %v", err)
		}
		return r
	}
	// Whatever an earlier test left, a load that names no files leaves
	// the store vouching for none.
	load(t, SmallFixture())
	want(t, "a load that names no files", "")

	load(t, Fixture(), peacegraph.FromSeeds("files-a"))
	want(t, "a load of files-a", "files-a")

	if r := load(t, Fixture()); !r.Empty() {
		t.Fatalf("reloading the same dataset changed %s", r.String())
	}
	want(t, "the same dataset again, naming no files", "files-a")

	if r := load(t, Fixture(), peacegraph.FromSeeds("files-b")); !r.Empty() {
		t.Fatalf("reloading the same dataset changed %s", r.String())
	}
	want(t, "the same dataset from files-b", "files-b")

	load(t, SmallFixture(), peacegraph.FromSeeds("files-c"), peacegraph.DryRun())
	want(t, "a dry run", "files-b")

	if err := s.Load(t.Context(), InvalidFixture(), peacegraph.FromSeeds("files-d")); peacegraph.ErrorCode(err) != peacegraph.EINVALID {
		t.Fatalf("loading the invalid fixture: %v, want EINVALID", err)
	}
	want(t, "a failed load", "files-b")

	load(t, SmallFixture())
	want(t, "a load that changes the store and names no files", "")
}

// WantSeedDigest fails the test unless s vouches for the seed files of
// digest ("" for none) after step.
func WantSeedDigest(t *testing.T, s peacegraph.Store, step, digest string) {
	t.Helper()
	got, err := s.SeedDigest(t.Context())
	if err != nil {
		t.Fatalf("%s: SeedDigest: %v", step, err)
	}
	if got != digest {
		t.Errorf("%s: SeedDigest = %q, want %q", step, got, digest)
	}
}
