package graph

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/model"
)

// viewFormats are the files GET /graph/{center} writes: GraphML and GEXF
// for Gephi, yEd and Cytoscape desktop, and the JSON each drawing library
// takes.
var viewFormats = map[string]struct {
	contentType, ext string
	write            func(io.Writer, *model.GraphView) error
}{
	"graphml":   {"application/graphml+xml", "graphml", writeGraphML},
	"gexf":      {"application/gexf+xml", "gexf", writeGEXF},
	"cytoscape": {"application/json", "cytoscape.json", jsonOf(func(v *model.GraphView) any { return cytoscapeElements(v) })},
	"vis":       {"application/json", "vis.json", jsonOf(func(v *model.GraphView) any { return visNetworkData(v) })},
	"nvl":       {"application/json", "nvl.json", jsonOf(func(v *model.GraphView) any { return nvlData(v) })},
}

// ViewHandler serves the neighbourhood of a node as a file a person can
// open elsewhere: GET /graph/{center}?format=graphml|gexf|cytoscape|vis|nvl
// (graphml when left out) with depth, maxNodes and types (comma-separated)
// as graph takes them, and the same errors: 400 for a bad argument, 404 for
// an unknown center, 503 when the store cannot be reached. The server
// gives each request its deadline and read scope (package server).
func ViewHandler(store peacegraph.Store, log zerolog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		center := r.PathValue("center")
		name, v, err := viewFile(r.Context(), store, center, r.URL.Query())
		if err != nil {
			status, msg := http.StatusBadRequest, peacegraph.ErrorMessage(err)
			switch peacegraph.ErrorCode(err) {
			case peacegraph.ENOTFOUND:
				status = http.StatusNotFound
			case peacegraph.EUNAVAILABLE:
				status, msg = http.StatusServiceUnavailable, UnavailableMessage
			case peacegraph.EINTERNAL:
				log.Error().Err(err).Str("center", center).Msg("graph file")
				status, msg = http.StatusInternalServerError, "internal error"
			}
			http.Error(w, msg, status)
			return
		}
		format := viewFormats[name]
		w.Header().Set("Content-Type", format.contentType)
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, center, format.ext))
		if err := format.write(w, v); err != nil {
			log.Warn().Err(err).Msg("writing a graph file")
		}
	})
}

// viewFile reads the arguments of a graph file and the view they ask for.
func viewFile(ctx context.Context, store peacegraph.Store, center string, q url.Values) (string, *model.GraphView, error) {
	name := q.Get("format")
	if name == "" {
		name = "graphml"
	}
	if _, ok := viewFormats[name]; !ok {
		return "", nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "format", "format %q: want graphml, gexf, cytoscape, vis or nvl", name)
	}
	var ints [2]*int
	for i, key := range []string{"depth", "maxNodes"} {
		if v := q.Get(key); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return "", nil, peacegraph.FieldErrorf(peacegraph.EINVALID, key, "%s %q: want a whole number", key, v)
			}
			ints[i] = &n
		}
	}
	var types []string
	if t := q.Get("types"); t != "" {
		types = strings.Split(t, ",")
	}
	v, err := neighbourhood(ctx, store, center, ints[0], types, ints[1])
	return name, v, err
}

func jsonOf(of func(*model.GraphView) any) func(io.Writer, *model.GraphView) error {
	return func(w io.Writer, v *model.GraphView) error {
		return json.NewEncoder(w).Encode(of(v))
	}
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// writeGraphML writes the view as GraphML (graphml.graphdrawing.org), each
// node with its label, short label and kind, each edge with its type.
func writeGraphML(w io.Writer, v *model.GraphView) error {
	type key struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	type node struct {
		ID   string        `xml:"id,attr"`
		Data []graphmlData `xml:"data"`
	}
	type edge struct {
		ID     string        `xml:"id,attr"`
		Source string        `xml:"source,attr"`
		Target string        `xml:"target,attr"`
		Data   []graphmlData `xml:"data"`
	}
	doc := struct {
		XMLName xml.Name `xml:"graphml"`
		NS      string   `xml:"xmlns,attr"`
		Keys    []key    `xml:"key"`
		Graph   struct {
			ID          string `xml:"id,attr"`
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []node `xml:"node"`
			Edges       []edge `xml:"edge"`
		} `xml:"graph"`
	}{NS: "http://graphml.graphdrawing.org/xmlns", Keys: []key{
		{"label", "node", "label", "string"}, {"shortLabel", "node", "shortLabel", "string"},
		{"kind", "node", "kind", "string"}, {"type", "edge", "type", "string"},
	}}
	doc.Graph.ID, doc.Graph.EdgeDefault = "peacegraph", "directed"
	for _, n := range v.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, node{ID: n.ID, Data: []graphmlData{{"label", n.Label}, {"shortLabel", shortLabel(n.Label)}, {"kind", n.Kind}}})
	}
	for _, e := range v.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, edge{ID: e.ID, Source: e.Source, Target: e.Target, Data: []graphmlData{{"type", e.Type}}})
	}
	return writeXML(w, doc)
}

// writeGEXF writes the view as GEXF 1.3 (gexf.net), Gephi's own format:
// nodes labelled by their short label with the full label and the kind as
// attributes, edges labelled by their type.
func writeGEXF(w io.Writer, v *model.GraphView) error {
	type attribute struct {
		ID    string `xml:"id,attr"`
		Title string `xml:"title,attr"`
		Type  string `xml:"type,attr"`
	}
	type attvalue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	type node struct {
		ID     string     `xml:"id,attr"`
		Label  string     `xml:"label,attr"`
		Values []attvalue `xml:"attvalues>attvalue"`
	}
	type edge struct {
		ID     string `xml:"id,attr"`
		Source string `xml:"source,attr"`
		Target string `xml:"target,attr"`
		Label  string `xml:"label,attr"`
	}
	doc := struct {
		XMLName xml.Name `xml:"gexf"`
		NS      string   `xml:"xmlns,attr"`
		Version string   `xml:"version,attr"`
		Graph   struct {
			DefaultEdgeType string `xml:"defaultedgetype,attr"`
			Attributes      struct {
				Class string      `xml:"class,attr"`
				List  []attribute `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []node `xml:"nodes>node"`
			Edges []edge `xml:"edges>edge"`
		} `xml:"graph"`
	}{NS: "http://gexf.net/1.3", Version: "1.3"}
	doc.Graph.DefaultEdgeType = "directed"
	doc.Graph.Attributes.Class = "node"
	doc.Graph.Attributes.List = []attribute{{"fullLabel", "full label", "string"}, {"kind", "kind", "string"}}
	for _, n := range v.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, node{ID: n.ID, Label: shortLabel(n.Label), Values: []attvalue{{"fullLabel", n.Label}, {"kind", n.Kind}}})
	}
	for _, e := range v.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, edge{ID: e.ID, Source: e.Source, Target: e.Target, Label: e.Type})
	}
	return writeXML(w, doc)
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
