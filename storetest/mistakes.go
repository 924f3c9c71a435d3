package storetest

import (
	"errors"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// testMistakes makes every mistake a caller can make of a read and
// requires the error the domain gives for it: code, field and message.
// The API shows that message and names that field to its users, so no
// store may answer a mistake in words of its own.
func testMistakes(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	invalid := func(field, message string) *peacegraph.Error {
		return &peacegraph.Error{Code: peacegraph.EINVALID, Field: field, Message: message}
	}
	noNode := func(id string) *peacegraph.Error {
		return peacegraph.Errorf(peacegraph.ENOTFOUND, "no node %q", id)
	}
	// The rules of a neighbourhood query are the root's (Check).
	check := func(q peacegraph.NeighbourhoodQuery) *peacegraph.Error {
		var e *peacegraph.Error
		if !errors.As(q.Check(), &e) {
			t.Fatalf("%+v passes Check", q)
		}
		return e
	}
	for _, c := range []struct {
		name string
		call func() error
		want *peacegraph.Error
	}{
		{"ActorsNegativeFirst", func() error {
			_, err := s.Actors(ctx, peacegraph.ActorQuery{First: -1})
			return err
		}, invalid("first", "first must not be negative, got -1")},
		{"ActorsCursorNotBase64", func() error {
			_, err := s.Actors(ctx, peacegraph.ActorQuery{First: 2, After: "not a cursor"})
			return err
		}, invalid("after", `"not a cursor" is not a cursor this API issued`)},
		{"ActorsCursorNotIssued", func() error {
			_, err := s.Actors(ctx, peacegraph.ActorQuery{First: 2, After: "YWJj"})
			return err
		}, invalid("after", `"YWJj" is not a cursor this API issued`)},
		{"ClaimsNegativeFirst", func() error {
			_, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 1}, {First: -1}})
			return err
		}, invalid("first", "first must not be negative, got -1")},
		{"ClaimsBadCursor", func() error {
			_, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 1}, {First: 1, After: "bogus"}})
			return err
		}, invalid("after", `"bogus" is not a cursor this API issued`)},
		{"PathUnknownFrom", func() error {
			_, err := s.Path(ctx, "nobody", "alice-envoy", 4)
			return err
		}, noNode("nobody")},
		{"PathUnknownTo", func() error {
			_, err := s.Path(ctx, "alice-envoy", "nobody", 4)
			return err
		}, noNode("nobody")},
		{"PathBothUnknownNamesFrom", func() error {
			_, err := s.Path(ctx, "nobody", "no-one", 4)
			return err
		}, noNode("nobody")},
		{"PathNoHops", func() error {
			_, err := s.Path(ctx, "alice-envoy", "bob-minister", 0)
			return err
		}, invalid("maxHops", "maxHops must be 1 or more, got 0")},
		{"NeighbourhoodUnknownCenter", func() error {
			_, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "nobody", Depth: 1})
			return err
		}, noNode("nobody")},
		{"NeighbourhoodUnknownType", func() error {
			_, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 1, Types: []string{"LIKES"}})
			return err
		}, check(peacegraph.NeighbourhoodQuery{Types: []string{"LIKES"}})},
		{"NeighbourhoodQueryCheckedBeforeCenter", func() error {
			_, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "nobody", Depth: 1, Types: []string{"LIKES"}})
			return err
		}, check(peacegraph.NeighbourhoodQuery{Types: []string{"LIKES"}})},
		{"NeighbourhoodNegativeDepth", func() error {
			_, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: -1})
			return err
		}, invalid("depth", "depth must not be negative, got -1")},
		{"NeighbourhoodNegativeCap", func() error {
			_, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "red-state", Depth: 1, MaxNodes: -1})
			return err
		}, invalid("maxNodes", "maxNodes must not be negative, got -1")},
		{"SearchWithoutWords", func() error {
			_, err := s.Search(ctx, peacegraph.SearchQuery{Text: " ?! ", First: 5})
			return err
		}, invalid("text", "search text must contain a letter or digit")},
		{"SearchNegativeFirst", func() error {
			_, err := s.Search(ctx, peacegraph.SearchQuery{Text: "plan", First: -1})
			return err
		}, invalid("first", "first must not be negative, got -1")},
		{"SearchTextCheckedBeforeFirst", func() error {
			_, err := s.Search(ctx, peacegraph.SearchQuery{Text: "", First: -1})
			return err
		}, invalid("text", "search text must contain a letter or digit")},
	} {
		t.Run(c.name, func(t *testing.T) { wantError(t, c.call(), c.want) })
	}

	// A missing plan or point is told by NoPlanError and NoPointError,
	// the default plan named by its ID.
	for _, c := range []struct {
		name, plan string
		number     int
		want       *peacegraph.Error
	}{
		{"UnknownNumberIsTheNumber", "peace-plan-revised", 3, peacegraph.NoPointError("peace-plan-revised", 3)},
		{"UnknownNumberOfTheDefaultPlanIsTheNumber", "", 99, peacegraph.NoPointError("peace-plan", 99)},
		{"UnknownPlanIsThePlan", "nobody", 1, peacegraph.NoPlanError("nobody")},
		{"NonPlanIsThePlan", "alice-envoy", 1, peacegraph.NoPlanError("alice-envoy")},
	} {
		t.Run("PointByNumber"+c.name, func(t *testing.T) {
			_, err := s.PointByNumber(ctx, c.plan, c.number)
			wantError(t, err, c.want)
		})
		// The stances of a point named by number fail the same way.
		t.Run("StancesOfPoint"+c.name, func(t *testing.T) {
			_, err := s.Stances(ctx, peacegraph.StanceFilter{Point: &peacegraph.PointNumber{Plan: c.plan, Number: c.number}})
			wantError(t, err, c.want)
			_, err = s.Stances(ctx, peacegraph.StanceFilter{Point: &peacegraph.PointNumber{Plan: c.plan, Number: c.number}, AsOf: "2025-11-30"})
			wantError(t, err, c.want)
		})
	}
}

// wantError fails the test unless err is a domain error with want's code,
// field and message.
func wantError(tb testing.TB, err error, want *peacegraph.Error) {
	tb.Helper()
	var got *peacegraph.Error
	if !errors.As(err, &got) {
		tb.Errorf("error = %v, want %v", err, want)
		return
	}
	if got.Code != want.Code || got.Field != want.Field || got.Message != want.Message {
		tb.Errorf("error = %s %q %q\nwant    %s %q %q", got.Code, got.Field, got.Message, want.Code, want.Field, want.Message)
	}
}
