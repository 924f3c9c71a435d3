package neo4j_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
	"github.com/peacegraph/peacegraph/storetest"
)

func TestLoad(t *testing.T) {
	t.Run("twice leaves the same graph", func(t *testing.T) {
		driver := MustDriver(t)
		s := MustOpenEmpty(t)
		MustLoad(t, s, MustSeeds(t))
		nodes, rels := MustCounts(t, driver)
		before := MustDump(t, driver)
		MustLoad(t, s, MustSeeds(t))
		gotNodes, gotRels := MustCounts(t, driver)
		if gotNodes != nodes || gotRels != rels {
			t.Errorf("counts after a second load = %d nodes, %d relationships; want %d, %d", gotNodes, gotRels, nodes, rels)
		}
		if after := MustDump(t, driver); !slices.Equal(after, before) {
			t.Errorf("the second load changed the graph:\n%s", firstDiff(after, before))
		}
	})

	t.Run("writes a node and a relationship of every kind", func(t *testing.T) {
		driver := MustDriver(t)
		s := MustOpenEmpty(t)
		d := MustSeeds(t)
		MustLoad(t, s, d)
		var labels, types []string
		for _, r := range MustRun(t, driver, "MATCH (n:Node) UNWIND labels(n) AS l RETURN DISTINCT l ORDER BY l", nil) {
			labels = append(labels, r.Values[0].(string))
		}
		for _, want := range []string{"Actor", "Claim", "Event", "Government", "Node", "Organization", "Person", "Plan", "Point", "Source"} {
			if !slices.Contains(labels, want) {
				t.Errorf("no node labelled %s; labels are %v", want, labels)
			}
		}
		for _, r := range MustRun(t, driver, "MATCH ()-[r]->() RETURN DISTINCT type(r) ORDER BY type(r)", nil) {
			types = append(types, r.Values[0].(string))
		}
		want := map[string]bool{}
		for _, e := range d.Edges() {
			want[e.Type] = true
		}
		for typ := range want {
			if !slices.Contains(types, typ) {
				t.Errorf("no %s relationship; types are %v", typ, types)
			}
		}
	})

	t.Run("replacing a dataset removes what it no longer holds", func(t *testing.T) {
		driver := MustDriver(t)
		s := MustOpenEmpty(t)
		MustLoad(t, s, storetest.Fixture())
		want := MustDump(t, driver)
		MustLoad(t, s, MustSeeds(t))
		MustLoad(t, s, storetest.Fixture())
		if got := MustDump(t, driver); !slices.Equal(got, want) {
			t.Errorf("after the seeds and then the fixture, the graph differs from the fixture alone:\n%s", firstDiff(got, want))
		}
	})

	t.Run("invalid dataset leaves the graph as it was", func(t *testing.T) {
		driver := MustDriver(t)
		s := MustOpenEmpty(t)
		MustLoad(t, s, MustSeeds(t))
		before := MustDump(t, driver)
		d := MustSeeds(t)
		d.Claims[0].AboutIDs = append(d.Claims[0].AboutIDs, "no-such-node")
		err := s.Load(t.Context(), d)
		if got, want := peacegraph.ErrorCode(err), peacegraph.EINVALID; got != want {
			t.Fatalf("Load: code %q (%v), want %q", got, err, want)
		}
		var problems peacegraph.Problems
		if !errors.As(err, &problems) || len(problems) == 0 {
			t.Errorf("Load error %v does not carry the problems", err)
		}
		if after := MustDump(t, driver); !slices.Equal(after, before) {
			t.Errorf("a rejected dataset changed the graph:\n%s", firstDiff(after, before))
		}
	})

	t.Run("failure inside the transaction rolls all of it back", func(t *testing.T) {
		driver := MustDriver(t)
		s := MustOpenEmpty(t)
		MustLoad(t, s, MustSeeds(t))
		// A node written by someone else, outside the graph's :Node label,
		// holds a claim ID the next dataset uses. Only the database sees
		// the clash, late in the transaction, after the stale nodes and
		// all relationships were already deleted and the actors written.
		d := MustSeeds(t)
		extra := *d.Claims[0]
		extra.ID = "claim-written-elsewhere"
		d.Claims = append(d.Claims, &extra)
		d.Actors[0].Name += " (renamed)"
		MustRun(t, driver, "CREATE (:Claim {id: $id, origin: 'elsewhere'})", map[string]any{"id": extra.ID})
		before := MustDump(t, driver)
		err := s.Load(t.Context(), d)
		if got, want := peacegraph.ErrorCode(err), peacegraph.ECONFLICT; got != want {
			t.Fatalf("Load: code %q (%v), want %q", got, err, want)
		}
		if after := MustDump(t, driver); !slices.Equal(after, before) {
			t.Errorf("a failed load changed the graph:\n%s", firstDiff(after, before))
		}
	})

	t.Run("cancelled load leaves the graph as it was", func(t *testing.T) {
		driver := MustDriver(t)
		s := MustOpenEmpty(t)
		MustLoad(t, s, MustSeeds(t))
		before := MustDump(t, driver)
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		err := s.Load(ctx, storetest.Fixture(), peacegraph.Prune())
		if got, want := peacegraph.ErrorCode(err), peacegraph.EUNAVAILABLE; got != want {
			t.Fatalf("Load: code %q (%v), want %q", got, err, want)
		}
		if after := MustDump(t, driver); !slices.Equal(after, before) {
			t.Errorf("a cancelled load changed the graph:\n%s", firstDiff(after, before))
		}
	})
}

func TestLoadCancelledMidWrite(t *testing.T) {
	driver := MustDriver(t)
	MustLoad(t, MustOpenEmpty(t), MustSeeds(t))
	before := MustDump(t, driver)

	// The store logs each write statement at debug level once it has run;
	// the log's writer cancels the load after the third, when stale nodes
	// and every relationship are already deleted inside the transaction.
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	w := &cancelAfter{n: 3, cancel: cancel}
	s, err := pgneo4j.Open(t.Context(), testConfig(), zerolog.New(w).Level(zerolog.DebugLevel))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	err = s.Load(ctx, storetest.Fixture(), peacegraph.Prune())
	if got, want := peacegraph.ErrorCode(err), peacegraph.EUNAVAILABLE; got != want {
		t.Fatalf("Load: code %q (%v), want %q", got, err, want)
	}
	if w.seen < w.n {
		t.Fatalf("the load stopped after %d statements, before the cancel at %d", w.seen, w.n)
	}
	if after := MustDump(t, driver); !slices.Equal(after, before) {
		t.Errorf("a load cancelled mid-write changed the graph:\n%s", firstDiff(after, before))
	}
}

// cancelAfter is a log writer that cancels a context once it has seen n
// write statements logged.
type cancelAfter struct {
	mu     sync.Mutex
	n      int
	seen   int
	cancel context.CancelFunc
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.Contains(string(p), `"message":"write statement"`) {
		c.seen++
		if c.seen == c.n {
			c.cancel()
		}
	}
	return len(p), nil
}

// firstDiff shows the first line where two dumps differ.
func firstDiff(got, want []string) string {
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return "got:  " + g + "\nwant: " + w
		}
	}
	return "(no difference)"
}
