//go:build unix

package neo4jtest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Acquire takes the lock that every package's tests hold while they write
// to the shared test database, so two packages never load their own data
// into it at once. There is one lock per database (per Config().URI): tests
// against two servers do not wait for each other. It blocks until the lock
// is free; release gives it back.
func Acquire() (release func(), err error) {
	f, err := os.OpenFile(lockPath(Config().URI), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// Lock holds the lock of Acquire until the test ends.
func Lock(tb testing.TB) {
	tb.Helper()
	release, err := Acquire()
	if err != nil {
		tb.Fatalf("test database lock: %v", err)
	}
	tb.Cleanup(release)
}

// lockPath is the lock file of the database at uri.
func lockPath(uri string) string {
	sum := sha256.Sum256([]byte(uri))
	return filepath.Join(os.TempDir(), "peacegraph-neo4j-tests-"+hex.EncodeToString(sum[:6])+".lock")
}
