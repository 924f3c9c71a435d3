package loaders_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// companionFile is a companion document of the good fixture's plan, in a
// file that sorts before the plan's own, so that it is the first plan
// read.
const (
	companionFile = "plans/0-companion.yaml"
	companionYAML = `plans:
  - id: lakeside-guarantees
    title: Draft guarantees for the Lakeside framework
    date: 2025-11-18
    accompanies: lakeside-plan
    points:
      - number: 1
        title: Guarantors meet on any breach
        summary: The guarantors meet within a week of a breach.
        topic: security
`
)

// MustCompanion is MustBreak with the companion file added, then the
// edits applied to it or any other file.
func MustCompanion(tb testing.TB, edits ...edit) string {
	tb.Helper()
	dir := MustBreak(tb)
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(companionFile)), []byte(companionYAML), 0o644); err != nil {
		tb.Fatal(err)
	}
	applyEdits(tb, dir, edits)
	return dir
}

func TestReadCompanion(t *testing.T) {
	d := MustRead(t, MustCompanion(t))
	var plans []string
	for _, p := range d.Plans {
		plans = append(plans, p.ID+" accompanies "+p.Accompanies)
	}
	want := []string{"lakeside-guarantees accompanies lakeside-plan", "lakeside-plan accompanies ", "amended-plan accompanies "}
	if !reflect.DeepEqual(plans, want) {
		t.Fatalf("plans = %q, want %q", plans, want)
	}

	t.Run("a companion read first is not the default plan", func(t *testing.T) {
		if got := peacegraph.DefaultPlan(d.Plans); got == nil || got.ID != "lakeside-plan" {
			t.Errorf("default plan = %v, want lakeside-plan", got)
		}
	})

	t.Run("a companion has no changes", func(t *testing.T) {
		if got := d.Plans[0].Changes; got != nil {
			t.Errorf("changes = %+v, want none", got)
		}
	})

	t.Run("a companion of a revision is fine", func(t *testing.T) {
		MustRead(t, MustCompanion(t, edit{companionFile, "accompanies: lakeside-plan", "accompanies: amended-plan"}))
	})
}

// Each case breaks the companion in one place and asserts exactly what
// is reported, and where.
func TestReadReportsCompanionRulesAtTheirLines(t *testing.T) {
	const f = companionFile
	cases := []struct {
		name  string
		edits []edit
		want  []problem
	}{
		{"a companion of an unknown plan",
			[]edit{{f, "accompanies: lakeside-plan", "accompanies: lakeside-plans"}},
			[]problem{{f, 5, "accompanies", "unknown-reference"}}},
		{"a companion of a point",
			[]edit{{f, "accompanies: lakeside-plan", "accompanies: lakeside-force-cap"}},
			[]problem{{f, 5, "accompanies", "wrong-kind"}}},
		{"a plan that accompanies itself",
			[]edit{{f, "accompanies: lakeside-plan", "accompanies: lakeside-guarantees"}},
			[]problem{{f, 5, "accompanies", "unknown-reference"}}},
		{"a companion that also revises",
			[]edit{{f, "    accompanies: lakeside-plan\n", "    revises: lakeside-plan\n    accompanies: lakeside-plan\n"}},
			[]problem{{f, 6, "accompanies", "conflict"}}},
		{"a companion of a companion",
			[]edit{{"plans/1-lakeside.yaml", "    authors: [ada-envoy]\n", "    authors: [ada-envoy]\n    accompanies: amended-plan\n"}},
			[]problem{{f, 5, "accompanies", "unknown-reference"}}},
		{"two plans that accompany each other, on each",
			[]edit{{"plans/1-lakeside.yaml", "    authors: [ada-envoy]\n", "    authors: [ada-envoy]\n    accompanies: lakeside-guarantees\n"}},
			[]problem{{f, 5, "accompanies", "cycle"}, {"plans/1-lakeside.yaml", 7, "accompanies", "cycle"}}},
		{"a companion's point that amends",
			[]edit{{f, "        topic: security\n", "        topic: security\n        amends: lakeside-force-cap\n"}},
			[]problem{{f, 11, "amends", "unknown-reference"}}},
		{"a companion that records changes",
			[]edit{{f, "    points:\n", "    changes:\n      - point: lakeside-force-cap\n        status: KEPT\n    points:\n"}},
			[]problem{{f, 6, "changes", "unknown-reference"}}},
		{"a misspelt key",
			[]edit{{f, "accompanies: lakeside-plan", "accompany: lakeside-plan"}},
			[]problem{{f, 5, "accompany", "unknown-field"}}},
	}
	for _, tc := range cases {
		t.Run("reports "+tc.name, func(t *testing.T) {
			dir := MustCompanion(t, tc.edits...)
			got := problemsIn(t, dir, MustFail(t, dir))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems:\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}
