package schemaorg

import (
	"encoding/json"
	"errors"
	"net/http"
	"path"
	"strings"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
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
// otherwise. Error bodies are JSON: {"error": {"code", "message"}}, with
// the root package's error codes.
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

// fail answers with the error's status and code; internal errors are
// logged and shown only as "internal error".
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := peacegraph.ErrorCode(err)
	status := http.StatusInternalServerError
	switch code {
	case peacegraph.EINVALID:
		status = http.StatusBadRequest
	case peacegraph.ENOTFOUND:
		status = http.StatusNotFound
	case peacegraph.EUNAVAILABLE:
		status = http.StatusServiceUnavailable
	}
	var domain *peacegraph.Error
	if !errors.As(err, &domain) || code == peacegraph.EINTERNAL {
		log := zerolog.Ctx(r.Context())
		if log.GetLevel() == zerolog.Disabled {
			log = &h.Log
		}
		log.Error().Err(err).Str("path", r.URL.Path).Msg("internal error in claim export")
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"error": map[string]string{"code": code, "message": peacegraph.ErrorMessage(err)},
	})
}
