package storetest

import (
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
)

// SeedsDir returns the repository's seeds directory, found from this
// file's own location so that it works from any package's tests.
func SeedsDir(tb testing.TB) string {
	tb.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("storetest: cannot locate the repository")
	}
	return filepath.Join(filepath.Dir(file), "..", "seeds")
}

// testSeeds loads the real seeds and checks facts of the record.
func testSeeds(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	d, err := loaders.Read(SeedsDir(t))
	if err != nil {
		t.Fatalf("reading the seeds: %v", err)
	}
	MustLoad(t, s, d)

	t.Run("PlanHas28PointsInOrder", func(t *testing.T) {
		points, err := s.Points(ctx, []string{"us-28-point-plan"}, peacegraph.PointFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(points[0]) != 28 {
			t.Fatalf("us-28-point-plan has %d points, want 28", len(points[0]))
		}
		for i, p := range points[0] {
			if p.Number != i+1 {
				t.Errorf("point %d has number %d", i+1, p.Number)
			}
		}
	})

	t.Run("Point6CapsTheArmyAt600000", func(t *testing.T) {
		p, err := s.PointByNumber(ctx, "us-28-point-plan", 6)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Summary, "600,000") {
			t.Errorf("point 6 summary = %q, want it to mention 600,000", p.Summary)
		}
	})

	t.Run("DmitrievSaysRussianPositionReallyBeingHeard", func(t *testing.T) {
		pages, err := s.Claims(ctx, []peacegraph.ClaimQuery{{
			Filter: peacegraph.ClaimFilter{Claimant: "kirill-dmitriev", Source: "article-28-point-plan"},
			First:  50,
		}})
		if err != nil {
			t.Fatal(err)
		}
		nodes, err := s.Nodes(ctx, []string{"article-28-point-plan"})
		if err != nil {
			t.Fatal(err)
		}
		src, ok := nodes[0].(*peacegraph.Source)
		if !ok || src.Text == "" {
			t.Fatalf("article-28-point-plan = %#v, want a source with stored text", nodes[0])
		}
		found := false
		for _, c := range pages[0].Claims {
			for _, ct := range c.Citations {
				if ct.SourceID != src.ID || !strings.Contains(ct.Quote, "really being heard") {
					continue
				}
				found = true
				span := peacegraph.Substring(src.Text, ct.Start, ct.End)
				if a, b, ok := peacegraph.LocateQuote(span, ct.Quote); !ok || a != 0 || b != ct.End-ct.Start {
					t.Errorf("%s: text at [%d, %d) is %q, not the quote %q", c.ID, ct.Start, ct.End, span, ct.Quote)
				}
			}
		}
		if !found {
			t.Errorf("no claim by kirill-dmitriev quotes %q from %s", "really being heard", src.ID)
		}
	})

	t.Run("EveryQuoteOfStoredTextAtItsOffsets", func(t *testing.T) {
		sources, err := s.Sources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		text := make(map[string]string)
		for _, src := range sources {
			text[src.ID] = src.Text
		}
		pages, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: len(d.Claims) + 1}})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(pages[0].Claims); got != len(d.Claims) {
			t.Errorf("store holds %d claims, the seeds %d", got, len(d.Claims))
		}
		for _, c := range pages[0].Claims {
			for i, ct := range c.Citations {
				if text[ct.SourceID] == "" {
					continue
				}
				span := peacegraph.Substring(text[ct.SourceID], ct.Start, ct.End)
				if a, b, ok := peacegraph.LocateQuote(span, ct.Quote); !ok || a != 0 || b != ct.End-ct.Start {
					t.Errorf("%s citation %d: text at [%d, %d) is %q, not the quote %q", c.ID, i, ct.Start, ct.End, span, ct.Quote)
				}
			}
		}
	})

	t.Run("Record", func(t *testing.T) { testSeedsRecord(t, s, d) })

	t.Run("WitkoffConnectedToUmerov", func(t *testing.T) {
		path, err := s.Path(ctx, "steve-witkoff", "rustem-umerov", 4)
		if err != nil {
			t.Fatal(err)
		}
		if len(path) == 0 || path[len(path)-1].NodeID != "rustem-umerov" {
			t.Fatalf("path = %v, want one ending at rustem-umerov", path)
		}
		d.Complete() // Edges needs contradictions made symmetric
		edges := make(map[[2]string][]string)
		for _, e := range d.Edges() {
			edges[[2]string{e.Source, e.Target}] = append(edges[[2]string{e.Source, e.Target}], e.Type)
			edges[[2]string{e.Target, e.Source}] = append(edges[[2]string{e.Target, e.Source}], e.Type)
		}
		from := "steve-witkoff"
		for _, step := range path {
			if types := edges[[2]string{from, step.NodeID}]; !slices.Contains(types, step.Relation) {
				t.Errorf("step %s -[%s]- %s is not an edge of the seeds (%q)", from, step.Relation, step.NodeID, types)
			}
			from = step.NodeID
		}
	})
}
