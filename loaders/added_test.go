package loaders_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
)

// extraArticle is a seed file of a day's reporting, with the text it names.
const extraArticle = `sources:
  - id: report-three
    title: Northland replies
    publisher: Northern Star
    published: 2025-11-23
    text_file: texts/report-three.txt
claims:
  - id: north-replies
    text: Northland said it would study the cap.
    about: [lakeside-force-cap]
    certainty: REPORTED
    date: 2025-11-23
    citations:
      - source: report-three
        quote: would study the cap
`

// writeArticle adds the extra article's two files to dir.
func writeArticle(t *testing.T, dir string) {
	t.Helper()
	for name, content := range map[string]string{
		"claims/report-three.yaml": extraArticle,
		"texts/report-three.txt":   "Northland said it would study the cap.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReadAddedReadsOnlyTheAddedFiles digests a seed directory, adds an
// article's files to it and digests it again: AddedFiles names the two
// files, and ReadAdded gives what the seed file of them holds, and
// nothing of the files the first digest covers.
func TestReadAddedReadsOnlyTheAddedFiles(t *testing.T) {
	dir := MustBreak(t)
	held := mustDigest(t, dir, loaders.Options{})
	writeArticle(t, dir)
	now := mustDigest(t, dir, loaders.Options{})
	added, ok := loaders.AddedFiles(held, now)
	if want := []string{"claims/report-three.yaml", "texts/report-three.txt"}; !ok || !slices.Equal(added, want) {
		t.Fatalf("AddedFiles = %v, %v; want %v, true", added, ok, want)
	}
	d, err := loaders.ReadAdded(dir, loaders.Options{}, held, now)
	if err != nil {
		t.Fatalf("ReadAdded: %v", err)
	}
	if len(d.Sources) != 1 || d.Sources[0].ID != "report-three" || len(d.Claims) != 1 || d.Claims[0].ID != "north-replies" ||
		len(d.Actors)+len(d.Plans)+len(d.Points)+len(d.Stances)+len(d.Events)+len(d.Disputes) != 0 {
		t.Errorf("ReadAdded read %s, want the one source and the one claim of the added file", loaders.Summarize(d))
	}
	if d.Sources[0].Text == "" {
		t.Error("ReadAdded left out the text the added source names")
	}
	if _, ok := loaders.AddedFiles(now, now); !ok {
		t.Error("AddedFiles of a digest and itself: not an addition, want one of no files")
	}
}

// TestReadAddedRefusesOtherChanges checks that a change other than files
// added, or an added file with a problem, is no addition: the whole set is
// read instead, which reports every problem where it is.
func TestReadAddedRefusesOtherChanges(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(t *testing.T, dir string)
		opts   loaders.Options
		// bare: the article is not added beside the change.
		bare bool
	}{
		{"a held file edited", func(t *testing.T, dir string) {
			applyEdits(t, dir, []edit{{"actors.yaml", "name: Ada Envoy", "name: Ada  Envoy"}})
		}, loaders.Options{}, false},
		{"a held file removed", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "claims", "report-two.yaml")); err != nil {
				t.Fatal(err)
			}
		}, loaders.Options{}, false},
		{"other bounds", func(*testing.T, string) {}, loaders.Options{MaxFileBytes: 1 << 20}, false},
		{"an added file that is not YAML", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "claims", "broken.yaml"), []byte("claims: [\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, loaders.Options{}, false},
		{"only a text added", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "texts", "spare.txt"), []byte("spare"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, loaders.Options{}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := MustBreak(t)
			held := mustDigest(t, dir, loaders.Options{})
			if !c.bare {
				writeArticle(t, dir)
			}
			c.change(t, dir)
			now := mustDigest(t, dir, c.opts)
			if d, err := loaders.ReadAdded(dir, c.opts, held, now); !errors.Is(err, peacegraph.ErrNotAddition) {
				t.Errorf("ReadAdded = %v, %v; want ErrNotAddition", d, err)
			}
		})
	}
}
