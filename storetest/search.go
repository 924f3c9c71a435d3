package storetest

import (
	"testing"

	"github.com/peacegraph/peacegraph"
)

func testSearch(t *testing.T, s peacegraph.Store) {
	hit := func(id string, kind peacegraph.Kind, score float64, snippet string) peacegraph.SearchHit {
		return peacegraph.SearchHit{NodeID: id, Kind: kind, Score: score, Snippet: snippet}
	}
	armyCap := []peacegraph.SearchHit{
		// Titles weigh 3 a word; the title is the best field, so it is the
		// snippet, though the summary holds both words too.
		hit("peace-plan-2", peacegraph.KindPoint, 6, "«Army» «cap»"),
		hit("revised-2", peacegraph.KindPoint, 6, "«Army» «cap»"),
		// Equal scores: Claim sorts before Plan, then IDs.
		hit("c-accept", peacegraph.KindClaim, 2, "Carol Cruz accepts the «army» «cap»."),
		hit("c-cap-support", peacegraph.KindClaim, 2, "Carol Cruz privately supports the «army» «cap»."),
		hit("c-reject", peacegraph.KindClaim, 2, "Carol Cruz rejects the «army» «cap»."),
		hit("peace-plan", peacegraph.KindPlan, 2, "A plan for a ceasefire and an «army» «cap»."),
	}
	for _, c := range []struct {
		name  string
		q     peacegraph.SearchQuery
		want  []peacegraph.SearchHit
		check func(t *testing.T, got []peacegraph.SearchHit)
	}{
		{name: "RankedByScoreKindID", q: peacegraph.SearchQuery{Text: "army cap", First: 20}, want: armyCap},
		{name: "FirstCutsTheRanking", q: peacegraph.SearchQuery{Text: "Army, CAP!", First: 2}, want: armyCap[:2]},
		{name: "FirstZeroFindsNothing", q: peacegraph.SearchQuery{Text: "army cap"}, want: nil},
		{name: "NameOutweighsAlias", q: peacegraph.SearchQuery{Text: "ARDEN", First: 20}, want: []peacegraph.SearchHit{
			hit("alice-envoy", peacegraph.KindActor, 3, "Alice «Arden»"),
			hit("c-fair", peacegraph.KindClaim, 1, "Alice «Arden» says the plan is fair to all parties."),
		}},
		{name: "AliasAlone", q: peacegraph.SearchQuery{Text: "pact", First: 20}, want: []peacegraph.SearchHit{
			hit("north-alliance", peacegraph.KindActor, 2, "Northern «Pact»"),
		}},
		{name: "QuoteWords", q: peacegraph.SearchQuery{Text: "really heard", First: 20}, want: []peacegraph.SearchHit{
			// Only the quote holds both words, so it makes the snippet.
			hit("c-heard", peacegraph.KindClaim, 2, "Our position is «really» being «heard»."),
		}},
		// Words match inside longer words: "monitor" in "monitoring".
		{name: "SubstringOfAWord", q: peacegraph.SearchQuery{Text: "monitor", First: 20}, want: []peacegraph.SearchHit{
			hit("revised-1", peacegraph.KindPoint, 3, "Ceasefire and «monitor»ing"),
		}},
		// Common words count like any other: "the" is searched, not dropped.
		{name: "CommonWordsCount", q: peacegraph.SearchQuery{Text: "the cap", First: 20}, want: []peacegraph.SearchHit{
			hit("c-accept", peacegraph.KindClaim, 2, "Carol Cruz accepts «the» army «cap»."),
			hit("c-cap-support", peacegraph.KindClaim, 2, "Carol Cruz privately supports «the» army «cap»."),
			hit("c-reject", peacegraph.KindClaim, 2, "Carol Cruz rejects «the» army «cap»."),
		}},
		{name: "EveryWordMustMatch", q: peacegraph.SearchQuery{Text: "army geneva", First: 20}, want: nil},
		// A long field is cut between words, around the first match.
		{name: "LongFieldCutBeforeMatch", q: peacegraph.SearchQuery{Text: "cabinet", First: 20}, want: []peacegraph.SearchHit{
			hit("alice-envoy", peacegraph.KindActor, 1,
				"…envoy; she drafted the first version of the plan with Bob Brandt over several weeks of meetings held in private, and presented it to the «cabinet» of Blueland."),
		}},
		{name: "LongFieldCutAfterMatch", q: peacegraph.SearchQuery{Text: "diplomat", First: 20}, want: []peacegraph.SearchHit{
			hit("alice-envoy", peacegraph.KindActor, 1,
				"A career «diplomat» who spent two decades in trade talks before she was named envoy; she drafted the first version of the plan with Bob Brandt over several weeks…"),
		}},
		{name: "TiesByKindThenID", q: peacegraph.SearchQuery{Text: "plan", First: 20}, check: func(t *testing.T, got []peacegraph.SearchHit) {
			var ids []string
			var scores []float64
			for _, h := range got {
				ids = append(ids, h.NodeID)
				scores = append(scores, h.Score)
			}
			wantIDs(t, "hits", ids, []string{
				"ev-presentation", "peace-plan", "peace-plan-revised", "article-full", "report-daily",
				"alice-envoy", "c-denial", "c-fair", "c-leak",
			})
			wantSame(t, "scores", scores, []float64{3, 3, 3, 3, 3, 1, 1, 1, 1})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Search(t.Context(), c.q)
			if err != nil {
				t.Fatal(err)
			}
			if c.check != nil {
				c.check(t, got)
				return
			}
			wantSame(t, "hits", got, c.want)
		})
	}

	t.Run("NoWordsInvalid", func(t *testing.T) {
		for _, text := range []string{"", "   ", ",.;!"} {
			_, err := s.Search(t.Context(), peacegraph.SearchQuery{Text: text, First: 5})
			wantCode(t, err, peacegraph.EINVALID)
		}
	})
	t.Run("NegativeFirstInvalid", func(t *testing.T) {
		_, err := s.Search(t.Context(), peacegraph.SearchQuery{Text: "army", First: -1})
		wantCode(t, err, peacegraph.EINVALID)
	})
}
