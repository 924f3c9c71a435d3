package neo4j_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
)

// TestLoadReadsOnlyChangedBuckets checks that a load reads back only the
// hashes of the buckets a change touches, and still leaves exactly the
// graph a load of the same set leaves from nothing; and that a graph
// without bucket digests (written by a store before them) is read whole
// and its nodes given their buckets, after which loads read only what
// changed again.
func TestLoadReadsOnlyChangedBuckets(t *testing.T) {
	driver := MustDriver(t)
	next := MustSeeds(t)
	next.Claims[3].Text += " (reworded)"
	next.Events = next.Events[1:]
	MustLoad(t, MustOpenEmpty(t), next)
	want := MustDump(t, driver)

	MustOpenEmpty(t)
	var logs bytes.Buffer
	s, err := pgneo4j.Open(t.Context(), testConfig(), zerolog.New(&logs).Level(zerolog.DebugLevel))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	seeds := MustSeeds(t)
	load := func(d *peacegraph.Dataset) (read int, whole bool, report peacegraph.LoadReport) {
		t.Helper()
		logs.Reset()
		if err := s.Load(t.Context(), d, peacegraph.ReportTo(&report), peacegraph.Prune()); err != nil {
			t.Fatalf("Load: %v", err)
		}
		for line := range bytes.Lines(logs.Bytes()) {
			var e struct {
				Message string
				Read    int
				Whole   bool
			}
			if json.Unmarshal(line, &e) == nil && e.Message == "read the graph's hashes" {
				return e.Read, e.Whole, report
			}
		}
		t.Fatalf("the load logged no read of the graph's hashes:\n%s", logs.String())
		return 0, false, report
	}
	units := len(seeds.Actors) + len(seeds.Claims) + len(seeds.Sources) + len(seeds.Stances)

	if _, whole, _ := load(seeds); !whole {
		t.Error("the first load into an empty graph did not read it whole")
	}
	if read, whole, report := load(seeds); read != 0 || whole || !report.Empty() {
		t.Errorf("an unchanged reload read %d units (whole: %v) and reported %s; want none read and no change", read, whole, report.String())
	}
	read, whole, report := load(next)
	if whole || read == 0 || read > units/10 {
		t.Errorf("a load changing a claim and an event read %d units (whole: %v); want a few of the %d or more", read, whole, units)
	}
	if got := MustDump(t, driver); !slices.Equal(got, want) {
		t.Errorf("a load reading only changed buckets differs from a load from nothing:\n%s", firstDiff(got, want))
	}
	if c := report.Kinds[peacegraph.KindClaim]; c == nil || c.Changed != 1 {
		t.Errorf("claims %+v, want 1 changed (report: %s)", c, report.String())
	}
	if report.Held < units {
		t.Errorf("the report says the graph held %d entities, want at least %d", report.Held, units)
	}

	// A graph whose loads kept no digests: read whole, its nodes given
	// their buckets, nothing else changed, and the same graph after.
	MustRun(t, driver, "MATCH (m:PeacegraphLoad) REMOVE m.buckets, m.held", nil)
	MustRun(t, driver, "MATCH (n:Node) REMOVE n.bucket", nil)
	if _, whole, report := load(next); !whole || !report.Empty() {
		t.Errorf("a graph without digests: read whole %v, reported %s; want read whole and no change", whole, report.String())
	}
	if got := MustDump(t, driver); !slices.Equal(got, want) {
		t.Errorf("a graph without digests, loaded again, differs from a load from nothing:\n%s", firstDiff(got, want))
	}
	if read, whole, report := load(next); read != 0 || whole || !report.Empty() {
		t.Errorf("a reload after the rewrite read %d units (whole: %v) and reported %s", read, whole, report.String())
	}
}

// TestLoadAfterALoadWithoutDigests checks that digests left behind by a
// load that kept none (a store of an earlier version, which moves the
// generation on) are not trusted: the graph is read whole, what the other
// load wrote is given its bucket, and the graph is right after.
func TestLoadAfterALoadWithoutDigests(t *testing.T) {
	driver := MustDriver(t)
	s := MustOpenEmpty(t)
	MustLoad(t, s, MustSeeds(t))
	next := MustSeeds(t)
	next.Claims[0].Text += " (reworded)"
	MustLoad(t, MustOpenEmpty(t), next)
	want := MustDump(t, driver)

	MustOpenEmpty(t)
	MustLoad(t, s, MustSeeds(t))
	// What such a load does: it writes the change, with no bucket on
	// what it writes, and moves the generation on.
	MustRun(t, driver, `MATCH (c:Claim {id: $id}) SET c.text = c.text + ' (reworded)' REMOVE c.bucket
WITH 1 AS one MATCH (m:PeacegraphLoad {id: 'load'}) SET m.generation = m.generation + 1`, map[string]any{"id": next.Claims[0].ID})
	MustLoad(t, s, next)
	if got := MustDump(t, driver); !slices.Equal(got, want) {
		t.Errorf("a load after a load that kept no digests differs from a load from nothing:\n%s", firstDiff(got, want))
	}
}
