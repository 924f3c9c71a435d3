package neo4j_test

import (
	"slices"
	"testing"

	"github.com/rs/zerolog"

	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
)

func TestSchema(t *testing.T) {
	t.Run("stores opening at once on a database without the schema all open", func(t *testing.T) {
		// (The package's tests hold the database's lock: main_test.go.)
		driver := MustDriver(t)
		// Without its indexes every Open creates them, and they race:
		// IF NOT EXISTS is checked before the index is created, not
		// atomically with it.
		for _, drop := range []string{"DROP INDEX node_text IF EXISTS", "DROP INDEX node_sort IF EXISTS"} {
			MustRun(t, driver, drop, nil)
		}
		errs := make(chan error, 4)
		for range cap(errs) {
			go func() {
				s, err := pgneo4j.Open(t.Context(), testConfig(), zerolog.Nop())
				if err == nil {
					err = s.Close()
				}
				errs <- err
			}()
		}
		for range cap(errs) {
			if err := <-errs; err != nil {
				t.Errorf("Open beside others: %v", err)
			}
		}
	})
	t.Run("opening twice keeps one of each constraint and index", func(t *testing.T) {
		driver := MustDriver(t)
		MustOpenEmpty(t)
		before := MustRun(t, driver, "SHOW INDEXES YIELD name RETURN count(*)", nil)[0].Values[0]
		MustOpen(t)
		after := MustRun(t, driver, "SHOW INDEXES YIELD name RETURN count(*)", nil)[0].Values[0]
		if before != after {
			t.Errorf("indexes: %v after the first Open, %v after the second", before, after)
		}
	})
	t.Run("every label has a unique id", func(t *testing.T) {
		driver := MustDriver(t)
		MustOpen(t)
		var got []string
		for _, r := range MustRun(t, driver, `SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
WHERE type = 'UNIQUENESS' AND properties = ['id'] RETURN labelsOrTypes[0]`, nil) {
			got = append(got, r.Values[0].(string))
		}
		for _, want := range []string{"Node", "Actor", "Plan", "Point", "Claim", "Source", "Event"} {
			if !slices.Contains(got, want) {
				t.Errorf("no uniqueness constraint on :%s(id); have %v", want, got)
			}
		}
	})
	t.Run("full-text index is online", func(t *testing.T) {
		driver := MustDriver(t)
		MustOpen(t)
		r := MustRun(t, driver, `SHOW FULLTEXT INDEXES YIELD name, state WHERE name = 'node_text' RETURN state`, nil)
		if len(r) != 1 {
			t.Fatalf("full-text index node_text: %d found, want 1", len(r))
		}
		if got, want := r[0].Values[0], "ONLINE"; got != want {
			t.Errorf("state = %v, want %v", got, want)
		}
	})
	t.Run("lookup indexes exist", func(t *testing.T) {
		driver := MustDriver(t)
		MustOpen(t)
		var got []string
		for _, r := range MustRun(t, driver, `SHOW RANGE INDEXES YIELD name RETURN name`, nil) {
			got = append(got, r.Values[0].(string))
		}
		for _, want := range []string{"point_plan_number", "claim_sort", "actor_sort", "event_sort", "source_sort", "plan_seq"} {
			if !slices.Contains(got, want) {
				t.Errorf("no index %s; have %v", want, got)
			}
		}
	})
}
