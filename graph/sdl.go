package graph

import (
	"bytes"
	"net/http"

	"github.com/vektah/gqlparser/v2/formatter"
)

// SchemaHandler serves the API's schema as SDL at /schema.graphql, for
// clients that generate code or types from it without introspecting.
func SchemaHandler() http.Handler {
	var b bytes.Buffer
	formatter.NewFormatter(&b, formatter.WithComments()).FormatSchema(parsedSchema)
	sdl := b.Bytes()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Disposition", `inline; filename="schema.graphql"`)
		_, _ = w.Write(sdl)
	})
}
