package neo4j_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
)

func TestOpen(t *testing.T) {
	t.Run("unreachable server is unavailable and named", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		uri := "bolt://127.0.0.1:1"
		_, err := pgneo4j.Open(ctx, pgneo4j.Config{URI: uri}, zerolog.Nop())
		if got, want := peacegraph.ErrorCode(err), peacegraph.EUNAVAILABLE; got != want {
			t.Fatalf("code = %q (%v), want %q", got, err, want)
		}
		if got := peacegraph.ErrorMessage(err); !strings.Contains(got, uri) {
			t.Errorf("message %q does not name %s", got, uri)
		}
	})
	t.Run("a password in the URI is never shown", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		_, err := pgneo4j.Open(ctx, pgneo4j.Config{URI: "bolt://neo4j:s3cret-pw@127.0.0.1:1"}, zerolog.Nop())
		if got, want := peacegraph.ErrorCode(err), peacegraph.EUNAVAILABLE; got != want {
			t.Fatalf("code = %q (%v), want %q", got, err, want)
		}
		msg := peacegraph.ErrorMessage(err)
		if strings.Contains(msg, "s3cret-pw") || strings.Contains(err.Error(), "s3cret-pw") {
			t.Errorf("the error shows the password: %q (%v)", msg, err)
		}
		if !strings.Contains(msg, "neo4j:xxxxx@127.0.0.1:1") {
			t.Errorf("message %q does not name the server as bolt://neo4j:xxxxx@127.0.0.1:1", msg)
		}
	})
	t.Run("missing URI is invalid", func(t *testing.T) {
		_, err := pgneo4j.Open(t.Context(), pgneo4j.Config{}, zerolog.Nop())
		if got, want := peacegraph.ErrorCode(err), peacegraph.EINVALID; got != want {
			t.Fatalf("code = %q (%v), want %q", got, err, want)
		}
	})
	t.Run("unknown database is unavailable", func(t *testing.T) {
		MustDriver(t)
		cfg := testConfig()
		cfg.Database = "no-such-database"
		_, err := pgneo4j.Open(t.Context(), cfg, zerolog.Nop())
		if got, want := peacegraph.ErrorCode(err), peacegraph.EUNAVAILABLE; got != want {
			t.Fatalf("code = %q (%v), want %q", got, err, want)
		}
	})
	t.Run("ping answers", func(t *testing.T) {
		if err := MustOpen(t).Ping(t.Context()); err != nil {
			t.Fatalf("Ping: %v", err)
		}
	})
}
