package webannotation_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/webannotation"
)

func quote(exact, prefix, suffix string) webannotation.TextQuoteSelector {
	return webannotation.TextQuoteSelector{Type: "TextQuoteSelector", Exact: exact, Prefix: prefix, Suffix: suffix}
}

func position(start, end int) webannotation.TextPositionSelector {
	return webannotation.TextPositionSelector{Type: "TextPositionSelector", Start: start, End: end}
}

func TestSelectors(t *testing.T) {
	long := strings.Repeat("a", 40) + "QUOTE" + strings.Repeat("z", 40)
	// "é", "’" and "🕊" are one code point each but 2, 3 and 4 bytes
	// (and the dove two UTF-16 code units): offsets count code points.
	wide := "Café’s 🕊 dove: peace now, he said"
	cases := []struct {
		name string
		ct   peacegraph.Citation
		text string
		want []any
	}{
		{"InTheMiddleHasContextCutToContextChars", peacegraph.Citation{Quote: "QUOTE", Start: 40, End: 45}, long,
			[]any{quote("QUOTE", strings.Repeat("a", webannotation.ContextChars), strings.Repeat("z", webannotation.ContextChars)), position(40, 45)}},
		{"AtTheStartHasNoPrefix", peacegraph.Citation{Quote: "Café", Start: 0, End: 4}, wide,
			[]any{quote("Café", "", "’s 🕊 dove: peace now, he said"), position(0, 4)}},
		{"AtTheEndHasNoSuffix", peacegraph.Citation{Quote: "he said", Start: 26, End: 33}, wide,
			[]any{quote("he said", "Café’s 🕊 dove: peace now, ", ""), position(26, 33)}},
		{"CountsCodePoints", peacegraph.Citation{Quote: "dove", Start: 9, End: 13}, wide,
			[]any{quote("dove", "Café’s 🕊 ", ": peace now, he said"), position(9, 13)}},
		{"TextNotStoredHasTheQuoteAlone", peacegraph.Citation{Quote: "dove", Start: -1, End: -1}, "",
			[]any{quote("dove", "", "")}},
		{"OffsetsThatMissTheQuoteGiveTheQuoteAlone", peacegraph.Citation{Quote: "dove", Start: 8, End: 12}, wide,
			[]any{quote("dove", "", "")}},
		{"OffsetsPastTheTextGiveTheQuoteAlone", peacegraph.Citation{Quote: "said", Start: 30, End: 34}, wide,
			[]any{quote("said", "", "")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := webannotation.Selectors(tc.ct, tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Selectors(%+v) =\n%#v\nwant\n%#v", tc.ct, got, tc.want)
			}
		})
	}
}

func TestNew(t *testing.T) {
	withURL := &peacegraph.Source{ID: "s-web", URL: "https://example.org/a", Text: "He said peace now."}
	withoutURL := &peacegraph.Source{ID: "s-memo"}
	c := &peacegraph.Claim{ID: "c-peace", Text: "He calls for peace.", Citations: []peacegraph.Citation{
		{SourceID: "s-web", Quote: "peace now", Start: 8, End: 17},
		{SourceID: "s-memo", Start: -1, End: -1},
		{SourceID: "s-memo", Quote: "peace", Start: -1, End: -1},
	}}
	body := webannotation.TextualBody{ID: "urn:peacegraph:claim:c-peace", Type: "TextualBody", Value: "He calls for peace.", Format: "text/plain"}

	t.Run("AQuoteTargetsItsPassage", func(t *testing.T) {
		got := webannotation.New(c, 0, withURL)
		want := webannotation.Annotation{
			ID: "urn:peacegraph:citation:c-peace:0", Type: "Annotation", Motivation: "describing",
			Generator: &webannotation.Generator, Body: body,
			Target: &webannotation.SpecificResource{Type: "SpecificResource", Source: "https://example.org/a",
				Selector: []any{quote("peace now", "He said ", "."), position(8, 17)}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %#v\nwant %#v", got, want)
		}
	})
	t.Run("NoQuoteTargetsTheWholeSourceWithoutSelector", func(t *testing.T) {
		got := webannotation.New(c, 1, withoutURL)
		if got.Target != "urn:peacegraph:source:s-memo" || got.ID != "urn:peacegraph:citation:c-peace:1" {
			t.Errorf("id %q, target %#v; want the source's URN alone", got.ID, got.Target)
		}
	})
	t.Run("ASourceWithoutURLIsNamedByURN", func(t *testing.T) {
		got := webannotation.New(c, 2, withoutURL).Target.(*webannotation.SpecificResource)
		if got.Source != "urn:peacegraph:source:s-memo" || !reflect.DeepEqual(got.Selector, []any{quote("peace", "", "")}) {
			t.Errorf("target %#v", got)
		}
	})
	t.Run("ACollectionOfNothingHasNoPage", func(t *testing.T) {
		got := webannotation.SourceCollection(withURL, nil)
		if got.Total != 0 || got.First != nil || got.Last != "" || got.ID != "urn:peacegraph:annotations:source:s-web" {
			t.Errorf("collection %#v", got)
		}
	})
	t.Run("ASourcesCollectionHoldsOnlyItsCitations", func(t *testing.T) {
		got := webannotation.SourceCollection(withoutURL, []*peacegraph.Claim{c})
		var ids []string
		for _, a := range got.First.Items {
			ids = append(ids, a.ID)
		}
		if want := []string{"urn:peacegraph:citation:c-peace:1", "urn:peacegraph:citation:c-peace:2"}; !reflect.DeepEqual(ids, want) || got.Total != 2 {
			t.Errorf("items %q, total %d; want %q", ids, got.Total, want)
		}
	})
}
