package neo4j_test

import (
	"os"
	"testing"
)

// TestMain holds the lock that tests of every package take before they
// use the shared test database, for the whole run: these tests wipe it.
func TestMain(m *testing.M) {
	unlock := lockNeo4j()
	code := m.Run()
	unlock()
	os.Exit(code)
}
