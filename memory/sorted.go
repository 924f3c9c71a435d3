package memory

import (
	"slices"
	"sort"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// sorted is a list in its documented order with each item's sort key kept
// beside it, so that finding a cursor is a binary search that builds no
// key. The sub-lists of an index (claims of one claimant, actors of one
// kind) are positions into it, ascending, so they are in the same order.
type sorted[T any] struct {
	items []T
	keys  []string
}

// newSorted sorts items by key, building each key once. Keys are unique
// (each ends with the item's ID), so the order is fully defined. A nil
// list stays nil, as slices.Clone would leave it.
func newSorted[T any](items []T, key func(T) string) sorted[T] {
	if items == nil {
		return sorted[T]{}
	}
	type keyed struct {
		key  string
		item T
	}
	ks := make([]keyed, len(items))
	for i, x := range items {
		ks[i] = keyed{key(x), x}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	s := sorted[T]{items: make([]T, len(ks)), keys: make([]string, len(ks))}
	for i, k := range ks {
		s.items[i], s.keys[i] = k.item, k.key
	}
	return s
}

// after is the position of the first item whose key sorts after key: where
// the page after a cursor holding key starts.
func (s sorted[T]) after(key string) int32 {
	return int32(sort.Search(len(s.keys), func(i int) bool { return s.keys[i] > key }))
}

// selection names the items a query may return: every item, or those at
// the positions of one index list.
type selection struct {
	all       bool
	positions []int32
}

// size is how many items the selection holds in a list of n.
func (sel selection) size(n int) int {
	if sel.all {
		return n
	}
	return len(sel.positions)
}

// page is one page of a list.
type page[T any] struct {
	items   []T
	total   int
	hasNext bool
}

// page cuts the page of first items after the cursor out of the selected
// items, keeping those match accepts (nil: all of them). Without match it
// reads only the page: a binary search for the cursor, then first items.
// With match it has to test every selected item, to count them; callers
// hand it the smallest index that covers the query.
//
// The page is nil when nothing is selected and otherwise a new slice, as
// the scan it replaces gave: the callers' answers must stay identical.
// EINVALID for a negative first or a cursor this API did not issue.
func (s sorted[T]) page(sel selection, match func(T) bool, first int, after string, w *work) (page[T], error) {
	if first < 0 {
		return page[T]{}, peacegraph.FieldErrorf(peacegraph.EINVALID, "first", "first must not be negative, got %d", first)
	}
	afterKey, err := peacegraph.DecodeCursor(after)
	if err != nil {
		return page[T]{}, err
	}
	var from int32
	if after != "" {
		from = s.after(afterKey)
	}
	if match != nil {
		return s.scan(sel, match, from, first, w), nil
	}
	if sel.all {
		end := int(from) + min(first, len(s.items)-int(from))
		w.add(end - int(from))
		return page[T]{items: slices.Clone(s.items[from:end]), total: len(s.items), hasNext: end < len(s.items)}, nil
	}
	ps := sel.positions
	if len(ps) == 0 {
		return page[T]{}, nil
	}
	start, _ := slices.BinarySearch(ps, from)
	end := start + min(first, len(ps)-start)
	items := make([]T, 0, end-start)
	for _, p := range ps[start:end] {
		items = append(items, s.items[p])
	}
	w.add(end - start)
	return page[T]{items: items, total: len(ps), hasNext: end < len(ps)}, nil
}

// scan is page with a filter: every selected item is tested and counted,
// and the first ones at or after from make the page.
func (s sorted[T]) scan(sel selection, match func(T) bool, from int32, first int, w *work) page[T] {
	var p page[T]
	take := func(pos int32) {
		x := s.items[pos]
		if !match(x) {
			return
		}
		p.total++
		switch {
		case pos < from:
		case len(p.items) < first:
			p.items = append(p.items, x)
		default:
			p.hasNext = true
		}
	}
	if sel.all {
		for i := range s.items {
			take(int32(i))
		}
	} else {
		for _, pos := range sel.positions {
			take(pos)
		}
	}
	w.add(sel.size(len(s.items)))
	if p.total > 0 && p.items == nil {
		p.items = []T{}
	}
	return p
}

// appendPos appends pos to an index list unless it is already last: the
// lists are built in order, so a repeat can only be the last entry.
func appendPos(list []int32, pos int32) []int32 {
	if n := len(list); n > 0 && list[n-1] == pos {
		return list
	}
	return append(list, pos)
}
