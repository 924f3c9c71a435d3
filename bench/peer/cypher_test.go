package main

import (
	"context"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/loaders"
	"github.com/peacegraph/peacegraph/memory"
)

// The hand-written statements of Q1–Q3 give, on the seeds loaded into a
// real Neo4j, the answers peacegraph gives over HTTP, and PROFILE counts
// their db hits. Q4 and Q5 read the stance model the Neo4j store derives
// at load (current stances, HELD periods), which peacegraph's answers are
// compared with by the benchmark itself.
func TestRawCypherAnswersAsPeacegraph(t *testing.T) {
	d, err := loaders.Read("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	neo4jtest.OpenLoaded(t, d)
	cfg := neo4jtest.Config()
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())
	database := cfg.Database
	if database == "" {
		database = "neo4j"
	}

	mem := memory.New()
	d2, err := loaders.Read("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	if err := mem.Load(t.Context(), d2); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(graph.NewHandler(mem, zerolog.Nop()))
	defer srv.Close()
	pg := peacegraphSystem(sysEmbedded, newGraphQLClient(srv.URL+"/graphql", 1, 30*time.Second))
	raw := rawSystem(driver, database, 30*time.Second)

	p, err := discover(t.Context(), driver, database)
	if err != nil {
		t.Fatal(err)
	}
	if p.Plan != "us-28-point-plan" || p.Point != 21 {
		t.Errorf("parameters of the seeds: %+v", p)
	}
	for _, id := range []string{"Q1", "Q2", "Q3"} {
		q := queryByID(id)
		want, err := pg.ask(t.Context(), q, p)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		got, err := raw.ask(t.Context(), q, p)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if isEmpty(want) {
			t.Errorf("%s: peacegraph's answer is empty", id)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: raw Cypher differs from peacegraph:\n%s", id, strings.Join(diff(want, got, "peacegraph", "raw", 10), "\n"))
		}
		hits, err := profile(t.Context(), driver, database, []statement{{q.cypher, q.cypherParams(p)}})
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if !hits.known || hits.hits <= 0 || hits.statements != 1 {
			t.Errorf("%s: db hits %+v", id, hits)
		}
	}
}
