package loaders

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/peacegraph/peacegraph"
)

// digestFormat names how Digest hashes a directory; a change to it must
// change this, so that no digest of one way is compared with the other.
const digestFormat = "peacegraph seed digest 2"

// Digest hashes what a read of dir with opts depends on: the path and the
// bytes of every file under it (not only the *.yaml ones, since a text
// may be any file), hidden ones aside as the reader skips them, and the
// bounds of opts. Equal digests mean a read gives the same dataset and
// the same problems. A file larger than opts.MaxFileBytes counts by its
// size alone, since a read refuses it whatever it holds. Reading through
// ReadDigest tells whether a digest covers everything the read used.
//
// The digest is a manifest, a line per file: a first line names the
// format and the bounds, then each file's path follows the hash of its
// path and bytes, in path order. A later digest of the directory then
// says which files were added since (AddedFiles), and a load can read
// those alone.
func Digest(dir string, opts Options) (string, error) {
	digest, _, err := digestFiles(dir, opts.withDefaults())
	return digest, err
}

// AddedFiles compares two digests of a directory with the same bounds,
// held taken before now: when now has every file of held with the same
// bytes, it returns the paths of the files now has in addition, in path
// order, and true. It returns false when a file of held went or changed,
// or when either is not a digest of this format or the bounds differ.
func AddedFiles(held, now string) ([]string, bool) {
	heldHeader, heldFiles, ok := parseDigest(held)
	if !ok {
		return nil, false
	}
	nowHeader, nowFiles, ok := parseDigest(now)
	if !ok || nowHeader != heldHeader {
		return nil, false
	}
	var added []string
	seen := 0
	for path, sum := range nowFiles {
		switch was, ok := heldFiles[path]; {
		case !ok:
			added = append(added, path)
		case was != sum:
			return nil, false
		default:
			seen++
		}
	}
	if seen != len(heldFiles) {
		return nil, false
	}
	slices.Sort(added)
	return added, true
}

// uncovered returns the first of the texts a read named whose path the
// digest does not list (has), "" when it lists them all.
func uncovered(texts []string, has func(path string) bool) string {
	for _, name := range texts {
		if !has(filepath.ToSlash(filepath.Clean(filepath.FromSlash(name)))) {
			return name
		}
	}
	return ""
}

// parseDigest splits a digest into its first line and its files' hashes
// by path.
func parseDigest(digest string) (header string, files map[string]string, ok bool) {
	header, rest, found := strings.Cut(digest, "\n")
	if !found || !strings.HasPrefix(header, digestFormat+" ") {
		return "", nil, false
	}
	files = map[string]string{}
	for line := range strings.Lines(rest) {
		sum, path, found := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		if !found {
			return "", nil, false
		}
		files[path] = sum
	}
	return header, files, true
}

// ReadDigest is ReadWith, and gives the Digest of dir taken before the
// files were read: a file that changes while they are read makes the
// next digest differ, so no digest ever vouches for content that was not
// read. taken, when not "", is a Digest of dir with opts that the caller
// took before calling, which is then given instead of hashing every file
// again. The digest is "" when the read used a file the digest does not
// cover (a text in a hidden directory, or behind a linked directory), or
// when the directory could not be digested (the read then says why).
func ReadDigest(dir string, opts Options, taken string) (*peacegraph.Dataset, string, error) {
	opts = opts.withDefaults()
	digest, files := taken, map[string]bool{}
	var err error
	if digest == "" {
		digest, files, err = digestFiles(dir, opts)
	} else {
		var paths []string
		paths, err = filesUnder(dir, func(string) bool { return true })
		for _, p := range paths {
			files[p] = true
		}
	}
	if err != nil {
		digest = ""
	}
	d, texts, err := readWith(dir, opts)
	if err != nil {
		return nil, "", err
	}
	if uncovered(texts, func(path string) bool { return files[path] }) != "" {
		digest = ""
	}
	return d, digest, nil
}

// digestFiles hashes the files under dir, each on its own and on every
// CPU, and returns the digest with the set of paths it covers.
func digestFiles(dir string, opts Options) (string, map[string]bool, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", nil, err
	}
	defer root.Close()
	paths, err := filesUnder(dir, func(string) bool { return true })
	if err != nil {
		return "", nil, err
	}
	files := make(map[string]bool, len(paths))
	for _, rel := range paths {
		if strings.ContainsAny(rel, "\n\r") {
			return "", nil, fmt.Errorf("%s: a path with a line break in it cannot be digested", rel)
		}
		files[rel] = true
	}
	sums := make([]string, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sums[i] = fileSum(root, paths[i], opts)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	var b strings.Builder
	fmt.Fprintf(&b, "%s max-file-bytes %d\n", digestFormat, opts.MaxFileBytes)
	for i, rel := range paths {
		b.WriteString(sums[i])
		b.WriteByte(' ')
		b.WriteString(rel)
		b.WriteByte('\n')
	}
	return b.String(), files, nil
}

// fileSum hashes one file's path and what a read would find of it: the
// bytes, or that there are too many, or that there are none to read (a
// broken link, a socket), each marked apart.
func fileSum(root *os.Root, rel string, opts Options) string {
	h := sha256.New()
	field := func(b []byte) {
		h.Write(binary.AppendUvarint(nil, uint64(len(b))))
		h.Write(b)
	}
	field([]byte(rel))
	name := filepath.FromSlash(rel)
	if info, err := root.Stat(name); err == nil && info.Size() > opts.MaxFileBytes {
		field([]byte{'>'})
		field(binary.AppendVarint(nil, info.Size()))
	} else if data, err := root.ReadFile(name); err != nil {
		field([]byte{'!'})
	} else {
		field([]byte{'='})
		field(data)
	}
	return hex.EncodeToString(h.Sum(nil))
}
