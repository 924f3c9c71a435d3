package main

import (
	"context"
	"net/http"
	"os"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
	"github.com/peacegraph/peacegraph/memory"
)

func main() {
	s := memory.New()
	if err := s.Load(context.Background(), fixture.Dataset()); err != nil {
		panic(err)
	}
	log := zerolog.New(os.Stderr)
	http.Handle("/graphql", graph.NewHandler(s, log))
	panic(http.ListenAndServe(os.Args[1], nil))
}
