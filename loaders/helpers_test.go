package loaders_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
)

// goodDir is a small seed directory that reads cleanly; broken variants
// are made from copies of it.
const goodDir = "testdata/good"

// edit is one textual change to a file of a seed directory.
type edit struct {
	file, old, new string
}

// MustBreak copies the good fixture to a temporary directory, applies the
// edits, and returns the directory. Each old text must occur exactly once,
// so that a test shows the one change it makes.
func MustBreak(tb testing.TB, edits ...edit) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.CopyFS(dir, os.DirFS(goodDir)); err != nil {
		tb.Fatalf("copy fixture: %v", err)
	}
	applyEdits(tb, dir, edits)
	return dir
}

// MustRecord is MustBreak on the good fixture with the record's additions
// (recordFile): republications, reviews, disputes, plan changes.
func MustRecord(tb testing.TB, edits ...edit) string {
	tb.Helper()
	dir := MustBreak(tb)
	data, err := os.ReadFile(recordFile)
	if err != nil {
		tb.Fatalf("read %s: %v", recordFile, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "record.yaml"), data, 0o644); err != nil {
		tb.Fatalf("write record.yaml: %v", err)
	}
	applyEdits(tb, dir, edits)
	return dir
}

// recordFile adds the record's later kinds of fact to the good fixture.
const recordFile = "testdata/record/record.yaml"

// applyEdits applies each edit to its file under dir; each old text must
// occur exactly once.
func applyEdits(tb testing.TB, dir string, edits []edit) {
	tb.Helper()
	for _, e := range edits {
		path := filepath.Join(dir, filepath.FromSlash(e.file))
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatalf("edit: %v", err)
		}
		if n := strings.Count(string(data), e.old); n != 1 {
			tb.Fatalf("edit %s: %q occurs %d times, want once", e.file, e.old, n)
		}
		data = []byte(strings.Replace(string(data), e.old, e.new, 1))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			tb.Fatalf("edit: %v", err)
		}
	}
}

// MustRead reads a seed directory that must be valid.
func MustRead(tb testing.TB, dir string) *peacegraph.Dataset {
	tb.Helper()
	d, err := loaders.Read(dir)
	if err != nil {
		tb.Fatalf("Read(%q): %v", dir, err)
	}
	return d
}

// MustFail reads a seed directory that must be invalid and returns its
// problems, checking the error's type and code on the way.
func MustFail(tb testing.TB, dir string) loaders.Errors {
	tb.Helper()
	d, err := loaders.Read(dir)
	if err == nil {
		tb.Fatalf("Read(%q) succeeded, want problems", dir)
	}
	if d != nil {
		tb.Errorf("Read(%q) returned a dataset with its error", dir)
	}
	if got, want := peacegraph.ErrorCode(err), peacegraph.EINVALID; got != want {
		tb.Errorf("ErrorCode = %q, want %q", got, want)
	}
	var errs loaders.Errors
	if !errors.As(err, &errs) {
		tb.Fatalf("Read(%q) error is %T, want loaders.Errors", dir, err)
	}
	return errs
}

// problem is what a test asserts of one reported problem: where and which
// rule. Messages are for people and free to improve.
type problem struct {
	file  string
	line  int
	field string
	rule  string
}

// problemsIn returns the problems with their files relative to dir.
func problemsIn(tb testing.TB, dir string, errs loaders.Errors) []problem {
	tb.Helper()
	out := make([]problem, len(errs))
	for i, e := range errs {
		rel, err := filepath.Rel(dir, e.File)
		if err != nil {
			tb.Fatalf("problem file %q is not under %q", e.File, dir)
		}
		if e.Message == "" {
			tb.Errorf("problem %d has no message", i)
		}
		out[i] = problem{filepath.ToSlash(rel), e.Line, e.Field, e.Rule}
	}
	return out
}
