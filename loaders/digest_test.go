package loaders_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph/loaders"
)

func mustDigest(t *testing.T, dir string, opts loaders.Options) string {
	t.Helper()
	d, err := loaders.Digest(dir, opts)
	if err != nil {
		t.Fatalf("Digest(%s): %v", dir, err)
	}
	if !strings.HasPrefix(d, "peacegraph seed digest 2 ") || !strings.HasSuffix(d, "\n") {
		t.Fatalf("Digest(%s) = %q, want a manifest of this format", dir, d)
	}
	return d
}

// TestDigestFollowsWhatAReadDependsOn changes a copy of a seed directory
// one way at a time: what a read would see changes the digest, and what
// it would not leaves it.
func TestDigestFollowsWhatAReadDependsOn(t *testing.T) {
	base := mustDigest(t, goodDir, loaders.Options{})
	if again := mustDigest(t, MustBreak(t), loaders.Options{}); again != base {
		t.Fatalf("a copy of the directory digests %s, the original %s", again, base)
	}
	write := func(name, content string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			path := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range []struct {
		name    string
		change  func(t *testing.T, dir string)
		opts    loaders.Options
		changes bool
	}{
		{"a seed file edited", func(t *testing.T, dir string) {
			applyEdits(t, dir, []edit{{"actors.yaml", "name: Ada Envoy", "name: Ada  Envoy"}})
		}, loaders.Options{}, true},
		{"a stored text edited", func(t *testing.T, dir string) {
			data, err := os.ReadFile(filepath.Join(dir, "texts", "report-one.txt"))
			if err != nil {
				t.Fatal(err)
			}
			write("texts/report-one.txt", string(data)+" ")(t, dir)
		}, loaders.Options{}, true},
		{"a file that is not YAML added", write("texts/another.txt", "more"), loaders.Options{}, true},
		{"a seed file renamed", func(t *testing.T, dir string) {
			if err := os.Rename(filepath.Join(dir, "claims", "report-two.yaml"), filepath.Join(dir, "claims", "report-2.yaml")); err != nil {
				t.Fatal(err)
			}
		}, loaders.Options{}, true},
		{"a smaller bound on files", func(*testing.T, string) {}, loaders.Options{MaxFileBytes: 1 << 10}, true},
		{"a hidden file added", write(".notes", "not read"), loaders.Options{}, false},
		{"a file in a hidden directory added", write(".git/HEAD", "not read"), loaders.Options{}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := MustBreak(t)
			c.change(t, dir)
			got := mustDigest(t, dir, c.opts)
			if c.changes && got == base {
				t.Errorf("the digest stayed %s", got)
			}
			if !c.changes && got != base {
				t.Errorf("the digest changed from %s to %s", base, got)
			}
		})
	}
}

// TestReadDigest reads and digests at once: the digest is Digest's, and
// none when the read used a text the digest does not cover.
func TestReadDigest(t *testing.T) {
	d, digest, err := loaders.ReadDigest(goodDir, loaders.Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := mustDigest(t, goodDir, loaders.Options{}); digest != want {
		t.Errorf("ReadDigest's digest %s, Digest's %s", digest, want)
	}
	if len(d.Sources) == 0 || d.Sources[0].Text == "" {
		t.Fatalf("ReadDigest read no stored text: %+v", d.Sources)
	}

	hidden := MustBreak(t, edit{"sources.yaml", "text_file: texts/report-one.txt", "text_file: .texts/report-one.txt"})
	if err := os.Rename(filepath.Join(hidden, "texts"), filepath.Join(hidden, ".texts")); err != nil {
		t.Fatal(err)
	}
	d, digest, err = loaders.ReadDigest(hidden, loaders.Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if digest != "" || d.Sources[0].Text == "" {
		t.Errorf("a text in a hidden directory: digest %q, text %q; want no digest and the text read", digest, d.Sources[0].Text)
	}

	// A digest the caller took is given back, and dropped the same way.
	if _, digest, err := loaders.ReadDigest(goodDir, loaders.Options{}, "taken"); err != nil || digest != "taken" {
		t.Errorf("a digest taken before: got %q (error %v), want it back", digest, err)
	}
	if _, digest, err := loaders.ReadDigest(hidden, loaders.Options{}, "taken"); err != nil || digest != "" {
		t.Errorf("a digest taken before, a text in a hidden directory: got %q (error %v), want none", digest, err)
	}

	if _, digest, err := loaders.ReadDigest(MustBreak(t, edit{"actors.yaml", "name: Ada Envoy", "nom: Ada Envoy"}), loaders.Options{}, ""); err == nil || digest != "" {
		t.Errorf("a broken directory: digest %q, error %v; want an error and no digest", digest, err)
	}
}
