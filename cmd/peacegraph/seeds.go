package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/peacegraph/peacegraph/loaders"
)

// unchanged reports, having said so, whether the store holds a load of
// the very files of dir by this very binary, so that loading them again
// can change nothing: it then reads and writes nothing. The files are
// hashed (loaders.Digest), which costs a small part of what reading them
// does; when anything stands in the way (no digest in the store, a file
// that cannot be hashed) the load goes the whole way and finds out.
//
// It returns the files' digest when it took one, for the load that follows
// to keep without hashing them again.
func (m *Main) unchanged(ctx context.Context, dir string) (files string, unchanged bool) {
	held, err := m.Store.SeedDigest(ctx)
	if err != nil || held == "" {
		// An unreachable store fails the load that follows, with the
		// error a load gives.
		return "", false
	}
	files, err = loaders.Digest(dir, loaders.Options{MaxFileBytes: m.Config.SeedFileBytes})
	if err != nil {
		return "", false
	}
	if seedDigest(files) != held {
		return files, false
	}
	m.Log.Info().Str("dir", dir).Str("store", m.storeName()).Str("seeds", held).Msg("the store holds these very seed files; nothing to load")
	fmt.Fprintf(m.Stdout, "%s: unchanged: the %s holds a load of these very files by this build, so none was read and nothing written (--full compares them anyway)\n", dir, m.storeName())
	fmt.Fprintf(m.Stdout, "%s: changes: no changes (0 write statements)\n", dir)
	return files, true
}

// seedDigest names what a load of files (a loaders.Digest) writes: the
// files and the binary that reads them, since another build may read or
// derive otherwise. "" when either is unknown, which no store keeps.
func seedDigest(files string) string {
	build := buildDigest()
	if files == "" || build == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(build + "\n" + files))
	return hex.EncodeToString(sum[:])
}

// buildDigest hashes the running executable: the commit it was built from
// would not tell a modified checkout's builds apart. "" when it cannot be
// read.
var buildDigest = sync.OnceValue(func() string {
	path, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})
