package graph

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestWriteResponseIsJSONMarshal checks writeResponse against what
// gqlgen's transport writes, json.Marshal of the response, for responses
// with and without data, errors, extensions and the fields of a deferred
// part: the same bytes, but that JSON's optional escaping of <, > and &
// is left out (json.Encoder with SetEscapeHTML(false)).
func TestWriteResponseIsJSONMarshal(t *testing.T) {
	more := true
	for _, resp := range []*graphql.Response{
		{Data: json.RawMessage(`{"plan":{"title":"A <plan> & more","points":[{"number":1}]}}`)},
		{},
		{Errors: gqlerror.List{{Message: "too large", Path: ast.Path{ast.PathName("claims"), ast.PathIndex(2)}, Extensions: map[string]any{"code": "RESPONSE_TOO_LARGE"}}}},
		{Errors: gqlerror.List{{Message: "one"}, {Message: "two"}}, Data: json.RawMessage(`{"a":null}`), Extensions: map[string]any{"cost": map[string]int{"objects": 3}}},
		{Data: json.RawMessage(`{"b":1}`), Label: "part", Path: ast.Path{ast.PathName("plan")}, HasNext: &more},
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(resp); err != nil {
			t.Fatal(err)
		}
		w := httptest.NewRecorder()
		writeResponse(w, resp)
		if got := w.Body.String(); got != string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Errorf("writeResponse wrote\n%s\njson.Marshal writes\n%s", got, want.String())
		}
	}
}
