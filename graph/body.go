package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// CodeBodyTooLarge is the extensions.code of a request refused with 413
// for the size of its body.
const CodeBodyTooLarge = "REQUEST_TOO_LARGE"

// readBody bounds r's body to limit bytes, and answers 413 itself (false)
// when it is larger. A body that declares its length is refused before a
// byte is read; one sent in chunks, with no length, is read here up to the
// limit, so that it gets the same 413 rather than a decoding error from
// half a document.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) bool {
	if r.Body == nil || r.Body == http.NoBody {
		return true
	}
	if r.ContentLength > limit {
		bodyTooLarge(w, limit)
		return false
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if r.ContentLength >= 0 {
		return true
	}
	body, err := io.ReadAll(r.Body)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		bodyTooLarge(w, limit)
		return false
	case err != nil:
		// The client stopped sending, or the server's read timeout
		// passed: nobody may be listening, but say what happened.
		writeError(w, http.StatusBadRequest, "the request body could not be read", "BAD_REQUEST")
		return false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	return true
}

func bodyTooLarge(w http.ResponseWriter, limit int64) {
	writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is larger than %d bytes, the limit", limit), CodeBodyTooLarge)
}

// writeError answers a request refused before GraphQL saw it, in the shape
// of a GraphQL error so that clients read it as they read any other.
func writeError(w http.ResponseWriter, status int, message, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": message, "extensions": map[string]any{"code": code}}},
	})
}
