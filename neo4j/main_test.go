package neo4j_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// TestMain holds the lock that tests of every package take before they
// use the shared test database, for the whole run: these tests wipe it.
func TestMain(m *testing.M) {
	release, err := neo4jtest.Acquire()
	if err != nil {
		fmt.Fprintln(os.Stderr, "neo4j tests: test database lock:", err)
		os.Exit(1)
	}
	code := m.Run()
	release()
	os.Exit(code)
}
