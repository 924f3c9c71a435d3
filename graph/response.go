package graph

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
)

// gqlgen answers a request that fails before execution (a parse or
// validation failure, a variable that cannot be coerced) with 422 under
// application/json and with 400 and "data": null under
// application/graphql-response+json. The GraphQL-over-HTTP specification
// asks for 200 under application/json (old clients read errors only from
// successful responses), 400 for a request with no query, and no data
// entry at all when the operation never ran. fixResponse holds back such
// error responses and rewrites them; successful responses pass straight
// through.
type fixResponse struct {
	http.ResponseWriter
	status int
	held   *bytes.Buffer
}

// WriteHeader holds back error statuses of GraphQL JSON responses.
func (f *fixResponse) WriteHeader(code int) {
	if code >= 400 && code < 500 && mediaType(f.Header().Get("Content-Type")) != "" {
		f.status, f.held = code, &bytes.Buffer{}
		return
	}
	f.ResponseWriter.WriteHeader(code)
}

// Write buffers the body of a held-back response.
func (f *fixResponse) Write(b []byte) (int, error) {
	if f.held != nil {
		return f.held.Write(b)
	}
	return f.ResponseWriter.Write(b)
}

// finish writes a held-back response, rewritten.
func (f *fixResponse) finish() {
	if f.held == nil {
		return
	}
	body := f.held.Bytes()
	var resp map[string]json.RawMessage
	if err := json.Unmarshal(body, &resp); err != nil {
		f.ResponseWriter.WriteHeader(f.status)
		_, _ = f.ResponseWriter.Write(body)
		return
	}
	status := f.status
	switch mediaType(f.Header().Get("Content-Type")) {
	case "application/json":
		// 422 is gqlgen's status for a GraphQL error in a well-formed
		// request; 400 (a body that is not JSON) stays as it is.
		if status == http.StatusUnprocessableEntity {
			status = http.StatusOK
			if noOperation(resp["errors"]) {
				status = http.StatusBadRequest
			}
		}
	case "application/graphql-response+json":
		if string(resp["data"]) == "null" {
			delete(resp, "data")
		}
	}
	if out, err := json.Marshal(resp); err == nil {
		body = out
	}
	f.Header().Del("Content-Length")
	f.ResponseWriter.WriteHeader(status)
	_, _ = f.ResponseWriter.Write(body)
}

// mediaType returns the GraphQL JSON media type of a Content-Type header,
// or "" for any other.
func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	switch mt {
	case "application/json", "application/graphql-response+json":
		return mt
	}
	return ""
}

// noOperation reports whether the request carried no query at all: that
// is a malformed request (400), not a GraphQL error in a valid one.
func noOperation(raw json.RawMessage) bool {
	var errs []struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(raw, &errs) != nil {
		return false
	}
	return len(errs) == 1 && errs[0].Message == "no operation provided"
}
