package peacegraph_test

import (
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
)

func TestCitedSourceIDs(t *testing.T) {
	claims := []*peacegraph.Claim{
		{ID: "c1", Citations: []peacegraph.Citation{{SourceID: "wire"}, {SourceID: "paper"}}},
		{ID: "c2", Citations: []peacegraph.Citation{{SourceID: "paper"}, {SourceID: "blog"}, {SourceID: "wire"}}},
	}
	if got, want := peacegraph.CitedSourceIDs(claims), []string{"wire", "paper", "blog"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v: each source once, in the order first cited", got, want)
	}
	if got := peacegraph.CitedSourceIDs(nil); len(got) != 0 {
		t.Errorf("got %v for no claims, want none", got)
	}
}
