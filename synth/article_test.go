package synth_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/synth"
)

// MustArticle returns the k-th article for cfg.
func MustArticle(tb testing.TB, cfg synth.Config, k int) *synth.Article {
	tb.Helper()
	a, err := synth.NewArticle(cfg, k)
	if err != nil {
		tb.Fatalf("NewArticle(%v, %d): %v", cfg, k, err)
	}
	return a
}

func TestArticle(t *testing.T) {
	cfg := synth.Config{Scale: 10, Seed: 1}
	dir, d := MustWrite(t, cfg)
	before := countsOf(MustRead(t, dir))
	nodes := d.Nodes()
	a := MustArticle(t, cfg, 1)

	t.Run("is one source with a stored text and ten claims quoting only it", func(t *testing.T) {
		if n := len(a.Source.Text); n < 1000 || n > 3000 {
			t.Errorf("text of %d bytes, want 1 to 3 KB", n)
		}
		if got := len(a.Claims); got != 10 || synth.ClaimsPerArticle != 10 {
			t.Fatalf("%d claims, want 10", got)
		}
		for _, c := range a.Claims {
			if len(c.Citations) != 1 || c.Citations[0].SourceID != a.Source.ID || c.Citations[0].Quote == "" {
				t.Errorf("claim %s cites %+v, want one quote of %s", c.ID, c.Citations, a.Source.ID)
			}
		}
	})

	t.Run("names only nodes of the set, and none of its IDs", func(t *testing.T) {
		if _, ok := nodes[a.Source.ID]; ok {
			t.Errorf("source ID %s is already in the set", a.Source.ID)
		}
		for _, c := range a.Claims {
			if _, ok := nodes[c.ID]; ok {
				t.Errorf("claim ID %s is already in the set", c.ID)
			}
			refs := append([]string(nil), c.AboutIDs...)
			if c.ClaimantID != "" {
				refs = append(refs, c.ClaimantID)
			}
			for _, id := range refs {
				if _, ok := nodes[id]; !ok {
					t.Errorf("claim %s names %s, which the set does not hold", c.ID, id)
				}
			}
		}
	})

	t.Run("added to the dataset, validates", func(t *testing.T) {
		d := MustGenerate(t, cfg)
		a.AddTo(d)
		d.Complete()
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("written to the set, adds one source and ten located claims", func(t *testing.T) {
		if err := synth.WriteArticle(dir, a); err != nil {
			t.Fatal(err)
		}
		read := MustRead(t, dir)
		want := before
		want.Sources++
		want.Claims += 10
		if got := countsOf(read); got != want {
			t.Errorf("counts %+v, want %+v", got, want)
		}
		located := 0
		for _, c := range read.Claims {
			if strings.HasPrefix(c.ID, a.Source.ID+"-") {
				for _, ct := range c.Citations {
					located += boolInt(ct.HasOffsets())
				}
			}
		}
		if located != 10 {
			t.Errorf("%d of the article's citations located in its text, want 10", located)
		}
	})

	t.Run("refuses to be written twice", func(t *testing.T) {
		if err := synth.WriteArticle(dir, a); peacegraph.ErrorCode(err) != peacegraph.ECONFLICT {
			t.Errorf("second WriteArticle = %v, want a conflict", err)
		}
	})

	t.Run("removing its files takes it out again", func(t *testing.T) {
		for _, f := range a.Files() {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
				t.Fatal(err)
			}
		}
		if got := countsOf(MustRead(t, dir)); got != before {
			t.Errorf("counts %+v, want the set's own %+v", got, before)
		}
	})
}

func TestArticles(t *testing.T) {
	cfg := synth.Config{Scale: 2, Seed: 5}

	t.Run("are deterministic", func(t *testing.T) {
		if a, b := MustArticle(t, cfg, 3), MustArticle(t, cfg, 3); !reflect.DeepEqual(a, b) {
			t.Error("two calls gave two different articles")
		}
	})

	t.Run("beyond the scale, several at once, validate together", func(t *testing.T) {
		d := MustGenerate(t, cfg)
		ids := map[string]bool{}
		for k := 1; k <= 5; k++ {
			a := MustArticle(t, cfg, k)
			if ids[a.Source.ID] {
				t.Fatalf("article %d has the ID %s of an earlier one", k, a.Source.ID)
			}
			ids[a.Source.ID] = true
			a.AddTo(d)
		}
		d.Complete()
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("are numbered from 1", func(t *testing.T) {
		if _, err := synth.NewArticle(cfg, 0); peacegraph.ErrorCode(err) != peacegraph.EINVALID {
			t.Errorf("NewArticle(0) = %v, want invalid", err)
		}
	})

	t.Run("need a valid config", func(t *testing.T) {
		if _, err := synth.NewArticle(synth.Config{}, 1); peacegraph.ErrorCode(err) != peacegraph.EINVALID {
			t.Errorf("NewArticle with scale 0 = %v, want invalid", err)
		}
	})
}
