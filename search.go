package peacegraph

import (
	"sort"
	"strings"
	"unicode"
)

// Search rules. Both stores rank with these functions, so a query gets the
// same hits in the same order and with the same snippets from either: the
// memory store scores every node, the Neo4j store scores the candidates its
// full-text index returns.
//
//   - The query is split into words: runs of Unicode letters and digits,
//     lower-cased, each counted once. Punctuation separates words, so
//     "600,000" is the words "600" and "000".
//   - A node matches when every word occurs, case-insensitively, as a
//     substring of at least one of its searchable fields (SearchFields).
//   - Its score is, for each word, the weight of the heaviest field the word
//     occurs in, summed over the words. Names and titles weigh 3, aliases
//     2, every other field 1.
//   - Hits are ranked by score descending, then Kind, then ID.
//   - The snippet comes from the best field: the one holding the most of
//     the words, then the heaviest, then the first in SearchFields order.
//     Its white space is folded first (each run one space, none at the
//     ends), so a snippet is one line. It is the whole field when it is at most SnippetLength characters
//     long; otherwise a window of at most SnippetLength characters that
//     starts up to 40 characters before the first match (less when the
//     field ends sooner), both ends moved inward to the nearest space, and
//     "…" added where the field was cut. Every occurrence of a word in the
//     window is wrapped in SnippetOpen and SnippetClose.

// The weights of searchable fields.
const (
	WeightName  = 3 // actor names, titles of plans, points, sources, events; dispute questions
	WeightAlias = 2 // actor aliases
	WeightOther = 1 // every other searchable field
)

// SnippetOpen and SnippetClose wrap each match in a snippet. Guillemets
// rather than HTML tags keep snippets safe to show as plain text; a front
// end that wants highlighting replaces them.
const (
	SnippetOpen  = "«"
	SnippetClose = "»"
)

// SnippetLength is the longest window of a field, in characters, that a
// snippet shows (markers and ellipses not counted).
const SnippetLength = 160

// snippetLead is how many characters of context a snippet keeps before the
// first match when the field has to be cut.
const snippetLead = 40

// SearchField is one searchable text of a node.
type SearchField struct {
	// Name is the field's name in the API, e.g. "name" or "citations.quote".
	Name   string
	Text   string
	Weight float64
}

// SearchFields returns the searchable fields of a node, in a fixed order;
// empty texts are left out.
func SearchFields(n Node) []SearchField {
	var fs []SearchField
	add := func(name, text string, w float64) {
		if strings.TrimSpace(text) != "" {
			fs = append(fs, SearchField{Name: name, Text: text, Weight: w})
		}
	}
	switch n := n.(type) {
	case *Actor:
		add("name", n.Name, WeightName)
		for _, a := range n.Aliases {
			add("aliases", a, WeightAlias)
		}
		add("role", n.Role, WeightOther)
		add("description", n.Description, WeightOther)
	case *Plan:
		add("title", n.Title, WeightName)
		add("summary", n.Summary, WeightOther)
	case *Point:
		add("title", n.Title, WeightName)
		add("summary", n.Summary, WeightOther)
		add("topic", n.Topic, WeightOther)
	case *Claim:
		add("text", n.Text, WeightOther)
		for _, ct := range n.Citations {
			add("citations.quote", ct.Quote, WeightOther)
		}
	case *Source:
		add("title", n.Title, WeightName)
		add("publisher", n.Publisher, WeightOther)
	case *Event:
		add("title", n.Title, WeightName)
		add("summary", n.Summary, WeightOther)
		add("place", n.Place, WeightOther)
	case *Dispute:
		add("question", n.Question, WeightName)
		add("summary", n.Summary, WeightOther)
		for _, side := range n.Sides {
			add("sides.label", side.Label, WeightOther)
		}
	}
	return fs
}

