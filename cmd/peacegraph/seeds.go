package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/peacegraph/peacegraph"
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
// to keep without hashing them again, and the store's, for it to compare.
func (m *Main) unchanged(ctx context.Context, dir string) (held, files string, unchanged bool) {
	held, err := m.Store.SeedDigest(ctx)
	if err != nil || held == "" {
		// An unreachable store fails the load that follows, with the
		// error a load gives.
		return "", "", false
	}
	files, err = loaders.Digest(dir, loaders.Options{MaxFileBytes: m.Config.SeedFileBytes})
	if err != nil {
		return held, "", false
	}
	if seedDigest(files) != held {
		return held, files, false
	}
	m.Log.Info().Str("dir", dir).Str("store", m.storeName()).Str("seeds", shortDigest(held)).Msg("the store holds these very seed files; nothing to load")
	fmt.Fprintf(m.Stdout, "%s: unchanged: the %s holds a load of these very files by this build, so none was read and nothing written (--full compares them anyway)\n", dir, m.storeName())
	fmt.Fprintf(m.Stdout, "%s: changes: no changes (0 write statements)\n", dir)
	return held, files, true
}

// added loads, when the store holds a load of dir's files by this build
// and dir only has files in addition, those files alone as an addition
// (peacegraph.Adding), having said so; it reports whether it did. When
// they are no addition (other files changed, or what they hold is no
// addition to what the store holds: peacegraph.ErrNotAddition) it writes
// nothing and the whole set is loaded instead.
func (m *Main) added(ctx context.Context, dir, held, files string, opts []peacegraph.LoadOption) (bool, error) {
	now := seedDigest(files)
	heldBuild, heldFiles, _ := strings.Cut(held, "\n")
	nowBuild, _, _ := strings.Cut(now, "\n")
	if now == "" || heldBuild != nowBuild {
		return false, nil
	}
	d, err := loaders.ReadAdded(dir, loaders.Options{MaxFileBytes: m.Config.SeedFileBytes}, heldFiles, files)
	if err == nil {
		var report peacegraph.LoadReport
		err = m.Store.Load(ctx, d, append(opts, peacegraph.Adding(), peacegraph.FromSeeds(now), peacegraph.ReportTo(&report))...)
		if err == nil {
			m.Log.Info().Str("dir", dir).Str("store", m.storeName()).Str("changes", report.String()).Msg("seeds added")
			fmt.Fprintf(m.Stdout, "%s: added to the %s: %s, from the files added since its last load alone\n", dir, m.storeName(), loaders.Summarize(d))
			fmt.Fprintf(m.Stdout, "%s: changes: %s (%d write statements)\n", dir, report.String(), report.Writes)
			return true, nil
		}
	}
	if !errors.Is(err, peacegraph.ErrNotAddition) {
		return false, fmt.Errorf("loading %s: %w", dir, err)
	}
	m.Log.Info().Str("dir", dir).Str("why", err.Error()).Msg("the change is no addition; loading the whole set")
	return false, nil
}

// seedDigest names what a load of files (a loaders.Digest) writes: the
// files and the binary that reads them, since another build may read or
// derive otherwise, the build on a first line of its own. "" when either
// is unknown, which no store keeps.
func seedDigest(files string) string {
	build := buildDigest()
	if files == "" || build == "" {
		return ""
	}
	return "build " + build + "\n" + files
}

// shortDigest names a seed digest, which lists every file, in a log line.
func shortDigest(digest string) string {
	sum := sha256.Sum256([]byte(digest))
	return hex.EncodeToString(sum[:6])
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
