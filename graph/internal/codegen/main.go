// Command codegen runs gqlgen's generator on gqlgen.yml and makes the code
// it writes resolve a query in one goroutine. `go generate ./graph/` runs
// it from the repository root.
//
// gqlgen runs every field that has a resolver, and every element of a list
// of objects, in a goroutine of its own, so that slow resolvers overlap.
// Here no resolver is slow: each level of a query is one Store call, made
// by the first object that asks and shared by the rest (graph/batch.go),
// so the goroutines overlap nothing. What they cost instead was most of a
// large request's CPU time: a fresh stack for each, grown and copied as the
// field's execution goes deeper (a fifth of the time of a page of 50 claims
// with their citations), and the scheduling of hundreds of them.
//
// Two changes, both made here so that one command still writes the whole
// of the generated code:
//
//   - the sequential plugin asks gqlgen, through its plugin API, to resolve
//     the fields of every object one after another, as gqlgen already does
//     for the fields of a mutation;
//   - the generated calls of graphql.MarshalSliceConcurrently, which gqlgen
//     writes for every list of objects whatever its configuration, are
//     turned into calls of graph.marshalList, which takes the same
//     arguments and marshals the elements in turn.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "codegen:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.LoadConfig("gqlgen.yml")
	if err != nil {
		return err
	}
	if err := api.Generate(cfg, api.AddPlugin(sequential{})); err != nil {
		return err
	}
	return listsInTurn(cfg.Exec.Filename)
}

// concurrentList is the call gqlgen writes for each list of objects, and
// inTurn the function of package graph that takes its place.
const (
	concurrentList = "graphql.MarshalSliceConcurrently("
	inTurn         = "marshalList("
)

// listsInTurn rewrites the generated file's list marshalling to call
// marshalList. It fails when there is nothing to rewrite, since that means
// gqlgen's generated code has changed and the rewrite needs looking at.
func listsInTurn(filename string) error {
	src, err := os.ReadFile(filename)
	if err != nil {
		return err
	}
	n := bytes.Count(src, []byte(concurrentList))
	if n == 0 {
		return fmt.Errorf("%s: no call of %s to rewrite; has gqlgen's generated code changed?", filename, concurrentList)
	}
	out := bytes.ReplaceAll(src, []byte(concurrentList), []byte(inTurn))
	return os.WriteFile(filename, out, 0o644)
}

// sequential turns off gqlgen's concurrent field resolution for every
// object type, the roots included.
type sequential struct{}

// Name names the plugin in gqlgen's errors.
func (sequential) Name() string { return "sequential" }

// GenerateCode runs before gqlgen writes the executable schema, on the data
// it writes it from.
func (sequential) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		o.DisableConcurrency = true
	}
	return nil
}
