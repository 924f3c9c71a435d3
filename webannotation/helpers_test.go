package webannotation_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"testing"

	"github.com/rs/zerolog"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/exporttest"
	"github.com/peacegraph/peacegraph/loaders"
	"github.com/peacegraph/peacegraph/schemaorg"
	"github.com/peacegraph/peacegraph/server"
	"github.com/peacegraph/peacegraph/storetest"
	"github.com/peacegraph/peacegraph/web"
	"github.com/peacegraph/peacegraph/webannotation"
)

// MustRead reads a seed directory.
func MustRead(tb testing.TB, dir string) *peacegraph.Dataset {
	tb.Helper()
	d, err := loaders.Read(dir)
	if err != nil {
		tb.Fatalf("reading %s: %v", dir, err)
	}
	return d
}

// MustReadSeeds reads the repository's seeds.
func MustReadSeeds(tb testing.TB) *peacegraph.Dataset {
	tb.Helper()
	return MustRead(tb, storetest.SeedsDir(tb))
}

// MustServer serves the HTTP front over store on a real HTTP server, with
// the annotations, the claim export and the pages mounted side by side as
// the command mounts them. pageSize is the Handler's (0: its default).
func MustServer(tb testing.TB, store peacegraph.Store, pageSize int) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer((&server.Server{
		Store:       store,
		GraphQL:     http.NotFoundHandler(),
		ClaimExport: &schemaorg.Handler{Store: store, Log: zerolog.Nop()},
		Annotations: &webannotation.Handler{Store: store, Log: zerolog.Nop(), PageSize: pageSize},
		Web:         web.Handler(),
		Log:         zerolog.Nop(),
	}).Handler())
	tb.Cleanup(srv.Close)
	return srv
}

// Document is a served collection twice over: as the JSON value a schema
// validates (numbers as json.Number) and decoded into the package's types.
type Document struct {
	Raw  any
	Body []byte
	*webannotation.Collection
}

// MustCollection gets a collection and fails unless it is a 200 with the
// annotation media type.
func MustCollection(tb testing.TB, srv *httptest.Server, path string) Document {
	tb.Helper()
	res := exporttest.MustGet(tb, srv, path)
	if res.Status != http.StatusOK || res.ContentType != webannotation.ContentType {
		tb.Fatalf("GET %s: status %d, content type %q, want 200 %s\n%s", path, res.Status, res.ContentType, webannotation.ContentType, res.Body)
	}
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(res.Body))
	if err != nil {
		tb.Fatalf("GET %s: not JSON: %v\n%s", path, err, res.Body)
	}
	var c webannotation.Collection
	if err := json.Unmarshal(res.Body, &c); err != nil {
		tb.Fatalf("GET %s: %v", path, err)
	}
	return Document{Raw: raw, Body: res.Body, Collection: &c}
}

// Items returns the collection's annotations as JSON values, each with
// the collection's @context, which covers them where they are embedded:
// each is the document it would be on its own.
func (d Document) Items() []map[string]any {
	first, _ := d.Raw.(map[string]any)["first"].(map[string]any)
	list, _ := first["items"].([]any)
	var items []map[string]any
	for _, it := range list {
		a := map[string]any{"@context": d.Raw.(map[string]any)["@context"]}
		for k, v := range it.(map[string]any) {
			a[k] = v
		}
		items = append(items, a)
	}
	return items
}

// Annotations returns the collection's annotations decoded (nil when there
// are none).
func (d Document) Annotations() []webannotation.Annotation {
	if d.First == nil {
		return nil
	}
	return d.First.Items
}

// ClaimPath and SourcePath are where the collections are served.
func ClaimPath(id string) string  { return "/claims/" + id + "/" + webannotation.File }
func SourcePath(id string) string { return "/sources/" + id + "/" + webannotation.File }

// CitationsOf returns, in claim order then citation order, the citations
// of source id among the dataset's claims: the order of its collection.
func CitationsOf(d *peacegraph.Dataset, id string) []Cited {
	claims := append([]*peacegraph.Claim(nil), d.Claims...)
	sortClaims(claims)
	var out []Cited
	for _, c := range claims {
		for i, ct := range c.Citations {
			if ct.SourceID == id {
				out = append(out, Cited{Claim: c, Index: i})
			}
		}
	}
	return out
}

// Cited is one citation of a claim, by index.
type Cited struct {
	Claim *peacegraph.Claim
	Index int
}

// Citation is the citation itself.
func (c Cited) Citation() peacegraph.Citation { return c.Claim.Citations[c.Index] }

// sortClaims puts claims in claim order (Store: by date, undated last,
// then ID).
func sortClaims(claims []*peacegraph.Claim) {
	sort.SliceStable(claims, func(i, j int) bool { return peacegraph.ClaimKey(claims[i]) < peacegraph.ClaimKey(claims[j]) })
}
