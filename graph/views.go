package graph

import (
	"strings"
	"unicode/utf8"

	"github.com/peacegraph/peacegraph/graph/model"
)

// The shapes in which the drawing libraries front ends use take a
// neighbourhood unchanged (GraphView.cytoscape, visNetwork, nvl), so that
// `graph` drops into them without reshaping; files.go writes the same view
// as files for Gephi and other tools.

// shortLabelRunes is the most a drawn label holds.
const shortLabelRunes = 40

// shortLabel cuts a label at a word to at most shortLabelRunes
// characters, ending it with an ellipsis when it was cut: a claim's label
// is a whole sentence, too long to draw beside a node.
func shortLabel(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= shortLabelRunes {
		return s
	}
	r := []rune(s)[:shortLabelRunes-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > shortLabelRunes/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// cytoscapeElements is the view as Cytoscape.js elements.
func cytoscapeElements(v *model.GraphView) []any {
	out := make([]any, 0, len(v.Nodes)+len(v.Edges))
	for _, n := range v.Nodes {
		out = append(out, map[string]any{"group": "nodes", "data": map[string]any{
			"id": n.ID, "label": shortLabel(n.Label), "fullLabel": n.Label, "kind": n.Kind,
		}})
	}
	for _, e := range v.Edges {
		out = append(out, map[string]any{"group": "edges", "data": map[string]any{
			"id": e.ID, "source": e.Source, "target": e.Target, "type": e.Type,
		}})
	}
	return out
}

// visNetworkData is the view as vis-network's data set.
func visNetworkData(v *model.GraphView) map[string]any {
	nodes := make([]any, len(v.Nodes))
	for i, n := range v.Nodes {
		nodes[i] = map[string]any{"id": n.ID, "label": shortLabel(n.Label), "title": n.Label, "group": n.Kind}
	}
	edges := make([]any, len(v.Edges))
	for i, e := range v.Edges {
		edges[i] = map[string]any{"id": e.ID, "from": e.Source, "to": e.Target, "label": e.Type, "arrows": "to"}
	}
	return map[string]any{"nodes": nodes, "edges": edges}
}

// nvlData is the view as NVL's nodes and relationships.
func nvlData(v *model.GraphView) map[string]any {
	nodes := make([]any, len(v.Nodes))
	for i, n := range v.Nodes {
		nodes[i] = map[string]any{"id": n.ID, "caption": shortLabel(n.Label)}
	}
	rels := make([]any, len(v.Edges))
	for i, e := range v.Edges {
		rels[i] = map[string]any{"id": e.ID, "from": e.Source, "to": e.Target, "caption": e.Type}
	}
	return map[string]any{"nodes": nodes, "relationships": rels}
}
