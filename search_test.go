package peacegraph_test

import (
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
)

func TestSearchWords(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"LowerCasedAndSplitOnPunctuation", "Army, CAP! 600,000", []string{"army", "cap", "600", "000"}},
		{"RepeatsCountOnce", "cap Cap CAP", []string{"cap"}},
		{"NonLatinLettersAreWords", "Über «Київ»", []string{"über", "київ"}},
		{"NoLettersNoWords", " ,.;! ", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := peacegraph.SearchWords(c.text); !slices.Equal(got, c.want) {
				t.Errorf("SearchWords(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

func TestScoreSearch(t *testing.T) {
	actor := &peacegraph.Actor{ID: "a", Name: "Ölaf Über", Aliases: []string{"The Envoy"}, Role: "Envoy to Kyiv"}
	point := &peacegraph.Point{ID: "p", Title: "Ten-point peace plan", Summary: "A peace plan.", Topic: "peace"}
	for _, c := range []struct {
		name      string
		node      peacegraph.Node
		text      string
		wantScore float64
		wantSnip  string
		wantOK    bool
	}{
		{"CaseFoldedBeyondASCII", actor, "ÜBER", 3, "Ölaf «Über»", true},
		{"AliasOutweighsRole", actor, "envoy", 2, "The «Envoy»", true},
		{"EachWordItsBestField", actor, "envoy kyiv", 3, "«Envoy» to «Kyiv»", true},
		{"OverlappingMatchesMarkedOnce", point, "peace pea", 6, "Ten-point «peace» plan", true},
		{"TitleIsTheSnippetWhenItHoldsAsManyWords", point, "peace plan", 6, "Ten-point «peace» «plan»", true},
		{"SnippetOnOneLine", &peacegraph.Claim{ID: "c", Text: "  A long\n\n  cap  "}, "cap", 1, "A long «cap»", true},
		{"AllWordsMustMatch", point, "peace treaty", 0, "", false},
		{"NoWordsNoMatch", point, "--", 0, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			score, snip, ok := peacegraph.ScoreSearch(c.node, c.text)
			if score != c.wantScore || snip != c.wantSnip || ok != c.wantOK {
				t.Errorf("ScoreSearch(%q) = %v, %q, %v; want %v, %q, %v",
					c.text, score, snip, ok, c.wantScore, c.wantSnip, c.wantOK)
			}
		})
	}
}

func TestSearchNodes(t *testing.T) {
	nodes := []peacegraph.Node{
		&peacegraph.Source{ID: "s", Title: "Cap report"},
		nil,
		&peacegraph.Claim{ID: "c2", Text: "A cap."},
		&peacegraph.Point{ID: "p", Title: "Army cap"},
		&peacegraph.Claim{ID: "c1", Text: "The cap."},
	}

	t.Run("RankedByScoreKindID", func(t *testing.T) {
		hits, err := peacegraph.SearchNodes(nodes, peacegraph.SearchQuery{Text: "cap", First: 10})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.NodeID)
		}
		if want := []string{"p", "s", "c1", "c2"}; !slices.Equal(got, want) {
			t.Errorf("hits = %q, want %q", got, want)
		}
	})
	t.Run("FirstCuts", func(t *testing.T) {
		hits, err := peacegraph.SearchNodes(nodes, peacegraph.SearchQuery{Text: "cap", First: 1})
		if err != nil || len(hits) != 1 || hits[0].NodeID != "p" {
			t.Errorf("hits = %v, %v; want p alone", hits, err)
		}
	})
	t.Run("NoWordsInvalid", func(t *testing.T) {
		_, err := peacegraph.SearchNodes(nodes, peacegraph.SearchQuery{Text: "!", First: 1})
		if got := peacegraph.ErrorCode(err); got != peacegraph.EINVALID {
			t.Errorf("code = %q, want %q", got, peacegraph.EINVALID)
		}
	})
	t.Run("NegativeFirstInvalid", func(t *testing.T) {
		_, err := peacegraph.SearchNodes(nodes, peacegraph.SearchQuery{Text: "cap", First: -1})
		if got := peacegraph.ErrorCode(err); got != peacegraph.EINVALID {
			t.Errorf("code = %q, want %q", got, peacegraph.EINVALID)
		}
	})
}
