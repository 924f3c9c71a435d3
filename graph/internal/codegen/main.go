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
// The changes, all made here so that one command still writes the whole
// of the generated code:
//
//   - the sequential plugin asks gqlgen, through its plugin API, to resolve
//     the fields of every object one after another, as gqlgen already does
//     for the fields of a mutation;
//   - the generated calls of graphql.MarshalSliceConcurrently, which gqlgen
//     writes for every list of objects whatever its configuration, are
//     turned into calls of graph.marshalList, which takes the same
//     arguments and marshals the elements in turn;
//   - each object's marshaller starts with an empty group of deferred
//     fields instead of graphql.NewDeferredGroup, which builds the
//     object's whole response path, a field set and a map for every
//     object of the answer (a tenth of what a page of 50 claims with
//     their citations allocated). Only concurrent resolution adds to that
//     group, so with it off the group stays empty and nothing reads its
//     path; the rewrite refuses to run if the generated code passes the
//     group anywhere;
//   - each object's marshaller collects its fields' values in a
//     graph.fieldSet instead of a graphql.FieldSet, which is made for
//     concurrent and deferred fields and costs a map and two closures
//     every time it is written;
//   - gqlgen's groups of batch parents, one per list, are taken out: each
//     batch field calls its resolver with its own parent, and graph.batch
//     answers every parent of a level from one call (batchgroups.go);
//   - an operation's data is written into a buffer from graph.dataBuffers,
//     which the POST transport gives back once it has written it, rather
//     than one grown from nothing by doubling for every request;
//   - the leaf fields, scalars read straight off their object, marshal
//     their value directly instead of going through gqlgen's field
//     resolution (leaves.go);
//   - a table of how the generated code reads each field, for graph.direct,
//     which answers a root field's whole subtree without gqlgen's per-field
//     machinery, is written beside it (direct.go).
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
	"golang.org/x/tools/imports"
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
	leaves := &leafFields{}
	// The table of the last run may name fields the schema no longer has;
	// gqlgen checks that the package compiles, so it starts empty.
	if err := emptyDirectTable(cfg.Exec.Filename); err != nil {
		return err
	}
	if err := api.Generate(cfg, api.AddPlugin(sequential{}), api.AddPlugin(leaves)); err != nil {
		return err
	}
	return rewrite(cfg.Exec.Filename, leaves)
}

// rewrite makes the rewrites of the generated file.
func rewrite(filename string, leaves *leafFields) error {
	src, err := os.ReadFile(filename)
	if err != nil {
		return err
	}
	src, err = listsInTurn(filename, src)
	if err != nil {
		return err
	}
	src, err = noDeferredGroups(filename, src)
	if err != nil {
		return err
	}
	src, err = ownFieldSets(filename, src)
	if err != nil {
		return err
	}
	src, err = noBatchGroups(filename, src)
	if err != nil {
		return err
	}
	src, err = pooledData(filename, src)
	if err != nil {
		return err
	}
	src, err = leaves.inlineLeaves(filename, src)
	if err != nil {
		return err
	}
	// The rewrites can leave an import unused (bytes, once the data has a
	// buffer of graph's): goimports, which gqlgen itself runs on what it
	// writes, drops it.
	src, err = imports.Process(filename, src, nil)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filename, src, 0o644); err != nil {
		return err
	}
	return directTable(filename, src, leaves)
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
func listsInTurn(filename string, src []byte) ([]byte, error) {
	if !bytes.Contains(src, []byte(concurrentList)) {
		return nil, fmt.Errorf("%s: no call of %s to rewrite; has gqlgen's generated code changed?", filename, concurrentList)
	}
	return bytes.ReplaceAll(src, []byte(concurrentList), []byte(inTurn)), nil
}

// newGroup is how each generated object marshaller makes its group of
// deferred fields, emptyGroup what takes its place, and passedGroup how the
// generated code would hand the group to something that fills it.
const (
	newGroup    = "deferred := graphql.NewDeferredGroup(ctx)"
	emptyGroup  = "var deferred graphql.DeferredGroup"
	passedGroup = "&deferred"
)

// noDeferredGroups gives every object marshaller an empty group of
// deferred fields. It fails when there is nothing to rewrite, or when the
// generated code passes a group on (concurrent resolution, or a deferred
// fragment, would fill it), since an empty group would then lose fields.
func noDeferredGroups(filename string, src []byte) ([]byte, error) {
	if !bytes.Contains(src, []byte(newGroup)) {
		return nil, fmt.Errorf("%s: no %q to rewrite; has gqlgen's generated code changed?", filename, newGroup)
	}
	if bytes.Contains(src, []byte(passedGroup)) {
		return nil, fmt.Errorf("%s: the generated code passes %s on, so its deferred fields need the group gqlgen makes", filename, passedGroup)
	}
	return bytes.ReplaceAll(src, []byte(newGroup), []byte(emptyGroup)), nil
}

// newFieldSet is how each generated object marshaller makes the set of its
// fields' values, ownFieldSet what takes its place, and laterFields the
// uses of a set that resolve fields later or in part, which fieldSet does
// not do.
const (
	newFieldSet = "graphql.NewFieldSet("
	ownFieldSet = "newFieldSet("
)

var laterFields = []string{".Concurrently(", ".NewView(", ".AddField("}

// ownFieldSets makes every object marshaller use graph.fieldSet. It fails
// when there is nothing to rewrite, or when the generated code resolves a
// field later (concurrently, or for a deferred fragment), since fieldSet
// resolves none later.
func ownFieldSets(filename string, src []byte) ([]byte, error) {
	if !bytes.Contains(src, []byte(newFieldSet)) {
		return nil, fmt.Errorf("%s: no call of %s to rewrite; has gqlgen's generated code changed?", filename, newFieldSet)
	}
	for _, later := range laterFields {
		if bytes.Contains(src, []byte(later)) {
			return nil, fmt.Errorf("%s: the generated code calls %s on a field set, which graph.fieldSet does not do", filename, later)
		}
	}
	return bytes.ReplaceAll(src, []byte(newFieldSet), []byte(ownFieldSet)), nil
}

// ownBuffer is how the generated Exec writes an operation's data, and
// pooledBuffer what takes its place.
const (
	ownBuffer    = "var buf bytes.Buffer\n\t\t\tdata.MarshalGQL(&buf)\n"
	pooledBuffer = "buf := dataBuffer()\n\t\t\tdata.MarshalGQL(buf)\n"
)

// pooledData makes the generated Exec write an operation's data into a
// buffer of graph.dataBuffers. It fails unless it finds the one place
// gqlgen writes the data, since that means the generated code has changed.
func pooledData(filename string, src []byte) ([]byte, error) {
	if n := bytes.Count(src, []byte(ownBuffer)); n != 1 {
		return nil, fmt.Errorf("%s: %d places write an operation's data into a buffer of their own, want 1; has gqlgen's generated code changed?", filename, n)
	}
	return bytes.Replace(src, []byte(ownBuffer), []byte(pooledBuffer), 1), nil
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
