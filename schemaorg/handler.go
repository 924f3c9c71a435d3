package schemaorg

import (
	"encoding/json"
	"net/http"
	"path"
	"strings"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/httperror"
)

// Extension ends the last path segment of every export URL:
// /claims/{id}.jsonld.
const Extension = ".jsonld"

// Handler serves a claim's document at any path whose last segment is
// "{id}.jsonld"; mount it on GET /claims/{file}.
//
// Responses: 200 with the document (application/ld+json); 400 when the
// ID is not a well-formed node ID; 404 when no claim has it (or the
// segment lacks the extension); 503 when the store is unreachable; 500
// otherwise. Error bodies are those of
// internal/httperror, as every export's are.
type Handler struct {
	Store peacegraph.Store
	// Log receives internal errors, whose text is never shown to clients.
	Log zerolog.Logger
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	file := path.Base(r.URL.Path)
	id, ok := strings.CutSuffix(file, Extension)
	if !ok {
		h.fail(w, r, peacegraph.Errorf(peacegraph.ENOTFOUND, "no document at %q: claim documents end in %s", r.URL.Path, Extension))
		return
	}
	doc, err := h.document(r, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ContentType)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(doc)
}

func (h *Handler) document(r *http.Request, id string) (any, error) {
	if !peacegraph.ValidID(id) {
		return nil, peacegraph.Errorf(peacegraph.EINVALID, "%q is not a claim ID: IDs are lower-case letters, digits and single hyphens", id)
	}
	nodes, err := h.Store.Nodes(r.Context(), []string{id})
	if err != nil {
		return nil, err
	}
	c, ok := nodes[0].(*peacegraph.Claim)
	if !ok {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no claim %q", id)
	}
	ids := RelatedIDs(c)
	rel := make(Related, len(ids))
	if len(ids) > 0 {
		nodes, err := h.Store.Nodes(r.Context(), ids)
		if err != nil {
			return nil, err
		}
		for i, n := range nodes {
			if n != nil {
				rel[ids[i]] = n
			}
		}
	}
	return Document(c, rel), nil
}

// fail answers with the error's status and code (internal/httperror).
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	httperror.Write(w, r, &h.Log, "claim export", err)
}
