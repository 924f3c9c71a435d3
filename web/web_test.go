package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph/web"
)

// TestPageLoadsOnlyFromTheServer: every script and stylesheet of the page
// is a path on the server, and the server serves each.
func TestPageLoadsOnlyFromTheServer(t *testing.T) {
	srv := httptest.NewServer(web.Handler())
	defer srv.Close()
	get := func(path string) (*http.Response, string) {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	for _, path := range []string{"/", "/explore", "/sources/some-source"} {
		t.Run(path, func(t *testing.T) { checkPage(t, get, path) })
	}
}

func checkPage(t *testing.T, get func(string) (*http.Response, string), path string) {
	res, page := get(path)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET %s = %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("Content-Security-Policy %q lets the page reach other hosts", csp)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(refs) < 2 {
		t.Fatalf("the page names %d files, want its scripts and stylesheets", len(refs))
	}
	for _, m := range refs {
		ref := m[1]
		if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
			t.Errorf("%s is not a path on the server", ref)
			continue
		}
		if ref == "/schema.graphql" || ref == "/changes.atom" || ref == "/" || ref == "/explore" {
			continue // another page, or served by the API
		}
		if res, body := get(ref); res.StatusCode != http.StatusOK || len(body) == 0 {
			t.Errorf("GET %s = %d, %d bytes", ref, res.StatusCode, len(body))
		}
	}
}

// TestExamplesAreTheREADMEs: the playground's tabs are the README's
// questions, as go generate ./web last wrote them.
func TestExamplesAreTheREADMEs(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := web.ParseExamples(readme)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("assets/examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var got []web.Example
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("assets/examples.json is not the README's questions: run go generate ./web")
	}
	if len(want) < 6 {
		t.Errorf("%d questions, want the README's six at least", len(want))
	}
}
