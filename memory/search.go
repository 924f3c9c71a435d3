package memory

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/peacegraph/peacegraph"
)

// Search implements peacegraph.Store by the rules of
// peacegraph.SearchNodes, with the search index doing the work of a scan:
// the nodes that hold the query's rarest word are the candidates, each is
// scored from its own tokens, and only the First best are scored again by
// peacegraph.ScoreSearch for their snippets. Hits, scores and snippets are
// those of a scan of every node; the cost is the candidates (the nodes
// holding that word) and the First snippets, plus a binary search and a
// walk over the vocabulary's suffixes that start with each word.
func (s *Store) Search(ctx context.Context, q peacegraph.SearchQuery) ([]peacegraph.SearchHit, error) {
	words := peacegraph.SearchWords(q.Text)
	if len(words) == 0 || q.First < 0 {
		// SearchNodes gives the error for the query.
		return peacegraph.SearchNodes(nil, q)
	}
	snap := s.current()
	hits := snap.search.match(words, snap.all, s.work)
	peacegraph.SortSearchHits(hits)
	hits = hits[:min(len(hits), q.First)]
	for i := range hits {
		_, hits[i].Snippet, _ = peacegraph.ScoreSearch(snap.nodes[hits[i].NodeID], q.Text)
	}
	s.work.add(len(hits))
	return hits, nil
}

// searchIndex finds and scores the nodes whose searchable fields contain
// words.
//
// A query word matches a node when it occurs in one of its lower-cased
// fields (peacegraph.SearchFields). Words are runs of letters and digits,
// and lower-casing keeps letters letters and digits digits, so every
// occurrence lies inside one run of letters and digits of the lower-cased
// field: a token. The index keeps every distinct token with the nodes it
// occurs in, every suffix of every token in sorted order, so the tokens
// containing a word are those with a suffix that starts with it (one
// binary search and a walk over the matches), and for each node its
// tokens, each with the weight of the heaviest field it occurs in, which
// is all a score needs.
type searchIndex struct {
	tokens []string // distinct, sorted
	// postNodes[postStart[t]:postStart[t+1]] are the positions in the
	// snapshot's node list of the nodes token t occurs in, ascending.
	postNodes, postStart []int32
	suffixes             []suffix // every suffix of every token, sorted by its text
	// nodeTokens[nodeStart[i]:nodeStart[i+1]] are the tokens of the node
	// at position i, by token.
	nodeTokens []weighted
	nodeStart  []int32
}

// weighted is a token of a node and the weight of the heaviest of the
// node's fields that it occurs in.
type weighted struct {
	token  int32
	weight float64
}

// suffix is tokens[token][at:], at a rune boundary.
type suffix struct{ token, at int32 }

func (x *searchIndex) text(s suffix) string { return x.tokens[s.token][s.at:] }

// newSearchIndex indexes the searchable fields of nodes (the snapshot's
// node list, whose positions the postings hold). Tokens are numbered as
// they are first met, then renumbered in sorted order; a token already
// met is looked up without being copied.
func newSearchIndex(nodes []peacegraph.Node) searchIndex {
	var x searchIndex
	number := make(map[string]int32)
	at := make(map[int32]int) // a token of the current node -> its entry
	var buf []byte
	x.nodeStart = make([]int32, 0, len(nodes)+1)
	for _, n := range nodes {
		x.nodeStart = append(x.nodeStart, int32(len(x.nodeTokens)))
		clear(at)
		for _, f := range peacegraph.SearchFields(n) {
			text := f.Text
			for len(text) > 0 {
				var tok []byte
				tok, text = nextToken(text, buf[:0])
				buf = tok
				if len(tok) == 0 {
					continue
				}
				t, ok := number[string(tok)]
				if !ok {
					t = int32(len(x.tokens))
					x.tokens = append(x.tokens, string(tok))
					number[x.tokens[t]] = t
				}
				if k, ok := at[t]; ok {
					x.nodeTokens[k].weight = max(x.nodeTokens[k].weight, f.Weight)
				} else {
					at[t] = len(x.nodeTokens)
					x.nodeTokens = append(x.nodeTokens, weighted{t, f.Weight})
				}
			}
		}
	}
	x.nodeStart = append(x.nodeStart, int32(len(x.nodeTokens)))

	// Renumber the tokens in sorted order, then sort each node's tokens.
	byText := make([]int32, len(x.tokens))
	for i := range byText {
		byText[i] = int32(i)
	}
	slices.SortFunc(byText, func(a, b int32) int { return strings.Compare(x.tokens[a], x.tokens[b]) })
	renumber := make([]int32, len(x.tokens))
	sortedTokens := make([]string, len(x.tokens))
	for i, t := range byText {
		renumber[t] = int32(i)
		sortedTokens[i] = x.tokens[t]
	}
	x.tokens = sortedTokens
	for i := range x.nodeTokens {
		x.nodeTokens[i].token = renumber[x.nodeTokens[i].token]
	}
	for i := range nodes {
		own := x.nodeTokens[x.nodeStart[i]:x.nodeStart[i+1]]
		slices.SortFunc(own, func(a, b weighted) int { return cmp.Compare(a.token, b.token) })
	}

	// Postings: count each token's nodes, then fill in node order, so
	// each list is ascending.
	x.postStart = make([]int32, len(x.tokens)+1)
	for _, e := range x.nodeTokens {
		x.postStart[e.token+1]++
	}
	for t := range x.tokens {
		x.postStart[t+1] += x.postStart[t]
	}
	x.postNodes = make([]int32, len(x.nodeTokens))
	fill := slices.Clone(x.postStart[:len(x.tokens)])
	for i := range nodes {
		for _, e := range x.nodeTokens[x.nodeStart[i]:x.nodeStart[i+1]] {
			x.postNodes[fill[e.token]] = int32(i)
			fill[e.token]++
		}
	}

	for i, t := range x.tokens {
		for at := range t {
			x.suffixes = append(x.suffixes, suffix{int32(i), int32(at)})
		}
	}
	slices.SortFunc(x.suffixes, func(a, b suffix) int { return strings.Compare(x.text(a), x.text(b)) })
	return x
}

