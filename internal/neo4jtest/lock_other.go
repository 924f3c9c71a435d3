//go:build !unix

package neo4jtest

import "testing"

// Acquire does nothing where there is no flock: there, run the tests that
// use Neo4j with go test -p 1.
func Acquire() (release func(), err error) { return func() {}, nil }

// Lock holds the lock of Acquire until the test ends.
func Lock(tb testing.TB) {}
