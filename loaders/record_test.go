package loaders_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
)

func TestReadRecordFields(t *testing.T) {
	d := MustRead(t, MustRecord(t))
	claims := map[string]*peacegraph.Claim{}
	for _, c := range d.Claims {
		claims[c.ID] = c
	}

	t.Run("reads which report a source republishes", func(t *testing.T) {
		got := map[string]string{}
		for _, s := range d.Sources {
			got[s.ID] = s.Republishes
		}
		want := map[string]string{"report-one": "", "report-two": "", "report-one-copy": "report-one", "report-one-second-copy": "report-one-copy"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("republishes = %v, want %v", got, want)
		}
	})

	t.Run("reads denials and reviews", func(t *testing.T) {
		c := claims["ben-denies-signing"]
		if got, want := c.Denies, []string{"northland-will-sign"}; !reflect.DeepEqual(got, want) {
			t.Errorf("denies = %v, want %v", got, want)
		}
		want := []peacegraph.Review{{Reviewer: "Lakes Fact Check", Rating: "Unproven", RatingValue: 2, BestRating: 5, WorstRating: 1,
			Explanation: "Neither party has published the text.", Date: "2025-11-23", URL: "https://factcheck.example/lakeside-signing"}}
		if !reflect.DeepEqual(c.Reviews, want) {
			t.Errorf("reviews = %+v, want %+v", c.Reviews, want)
		}
	})

	t.Run("counts a chain of republications as its original report", func(t *testing.T) {
		got := claims["ben-denies-signing"].Corroboration
		want := peacegraph.Corroboration{Sources: 2, Publishers: 2, Earliest: "2025-11-19", EarliestSourceID: "report-one"}
		if got != want {
			t.Errorf("corroboration = %+v, want %+v", got, want)
		}
	})

	t.Run("derives contradictions by each rule, symmetric", func(t *testing.T) {
		want := map[string]map[string][]string{
			"ada-fair-basis":      {"ada-doubts-draft": {"positions"}, "ben-cannot-accept": {"contradicts"}},
			"northland-will-sign": {"ada-doubts-draft": {"positions"}, "ben-denies-signing": {"denies"}},
			"ben-denies-signing":  {"northland-will-sign": {"denies"}},
			"ada-doubts-draft":    {"ada-fair-basis": {"positions"}, "northland-will-sign": {"positions"}},
		}
		for id, rules := range want {
			c := claims[id]
			if !reflect.DeepEqual(c.ContradictionRules, rules) {
				t.Errorf("%s: rules = %v, want %v", id, c.ContradictionRules, rules)
			}
			var ids []string
			for o := range rules {
				ids = append(ids, o)
			}
			if got := strings.Join(c.Contradicts, ","); len(c.Contradicts) != len(ids) {
				t.Errorf("%s: contradicts = %s, want %d claims", id, got, len(ids))
			}
		}
	})

	t.Run("reads a revision's recorded changes and derives every point's fate", func(t *testing.T) {
		p := d.Plans[2]
		if p.ID != "second-revision" {
			t.Fatalf("plan 2 = %s, want second-revision", p.ID)
		}
		seed := []peacegraph.PointChange{{PointID: "lakeside-plan-1", Status: peacegraph.ChangeDropped,
			EvidenceIDs: []string{"ceasefire-dropped"}, Note: "Left out of the published text."}}
		if !reflect.DeepEqual(p.SeedChanges, seed) {
			t.Errorf("seed changes = %+v, want %+v", p.SeedChanges, seed)
		}
		want := []peacegraph.PointChange{
			seed[0],
			{PointID: "lakeside-force-cap", Status: peacegraph.ChangeChanged, RevisedIDs: []string{"second-revision-1"}},
			{Status: peacegraph.ChangeAdded, RevisedIDs: []string{"second-revision-patrols"}, EvidenceIDs: []string{"patrols-added"}},
		}
		if !reflect.DeepEqual(p.Changes, want) {
			t.Errorf("changes =\n%+v\nwant\n%+v", p.Changes, want)
		}
	})

	t.Run("reads disputes with their sides", func(t *testing.T) {
		want := []*peacegraph.Dispute{{
			ID: "will-northland-sign", Question: "Will Northland sign the Lakeside framework?",
			Summary:  "Accounts differ on whether Northland agreed to sign.",
			AboutIDs: []string{"lakeside-plan", "northland"},
			Sides: []peacegraph.DisputeSide{
				{Label: "Northland will sign", ClaimIDs: []string{"northland-will-sign"}},
				{Label: "Nothing was agreed", Summary: "Southland denies any agreement.", ClaimIDs: []string{"ben-denies-signing"}},
			},
			Note: "Both accounts come from the parties.",
		}}
		assertEqual(t, d.Disputes, want)
	})

	t.Run("counts disputes in the summary", func(t *testing.T) {
		got := loaders.Summarize(d).String()
		if want := "1 dispute"; !strings.HasSuffix(got, want) {
			t.Errorf("summary = %q, want it to end in %q", got, want)
		}
	})
}

