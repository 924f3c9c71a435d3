package neo4j

import (
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestUnitsDoNotDependOnStanceOrder derives the units of the fixture, with
// two positions of one actor on one target in effect from the same day,
// from its stances in seed order and in reverse: every unit must hash
// alike. An addition derives an actor's spans on a target from the held
// stances, in the order the store reads them, and the added ones after,
// where a whole load reads them in the order of the seeds.
func TestUnitsDoNotDependOnStanceOrder(t *testing.T) {
	hashes := func(reverse bool) map[string]string {
		d := storetest.Fixture()
		d.Stances = append(d.Stances, &peacegraph.Stance{ActorID: "red-state", TargetID: "peace-plan",
			Position: peacegraph.Opposes, EvidenceIDs: []string{"c-heard"}})
		if reverse {
			slices.Reverse(d.Stances)
		}
		d.Complete()
		out := map[string]string{}
		for _, u := range units(d) {
			out[u.key] = u.hash
		}
		return out
	}
	seed, reversed := hashes(false), hashes(true)
	if len(seed) == 0 {
		t.Fatal("the fixture gave no units")
	}
	for key, h := range seed {
		if reversed[key] != h {
			t.Errorf("unit %s hashes %s from the stances in seed order and %s in reverse", key, h, reversed[key])
		}
	}
}
