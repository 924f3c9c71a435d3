package webannotation

import (
	"context"
	"encoding/json"
	"net/http"
	"path"
	"strings"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/httperror"
)

// File is the last path segment of every collection URL:
// /claims/{id}/annotations.jsonld and /sources/{id}/annotations.jsonld,
// beside a claim's schema.org document (/claims/{id}.jsonld) and a
// source's page (/sources/{id}).
const File = "annotations.jsonld"

// PageSize is how many claims a Handler reads from the store at a time,
// by default, while it gathers a source's citations.
const PageSize = 100

// Handler serves the annotations of a claim at any path ending in
// "/claims/{id}/annotations.jsonld", and those of a source at any path
// ending in "/sources/{id}/annotations.jsonld"; mount it on
// GET /claims/{id}/annotations.jsonld and GET /sources/{id}/annotations.jsonld.
//
// Responses: 200 with an AnnotationCollection (ContentType); 400 when the
// ID is not a well-formed node ID; 404 when no claim or source has it (or
// the path is neither form); 503 when the store is unreachable; 500
// otherwise. Error bodies are those of
// internal/httperror, as every export's are.
type Handler struct {
	Store peacegraph.Store
	// Log receives internal errors, whose text is never shown to clients.
	Log zerolog.Logger
	// PageSize, when above 0, replaces PageSize.
	PageSize int
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	doc, err := h.document(r)
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

func (h *Handler) document(r *http.Request) (*Collection, error) {
	dir, file := path.Split(r.URL.Path)
	kind, id := path.Split(strings.TrimSuffix(dir, "/"))
	kind = path.Base(kind)
	if file != File || (kind != "claims" && kind != "sources") {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no annotations at %q: they are at /claims/{id}/%s and /sources/{id}/%s", r.URL.Path, File, File)
	}
	if !peacegraph.ValidID(id) {
		return nil, peacegraph.Errorf(peacegraph.EINVALID, "%q is not a node ID: IDs are lower-case letters, digits and single hyphens", id)
	}
	if kind == "claims" {
		return h.claim(r.Context(), id)
	}
	return h.source(r.Context(), id)
}

func (h *Handler) claim(ctx context.Context, id string) (*Collection, error) {
	nodes, err := h.Store.Nodes(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	c, ok := nodes[0].(*peacegraph.Claim)
	if !ok {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no claim %q", id)
	}
	var ids []string
	for _, ct := range c.Citations {
		ids = append(ids, ct.SourceID)
	}
	sources := map[string]*peacegraph.Source{}
	if len(ids) > 0 {
		nodes, err := h.Store.Nodes(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, n := range nodes {
			if s, ok := n.(*peacegraph.Source); ok {
				sources[s.ID] = s
			}
		}
	}
	return ClaimCollection(c, sources), nil
}

func (h *Handler) source(ctx context.Context, id string) (*Collection, error) {
	nodes, err := h.Store.Nodes(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	s, ok := nodes[0].(*peacegraph.Source)
	if !ok {
		return nil, peacegraph.Errorf(peacegraph.ENOTFOUND, "no source %q", id)
	}
	size := h.PageSize
	if size <= 0 {
		size = PageSize
	}
	claims, err := AllClaims(ctx, h.Store, peacegraph.ClaimFilter{Source: id}, size)
	if err != nil {
		return nil, err
	}
	return SourceCollection(s, claims), nil
}

// AllClaims reads every claim that passes f, in claim order, size claims
// at a time, each page after the last claim of the one before.
func AllClaims(ctx context.Context, store peacegraph.Store, f peacegraph.ClaimFilter, size int) ([]*peacegraph.Claim, error) {
	var all []*peacegraph.Claim
	q := peacegraph.ClaimQuery{Filter: f, First: size}
	for {
		pages, err := store.Claims(ctx, []peacegraph.ClaimQuery{q})
		if err != nil {
			return nil, err
		}
		p := pages[0]
		all = append(all, p.Claims...)
		// A page that says more follow but brings none would have the
		// next one start from the same cursor, for ever.
		if !p.HasNextPage || len(p.Claims) == 0 {
			return all, nil
		}
		q.After = peacegraph.EncodeCursor(peacegraph.ClaimKey(p.Claims[len(p.Claims)-1]))
	}
}

// fail answers with the error's status and code (internal/httperror).
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	httperror.Write(w, r, &h.Log, "annotation export", err)
}