// Each case breaks the record fixture in one place and asserts exactly
// what is reported.
func TestReadReportsRecordRulesAtTheirLines(t *testing.T) {
	const f = "record.yaml"
	cases := []struct {
		name string
		edit edit
		want []problem
	}{
		{"republication of an unknown report",
			edit{f, "republishes: report-one\n", "republishes: report-nine\n"},
			[]problem{{f, 9, "republishes", "unknown-reference"}}},
		{"a cycle of republications, on each source in it",
			edit{f, "republishes: report-one\n", "republishes: report-one-second-copy\n"},
			[]problem{{f, 9, "republishes", "cycle"}, {f, 14, "republishes", "cycle"}}},
		{"denial of an unknown claim",
			edit{f, "denies: [northland-will-sign]", "denies: [northland-will-sing]"},
			[]problem{{f, 27, "denies[0]", "unknown-reference"}}},
		{"review without a rating",
			edit{f, "        rating: Unproven\n", ""},
			[]problem{{f, 29, "reviews[0].rating", "required"}}},
		{"rating outside its scale",
			edit{f, "rating_value: 2", "rating_value: 7"},
			[]problem{{f, 31, "reviews[0].rating_value", "bad-number"}}},
		{"unknown field in a review",
			edit{f, "worst_rating: 1", "lowest_rating: 1"},
			[]problem{{f, 33, "reviews[0].lowest_rating", "unknown-field"}}},
		{"review dated on no real day",
			edit{f, "date: 2025-11-23", "date: 2025-11-31"},
			[]problem{{f, 35, "reviews[0].date", "bad-date"}}},
		{"changes status that only amends can give",
			edit{f, "status: DROPPED", "status: CHANGED"},
			[]problem{{f, 84, "changes[0].status", "bad-enum"}}},
		{"change of a point outside the revised plan",
			edit{f, "point: lakeside-plan-1", "point: amended-plan-2"},
			[]problem{{f, 83, "changes[0].point", "unknown-reference"}}},
		{"amended point recorded as dropped",
			edit{f, "point: lakeside-plan-1", "point: lakeside-force-cap"},
			[]problem{{f, 84, "changes[0].status", "conflict"}}},
		{"amends of a point outside the revised plan",
			edit{f, "amends: lakeside-force-cap", "amends: amended-plan-2"},
			[]problem{{f, 76, "amends", "unknown-reference"}}},
		{"amends and changes on a plan that revises nothing",
			edit{f, "    revises: lakeside-plan\n", ""},
			[]problem{{f, 75, "amends", "unknown-reference"}, {f, 81, "changes", "unknown-reference"}}},
		{"dispute without a question",
			edit{f, "    question: Will Northland sign the Lakeside framework?\n", ""},
			[]problem{{f, 89, "question", "required"}}},
		{"dispute with one side",
			edit{f, "      - label: Nothing was agreed\n        summary: Southland denies any agreement.\n        claims: [ben-denies-signing]\n", ""},
			[]problem{{f, 93, "sides", "required"}}},
		{"side without claims",
			edit{f, "claims: [ben-denies-signing]", "claims: []"},
			[]problem{{f, 98, "sides[1].claims", "required"}}},
		{"side with an unknown claim",
			edit{f, "claims: [northland-will-sign]", "claims: [northland-will-sing]"},
			[]problem{{f, 95, "sides[0].claims[0]", "unknown-reference"}}},
	}
	for _, tc := range cases {
		t.Run("reports "+tc.name, func(t *testing.T) {
			dir := MustRecord(t, tc.edit)
			got := problemsIn(t, dir, MustFail(t, dir))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems:\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}
