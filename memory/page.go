package memory

import (
	"slices"
	"sort"

	"github.com/peacegraph/peacegraph"
)

// page is one page of a list sorted by key: the first items whose key is
// greater than the key inside the after cursor. Comparing keys, not
// positions, keeps a cursor meaningful even when the list changes
// underneath it.
type page[T any] struct {
	items   []T
	total   int
	hasNext bool
}

// paginate cuts one page out of items, which must be sorted by key.
// EINVALID for a negative first or a cursor this API did not issue.
func paginate[T any](items []T, key func(T) string, first int, after string) (page[T], error) {
	if first < 0 {
		return page[T]{}, peacegraph.FieldErrorf(peacegraph.EINVALID, "first", "first must not be negative, got %d", first)
	}
	afterKey, err := peacegraph.DecodeCursor(after)
	if err != nil {
		return page[T]{}, err
	}
	start := 0
	if after != "" {
		start = sort.Search(len(items), func(i int) bool { return key(items[i]) > afterKey })
	}
	end := min(len(items), start+first)
	return page[T]{
		items:   slices.Clone(items[start:end]),
		total:   len(items),
		hasNext: end < len(items),
	}, nil
}
