// Package web serves what a browser needs of peacegraph from the binary
// itself: the playground (GraphiQL), the explorer (Cytoscape.js; both
// vendored by scripts/vendor-web.sh), the source pages, and their assets. No page asks any host but the server, so it works where no
// CDN can be reached.
package web

//go:generate go run gen.go

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed playground.html explore.html source.html assets vendor
var files embed.FS

// contentPolicy lets a page load and ask only the server it came from.
// GraphiQL sets styles inline and draws icons from data: URLs.
const contentPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"

// Handler serves the playground at /, the explorer at /explore, a source
// with its quoted passages marked at /sources/{id}, and their files under
// /assets/.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", page("playground.html"))
	mux.Handle("GET /explore", page("explore.html"))
	mux.Handle("GET /sources/{id}", page("source.html"))
	assets, _ := fs.Sub(files, "assets")
	vendor, _ := fs.Sub(files, "vendor")
	mux.Handle("GET /assets/vendor/", cached(http.StripPrefix("/assets/vendor/", http.FileServerFS(vendor))))
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.FileServerFS(assets)))
	return mux
}

// page serves one of the embedded pages under the content policy.
func page(name string) http.Handler {
	body, err := files.ReadFile(name)
	if err != nil {
		panic(err) // embedded: cannot be missing
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", contentPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		_, _ = w.Write(body)
	})
}

// cached lets browsers keep the vendored files for a day: they change
// only with a new build of the binary.
func cached(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		h.ServeHTTP(w, r)
	})
}
