// Package httperror answers a failed request of one of peacegraph's HTTP
// exports (the claim documents, the annotation documents, the changes
// feed) with one JSON error body, so that the exports cannot answer the
// same mistake differently:
//
//	{"error": {"code": "...", "message": "...", "argument": "..."}}
//
// The code is the root package's error code, the status follows from it,
// and argument names the query parameter at fault when there is one.
package httperror

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
)

// UnavailableMessage is what users read when the store cannot be reached:
// what cannot be reached, and why, is the operator's business, since the
// store's own message would name hosts and ports.
const UnavailableMessage = "the graph store is unavailable; try again later"

// Status is the HTTP status of an error code.
func Status(code string) int {
	switch code {
	case peacegraph.EINVALID:
		return http.StatusBadRequest
	case peacegraph.ENOTFOUND:
		return http.StatusNotFound
	case peacegraph.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// Write answers with err's status and body. An unavailable store is
// logged as a warning and shown as UnavailableMessage; an internal error,
// or one that is not the root package's, is logged and shown only as
// "internal error". what names the export in the log. The request's
// logger (which carries the request ID) is preferred to fallback.
func Write(w http.ResponseWriter, r *http.Request, fallback *zerolog.Logger, what string, err error) {
	log := Logger(r, fallback)
	code := peacegraph.ErrorCode(err)
	body := map[string]string{"code": code, "message": peacegraph.ErrorMessage(err)}
	var domain *peacegraph.Error
	switch {
	case code == peacegraph.EUNAVAILABLE:
		log.Warn().Err(err).Str("path", r.URL.Path).Msg("store unavailable for the " + what)
		body["message"] = UnavailableMessage
	case !errors.As(err, &domain) || code == peacegraph.EINTERNAL:
		log.Error().Err(err).Str("path", r.URL.Path).Msg("internal error in the " + what)
		body["message"] = "internal error"
	case domain.Field != "":
		body["argument"] = domain.Field
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(Status(code))
	_ = json.NewEncoder(w).Encode(map[string]any{"error": body})
}

// Logger is the request's logger, which carries the request ID, or
// fallback when the request has none.
func Logger(r *http.Request, fallback *zerolog.Logger) *zerolog.Logger {
	if l := zerolog.Ctx(r.Context()); l.GetLevel() != zerolog.Disabled {
		return l
	}
	return fallback
}
