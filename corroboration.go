package peacegraph

import (
	"sort"
	"strings"
)

// rootSource follows a chain of republications to the original report.
// A chain that loops (Validate reports it) stops where it would repeat.
func rootSource(id string, nodes map[string]Node) *Source {
	src, ok := nodes[id].(*Source)
	if !ok {
		return nil
	}
	seen := map[string]bool{src.ID: true}
	for src.Republishes != "" {
		next, ok := nodes[src.Republishes].(*Source)
		if !ok || seen[next.ID] {
			break
		}
		seen[next.ID] = true
		src = next
	}
	return src
}

// corroborate counts the distinct original reports and publishers that
// carry a claim, and finds its earliest appearance (docs/rules.md).
func corroborate(c *Claim, nodes map[string]Node) Corroboration {
	var out Corroboration
	roots := make(map[string]bool)
	publishers := make(map[string]bool)
	consider := func(s *Source) {
		if s.Published == "" {
			return
		}
		if out.Earliest == "" || s.Published < out.Earliest ||
			s.Published == out.Earliest && s.ID < out.EarliestSourceID {
			out.Earliest, out.EarliestSourceID = s.Published, s.ID
		}
	}
	for _, ct := range c.Citations {
		src, ok := nodes[ct.SourceID].(*Source)
		if !ok {
			continue
		}
		root := rootSource(src.ID, nodes)
		consider(src)
		consider(root)
		if roots[root.ID] {
			continue
		}
		roots[root.ID] = true
		if p := strings.ToLower(strings.TrimSpace(root.Publisher)); p != "" {
			publishers[p] = true
		}
	}
	out.Sources, out.Publishers = len(roots), len(publishers)
	return out
}

// sortByID orders nodes by ID.
func sortByID[T Node](xs []T) {
	sort.Slice(xs, func(i, j int) bool { return xs[i].NodeID() < xs[j].NodeID() })
}
