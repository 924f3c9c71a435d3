package loaders_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
)

// MustWriteDir writes a seed directory from a map of path to content.
func MustWriteDir(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func TestReadPlacesYAMLErrorsOnTheirLine(t *testing.T) {
	cases := []struct {
		name    string
		content string
		line    int
	}{
		{"unclosed list at the end of the file", "actors: [\n", 2},
		{"unclosed list further down", "actors:\n  - id: a\n    aliases: [x\n", 3},
		{"mapping value inside a value", "actors:\n  - id: a: b\n", 2},
		{"tab used for indentation, at the value it would continue", "actors:\n  - id: a\n\tname: b\n", 2},
		{"unterminated quoted text, where the quote opens", "actors:\n  - id: a\n    name: \"b\n", 3},
		{"entry indented less than its list", "actors:\n  - id: a\n  name: b\n", 2},
		{"second document in one file, at its ---", "actors: []\n---\nevents: []\n", 2},
	}
	for _, tc := range cases {
		t.Run("reports "+tc.name, func(t *testing.T) {
			dir := MustWriteDir(t, map[string]string{"actors.yaml": tc.content})
			got := problemsIn(t, dir, MustFail(t, dir))
			want := []problem{{"actors.yaml", tc.line, "", "syntax"}}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("problems:\n got %v\nwant %v", got, want)
			}
		})
	}
}

func TestReadFileShapes(t *testing.T) {
	t.Run("reads an empty file and a file of comments as nothing", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{
			"a.yaml":      "",
			"b.yaml":      "# nothing yet\n",
			"actors.yaml": "actors:\n  - id: a\n    name: A\n    kind: PERSON\n",
		})
		d := MustRead(t, dir)
		if got, want := len(d.Actors), 1; got != want {
			t.Errorf("actors = %d, want %d", got, want)
		}
	})

	t.Run("reads only yaml files, skipping hidden directories", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{
			"actors.yaml":        "actors:\n  - id: a\n    name: A\n    kind: PERSON\n",
			"notes.yml":          "not: read\n",
			"README.md":          "not read",
			".history/old.yaml":  "broken: [\n",
			"deep/dir/more.yaml": "actors:\n  - id: b\n    name: B\n    kind: PERSON\n",
		})
		d := MustRead(t, dir)
		if got, want := len(d.Actors), 2; got != want {
			t.Errorf("actors = %d, want %d", got, want)
		}
	})

	t.Run("reports a file that is a list instead of a mapping", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{"actors.yaml": "- id: a\n"})
		got := problemsIn(t, dir, MustFail(t, dir))
		want := []problem{{"actors.yaml", 1, "", "syntax"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("problems:\n got %v\nwant %v", got, want)
		}
	})

	t.Run("reports a section that is not a list", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{"actors.yaml": "events: []\nactors: none\n"})
		got := problemsIn(t, dir, MustFail(t, dir))
		want := []problem{{"actors.yaml", 2, "actors", "syntax"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("problems:\n got %v\nwant %v", got, want)
		}
	})

	t.Run("reports an entry that is not a mapping", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{"actors.yaml": "actors:\n  - a\n"})
		got := problemsIn(t, dir, MustFail(t, dir))
		want := []problem{{"actors.yaml", 2, "", "syntax"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("problems:\n got %v\nwant %v", got, want)
		}
	})

	t.Run("reports a directory with no seed files", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{"README.md": "empty"})
		errs := MustFail(t, dir)
		if len(errs) != 1 || errs[0].File != dir || errs[0].Rule != peacegraph.RuleRequired {
			t.Errorf("problems = %v, want one required problem on the directory", errs)
		}
	})

	t.Run("reports a directory that does not exist", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "nowhere")
		errs := MustFail(t, dir)
		if len(errs) != 1 || errs[0].File != dir || errs[0].Rule != loaders.RuleMissingFile {
			t.Errorf("problems = %v, want one missing-file problem on the directory", errs)
		}
	})
}

func TestReadReportsEveryProblemAtOnce(t *testing.T) {
	dir := MustBreak(t,
		edit{"claims/report-two.yaml", "position: CONDITIONAL", "position: OPPOSES"},
		edit{"actors.yaml", "kind: ORGANIZATION", "kind: BLOC"},
		edit{"claims/report-one.yaml", "quote: Northland would sign it", "quote: Northland will sign it"},
		edit{"actors.yaml", "    aliases: [LU]", "    alias: [LU]"},
		edit{"sources.yaml", "published: 2025-11-22", "published: 2025-02-30"},
		edit{"plans/1-lakeside.yaml", "authors: [ada-envoy]", "authors: [ada-envoy, cyd-advisor]"},
		edit{"claims/report-one.yaml", "evidence: [ben-cannot-accept]", "evidence: []"},
	)
	errs := MustFail(t, dir)

	t.Run("lists each problem by file then line", func(t *testing.T) {
		got := problemsIn(t, dir, errs)
		want := []problem{
			{"actors.yaml", 27, "kind", "bad-enum"},
			{"actors.yaml", 28, "alias", "unknown-field"},
			{"claims/report-one.yaml", 19, "citations[0].quote", "not-verbatim"},
			{"claims/report-one.yaml", 49, "evidence", "no-evidence"},
			{"claims/report-two.yaml", 13, "", "duplicate-stance"},
			{"plans/1-lakeside.yaml", 6, "authors[1]", "unknown-reference"},
			{"sources.yaml", 13, "published", "bad-date"},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("problems:\n got %v\nwant %v", got, want)
		}
	})

	t.Run("prints one problem a line as file:line: field: message (rule)", func(t *testing.T) {
		lines := strings.Split(errs.Error(), "\n")
		if got, want := len(lines), len(errs); got != want {
			t.Fatalf("Error() has %d lines, want %d", got, want)
		}
		got := lines[1]
		want := filepath.Join(dir, "actors.yaml") + `:28: alias: an actor has no field "alias" (it has id, name, kind, role, description, aliases, affiliations) (unknown-field)`
		if got != want {
			t.Errorf("line 2:\n got %s\nwant %s", got, want)
		}
		if got, prefix := lines[4], filepath.Join(dir, "claims/report-two.yaml")+":13: ben-minister already has"; !strings.HasPrefix(got, prefix) {
			t.Errorf("line 5 = %s, want it to start %s", got, prefix)
		}
	})
}

