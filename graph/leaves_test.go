package graph_test

import (
	"bytes"
	"testing"
)

// TestLeafFieldsKeepTheirAnswer checks what the generated code's leaf
// fields (scalars read straight off their object, marshalled without
// gqlgen's field resolution; graph/internal/codegen) must still do: an
// empty string in a nullable String is null, an enum is its name, a
// method's value is written as the method returns it.
func TestLeafFieldsKeepTheirAnswer(t *testing.T) {
	srv := MustFixtureServer(t)
	resp := MustPost(t, srv, map[string]any{"query": `{
  a: actor(id: "russia") { id name role kind }
  b: actor(id: "steve-witkoff") { role }
  claims(first: 1) { edges { node { citations { start end } } } }
}`})
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	for _, want := range []string{
		`"a":{"id":"russia","name":"Russia","role":null,"kind":"GOVERNMENT"}`,
		`"b":{"role":"US special envoy"}`,
		`"citations":[{"start":`,
	} {
		if !bytes.Contains(resp.Data, []byte(want)) {
			t.Errorf("data lacks %s:\n%s", want, resp.Data)
		}
	}
}

// TestResponseNamesAreWrittenOnce checks that an object writes each
// response name once, even when the query selects it both on a union and
// on one of its members, which gqlgen does not merge.
func TestResponseNamesAreWrittenOnce(t *testing.T) {
	srv := MustFixtureServer(t)
	resp := MustPost(t, srv, map[string]any{"query": `{
  search(text: "Dmitriev") { __typename ... on SearchHit { __typename } ... on Actor { __typename id } }
}`})
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	hits := bytes.Count(resp.Data, []byte(`{"__typename":`))
	if hits == 0 {
		t.Fatalf("no hits: %s", resp.Data)
	}
	if n := bytes.Count(resp.Data, []byte(`"__typename"`)); n != hits {
		t.Errorf("%d __typename entries in %d hits: %s", n, hits, resp.Data)
	}
}
