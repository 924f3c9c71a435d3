// Package exporttest holds what the tests of the HTTP exports (the
// claims' JSON-LD, the annotations) share: a GET with its body read, and
// the check of an export's JSON error body (internal/httperror), so that
// every export's errors are held to the same form.
package exporttest

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"testing"
)

// Response is an HTTP response with its body read.
type Response struct {
	Status      int
	ContentType string
	Body        []byte
}

// MustGet gets a path of srv.
func MustGet(tb testing.TB, srv *httptest.Server, path string) Response {
	tb.Helper()
	res, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		tb.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatalf("GET %s: reading the body: %v", path, err)
	}
	return Response{Status: res.StatusCode, ContentType: res.Header.Get("Content-Type"), Body: body}
}

// WantError fails tb unless the answer to GET path is an export's error:
// status, JSON, and an error of code with a message.
func WantError(tb testing.TB, srv *httptest.Server, path string, status int, code string) {
	tb.Helper()
	res := MustGet(tb, srv, path)
	if res.Status != status || res.ContentType != "application/json" {
		tb.Fatalf("status %d, content type %q, want %d application/json\n%s", res.Status, res.ContentType, status, res.Body)
	}
	var body struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal(res.Body, &body); err != nil {
		tb.Fatal(err)
	}
	if body.Error.Code != code || body.Error.Message == "" {
		tb.Errorf("error = %+v, want code %q and a message", body.Error, code)
	}
}
