package graph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestRecordFacts asks the API the questions of the week's record and
// checks the answers the seeded graph gives, on both stores.
func TestRecordFacts(t *testing.T) {
	neo4jtest.EachStore(t, func(tb testing.TB) *peacegraph.Dataset { return MustSeeds(tb) }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)

		t.Run("no European actor backs point 21 on 20 November", func(t *testing.T) {
			data := MustQuery[struct {
				WhoBacks []struct {
					Actor struct {
						ID           string
						Affiliations []struct{ ID string }
					}
				}
			}](t, srv, `{ whoBacks(point: 21, asOf: "2025-11-20") { actor { id affiliations { id } } } }`, nil)
			for _, st := range data.WhoBacks {
				european := slices.Contains(storetest.EuropeanBodies, st.Actor.ID)
				for _, f := range st.Actor.Affiliations {
					european = european || slices.Contains(storetest.EuropeanBodies, f.ID)
				}
				if european {
					t.Errorf("%s backs point 21 as of 2025-11-20", st.Actor.ID)
				}
			}
		})

		t.Run("on 27 November Putin's condition is on the Geneva text, and he backs point 21", func(t *testing.T) {
			data := MustQuery[struct {
				Actor struct {
					Stances []struct {
						Target   struct{ ID string }
						Position string
						Evidence []struct{ ID string }
					}
				}
			}](t, srv, `{ actor(id: "vladimir-putin") {
				stances(asOf: "2025-11-27") { target { ... on Node { id } } position evidence { id } }
			} }`, nil)
			got := map[string]string{}
			for _, st := range data.Actor.Stances {
				got[st.Target.ID] += st.Position
				if len(st.Evidence) == 0 {
					t.Errorf("%s stance on %s has no evidence", st.Position, st.Target.ID)
				}
			}
			want := map[string]string{
				"us-28-point-plan":     "SUPPORTS", // 21 November, not moved since
				"us-19-point-revision": "CONDITIONAL",
				"us-28-point-plan-21":  "SUPPORTS",
			}
			for target, w := range want {
				if got[target] != w {
					t.Errorf("position on %s as of 2025-11-27 = %q, want %q", target, got[target], w)
				}
			}
		})

		t.Run("the Kremlin moved from undecided to support of the plan", func(t *testing.T) {
			data := MustQuery[struct {
				Actor struct {
					StanceHistory []struct {
						Position, From, To string
						Evidence           []struct{ ID string }
					}
				}
			}](t, srv, `{ actor(id: "kremlin") { stanceHistory(target: "us-28-point-plan") { position from to evidence { id } } } }`, nil)
			h := data.Actor.StanceHistory
			if len(h) < 2 {
				t.Fatalf("history %+v, want a change of position", h)
			}
			if first, last := h[0], h[len(h)-1]; first.Position != "UNDECIDED" || last.Position != "SUPPORTS" || last.From != "2025-11-25" {
				t.Errorf("history %+v, want UNDECIDED, then SUPPORTS from 2025-11-25", h)
			}
			for i := 1; i < len(h); i++ {
				if h[i].From < h[i-1].To || h[i].Position == h[i-1].Position {
					t.Errorf("periods %d and %d (%+v, %+v) are out of order or no change", i-1, i, h[i-1], h[i])
				}
			}
		})

		t.Run("the E3 version changes point 6 to 800,000 and drops point 26", func(t *testing.T) {
			data := MustQuery[struct {
				Plan struct {
					Revises struct{ ID string }
					Changes []struct {
						Point     *struct{ Number int }
						Status    string
						RevisedAs []struct{ Summary string }
						Evidence  []struct{ ID string }
					}
				}
			}](t, srv, `{ plan(id: "e3-counter-proposal") {
				revises { id }
				changes { point { number } status revisedAs { summary } evidence { id } }
			} }`, nil)
			if got, want := data.Plan.Revises.ID, "us-28-point-plan"; got != want {
				t.Errorf("revises %q, want %q", got, want)
			}
			byNumber := map[int]int{}
			for i, c := range data.Plan.Changes {
				if c.Point != nil {
					byNumber[c.Point.Number] = i
				}
			}
			if len(byNumber) != 28 {
				t.Errorf("%d points of the 28-point plan have a change, want all 28", len(byNumber))
			}
			six := data.Plan.Changes[byNumber[6]]
			if six.Status != "CHANGED" || len(six.RevisedAs) == 0 || !strings.Contains(six.RevisedAs[0].Summary, "800,000") || len(six.Evidence) == 0 {
				t.Errorf("point 6: %+v, want CHANGED to 800,000 with evidence", six)
			}
			if c := data.Plan.Changes[byNumber[26]]; c.Status != "DROPPED" || len(c.Evidence) == 0 {
				t.Errorf("point 26: %+v, want DROPPED with evidence", c)
			}
		})

		t.Run("who wrote the plan is a dispute of at least three sides, each sourced", func(t *testing.T) {
			type dispute struct {
				ID    string
				Sides []struct {
					Label   string
					Claims  []struct{ ID string }
					Sources []struct{ ID string }
				}
			}
			data := MustQuery[struct{ Disputes []dispute }](t, srv,
				`{ disputes(plan: "us-28-point-plan") { id sides { label claims { id } sources { id } } } }`, nil)
			i := slices.IndexFunc(data.Disputes, func(d dispute) bool { return d.ID == "authorship-of-the-28-point-plan" })
			if i < 0 {
				t.Fatalf("no authorship dispute among %d disputes of the plan", len(data.Disputes))
			}
			sides := data.Disputes[i].Sides
			if len(sides) < 3 {
				t.Errorf("%d sides, want at least 3", len(sides))
			}
			for _, side := range sides {
				if len(side.Claims) == 0 || len(side.Sources) == 0 {
					t.Errorf("side %q has %d claims and %d sources, want at least one of each", side.Label, len(side.Claims), len(side.Sources))
				}
			}
		})
	})
}
