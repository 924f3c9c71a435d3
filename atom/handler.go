package atom

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"strconv"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/httperror"
)

// Path is where the feed is served.
const Path = "/changes.atom"

// Handler serves the feed at GET /changes.atom?since=YYYY-MM-DD: the
// changes from since to until (both optional, both days of the form
// YYYY-MM-DD), as the API's changes query gives them. until defaults to the
// latest day of the record; without since, the feed holds the days days
// ending at until (days defaults to peacegraph.DefaultRecentDays, a week).
//
// Responses: 200 with the feed (application/atom+xml); 400 for a bad
// argument, a range wider or fuller than the limits allow; 503 when the
// store is unreachable; 500 otherwise. Error bodies are those
// of internal/httperror, as every export's are.
type Handler struct {
	Store peacegraph.Store
	// Limits bound the range one request may ask for; zero fields take
	// their defaults. The request's deadline and read scope are the
	// server's (package server), as for every export.
	Limits peacegraph.ChangeLimits
	// Log receives internal errors, whose text is never shown to clients.
	Log zerolog.Logger
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q, err := h.query(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	feed, err := h.feed(ctx, r, q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ContentType)
	_, _ = w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		httperror.Logger(r, &h.Log).Warn().Err(err).Msg("writing the changes feed")
	}
}

// query reads the arguments of a request.
func (h *Handler) query(r *http.Request) (peacegraph.ChangeQuery, error) {
	q := peacegraph.ChangeQuery{Limits: h.Limits}
	args := r.URL.Query()
	for _, a := range []struct {
		name string
		to   *peacegraph.Date
	}{{"since", &q.Since}, {"until", &q.Until}} {
		if v := args.Get(a.name); v != "" {
			d, err := peacegraph.ParseDate(v)
			if err != nil {
				return q, peacegraph.FieldErrorf(peacegraph.EINVALID, a.name, "%s=%q is not a date of the form YYYY-MM-DD", a.name, v)
			}
			*a.to = d
		}
	}
	if v := args.Get("days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return q, peacegraph.FieldErrorf(peacegraph.EINVALID, "days", "days=%q: want a whole number of days, 1 or more", v)
		}
		q.Recent = n
	}
	return q, nil
}

// feed reads the changes q asks for and the nodes their entries name, in
// two store reads, and writes them as a feed whose links start at the
// scheme and host the request was sent to.
func (h *Handler) feed(ctx context.Context, r *http.Request, q peacegraph.ChangeQuery) (*Feed, error) {
	days, err := h.Store.Changes(ctx, q)
	if err != nil {
		return nil, err
	}
	ids := refs(days)
	nodes := make(map[string]peacegraph.Node, len(ids))
	if len(ids) > 0 {
		found, err := h.Store.Nodes(ctx, ids)
		if err != nil {
			return nil, err
		}
		for i, n := range found {
			if n != nil {
				nodes[ids[i]] = n
			}
		}
	}
	base := baseURL(r)
	wr := &writer{base: base, nodes: nodes}
	f := &Feed{
		ID:        FeedID,
		Title:     plain("peacegraph: what changed in the record"),
		Updated:   Timestamp(string(updated(days, q))),
		Authors:   []Person{{Name: "peacegraph"}},
		Generator: &Generator{Body: "peacegraph"},
		Links: []Link{
			{Href: base + r.URL.RequestURI(), Rel: "self", Type: "application/atom+xml"},
			{Href: base + "/", Rel: "alternate", Type: "text/html", Title: "The GraphQL playground"},
		},
		Entries: wr.entries(days),
	}
	if len(days) > 0 {
		f.Subtitle = ptr(plain(fmt.Sprintf("Claims published, stances taken or moved, dispute sides and plan versions, day by day, from %s to %s, newest first; every change with the claims that show it and their sources' exact words.",
			days[0].Date, days[len(days)-1].Date)))
	}
	return f, nil
}

// updated is the feed's last change: its newest day; for a feed with
// none, the last day asked for (until, else since), or the start of Unix
// time when the request named no day.
func updated(days []*peacegraph.ChangeDay, q peacegraph.ChangeQuery) peacegraph.Date {
	switch {
	case len(days) > 0:
		return days[len(days)-1].Date
	case q.Until != "":
		return q.Until
	case q.Since != "":
		return q.Since
	}
	return "1970-01-01"
}

// baseURL is the scheme and host of the request as its sender addressed
// it: a proxy that ends TLS says so in X-Forwarded-Proto.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" || p == "http" {
		scheme = p
	}
	return scheme + "://" + r.Host
}

// fail answers with the error's status and code (internal/httperror).
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	httperror.Write(w, r, &h.Log, "changes feed", err)
}