func TestErrorsFormat(t *testing.T) {
	errs := loaders.Errors{
		{File: "seeds/sources.yaml", Line: 3, Field: "published", Rule: "bad-date", Message: "not a date"},
		{File: "seeds/actors.yaml", Line: 40, Field: "kind", Rule: "bad-enum", Message: "not a kind"},
		{File: "seeds/actors.yaml", Line: 7, Rule: "syntax", Message: "broken"},
		{File: "seeds", Rule: "required", Message: "no seed files"},
	}
	t.Run("sorts by file then line and leaves out what is unknown", func(t *testing.T) {
		got := errs.Error()
		want := "seeds: no seed files (required)\n" +
			"seeds/actors.yaml:7: broken (syntax)\n" +
			"seeds/actors.yaml:40: kind: not a kind (bad-enum)\n" +
			"seeds/sources.yaml:3: published: not a date (bad-date)"
		if got != want {
			t.Errorf("Error():\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("has the code invalid", func(t *testing.T) {
		if got, want := peacegraph.ErrorCode(errs), peacegraph.EINVALID; got != want {
			t.Errorf("ErrorCode = %q, want %q", got, want)
		}
	})
}

func TestReadWithAFileThatIsNotYAML(t *testing.T) {
	// A plan authored by an actor of the broken file, and a new reference
	// to nothing at all: neither is reported until the file is fixed.
	dir := MustBreak(t,
		edit{"actors.yaml", "aliases: [LU]", "aliases: [LU"},
		edit{"sources.yaml", "    note: Only", "    notes: Only"},
		edit{"plans/1-lakeside.yaml", "date: 2025-11-17", "date: 2025-13-40"},
		edit{"claims/report-two.yaml", "about: [lakeside-force-cap]", "about: [lakeside-force-cap, nobody]"},
	)
	got := problemsIn(t, dir, MustFail(t, dir))
	// Every actor is unknown once actors.yaml cannot be read: references
	// would bury the one real mistake, so they are left for later.
	want := []problem{
		{"actors.yaml", 28, "", "syntax"},
		{"plans/1-lakeside.yaml", 5, "date", "bad-date"},
		{"sources.yaml", 14, "notes", "unknown-field"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %v\nwant %v", got, want)
	}
}

func TestReadValues(t *testing.T) {
	t.Run("reads an empty field as absent", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{"actors.yaml": "actors:\n  - id: a\n    name: A\n    kind: PERSON\n    role:\n    aliases: ~\n"})
		d := MustRead(t, dir)
		if got := d.Actors[0]; got.Role != "" || got.Aliases != nil {
			t.Errorf("actor = %+v, want no role and no aliases", *got)
		}
	})

	t.Run("reads anchors and aliases", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{"actors.yaml": "actors:\n" +
			"  - id: a\n    name: &n Same Name\n    kind: PERSON\n" +
			"  - id: b\n    name: *n\n    kind: PERSON\n"})
		d := MustRead(t, dir)
		if got, want := d.Actors[1].Name, "Same Name"; got != want {
			t.Errorf("name = %q, want %q", got, want)
		}
	})

	t.Run("reports an empty text file", func(t *testing.T) {
		dir := MustBreak(t)
		if err := os.WriteFile(filepath.Join(dir, "texts/report-one.txt"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		got := problemsIn(t, dir, MustFail(t, dir))
		want := []problem{{"sources.yaml", 9, "text_file", "missing-file"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("problems:\n got %v\nwant %v", got, want)
		}
	})

	t.Run("reports a text file that is not UTF-8", func(t *testing.T) {
		dir := MustBreak(t)
		if err := os.WriteFile(filepath.Join(dir, "texts/report-one.txt"), []byte("caf\xe9"), 0o644); err != nil {
			t.Fatal(err)
		}
		got := problemsIn(t, dir, MustFail(t, dir))
		want := []problem{{"sources.yaml", 9, "text_file", "missing-file"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("problems:\n got %v\nwant %v", got, want)
		}
	})
}
