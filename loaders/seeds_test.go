package loaders_test

import (
	"reflect"
	"testing"

	"github.com/peacegraph/peacegraph/memory"
)

// seedsDir is the project's real seed set.
const seedsDir = "../seeds"

func TestRealSeeds(t *testing.T) {
	t.Run("read without a problem", func(t *testing.T) {
		d := MustRead(t, seedsDir)
		if len(d.Plans) == 0 || len(d.Points) == 0 || len(d.Actors) == 0 || len(d.Claims) == 0 {
			t.Errorf("seeds hold %d plans, %d points, %d actors, %d claims; want some of each",
				len(d.Plans), len(d.Points), len(d.Actors), len(d.Claims))
		}
	})

	t.Run("loaded twice change nothing", func(t *testing.T) {
		s := memory.New()
		first := MustLoad(t, s, seedsDir)
		once := MustState(t, s)
		second := MustLoad(t, s, seedsDir)
		twice := MustState(t, s)
		if !reflect.DeepEqual(first, second) {
			t.Errorf("second load wrote %v, first %v", second, first)
		}
		if !reflect.DeepEqual(once, twice) {
			t.Errorf("the store answers differently after loading the seeds again")
		}
	})
}
