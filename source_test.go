package peacegraph_test

import (
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
)

func TestSortSources(t *testing.T) {
	sources := []*peacegraph.Source{
		{ID: "undated-b"}, {ID: "late", Published: "2025-11-25"}, {ID: "undated-a"},
		{ID: "early-b", Published: "2025-11-20"}, {ID: "early-a", Published: "2025-11-20"},
	}
	peacegraph.SortSources(sources)
	var got []string
	for _, s := range sources {
		got = append(got, s.ID)
	}
	if want := []string{"early-a", "early-b", "late", "undated-a", "undated-b"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v: by date, undated last, then ID", got, want)
	}
}
