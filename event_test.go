package peacegraph_test

import (
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
)

func TestEventsBetween(t *testing.T) {
	events := []*peacegraph.Event{
		{ID: "a", Date: "2025-11-20"}, {ID: "undated"}, {ID: "b", Date: "2025-11-22"}, {ID: "c", Date: "2025-11-24"},
	}
	for _, c := range []struct {
		name     string
		from, to peacegraph.Date
		want     []string
	}{
		{"NoBoundKeepsEveryEventUndatedToo", "", "", []string{"a", "undated", "b", "c"}},
		{"BothBoundsAreIncluded", "2025-11-20", "2025-11-22", []string{"a", "b"}},
		{"FromAloneLeavesOutUndated", "2025-11-21", "", []string{"b", "c"}},
		{"ToAloneLeavesOutUndated", "", "2025-11-22", []string{"a", "b"}},
		{"AnEmptyWindowIsEmpty", "2025-11-25", "2025-11-30", []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := []string{}
			for _, e := range peacegraph.EventsBetween(events, c.from, c.to) {
				got = append(got, e.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}
