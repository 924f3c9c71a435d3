package httperror_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/httperror"
)

func TestWrite(t *testing.T) {
	invalid := peacegraph.Errorf(peacegraph.EINVALID, "days must be at least 1")
	invalid.Field = "days"
	for _, c := range []struct {
		name       string
		err        error
		status     int
		body       map[string]string
		logs, hide string
	}{
		{"invalid names its argument", invalid, http.StatusBadRequest,
			map[string]string{"code": "invalid", "message": "days must be at least 1", "argument": "days"}, "", ""},
		{"not found", peacegraph.Errorf(peacegraph.ENOTFOUND, "no claim %q", "x"), http.StatusNotFound,
			map[string]string{"code": "not_found", "message": `no claim "x"`}, "", ""},
		{"unavailable hides where the store is", fmt.Errorf("open: %w", peacegraph.Errorf(peacegraph.EUNAVAILABLE, "bolt://db.internal:7687 refused")),
			http.StatusServiceUnavailable, map[string]string{"code": "unavailable", "message": httperror.UnavailableMessage}, "warn", "db.internal"},
		{"internal error shows nothing of itself", peacegraph.Errorf(peacegraph.EINTERNAL, "decode row 7 of secret"), http.StatusInternalServerError,
			map[string]string{"code": "internal", "message": "internal error"}, "error", "secret"},
		{"a foreign error is internal", errors.New("disk on fire"), http.StatusInternalServerError,
			map[string]string{"code": "internal", "message": "internal error"}, "error", "fire"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var logged strings.Builder
			log := zerolog.New(&logged)
			rec := httptest.NewRecorder()
			httperror.Write(rec, httptest.NewRequest(http.MethodGet, "/changes.atom", nil), &log, "changes feed", c.err)
			if rec.Code != c.status {
				t.Errorf("status %d, want %d", rec.Code, c.status)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			var got struct{ Error map[string]string }
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("body %q: %v", rec.Body, err)
			}
			if fmt.Sprint(got.Error) != fmt.Sprint(c.body) {
				t.Errorf("body %v, want %v", got.Error, c.body)
			}
			if c.hide != "" && strings.Contains(rec.Body.String(), c.hide) {
				t.Errorf("body %s shows %q", rec.Body, c.hide)
			}
			switch {
			case c.logs == "" && logged.Len() > 0:
				t.Errorf("logged %s for a client's mistake", logged.String())
			case c.logs != "" && !strings.Contains(logged.String(), `"level":"`+c.logs+`"`):
				t.Errorf("log %q, want a %s entry", logged.String(), c.logs)
			}
		})
	}
}
