//go:build tools

package peacegraph

// Pins the version of the code generator in go.mod, so `go generate`
// gives the same code on every machine.
import (
	_ "github.com/99designs/gqlgen"
)
