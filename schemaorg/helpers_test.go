package schemaorg_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
	"github.com/peacegraph/peacegraph/schemaorg"
	"github.com/peacegraph/peacegraph/server"
)

// FixtureSeeds is an invented record with reviews; `make jsonld-check`
// serves the same directory to check the export against schema.org.
const FixtureSeeds = "testdata/seeds"

// MustRead reads a seed directory.
func MustRead(tb testing.TB, dir string) *peacegraph.Dataset {
	tb.Helper()
	d, err := loaders.Read(dir)
	if err != nil {
		tb.Fatalf("reading %s: %v", dir, err)
	}
	return d
}

// Seeds returns a dataset builder that reads a seed directory.
func Seeds(dir string) func(testing.TB) *peacegraph.Dataset {
	return func(tb testing.TB) *peacegraph.Dataset { return MustRead(tb, dir) }
}

// MustServer serves the HTTP front with the claim export over store on a
// real HTTP server.
func MustServer(tb testing.TB, store peacegraph.Store) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer((&server.Server{
		Store:       store,
		GraphQL:     http.NotFoundHandler(),
		ClaimExport: &schemaorg.Handler{Store: store, Log: zerolog.Nop()},
		Log:         zerolog.Nop(),
	}).Handler())
	tb.Cleanup(srv.Close)
	return srv
}

// MustJSON decodes JSON text into a generic value, for comparisons that
// ignore key order and spacing.
func MustJSON(tb testing.TB, text []byte) any {
	tb.Helper()
	var v any
	if err := json.Unmarshal(text, &v); err != nil {
		tb.Fatalf("not JSON: %v\n%s", err, text)
	}
	return v
}
