package webannotation_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/exporttest"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/schemaorg"
	"github.com/peacegraph/peacegraph/webannotation"
)

// TestTheSeeds serves the repository's seeds from each store (one load per
// store) and checks every claim's and every source's collection. What it
// expects is worked out from the seeds themselves, so it holds while they
// are corrected; only the spot check names a claim.
func TestTheSeeds(t *testing.T) {
	v := MustValidator(t)
	terms := MustTerms(t)
	d := MustReadSeeds(t)
	sources := map[string]*peacegraph.Source{}
	for _, s := range d.Sources {
		sources[s.ID] = s
	}
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return MustReadSeeds(t) }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, 0)
		claimDocs := map[string]Document{}
		for _, c := range d.Claims {
			claimDocs[c.ID] = MustCollection(t, srv, ClaimPath(c.ID))
		}
		sourceDocs := map[string]Document{}
		for _, src := range d.Sources {
			sourceDocs[src.ID] = MustCollection(t, srv, SourcePath(src.ID))
		}
		all := func(f func(path string, doc Document)) {
			for _, c := range d.Claims {
				f(ClaimPath(c.ID), claimDocs[c.ID])
			}
			for _, src := range d.Sources {
				f(SourcePath(src.ID), sourceDocs[src.ID])
			}
		}

		t.Run("EveryDocumentMeetsTheModel", func(t *testing.T) {
			checked := 0
			all(func(path string, doc Document) {
				for _, err := range v.CollectionErrors(doc.Raw) {
					t.Errorf("%s: %v", path, err)
				}
				for _, a := range doc.Items() {
					for _, err := range v.AnnotationErrors(a) {
						t.Errorf("%s: annotation %v: %v", path, a["id"], err)
					}
					checked++
				}
			})
			// Each citation is in its claim's collection and its source's.
			want := 0
			for _, c := range d.Claims {
				want += 2 * len(c.Citations)
			}
			if checked != want || want == 0 {
				t.Errorf("checked %d annotations, want %d (each citation twice)", checked, want)
			}
		})

		t.Run("EveryKeyIsATermOfTheContext", func(t *testing.T) {
			all(func(path string, doc Document) {
				if doc.Context != webannotation.Context {
					t.Errorf("%s: @context %q", path, doc.Context)
				}
				for _, p := range terms.Problems(doc.Raw) {
					t.Errorf("%s%s", path, p)
				}
			})
		})

		t.Run("AClaimHoldsItsCitationsInOrder", func(t *testing.T) {
			for _, c := range d.Claims {
				doc := claimDocs[c.ID]
				var want []string
				for i := range c.Citations {
					want = append(want, webannotation.CitationID(c.ID, i))
				}
				if got := ids(doc.Annotations()); !reflect.DeepEqual(got, want) || doc.Total != len(want) {
					t.Errorf("%s: items %q, total %d; want %q", c.ID, got, doc.Total, want)
				}
				if doc.ID != webannotation.ClaimCollectionID(c.ID) {
					t.Errorf("%s: id %q", c.ID, doc.ID)
				}
				for _, a := range doc.Annotations() {
					if a.Body.ID != schemaorg.ClaimURN+c.ID || a.Body.Value != c.Text {
						t.Errorf("%s: body %+v, want the claim's text under its schema.org @id", a.ID, a.Body)
					}
				}
			}
		})

		t.Run("ASourceHoldsItsCitationsInClaimOrder", func(t *testing.T) {
			for _, src := range d.Sources {
				doc := sourceDocs[src.ID]
				var want []string
				for _, ct := range CitationsOf(d, src.ID) {
					want = append(want, webannotation.CitationID(ct.Claim.ID, ct.Index))
				}
				if got := ids(doc.Annotations()); !reflect.DeepEqual(got, want) || doc.Total != len(want) {
					t.Errorf("%s: items %q, total %d; want %q", src.ID, got, doc.Total, want)
				}
				if doc.ID != webannotation.SourceCollectionID(src.ID) {
					t.Errorf("%s: id %q", src.ID, doc.ID)
				}
			}
		})

		t.Run("EachPassageIsTheStoredTextAtItsOffsets", func(t *testing.T) {
			// The texts as the store holds them, which is what the
			// handler cut the context from.
			stored := map[string]*peacegraph.Source{}
			var ids []string
			for _, src := range d.Sources {
				ids = append(ids, src.ID)
			}
			nodes, err := s.Nodes(t.Context(), ids)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range nodes {
				stored[n.NodeID()] = n.(*peacegraph.Source)
			}
			located, unquoted := 0, 0
			for _, src := range d.Sources {
				text := []rune(stored[src.ID].Text)
				for i, a := range sourceDocs[src.ID].Annotations() {
					ct := CitationsOf(d, src.ID)[i].Citation()
					iri := src.URL
					if iri == "" {
						iri = webannotation.SourceURN + src.ID
					}
					if ct.Quote == "" {
						unquoted++
						if a.Target != iri {
							t.Errorf("%s: a citation without a quote has target %#v, want %q alone", a.ID, a.Target, iri)
						}
						continue
					}
					target := specificResource(t, a)
					if target.Source != iri {
						t.Errorf("%s: source %q, want %q", a.ID, target.Source, iri)
					}
					q := target.Selector[0].(map[string]any)
					if q["type"] != "TextQuoteSelector" || q["exact"] != ct.Quote {
						t.Errorf("%s: first selector %v, want the quote %q", a.ID, q, ct.Quote)
					}
					if !ct.HasOffsets() {
						if len(target.Selector) != 1 || q["prefix"] != nil || q["suffix"] != nil {
							t.Errorf("%s: text not stored, but selectors %v", a.ID, target.Selector)
						}
						continue
					}
					located++
					if len(target.Selector) != 2 {
						t.Fatalf("%s: selectors %v, want the quote and its position", a.ID, target.Selector)
					}
					p := target.Selector[1].(map[string]any)
					start, end := int(p["start"].(float64)), int(p["end"].(float64))
					if p["type"] != "TextPositionSelector" || start != ct.Start || end != ct.End {
						t.Errorf("%s: position %v, want [%d, %d)", a.ID, p, ct.Start, ct.End)
					}
					if got := string(text[start:end]); got != q["exact"] {
						t.Errorf("%s: the text at [%d, %d) is %q, the quote %q", a.ID, start, end, got, q["exact"])
					}
					n := webannotation.ContextChars
					if got, want := str(q["prefix"]), string(text[max(0, start-n):start]); got != want {
						t.Errorf("%s: prefix %q, want the text before the quote %q", a.ID, got, want)
					}
					if got, want := str(q["suffix"]), string(text[end:min(len(text), end+n)]); got != want {
						t.Errorf("%s: suffix %q, want the text after the quote %q", a.ID, got, want)
					}
				}
			}
			if located == 0 || unquoted == 0 {
				t.Errorf("%d citations located in a stored text, %d without a quote: the seeds have both", located, unquoted)
			}
		})

		t.Run("PagingThroughTheStoreChangesNothing", func(t *testing.T) {
			// Two claims a page, so a much-cited source takes many pages.
			small := MustServer(t, s, 2)
			for _, src := range d.Sources {
				if got, want := exporttest.MustGet(t, small, SourcePath(src.ID)).Body, sourceDocs[src.ID].Body; string(got) != string(want) {
					t.Errorf("%s: paged two claims at a time:\n%s\nwant\n%s", src.ID, got, want)
				}
			}
		})

		t.Run("TheArticlesQuoteOfWitkoffAndDmitriev", func(t *testing.T) {
			// A spot check of one citation of the stored article.
			var found *webannotation.Annotation
			for _, a := range sourceDocs["article-28-point-plan"].Annotations() {
				if a.Body.ID == webannotation.ClaimURN+"plan-originated-witkoff-dmitriev" {
					found = &a
					break
				}
			}
			if found == nil {
				t.Fatal("the article's collection has no annotation of plan-originated-witkoff-dmitriev")
			}
			target := specificResource(t, *found)
			q := target.Selector[0].(map[string]any)
			if target.Source != "urn:peacegraph:source:article-28-point-plan" ||
				!strings.HasPrefix(str(q["exact"]), "Originating from consultations between the Trump administration’s special envoy, Steve Witkoff") ||
				!strings.HasPrefix(str(q["suffix"]), ", the draft plan") || len(target.Selector) != 2 {
				t.Errorf("annotation %s: target %+v", found.ID, target)
			}
		})

		t.Run("TheRoutesDoNotClash", func(t *testing.T) {
			id := d.Claims[0].ID
			if res := exporttest.MustGet(t, srv, "/claims/"+id+".jsonld"); res.Status != 200 || res.ContentType != schemaorg.ContentType {
				t.Errorf("/claims/%s.jsonld: %d %q, want the schema.org export", id, res.Status, res.ContentType)
			}
			if res := exporttest.MustGet(t, srv, "/sources/"+d.Sources[0].ID); res.Status != 200 || !strings.HasPrefix(res.ContentType, "text/html") {
				t.Errorf("/sources/%s: %d %q, want the source page", d.Sources[0].ID, res.Status, res.ContentType)
			}
		})

		t.Run("Errors", func(t *testing.T) {
			for _, tc := range []struct {
				name, path string
				status     int
				code       string
			}{
				{"UnknownClaimIsNotFound", ClaimPath("no-such-claim"), 404, peacegraph.ENOTFOUND},
				{"UnknownSourceIsNotFound", SourcePath("no-such-source"), 404, peacegraph.ENOTFOUND},
				{"ASourceIsNoClaim", ClaimPath(d.Sources[0].ID), 404, peacegraph.ENOTFOUND},
				{"AClaimIsNoSource", SourcePath(d.Claims[0].ID), 404, peacegraph.ENOTFOUND},
				{"UpperCaseIDIsBadInput", ClaimPath("Plan-X"), 400, peacegraph.EINVALID},
				{"DoubleHyphenIsBadInput", SourcePath("s--x"), 400, peacegraph.EINVALID},
			} {
				t.Run(tc.name, func(t *testing.T) {
					exporttest.WantError(t, srv, tc.path, tc.status, tc.code)
				})
			}
			if res := exporttest.MustGet(t, srv, "/claims/"+d.Claims[0].ID+"/annotation.jsonld"); res.Status != http.StatusNotFound {
				t.Errorf("another file name: status %d, want 404", res.Status)
			}
		})
	})
}

func ids(items []webannotation.Annotation) []string {
	var out []string
	for _, a := range items {
		out = append(out, a.ID)
	}
	return out
}

func str(v any) string { s, _ := v.(string); return s }

// decodedTarget is a SpecificResource as it comes back from JSON.
type decodedTarget struct {
	Type     string
	Source   string
	Selector []any
}

func specificResource(tb testing.TB, a webannotation.Annotation) decodedTarget {
	tb.Helper()
	m, ok := a.Target.(map[string]any)
	if !ok {
		tb.Fatalf("%s: target %#v, want a SpecificResource", a.ID, a.Target)
	}
	b, _ := json.Marshal(m)
	var t decodedTarget
	if err := json.Unmarshal(b, &t); err != nil || t.Type != "SpecificResource" || len(t.Selector) == 0 {
		tb.Fatalf("%s: target %s, want a SpecificResource with selectors", a.ID, b)
	}
	return t
}
