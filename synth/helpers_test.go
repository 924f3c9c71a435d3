package synth_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
	"github.com/peacegraph/peacegraph/synth"
)

// MustGenerate generates the set of cfg.
func MustGenerate(tb testing.TB, cfg synth.Config) *peacegraph.Dataset {
	tb.Helper()
	d, err := synth.Generate(cfg)
	if err != nil {
		tb.Fatalf("Generate(%v): %v", cfg, err)
	}
	return d
}

// MustWrite generates the set of cfg and writes it to a new directory.
func MustWrite(tb testing.TB, cfg synth.Config) (string, *peacegraph.Dataset) {
	tb.Helper()
	d := MustGenerate(tb, cfg)
	dir := filepath.Join(tb.TempDir(), "set")
	if err := synth.Write(dir, d); err != nil {
		tb.Fatalf("Write: %v", err)
	}
	return dir, d
}

// MustRead reads a seed directory with the real loaders, which complete
// and validate it.
func MustRead(tb testing.TB, dir string) *peacegraph.Dataset {
	tb.Helper()
	d, err := loaders.Read(dir)
	if err != nil {
		tb.Fatalf("loaders.Read(%s):\n%v", dir, err)
	}
	return d
}

// MustFiles returns the content of every file under dir by its path.
func MustFiles(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// counts are the entities of a dataset per kind.
type counts struct {
	Actors, Plans, Points, Claims, Sources, Stances, Events, Disputes int
}

func countsOf(d *peacegraph.Dataset) counts {
	return counts{len(d.Actors), len(d.Plans), len(d.Points), len(d.Claims), len(d.Sources), len(d.Stances), len(d.Events), len(d.Disputes)}
}

func (c counts) times(n int) counts {
	return counts{c.Actors * n, c.Plans * n, c.Points * n, c.Claims * n, c.Sources * n, c.Stances * n, c.Events * n, c.Disputes * n}
}

func timeOf(d peacegraph.Date) (time.Time, error) {
	return time.Parse(peacegraph.DateLayout, string(d))
}
