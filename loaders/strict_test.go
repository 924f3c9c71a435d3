package loaders_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph/loaders"
)

func TestStrictSeeds(t *testing.T) {
	actor := func(name string) string {
		return "actors:\n  - id: a\n    name: A\n    kind: PERSON\n  - id: b\n    name: " + name + "\n    kind: PERSON\n"
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []problem
		says  string
	}{
		{"a YAML tag outside the core schema is refused at its line",
			map[string]string{"actors.yaml": actor("!!binary SGVsbG8=")}, []problem{{"actors.yaml", 6, "", loaders.RuleTag}}, "!!binary"},
		{"a custom tag is refused",
			map[string]string{"actors.yaml": actor("!person Bob")}, []problem{{"actors.yaml", 6, "", loaders.RuleTag}}, "!person"},
		{"a NUL inside a name is refused at its line",
			map[string]string{"actors.yaml": actor(`"Bo\0b"`)}, []problem{{"actors.yaml", 6, "", loaders.RuleControlCharacter}}, "U+0000"},
		{"an escape character inside a name is refused",
			map[string]string{"actors.yaml": actor(`"Bo\eb"`)}, []problem{{"actors.yaml", 6, "", loaders.RuleControlCharacter}}, "U+001B"},
		{"invalid UTF-8 is reported at its own line",
			map[string]string{"actors.yaml": actor("Bo\xffb")}, []problem{{"actors.yaml", 6, "", loaders.RuleSyntax}}, "0xff"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := MustWriteDir(t, tc.files)
			errs := MustFail(t, dir)
			if got := problemsIn(t, dir, errs); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems:\n got %v\nwant %v", got, tc.want)
			}
			if !strings.Contains(errs[0].Message, tc.says) {
				t.Errorf("message %q does not say %q", errs[0].Message, tc.says)
			}
		})
	}
	t.Run("the core tags and tabs and line breaks pass", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{"actors.yaml": actor(`!!str "Bob\tthe\nsecond"`)})
		if d := MustRead(t, dir); d.Actors[1].Name != "Bob\tthe\nsecond" {
			t.Errorf("name %q", d.Actors[1].Name)
		}
	})
	t.Run("a stored text with a control character is refused at its text_file", func(t *testing.T) {
		dir := MustBreak(t)
		if err := os.WriteFile(filepath.Join(dir, "texts/report-one.txt"), []byte("First line.\nA bell\a here.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		errs := MustFail(t, dir)
		if got, want := problemsIn(t, dir, errs), []problem{{"sources.yaml", 9, "text_file", loaders.RuleControlCharacter}}; !reflect.DeepEqual(got, want) {
			t.Errorf("problems:\n got %v\nwant %v", got, want)
		}
		if !strings.Contains(errs[0].Message, "line 2") {
			t.Errorf("message %q does not name the text's line", errs[0].Message)
		}
	})
	t.Run("a file over the size limit is refused before it is read", func(t *testing.T) {
		dir := MustWriteDir(t, map[string]string{"actors.yaml": actor("B") + "# " + strings.Repeat("x", 2000) + "\n"})
		_, err := loaders.ReadWith(dir, loaders.Options{MaxFileBytes: 1000})
		errs, ok := err.(loaders.Errors)
		if !ok || len(errs) != 1 || errs[0].Rule != loaders.RuleTooLarge || !strings.Contains(errs[0].Message, "1000") {
			t.Fatalf("got %v, want one %s problem naming the limit", err, loaders.RuleTooLarge)
		}
	})
	t.Run("a text over the size limit is refused at its text_file", func(t *testing.T) {
		dir := MustBreak(t)
		// The limit holds every seed file of the fixture; the text is
		// twice as large.
		const limit = 64 << 10
		if err := os.WriteFile(filepath.Join(dir, "texts/report-one.txt"), []byte(strings.Repeat("Words. ", 2*limit/7)), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loaders.ReadWith(dir, loaders.Options{MaxFileBytes: limit})
		errs, _ := err.(loaders.Errors)
		if got, want := problemsIn(t, dir, errs), []problem{{"sources.yaml", 9, "text_file", loaders.RuleTooLarge}}; len(got) == 0 || got[0] != want[0] {
			t.Errorf("problems:\n got %v\nwant %v first", got, want)
		}
	})
}
