package graph

// The generated code is committed; regenerate it after changing
// schema.graphqls or gqlgen.yml. The gqlgen version is the one go.mod pins.
//go:generate sh -c "cd .. && go run github.com/99designs/gqlgen generate --config gqlgen.yml"
