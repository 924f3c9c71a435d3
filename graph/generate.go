package graph

// The generated code is committed; regenerate it after changing
// schema.graphqls or gqlgen.yml. The gqlgen version is the one go.mod pins.
//go:generate sh -c "cd .. && go run ./graph/internal/codegen"

// docs/stances.md lists every stance of the seeds with its evidence; its
// table is written from seeds/ by TestStancesDoc, which fails when it is
// stale.
//go:generate go test -count=1 -run ^TestStancesDoc$ . -update-stances
