//go:build !unix

package schemaorg_test

import "testing"

// MustLockNeo4j does nothing where there is no flock: run go test -p 1
// there when the tests use Neo4j.
func MustLockNeo4j(tb testing.TB) {}
