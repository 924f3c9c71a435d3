//go:build unix

package schemaorg_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// MustLockNeo4j takes, until the test ends, the lock every package's tests
// take before they write to the shared test database: go test runs
// packages in parallel, and two packages loading their own data into one
// Neo4j at once would each read the other's.
func MustLockNeo4j(tb testing.TB) {
	tb.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "peacegraph-neo4j-tests.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		tb.Fatalf("lock file: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		tb.Fatalf("lock: %v", err)
	}
	tb.Cleanup(func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
}
