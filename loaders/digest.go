package loaders

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"

	"github.com/peacegraph/peacegraph"
)

// digestFormat names how Digest hashes a directory; a change to it must
// change this, so that no digest of one way is compared with the other.
const digestFormat = "peacegraph seed digest 1"

// Digest hashes what a read of dir with opts depends on: the path and the
// bytes of every file under it (not only the *.yaml ones, since a text
// may be any file), hidden ones aside as the reader skips them, and the
// bounds of opts. Equal digests mean a read gives the same dataset and
// the same problems. A file larger than opts.MaxFileBytes counts by its
// size alone, since a read refuses it whatever it holds. Reading through
// ReadDigest tells whether a digest covers everything the read used.
func Digest(dir string, opts Options) (string, error) {
	digest, _, err := digestFiles(dir, opts.withDefaults())
	return digest, err
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
	for _, name := range texts {
		if !files[filepath.ToSlash(filepath.Clean(filepath.FromSlash(name)))] {
			digest = ""
			break
		}
	}
	return d, digest, nil
}

// digestFiles hashes the files under dir in the order of their paths and
// returns the digest with the set of paths it covers.
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
	h := sha256.New()
	field := func(b []byte) {
		h.Write(binary.AppendUvarint(nil, uint64(len(b))))
		h.Write(b)
	}
	field([]byte(digestFormat))
	field(binary.AppendVarint(nil, opts.MaxFileBytes))
	files := make(map[string]bool, len(paths))
	for _, rel := range paths {
		files[rel] = true
		field([]byte(rel))
		name := filepath.FromSlash(rel)
		// What a read would find: the bytes, or that there are too
		// many, or that there are none to read (a broken link, a
		// socket), each marked apart.
		if info, err := root.Stat(name); err == nil && info.Size() > opts.MaxFileBytes {
			field([]byte{'>'})
			field(binary.AppendVarint(nil, info.Size()))
			continue
		}
		data, err := root.ReadFile(name)
		if err != nil {
			field([]byte{'!'})
			continue
		}
		field([]byte{'='})
		field(data)
	}
	return hex.EncodeToString(h.Sum(nil)), files, nil
}
