//go:build unix

package neo4j_test

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockNeo4j takes the file lock shared by the test packages that use
// Neo4j, so that two test binaries never load the one database at once.
func lockNeo4j() (unlock func()) {
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "peacegraph-neo4j-tests.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		fmt.Fprintln(os.Stderr, "neo4j tests: lock file:", err)
		os.Exit(1)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		fmt.Fprintln(os.Stderr, "neo4j tests: lock:", err)
		os.Exit(1)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}
}