// postings are the positions of the nodes token t occurs in, ascending.
func (x *searchIndex) postings(t int32) []int32 { return x.postNodes[x.postStart[t]:x.postStart[t+1]] }

// nextToken appends to buf the token text starts with, lower-cased one
// code point at a time as the search rules do, and returns it with the
// text after it. When text starts with something else the token is empty
// and that code point is skipped.
func nextToken(text string, buf []byte) (tok []byte, rest string) {
	for i := 0; i < len(text); {
		r, width := utf8.DecodeRuneInString(text[i:])
		l := unicode.ToLower(r)
		if !unicode.IsLetter(l) && !unicode.IsDigit(l) {
			if i == 0 {
				return buf, text[width:]
			}
			return buf, text[i:]
		}
		buf = utf8.AppendRune(buf, l)
		i += width
	}
	return buf, ""
}

// containing returns the tokens that contain word, ascending, and how
// many postings they have.
func (x *searchIndex) containing(word string, w *work) ([]int32, int) {
	lo := sort.Search(len(x.suffixes), func(i int) bool { return x.text(x.suffixes[i]) >= word })
	var toks []int32
	for i := lo; i < len(x.suffixes) && strings.HasPrefix(x.text(x.suffixes[i]), word); i++ {
		toks = append(toks, x.suffixes[i].token)
	}
	w.add(len(toks))
	slices.Sort(toks)
	toks = slices.Compact(toks)
	n := 0
	for _, t := range toks {
		n += len(x.postings(t))
	}
	return toks, n
}

// match returns the nodes that match every word, scored, without
// snippets, in no order. The candidates are the nodes holding the word
// with the fewest postings; each is scored from its tokens: for each word,
// the weight of its heaviest field holding the word, summed.
func (x *searchIndex) match(words []string, nodes []peacegraph.Node, w *work) []peacegraph.SearchHit {
	hits := []peacegraph.SearchHit{}
	holding := make([][]int32, len(words))
	rarest, rarestN := 0, -1
	for i, word := range words {
		toks, n := x.containing(word, w)
		if n == 0 {
			return hits
		}
		holding[i] = toks
		if rarestN < 0 || n < rarestN {
			rarest, rarestN = i, n
		}
	}
	candidates := make([]int32, 0, rarestN)
	for _, t := range holding[rarest] {
		candidates = append(candidates, x.postings(t)...)
	}
	if len(holding[rarest]) > 1 {
		slices.Sort(candidates)
		candidates = slices.Compact(candidates)
	}
	w.add(len(candidates))
next:
	for _, c := range candidates {
		own := x.nodeTokens[x.nodeStart[c]:x.nodeStart[c+1]]
		score := 0.0
		for _, toks := range holding {
			best := 0.0
			for _, t := range own {
				if t.weight > best {
					if _, ok := slices.BinarySearch(toks, t.token); ok {
						best = t.weight
					}
				}
			}
			if best == 0 {
				continue next
			}
			score += best
		}
		n := nodes[c]
		hits = append(hits, peacegraph.SearchHit{NodeID: n.NodeID(), Kind: n.NodeKind(), Score: score})
	}
	return hits
}
