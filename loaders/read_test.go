package loaders_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/peacegraph/peacegraph"
)

func TestReadGoodFixture(t *testing.T) {
	d := MustRead(t, goodDir)
	text, err := os.ReadFile(goodDir + "/texts/report-one.txt")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("reads every actor with both forms of affiliation", func(t *testing.T) {
		want := []*peacegraph.Actor{
			{ID: "ada-envoy", Name: "Ada Envoy", Kind: peacegraph.ActorPerson, Role: "Special envoy of Northland",
				Description:  "Diplomat leading Northland's side of the Lakeside talks.",
				Aliases:      []string{"Envoy Ada", "A. Envoy"},
				Affiliations: []peacegraph.Affiliation{{ActorID: "northland", Role: "Special envoy"}}},
			{ID: "ben-minister", Name: "Ben Minister", Kind: peacegraph.ActorPerson,
				Affiliations: []peacegraph.Affiliation{{ActorID: "southland"}}},
			{ID: "northland", Name: "Northland", Kind: peacegraph.ActorGovernment},
			{ID: "southland", Name: "Southland", Kind: peacegraph.ActorGovernment},
			{ID: "lakes-union", Name: "Lakes Union", Kind: peacegraph.ActorOrganization, Aliases: []string{"LU"}},
		}
		assertEqual(t, d.Actors, want)
	})

	t.Run("reads sources with their stored text and quoted or unquoted dates", func(t *testing.T) {
		want := []*peacegraph.Source{
			{ID: "report-one", Title: "Lakeside talks resume — a report", Publisher: "Lakeside Courier",
				URL: "https://courier.example/lakeside-talks", Published: "2025-11-19", Retrieved: "2025-11-25",
				Language: "en", Text: string(text)},
			{ID: "report-two", Title: "Southland answers", Publisher: "Southern Wire", Published: "2025-11-22",
				Note: "Only an excerpt is on record."},
		}
		assertEqual(t, d.Sources, want)
	})

	t.Run("keeps plans in read order, the first being the default", func(t *testing.T) {
		want := []*peacegraph.Plan{
			{ID: "lakeside-plan", Title: "Lakeside framework", Summary: "A draft framework for ending the Lakeside dispute.",
				Date: "2025-11-17", AuthorIDs: []string{"ada-envoy"}, Seq: 0},
			{ID: "amended-plan", Title: "Amended Lakeside framework", Date: "2025-11-24", Revises: "lakeside-plan", Seq: 1,
				Changes: []peacegraph.PointChange{
					{PointID: "lakeside-plan-1", Status: peacegraph.ChangeUnknown},
					{PointID: "lakeside-force-cap", Status: peacegraph.ChangeChanged, RevisedIDs: []string{"amended-plan-2"}},
				}},
		}
		assertEqual(t, d.Plans, want)
	})

	t.Run("gives a point without id the id plan-number", func(t *testing.T) {
		want := []*peacegraph.Point{
			{ID: "lakeside-plan-1", PlanID: "lakeside-plan", Number: 1, Title: "Ceasefire along the lake",
				Summary: "Both sides stop fighting along the lake shore.", Topic: "security",
				SourceIDs: []string{"report-one"}},
			{ID: "lakeside-force-cap", PlanID: "lakeside-plan", Number: 2, Title: "Cap on Southland's forces",
				Summary: "Southland's forces are limited to a fixed number.", Topic: "military",
				Concession: true, ConcededByIDs: []string{"southland"}, SourceIDs: []string{"report-one", "report-two"}},
			{ID: "amended-plan-2", PlanID: "amended-plan", Number: 2, Title: "Softer cap on Southland's forces",
				Summary: "The cap on Southland's forces is raised.", Topic: "military",
				Concession: true, ConcededByIDs: []string{"southland"}, Amends: "lakeside-force-cap"},
		}
		assertEqual(t, d.Points, want)
	})

	t.Run("locates quotes by code point across line breaks and makes contradictions symmetric", func(t *testing.T) {
		want := []*peacegraph.Claim{
			{ID: "ada-fair-basis", Text: "Ada Envoy said the draft was a fair basis for a lasting settlement.",
				ClaimantID: "ada-envoy", AboutIDs: []string{"lakeside-plan"}, Certainty: peacegraph.Stated, Date: "2025-11-18",
				Citations:          []peacegraph.Citation{{SourceID: "report-one", Quote: "“a fair basis for a lasting settlement”", Start: 79, End: 118}},
				Contradicts:        []string{"ben-cannot-accept"},
				ContradictionRules: map[string][]string{"ben-cannot-accept": {"contradicts"}},
				Corroboration:      peacegraph.Corroboration{Sources: 1, Publishers: 1, Earliest: "2025-11-19", EarliestSourceID: "report-one"}},
			{ID: "northland-will-sign", Text: "Ada Envoy said Northland would sign the draft.",
				ClaimantID: "ada-envoy", AboutIDs: []string{"northland", "lakeside-plan"}, Certainty: peacegraph.Stated, Date: "2025-11-18",
				Citations:     []peacegraph.Citation{{SourceID: "report-one", Quote: "Northland would sign it", Start: 128, End: 151}},
				Corroboration: peacegraph.Corroboration{Sources: 1, Publishers: 1, Earliest: "2025-11-19", EarliestSourceID: "report-one"}},
			{ID: "ben-cannot-accept", Text: "Ben Minister said Southland cannot accept any cap on its forces.",
				ClaimantID: "ben-minister", AboutIDs: []string{"lakeside-force-cap"}, Certainty: peacegraph.Stated, Date: "2025-11-18",
				Citations:          []peacegraph.Citation{{SourceID: "report-one", Quote: "“cannot accept any cap on its forces”", Start: 200, End: 237}},
				Contradicts:        []string{"ada-fair-basis"},
				ContradictionRules: map[string][]string{"ada-fair-basis": {"contradicts"}},
				Corroboration:      peacegraph.Corroboration{Sources: 1, Publishers: 1, Earliest: "2025-11-19", EarliestSourceID: "report-one"}},
			{ID: "lakes-union-not-consulted", Text: "Unnamed officials said the Lakes Union was not consulted.",
				AboutIDs: []string{"lakes-union"}, Certainty: peacegraph.Reported,
				Citations: []peacegraph.Citation{{SourceID: "report-one",
					Quote: "The Lakes Union was not consulted, according to officials who asked not to be named.", Start: 260, End: 344}},
				Note: "Unnamed sources.", Corroboration: peacegraph.Corroboration{Sources: 1, Publishers: 1, Earliest: "2025-11-19", EarliestSourceID: "report-one"}},
			{ID: "ben-softer-cap", Text: "Ben Minister said Southland could accept a softer cap.",
				ClaimantID: "ben-minister", AboutIDs: []string{"lakeside-force-cap"}, Certainty: peacegraph.Stated, Date: "2025-11-22",
				Citations:     []peacegraph.Citation{{SourceID: "report-two", Quote: "a softer cap could be discussed", Start: -1, End: -1}},
				Corroboration: peacegraph.Corroboration{Sources: 1, Publishers: 1, Earliest: "2025-11-22", EarliestSourceID: "report-two"}},
		}
		assertEqual(t, d.Claims, want)
	})

	t.Run("finds each quote's own words in the text at its offsets", func(t *testing.T) {
		got := peacegraph.Substring(string(text), 79, 118)
		want := "“a fair basis for\na lasting settlement”"
		if got != want {
			t.Errorf("text[79:118] = %q, want %q", got, want)
		}
	})

	t.Run("dates each stance by its latest evidence", func(t *testing.T) {
		want := []*peacegraph.Stance{
			{ActorID: "ada-envoy", TargetID: "lakeside-plan", Position: peacegraph.Supports,
				EvidenceIDs: []string{"ada-fair-basis", "northland-will-sign"}, AsOf: "2025-11-18",
				EvidenceDates: []peacegraph.Date{"2025-11-18", "2025-11-18"}},
			{ActorID: "ben-minister", TargetID: "lakeside-force-cap", Position: peacegraph.Opposes,
				EvidenceIDs: []string{"ben-cannot-accept"}, AsOf: "2025-11-18", Note: "Rejects any cap.",
				EvidenceDates: []peacegraph.Date{"2025-11-18"}},
			{ActorID: "ben-minister", TargetID: "lakeside-force-cap", Position: peacegraph.Conditional,
				EvidenceIDs: []string{"ben-cannot-accept", "ben-softer-cap"}, AsOf: "2025-11-22",
				EvidenceDates: []peacegraph.Date{"2025-11-18", "2025-11-22"}},
		}
		assertEqual(t, d.Stances, want)
	})

	t.Run("reads events", func(t *testing.T) {
		want := []*peacegraph.Event{
			{ID: "lakeside-talks-resume", Title: "The Lakeside talks resume", Date: "2025-11-18", Place: "Lakeside",
				ParticipantIDs: []string{"ada-envoy", "ben-minister"}, EvidenceIDs: []string{"ada-fair-basis", "ben-cannot-accept"}},
		}
		assertEqual(t, d.Events, want)
	})
}

// assertEqual compares two lists of pointers element by element, so that a
// failure shows the values rather than addresses.
func assertEqual[T any](t *testing.T, got, want []*T) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d entries, want %d", len(got), len(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, *got[i], *want[i])
		}
	}
}