// SearchWords splits a query into its distinct lower-cased words, in the
// order they first appear.
func SearchWords(text string) []string {
	seen := make(map[string]bool)
	var words []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		w = string(lowerRunes(w))
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// ScoreSearch scores a node against a query text by the rules above. ok is
// false when the node does not match (or the text has no words).
func ScoreSearch(n Node, text string) (score float64, snippet string, ok bool) {
	return scoreWords(n, SearchWords(text))
}

func scoreWords(n Node, words []string) (score float64, snippet string, ok bool) {
	if len(words) == 0 {
		return 0, "", false
	}
	fields := SearchFields(n)
	lowered := make([][]rune, len(fields))
	for i, f := range fields {
		lowered[i] = lowerRunes(f.Text)
	}
	matched := make([]int, len(fields)) // how many words each field holds
	for _, w := range words {
		wr := []rune(w)
		best := 0.0
		for i, f := range fields {
			if runeIndex(lowered[i], wr) >= 0 {
				matched[i]++
				best = max(best, f.Weight)
			}
		}
		if best == 0 {
			return 0, "", false
		}
		score += best
	}
	bestField := -1
	for i, f := range fields {
		if bestField < 0 || matched[i] > matched[bestField] ||
			matched[i] == matched[bestField] && f.Weight > fields[bestField].Weight {
			bestField = i
		}
	}
	return score, makeSnippet([]rune(fields[bestField].Text), lowered[bestField], words), true
}

// SearchNodes answers a search over candidate nodes: it checks the query,
// scores every candidate, and returns the First best hits in rank order.
// EINVALID when the text has no words or First is negative.
func SearchNodes(candidates []Node, q SearchQuery) ([]SearchHit, error) {
	words := SearchWords(q.Text)
	if len(words) == 0 {
		return nil, FieldErrorf(EINVALID, "text", "search text must contain a letter or digit")
	}
	if q.First < 0 {
		return nil, FieldErrorf(EINVALID, "first", "first must not be negative, got %d", q.First)
	}
	hits := []SearchHit{}
	for _, n := range candidates {
		if n == nil {
			continue
		}
		if score, snippet, ok := scoreWords(n, words); ok {
			hits = append(hits, SearchHit{NodeID: n.NodeID(), Kind: n.NodeKind(), Score: score, Snippet: snippet})
		}
	}
	SortSearchHits(hits)
	if len(hits) > q.First {
		hits = hits[:q.First]
	}
	return hits, nil
}

// SortSearchHits puts hits in rank order: score descending, then Kind, then
// ID.
func SortSearchHits(hits []SearchHit) {
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.NodeID < b.NodeID
	})
}

// lowerRunes lower-cases s one code point at a time, so that the result
// has as many code points as s and positions carry over between them.
func lowerRunes(s string) []rune {
	r := []rune(s)
	for i, c := range r {
		r[i] = unicode.ToLower(c)
	}
	return r
}

// makeSnippet cuts a window of text around the first match of any word and
// marks every match inside it. lower is text lower-cased by lowerRunes.
func makeSnippet(text, lower []rune, words []string) string {
	text, lower = foldSnippetSpace(text, lower)
	marked := make([]bool, len(text))
	first := len(text)
	for _, w := range words {
		wr := []rune(w)
		for from := 0; from+len(wr) <= len(lower); {
			i := runeIndex(lower[from:], wr)
			if i < 0 {
				break
			}
			i += from
			first = min(first, i)
			for k := i; k < i+len(wr); k++ {
				marked[k] = true
			}
			from = i + 1
		}
	}
	start, end := 0, len(text)
	if len(text) > SnippetLength {
		start = max(0, first-snippetLead)
		end = min(len(text), start+SnippetLength)
		start = max(0, end-SnippetLength)
		// Cut between words, never inside one, and never cut off the
		// first match.
		if start > 0 && !unicode.IsSpace(text[start-1]) {
			for i := start; i < first; i++ {
				if unicode.IsSpace(text[i]) {
					start = i + 1
					break
				}
			}
		}
		if end < len(text) && !unicode.IsSpace(text[end]) {
			for i := end - 1; i > first; i-- {
				if unicode.IsSpace(text[i]) {
					end = i
					break
				}
			}
		}
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	for i := start; i < end; i++ {
		if marked[i] && (i == start || !marked[i-1]) {
			b.WriteString(SnippetOpen)
		}
		b.WriteRune(text[i])
		if marked[i] && (i == end-1 || !marked[i+1]) {
			b.WriteString(SnippetClose)
		}
	}
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// foldSnippetSpace trims text and turns each run of white space in it, line
// breaks included, into one space, so a snippet reads as one line. Words
// hold no white space, so no match is lost.
func foldSnippetSpace(text, lower []rune) ([]rune, []rune) {
	t := make([]rune, 0, len(text))
	l := make([]rune, 0, len(lower))
	for i, r := range text {
		if unicode.IsSpace(r) {
			if len(t) == 0 || t[len(t)-1] == ' ' {
				continue
			}
			r = ' '
		}
		t = append(t, r)
		l = append(l, lower[i])
		if r == ' ' {
			l[len(l)-1] = ' '
		}
	}
	for len(t) > 0 && t[len(t)-1] == ' ' {
		t, l = t[:len(t)-1], l[:len(l)-1]
	}
	return t, l
}
