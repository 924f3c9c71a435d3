package loaders

import (
	"fmt"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// ReadAdded reads, of the directory now digests (Digest), only the seed
// files that it has in addition to those held digests (AddedFiles), with
// the texts they name. The dataset is neither completed nor validated:
// what the files name lies mostly in files it does not read. A load gives
// it to Store.Load with peacegraph.Adding, which checks it against what
// the store holds.
//
// It returns an error wrapping peacegraph.ErrNotAddition, and reads
// nothing more, when now does not just add files to held, when a text the
// files name lies outside what now covers, or when the files have any
// problem on their own: a read of the whole directory then decides, and
// reports every problem where it is.
func ReadAdded(dir string, opts Options, held, now string) (*peacegraph.Dataset, error) {
	opts = opts.withDefaults()
	added, ok := AddedFiles(held, now)
	if !ok {
		return nil, fmt.Errorf("%w: files were changed or removed", peacegraph.ErrNotAddition)
	}
	var files []string
	for _, p := range added {
		if strings.HasSuffix(p, ".yaml") {
			files = append(files, p)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%w: no seed file was added", peacegraph.ErrNotAddition)
	}
	_, nowFiles, _ := parseDigest(now)
	r := &reader{dir: dir, opts: opts, d: &peacegraph.Dataset{}}
	if err := r.readFiles(files); err != nil {
		return nil, err
	}
	if len(r.errs) > 0 {
		return nil, fmt.Errorf("%w: %s", peacegraph.ErrNotAddition, r.errs[0].String())
	}
	if name := uncovered(r.texts, func(path string) bool { _, ok := nowFiles[path]; return ok }); name != "" {
		return nil, fmt.Errorf("%w: the text %s lies outside the digest", peacegraph.ErrNotAddition, name)
	}
	return r.d, nil
}
