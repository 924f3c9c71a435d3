package graph

import (
	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/model"
)

// The caps on arguments that size an answer. A request above a cap fails
// with BAD_USER_INPUT naming the argument rather than being cut short
// silently, so a client never mistakes a truncated list for the whole.
const (
	// MaxFirst caps `first` on every connection and on search.
	MaxFirst = 100
	// DefaultFirst is what connections use when `first` is null.
	DefaultFirst = 50
	// MaxHops caps path's maxHops.
	MaxHops = 6
	// MaxDepth caps graph's depth.
	MaxDepth = 4
	// MaxNodes caps graph's maxNodes, so that one request cannot ask for
	// the whole graph with its evidence; DefaultMaxNodes is its default.
	MaxNodes        = 1000
	DefaultMaxNodes = 200
)

// intArg checks an optional integer argument against [min, max] and
// returns it, or def when it is null.
func intArg(name string, v *int, def, min, max int) (int, error) {
	if v == nil {
		return def, nil
	}
	switch {
	case *v < min:
		return 0, peacegraph.FieldErrorf(peacegraph.EINVALID, name, "%s must be at least %d, not %d", name, min, *v)
	case *v > max:
		return 0, peacegraph.FieldErrorf(peacegraph.EINVALID, name, "%s must be at most %d, not %d", name, max, *v)
	}
	return *v, nil
}

// firstArg checks a connection's `first`.
func firstArg(first *int) (int, error) {
	return intArg("first", first, DefaultFirst, 0, MaxFirst)
}

// afterArg checks a connection's `after` before it reaches a batch, so one
// bad cursor fails its own field and not every sibling batched with it.
func afterArg(after *string) (string, error) {
	if after == nil {
		return "", nil
	}
	if _, err := peacegraph.DecodeCursor(*after); err != nil {
		return "", err
	}
	return *after, nil
}

// claimConnection wraps a page of claims as a Relay connection.
func claimConnection(page *peacegraph.ClaimPage) *model.ClaimConnection {
	conn := &model.ClaimConnection{
		Edges:      make([]*model.ClaimEdge, len(page.Claims)),
		PageInfo:   pageInfo(page.HasNextPage, len(page.Claims), func(i int) string { return peacegraph.ClaimKey(page.Claims[i]) }),
		TotalCount: page.TotalCount,
	}
	for i, c := range page.Claims {
		conn.Edges[i] = &model.ClaimEdge{Node: c}
	}
	return conn
}

// actorConnection wraps a page of actors as a Relay connection.
func actorConnection(page *peacegraph.ActorPage) *model.ActorConnection {
	conn := &model.ActorConnection{
		Edges:      make([]*model.ActorEdge, len(page.Actors)),
		PageInfo:   pageInfo(page.HasNextPage, len(page.Actors), func(i int) string { return peacegraph.ActorKey(page.Actors[i]) }),
		TotalCount: page.TotalCount,
	}
	for i, a := range page.Actors {
		conn.Edges[i] = &model.ActorEdge{Node: a}
	}
	return conn
}

// pageInfo is the PageInfo of a page of n items whose sort keys key gives:
// its end cursor is the last item's, or null on an empty page.
func pageInfo(hasNext bool, n int, key func(i int) string) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: hasNext}
	if n > 0 {
		end := peacegraph.EncodeCursor(key(n - 1))
		info.EndCursor = &end
	}
	return info
}

// pageArgs checks a connection's `first` and `after` together.
func pageArgs(first *int, after *string) (int, string, error) {
	n, err := firstArg(first)
	if err != nil {
		return 0, "", err
	}
	cursor, err := afterArg(after)
	if err != nil {
		return 0, "", err
	}
	return n, cursor, nil
}
