// Command faults tries peacegraph as an attacker and an unlucky operator
// would, against real servers, and prints what happened: the time, answer
// and memory of each abusive request; the answers during a Neo4j outage
// and the time to recover; the graph after loads killed with SIGKILL; and
// errors and memory over a soak. `make faults` runs it (Neo4j started if
// needed); README.md quotes a run.
//
// Environment: PEACEGRAPH_BIN (the binary, default bin/peacegraph),
// NEO4J_URI and its credentials (the Neo4j whose graph the outage and kill
// parts replace), FAULTS_SOAK (default 30s), FAULTS_PARTS (default
// "abuse,outage,kills,soak").
package main

import (
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	bin := env("PEACEGRAPH_BIN", "bin/peacegraph")
	soak, err := time.ParseDuration(env("FAULTS_SOAK", "30s"))
	if err != nil {
		fail("FAULTS_SOAK: %v", err)
	}
	parts := strings.Split(env("FAULTS_PARTS", "abuse,outage,kills,soak"), ",")
	failed := 0
	for _, part := range parts {
		var err error
		switch strings.TrimSpace(part) {
		case "abuse":
			err = abuse(bin)
		case "outage":
			err = outage(bin)
		case "kills":
			err = kills(bin)
		case "soak":
			err = soakRun(bin, soak)
		default:
			err = fmt.Errorf("unknown part %q (abuse, outage, kills, soak)", part)
		}
		if err != nil {
			fmt.Printf("faults: %s FAILED: %v\n\n", part, err)
			failed++
		}
	}
	if failed > 0 {
		fmt.Printf("faults: %d of %d parts failed\n", failed, len(parts))
		os.Exit(1)
	}
	fmt.Printf("faults: all %d parts held\n", len(parts))
}

func env(key, def string) string {
	if v := strings.TrimSpace(os.Getenv(key)); v != "" {
		return v
	}
	return def
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "faults: "+format+"\n", args...)
	os.Exit(1)
}
