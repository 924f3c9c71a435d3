package graph_test

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// viewQuery asks for the neighbourhood of Dmitriev in every shape.
const viewQuery = `{ graph(center: "kirill-dmitriev", depth: 2) {
  nodes { id label shortLabel kind } edges { id source target type }
  cytoscape visNetwork nvl } }`

type viewAnswer struct {
	Graph struct {
		Nodes []struct{ ID, Label, ShortLabel, Kind string }
		Edges []struct{ ID, Source, Target, Type string }
		// The drawing libraries' own shapes.
		Cytoscape []struct {
			Group string
			Data  map[string]string
		}
		VisNetwork struct {
			Nodes []map[string]string
			Edges []map[string]string
		}
		NVL struct {
			Nodes         []map[string]string
			Relationships []map[string]string
		} `json:"nvl"`
	}
}

func TestGraphForFrontEnds(t *testing.T) {
	neo4jtest.EachStore(t, MustSeeds, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		v := MustQuery[viewAnswer](t, srv, viewQuery, nil).Graph
		if len(v.Nodes) < 10 || len(v.Edges) < 10 {
			t.Fatalf("%d nodes and %d edges around kirill-dmitriev, want a neighbourhood", len(v.Nodes), len(v.Edges))
		}
		ids := map[string]bool{}
		for _, n := range v.Nodes {
			ids[n.ID] = true
			if utf8.RuneCountInString(n.ShortLabel) > 40 || (n.ShortLabel != n.Label && !strings.HasSuffix(n.ShortLabel, "…")) {
				t.Errorf("%s: short label %q of %q", n.ID, n.ShortLabel, n.Label)
			}
		}
		t.Run("Cytoscape.js elements", func(t *testing.T) {
			nodes, edges := 0, 0
			for _, el := range v.Cytoscape {
				switch el.Group {
				case "nodes":
					nodes++
					if !ids[el.Data["id"]] || el.Data["label"] == "" || el.Data["fullLabel"] == "" {
						t.Errorf("node element %v", el.Data)
					}
				case "edges":
					edges++
					if !ids[el.Data["source"]] || !ids[el.Data["target"]] || el.Data["id"] == "" {
						t.Errorf("edge element %v joins no nodes of the view", el.Data)
					}
				default:
					t.Errorf("element of group %q", el.Group)
				}
			}
			if nodes != len(v.Nodes) || edges != len(v.Edges) {
				t.Errorf("%d node and %d edge elements, want %d and %d", nodes, edges, len(v.Nodes), len(v.Edges))
			}
		})
		t.Run("vis-network data", func(t *testing.T) {
			if len(v.VisNetwork.Nodes) != len(v.Nodes) || len(v.VisNetwork.Edges) != len(v.Edges) {
				t.Fatalf("%d nodes, %d edges", len(v.VisNetwork.Nodes), len(v.VisNetwork.Edges))
			}
			for _, e := range v.VisNetwork.Edges {
				if !ids[e["from"]] || !ids[e["to"]] {
					t.Errorf("edge %v", e)
				}
			}
		})
		t.Run("NVL nodes and relationships", func(t *testing.T) {
			if len(v.NVL.Nodes) != len(v.Nodes) || len(v.NVL.Relationships) != len(v.Edges) {
				t.Fatalf("%d nodes, %d relationships", len(v.NVL.Nodes), len(v.NVL.Relationships))
			}
			for _, r := range v.NVL.Relationships {
				if !ids[r["from"]] || !ids[r["to"]] || r["caption"] == "" {
					t.Errorf("relationship %v", r)
				}
			}
		})
		t.Run("files: GraphML, GEXF and each library's JSON", func(t *testing.T) {
			files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				r.SetPathValue("center", strings.TrimPrefix(r.URL.Path, "/graph/"))
				graph.ViewHandler(s, zerolog.Nop()).ServeHTTP(w, r)
			}))
			defer files.Close()
			get := func(path string) (int, string, string) {
				res, err := http.Get(files.URL + path)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				b, _ := io.ReadAll(res.Body)
				return res.StatusCode, res.Header.Get("Content-Disposition"), string(b)
			}
			status, disposition, body := get("/graph/kirill-dmitriev?depth=2")
			var gml struct {
				Nodes []struct {
					ID string `xml:"id,attr"`
				} `xml:"graph>node"`
				Edges []struct {
					Source string `xml:"source,attr"`
					Target string `xml:"target,attr"`
				} `xml:"graph>edge"`
			}
			if err := xml.Unmarshal([]byte(body), &gml); status != 200 || err != nil || !strings.Contains(disposition, "kirill-dmitriev.graphml") {
				t.Fatalf("GraphML: %d %q %v", status, disposition, err)
			}
			if len(gml.Nodes) != len(v.Nodes) || len(gml.Edges) != len(v.Edges) {
				t.Errorf("GraphML: %d nodes and %d edges, want %d and %d", len(gml.Nodes), len(gml.Edges), len(v.Nodes), len(v.Edges))
			}
			status, _, body = get("/graph/kirill-dmitriev?depth=2&format=gexf")
			var gexf struct {
				Version string `xml:"version,attr"`
				Nodes   []struct {
					ID    string `xml:"id,attr"`
					Label string `xml:"label,attr"`
				} `xml:"graph>nodes>node"`
				Edges []struct {
					Source string `xml:"source,attr"`
				} `xml:"graph>edges>edge"`
			}
			if err := xml.Unmarshal([]byte(body), &gexf); status != 200 || err != nil || gexf.Version != "1.3" || len(gexf.Nodes) != len(v.Nodes) || len(gexf.Edges) != len(v.Edges) {
				t.Errorf("GEXF: %d %v: version %q, %d nodes, %d edges", status, err, gexf.Version, len(gexf.Nodes), len(gexf.Edges))
			}
			status, _, body = get("/graph/kirill-dmitriev?depth=2&format=cytoscape")
			var elements []any
			if err := json.Unmarshal([]byte(body), &elements); status != 200 || err != nil || len(elements) != len(v.Nodes)+len(v.Edges) {
				t.Errorf("Cytoscape file: %d %v, %d elements", status, err, len(elements))
			}
			if status, _, _ := get("/graph/no-such-node"); status != http.StatusNotFound {
				t.Errorf("unknown center: %d, want 404", status)
			}
			if status, _, body := get("/graph/kirill-dmitriev?format=png"); status != http.StatusBadRequest || !strings.Contains(body, "graphml") {
				t.Errorf("unknown format: %d %s, want 400 naming the formats", status, body)
			}
			if status, _, _ := get("/graph/kirill-dmitriev?depth=9"); status != http.StatusBadRequest {
				t.Errorf("depth 9: %d, want 400", status)
			}
		})
	})
}
