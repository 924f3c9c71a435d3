package synth

import (
	"sort"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// Stored texts are composed from the claims that cite them: each such
// claim contributes a sentence carrying its words in quotation marks,
// between sentences of context, so that every citation quotes the text
// verbatim. Lines are wrapped, so some quotes span a line break, which
// the quote rule forgives.

// perText is how many claims cite each stored text: 60 citations over a
// replica's four texts, about the share of the real record's citations
// that are located in a stored text.
const perText = 15

// wrapAt is the width stored texts are wrapped to.
const wrapAt = 72

var (
	spokenSentences = []string{
		"{speaker} said the proposal was “{saying}”.",
		"Speaking in {city}, {speaker} called it “{saying}”.",
		"{speaker} told reporters the text was “{saying}”.",
	}
	reportedSentences = []string{
		"Officials familiar with the talks said the draft was “{saying}”.",
		"According to people briefed on it, the text is “{saying}”.",
		"One diplomat’s account is that it was “{saying}”.",
	}
	fillers = []string{
		"The document was first described to reporters on {date}.",
		"Delegations are expected to meet again in {city}.",
		"Neither side has published the full text.",
		"Markets in {city} rose on the reports.",
		"The foreign ministry declined to comment on the details.",
		"Diplomats cautioned that the wording could still change.",
		"The talks have gone on for weeks with few public statements.",
	}
)

// storeTexts gives each text source its citing claims and its text.
func (w *replica) storeTexts() {
	cited := make(map[*genClaim]bool)
	for _, src := range w.sources[:textSources] {
		var dated []*genClaim
		for _, c := range w.claims {
			if c.day >= 0 && !cited[c] {
				dated = append(dated, c)
			}
		}
		sort.SliceStable(dated, func(i, j int) bool { return abs(dated[i].day-src.day) < abs(dated[j].day-src.day) })
		chosen := dated[:perText]
		sort.SliceStable(chosen, func(i, j int) bool { return chosen[i].day < chosen[j].day })
		var sentences []string
		for _, c := range chosen {
			cited[c] = true
			sentence, quote := w.sentence(c)
			sentences = append(sentences, sentence)
			c.Citations = append(c.Citations, peacegraph.Citation{SourceID: src.ID, Quote: quote, Start: -1, End: -1})
		}
		src.Text = compose(w.r, src.Title, src.Publisher, w.longDate(src.day), pick(w.r, w.cities), sentences)
	}
}

// citeAll gives every source nobody cites a citation, by the claim of the
// nearest day: in the real record every report on file is cited.
func (w *replica) citeAll() {
	cited := make(map[string]bool)
	for _, c := range w.claims {
		for _, ct := range c.Citations {
			cited[ct.SourceID] = true
		}
	}
	for _, p := range w.d.Points {
		for _, id := range p.SourceIDs {
			cited[id] = true
		}
	}
	for _, s := range w.sources {
		if cited[s.ID] {
			continue
		}
		var best *genClaim
		for _, c := range w.claims {
			if best == nil || c.day >= 0 && (best.day < 0 || abs(c.day-s.day) < abs(best.day-s.day)) {
				best = c
			}
		}
		ct := peacegraph.Citation{SourceID: s.ID, Start: -1, End: -1}
		if w.r.chance(25) {
			ct.Quote = best.saying
		}
		best.Citations = append(best.Citations, ct)
		cited[s.ID] = true
	}
}

// sentence returns how a stored text prints a claim, and the quote a
// citation of it takes: the saying with or without its quotation marks.
func (w *replica) sentence(c *genClaim) (sentence, quote string) {
	return sentenceFor(w.r, c.sentence, c.speaker, c.saying, pick(w.r, w.cities))
}

func sentenceFor(r *rng, format, speaker, saying, city string) (sentence, quote string) {
	switch {
	case format != "":
	case speaker != "":
		format = pick(r, spokenSentences)
	default:
		format = pick(r, reportedSentences)
	}
	sentence = capitalise(strings.NewReplacer("{speaker}", speaker, "{saying}", saying, "{city}", city).Replace(format))
	if r.chance(50) {
		return sentence, "“" + saying + "”"
	}
	return sentence, saying
}

// compose writes an article: headline, byline, then paragraphs of three
// or four sentences, the claims' sentences among context, wrapped.
func compose(r *rng, title, publisher, date, city string, sentences []string) string {
	var all []string
	for i, s := range sentences {
		all = append(all, s)
		if i%3 == 2 {
			all = append(all, strings.NewReplacer("{date}", date, "{city}", city).Replace(pick(r, fillers)))
		}
	}
	var b strings.Builder
	b.WriteString(title)
	b.WriteString("\n\nBy ")
	b.WriteString(pick(r, given) + " " + syllables(r, 2)) // an invented reporter
	if publisher != "" {
		b.WriteString(" | " + publisher)
	}
	b.WriteString(" | " + date + "\n")
	for len(all) > 0 {
		n := min(len(all), r.between(3, 4))
		b.WriteString("\n")
		b.WriteString(wrap(strings.Join(all[:n], " "), wrapAt))
		b.WriteString("\n")
		all = all[n:]
	}
	return b.String()
}

// wrap breaks text into lines of at most width bytes at spaces.
func wrap(text string, width int) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(text) {
		if i > 0 {
			if line+1+len(word) > width {
				b.WriteByte('\n')
				line = 0
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(word)
		line += len(word)
	}
	return b.String()
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
