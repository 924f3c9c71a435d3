// Package model holds the GraphQL types that have no domain type of their
// own (connections, pages, graph views) and the Date scalar's codec.
package model

import (
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/peacegraph/peacegraph"
)

// MarshalDate writes a date as "YYYY-MM-DD", and an unknown date ("") as
// null, so clients never see an empty string posing as a date.
func MarshalDate(d peacegraph.Date) graphql.Marshaler {
	if d == "" {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(string(d)))
	})
}

// UnmarshalDate accepts only a real calendar date spelled YYYY-MM-DD; any
// other input is the caller's mistake (EINVALID, shown as BAD_USER_INPUT).
func UnmarshalDate(v any) (peacegraph.Date, error) {
	s, ok := v.(string)
	if !ok {
		return "", peacegraph.Errorf(peacegraph.EINVALID, "a Date must be a string of the form YYYY-MM-DD, not %s", describe(v))
	}
	return peacegraph.ParseDate(s)
}

func describe(v any) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprintf("%T %v", v, v)
}
