// Package childenv gives the processes a harness starts (bench/peer,
// bench/faults) the harness's environment without the variables that
// configure peacegraph or Neo4j, so that each gets exactly the
// configuration it is meant to have (the embedded store no NEO4J_URI).
package childenv

import (
	"os"
	"strings"
)

// Clean is os.Environ() without NEO4J_*, PEACEGRAPH_*, LOG_LEVEL and
// LOG_FORMAT, plus extra.
func Clean(extra ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "NEO4J_") || strings.HasPrefix(k, "PEACEGRAPH_") || k == "LOG_LEVEL" || k == "LOG_FORMAT" {
			continue
		}
		out = append(out, kv)
	}
	return append(out, extra...)
}
