package graph

// The generated code is committed; regenerate it after changing
// schema.graphqls or gqlgen.yml. internal/codegen runs gqlgen, the version
// go.mod pins, and makes its code resolve fields in turn.
//go:generate sh -c "cd .. && go run ./graph/internal/codegen"

// docs/stances.md lists every stance of the seeds with its evidence; its
// table is written from seeds/ by TestStancesDoc, which fails when it is
// stale.
//go:generate go test -count=1 -run ^TestStancesDoc$ . -update-stances
