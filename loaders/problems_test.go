package loaders_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Each case breaks the good fixture in one place and asserts exactly what
// is reported: file, line, field and rule.
func TestReadReportsEachRuleAtItsLine(t *testing.T) {
	cases := []struct {
		name  string
		edits []edit
		want  []problem
	}{
		{
			name:  "unknown reference in a claim's about",
			edits: []edit{{"claims/report-one.yaml", "about: [lakeside-plan]", "about: [lakeside-plann]"}},
			want:  []problem{{"claims/report-one.yaml", 5, "about[0]", "unknown-reference"}},
		},
		{
			name:  "unknown reference in a shorthand affiliation",
			edits: []edit{{"actors.yaml", "      - southland", "      - westland"}},
			want:  []problem{{"actors.yaml", 18, "affiliations[0]", "unknown-reference"}},
		},
		{
			name:  "duplicate id across kinds",
			edits: []edit{{"claims/report-one.yaml", "id: lakeside-talks-resume", "id: ada-envoy"}},
			want:  []problem{{"claims/report-one.yaml", 53, "id", "duplicate-id"}},
		},
		{
			name:  "duplicate point number in a plan",
			edits: []edit{{"plans/1-lakeside.yaml", "- number: 2", "- number: 1"}},
			want:  []problem{{"plans/1-lakeside.yaml", 13, "number", "duplicate-id"}},
		},
		{
			name:  "bad id and the references it breaks",
			edits: []edit{{"actors.yaml", "id: lakes-union", "id: Lakes_Union"}},
			want: []problem{
				{"actors.yaml", 25, "id", "bad-id"},
				{"claims/report-one.yaml", 32, "about[0]", "unknown-reference"},
			},
		},
		{
			name:  "bad enum in an actor's kind",
			edits: []edit{{"actors.yaml", "kind: ORGANIZATION", "kind: BLOC"}},
			want:  []problem{{"actors.yaml", 27, "kind", "bad-enum"}},
		},
		{
			name:  "bad enum in a claim's certainty",
			edits: []edit{{"claims/report-one.yaml", "certainty: REPORTED", "certainty: RUMOURED"}},
			want:  []problem{{"claims/report-one.yaml", 33, "certainty", "bad-enum"}},
		},
		{
			name:  "bad enum in a stance's position",
			edits: []edit{{"claims/report-one.yaml", "position: SUPPORTS", "position: BACKS"}},
			want:  []problem{{"claims/report-one.yaml", 44, "position", "bad-enum"}},
		},
		{
			name:  "bad enum in a point's topic",
			edits: []edit{{"plans/1-lakeside.yaml", "topic: security", "topic: Security"}},
			want:  []problem{{"plans/1-lakeside.yaml", 11, "topic", "bad-enum"}},
		},
		{
			name:  "bad unquoted date",
			edits: []edit{{"plans/1-lakeside.yaml", "date: 2025-11-17", "date: 2025-13-40"}},
			want:  []problem{{"plans/1-lakeside.yaml", 5, "date", "bad-date"}},
		},
		{
			name:  "bad quoted date",
			edits: []edit{{"sources.yaml", `published: "2025-11-19"`, `published: "2025-11-31"`}},
			want:  []problem{{"sources.yaml", 6, "published", "bad-date"}},
		},
		{
			name:  "bad number",
			edits: []edit{{"plans/1-lakeside.yaml", "- number: 1", "- number: 0"}},
			want:  []problem{{"plans/1-lakeside.yaml", 8, "number", "bad-number"}},
		},
		{
			name:  "quote with a changed word is not verbatim",
			edits: []edit{{"claims/report-one.yaml", "quote: Northland would sign it", "quote: Northland will sign it"}},
			want:  []problem{{"claims/report-one.yaml", 19, "citations[0].quote", "not-verbatim"}},
		},
		{
			name: "quote with straight quotation marks for the source's curly ones is not verbatim",
			edits: []edit{{"claims/report-one.yaml",
				`quote: "“cannot accept any cap on its forces”"`,
				`quote: '"cannot accept any cap on its forces"'`}},
			want: []problem{{"claims/report-one.yaml", 28, "citations[0].quote", "not-verbatim"}},
		},
		{
			name:  "citation of a stored text without a quote",
			edits: []edit{{"claims/report-one.yaml", "        quote: Northland would sign it\n", ""}},
			want:  []problem{{"claims/report-one.yaml", 18, "citations[0].quote", "missing-quote"}},
		},
		{
			name: "claim without citations",
			edits: []edit{{"claims/report-two.yaml",
				"    citations:\n      - source: report-two\n        quote: a softer cap could be discussed\n", ""}},
			want: []problem{{"claims/report-two.yaml", 2, "citations", "missing-citation"}},
		},
		{
			name:  "stance without evidence",
			edits: []edit{{"claims/report-two.yaml", "evidence: [ben-cannot-accept, ben-softer-cap]", "evidence: []"}},
			want:  []problem{{"claims/report-two.yaml", 16, "evidence", "no-evidence"}},
		},
		{
			name:  "stance citing an event as evidence",
			edits: []edit{{"claims/report-two.yaml", "evidence: [ben-cannot-accept, ben-softer-cap]", "evidence: [ben-cannot-accept, lakeside-talks-resume]"}},
			want:  []problem{{"claims/report-two.yaml", 16, "evidence[1]", "wrong-kind"}},
		},
		{
			name:  "stance resting on a claim about something else",
			edits: []edit{{"claims/report-two.yaml", "    about: [lakeside-force-cap]\n    certainty: STATED\n    date: 2025-11-22", "    about: [ben-minister]\n    certainty: STATED\n    date: 2025-11-22"}},
			want:  []problem{{"claims/report-two.yaml", 16, "evidence[1]", "evidence-not-about-target"}},
		},
		{
			name:  "stance of an unknown actor",
			edits: []edit{{"claims/report-two.yaml", "  - actor: ben-minister", "  - actor: ben-ministre"}},
			want:  []problem{{"claims/report-two.yaml", 13, "actor", "unknown-reference"}},
		},
		{
			name:  "stance on a claim",
			edits: []edit{{"claims/report-two.yaml", "target: lakeside-force-cap", "target: ben-softer-cap"}},
			want:  []problem{{"claims/report-two.yaml", 14, "target", "wrong-kind"}},
		},
		{
			name:  "plan without id, once for all its points",
			edits: []edit{{"plans/2-amended.yaml", "  - id: amended-plan\n    title:", "  - title:"}},
			want:  []problem{{"plans/2-amended.yaml", 2, "id", "required"}},
		},
		{
			name:  "second stance of an actor on a target with the same position",
			edits: []edit{{"claims/report-two.yaml", "position: CONDITIONAL", "position: OPPOSES"}},
			want:  []problem{{"claims/report-two.yaml", 13, "", "duplicate-stance"}},
		},
		{
			name:  "claim among an event's participants",
			edits: []edit{{"claims/report-one.yaml", "participants: [ada-envoy, ben-minister]", "participants: [ada-envoy, ben-cannot-accept]"}},
			want:  []problem{{"claims/report-one.yaml", 57, "participants[1]", "wrong-kind"}},
		},
		{
			name:  "missing required name",
			edits: []edit{{"actors.yaml", "    name: Lakes Union\n", ""}},
			want:  []problem{{"actors.yaml", 25, "name", "required"}},
		},
		{
			name:  "concession without who concedes",
			edits: []edit{{"plans/2-amended.yaml", "        conceded_by: [southland]\n", ""}},
			want:  []problem{{"plans/2-amended.yaml", 7, "conceded_by", "required"}},
		},
		{
			name:  "unknown field in an actor",
			edits: []edit{{"actors.yaml", "    aliases: [LU]", "    alias: [LU]"}},
			want:  []problem{{"actors.yaml", 28, "alias", "unknown-field"}},
		},
		{
			name:  "unknown field in a citation, leaving it without its quote",
			edits: []edit{{"claims/report-one.yaml", "quote: Northland would sign it", "qoute: Northland would sign it"}},
			want: []problem{
				{"claims/report-one.yaml", 18, "citations[0].quote", "missing-quote"},
				{"claims/report-one.yaml", 19, "citations[0].qoute", "unknown-field"},
			},
		},
		{
			name:  "unknown section",
			edits: []edit{{"claims/report-one.yaml", "events:", "event:"}},
			want:  []problem{{"claims/report-one.yaml", 52, "event", "unknown-field"}},
		},
		{
			name:  "text where a number is expected",
			edits: []edit{{"plans/1-lakeside.yaml", "- number: 1", "- number: one"}},
			want:  []problem{{"plans/1-lakeside.yaml", 8, "number", "syntax"}},
		},
		{
			name:  "text where a list is expected",
			edits: []edit{{"plans/1-lakeside.yaml", "authors: [ada-envoy]", "authors: ada-envoy"}},
			want:  []problem{{"plans/1-lakeside.yaml", 6, "authors", "syntax"}},
		},
		{
			name:  "quoted text where true or false is expected",
			edits: []edit{{"plans/2-amended.yaml", "concession: true", `concession: "true"`}},
			want:  []problem{{"plans/2-amended.yaml", 11, "concession", "syntax"}},
		},
		{
			name:  "list where text is expected, once",
			edits: []edit{{"actors.yaml", "name: Northland", "name: [Northland]"}},
			want:  []problem{{"actors.yaml", 20, "name", "syntax"}},
		},
		{
			name:  "field given twice",
			edits: []edit{{"actors.yaml", "    name: Northland\n", "    name: Northland\n    name: Norland\n"}},
			want:  []problem{{"actors.yaml", 21, "name", "syntax"}},
		},
		{
			name:  "file that is not YAML",
			edits: []edit{{"actors.yaml", "aliases: [LU]", "aliases: [LU"}},
			want:  []problem{{"actors.yaml", 28, "", "syntax"}},
		},
		{
			name:  "missing text file",
			edits: []edit{{"sources.yaml", "text_file: texts/report-one.txt", "text_file: texts/report-1.txt"}},
			want:  []problem{{"sources.yaml", 9, "text_file", "missing-file"}},
		},
		{
			name:  "text file outside the seed directory",
			edits: []edit{{"sources.yaml", "text_file: texts/report-one.txt", "text_file: ../good/texts/report-one.txt"}},
			want:  []problem{{"sources.yaml", 9, "text_file", "missing-file"}},
		},
	}
	for _, tc := range cases {
		t.Run("reports "+tc.name, func(t *testing.T) {
			dir := MustBreak(t, tc.edits...)
			got := problemsIn(t, dir, MustFail(t, dir))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems:\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

// An entry with many fields (only a mistake makes one) is checked for a
// repeated field another way than an ordinary entry; it reports the same.
func TestReadReportsARepeatedFieldAmongMany(t *testing.T) {
	var extra strings.Builder
	var want []problem
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&extra, "    extra%d: x\n", i)
		want = append(want, problem{"actors.yaml", 21 + i, fmt.Sprintf("extra%d", i), "unknown-field"})
	}
	extra.WriteString("    name: Norland\n")
	want = append(want, problem{"actors.yaml", 61, "name", "syntax"})
	dir := MustBreak(t, edit{"actors.yaml", "    name: Northland\n", "    name: Northland\n" + extra.String()})
	got := problemsIn(t, dir, MustFail(t, dir))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %v\nwant %v", got, want)
	}
}
