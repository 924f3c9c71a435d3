package neo4j

import (
	"context"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// searchQuery fetches the candidates of a search from the full-text index.
const searchQuery = `CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS n
RETURN ` + fullNodeMap + ` AS node`

// Search implements peacegraph.Store. The full-text index narrows the
// graph to the nodes holding every query word; peacegraph.SearchNodes then
// checks, scores and orders them, so hits, scores and snippets are the same
// as the memory store's.
func (s *Store) Search(ctx context.Context, q peacegraph.SearchQuery) ([]peacegraph.SearchHit, error) {
	words := peacegraph.SearchWords(q.Text)
	if len(words) == 0 || q.First < 0 {
		// SearchNodes gives the same EINVALID errors for the same input.
		return peacegraph.SearchNodes(nil, q)
	}
	records, err := s.read(ctx, searchQuery, map[string]any{"index": fulltextIndex, "query": luceneQuery(words)})
	if err != nil {
		return nil, err
	}
	candidates := make([]peacegraph.Node, 0, len(records))
	for _, r := range records {
		if n := decodeNode(r.Values[0]); n != nil {
			candidates = append(candidates, n)
		}
	}
	return peacegraph.SearchNodes(candidates, q)
}

// luceneQuery asks for nodes whose indexed text holds every word as a
// substring of some token. Words are runs of letters and digits, so none
// needs escaping from Lucene's query syntax, and lower-case "and", "or"
// and "not" are plain terms, not operators.
func luceneQuery(words []string) string {
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = "*" + w + "*"
	}
	return strings.Join(terms, " AND ")
}
