package graph_test

import (
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/loaders"
)

// MustSeeds reads the repository's real seeds.
func MustSeeds(tb testing.TB) *peacegraph.Dataset {
	tb.Helper()
	d, err := loaders.Read("../seeds")
	if err != nil {
		tb.Fatalf("read seeds: %v", err)
	}
	return d
}

// TestArticleFacts asks the questions the source article answers and
// checks the answers the seeded graph gives.
func TestArticleFacts(t *testing.T) {
	neo4jtest.EachStore(t, func(tb testing.TB) *peacegraph.Dataset { return MustSeeds(tb) }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)

		t.Run("Witkoff is among who drafted the plan", func(t *testing.T) {
			data := MustQuery[struct {
				Plan struct {
					ID      string
					Authors []struct{ ID, Name string }
				}
			}](t, srv, `{ plan { id authors { id name } } }`, nil)
			if got, want := data.Plan.ID, "us-28-point-plan"; got != want {
				t.Errorf("default plan %q, want %q", got, want)
			}
			var ids []string
			for _, a := range data.Plan.Authors {
				ids = append(ids, a.ID)
			}
			if !contains(ids, "steve-witkoff") || !contains(ids, "kirill-dmitriev") {
				t.Errorf("authors %v, want steve-witkoff and kirill-dmitriev among them", ids)
			}
		})

		t.Run("point 6 caps Ukraine's army at 600,000", func(t *testing.T) {
			data := MustQuery[struct {
				Point struct {
					Number     int
					Summary    string
					Topic      string
					Concession bool
					ConcededBy []struct{ ID string }
				}
			}](t, srv, `{ point(number: 6) { number summary topic concession concededBy { id } } }`, nil)
			p := data.Point
			if !strings.Contains(p.Summary, "600,000") || p.Topic != "military" || !p.Concession {
				t.Errorf("point 6 is %+v, want the military concession capping the army at 600,000", p)
			}
			if len(p.ConcededBy) == 0 || p.ConcededBy[0].ID != "ukraine" {
				t.Errorf("point 6 conceded by %v, want ukraine", p.ConcededBy)
			}
		})

		t.Run("Dmitriev said the Russian position is really being heard, in the article", func(t *testing.T) {
			data := MustQuery[struct {
				Claims struct {
					Edges []struct {
						Node struct {
							ID        string
							Text      string
							Claimant  struct{ Name string }
							Citations []struct {
								Source struct {
									ID, Title string
									Text      *string
								}
								Quote      *string
								Start, End *int
							}
						}
					}
				}
			}](t, srv, `{ claims(filter: {claimant: "kirill-dmitriev"}, first: 100) { edges { node { id text claimant { name } citations { source { id title text } quote start end } } } } }`, nil)
			found := false
			for _, e := range data.Claims.Edges {
				for _, c := range e.Node.Citations {
					if c.Source.ID != "article-28-point-plan" || c.Quote == nil || !strings.Contains(*c.Quote, "really being heard") {
						continue
					}
					found = true
					if e.Node.Claimant.Name != "Kirill Dmitriev" {
						t.Errorf("claimant %q", e.Node.Claimant.Name)
					}
					if c.Start == nil || c.End == nil || c.Source.Text == nil {
						t.Fatalf("citation of the stored article has no offsets")
					}
					if got, want := string([]rune(*c.Source.Text)[*c.Start:*c.End]), *c.Quote; got != want {
						t.Errorf("article[%d:%d] = %q, want the quote %q", *c.Start, *c.End, got, want)
					}
				}
			}
			if !found {
				t.Errorf("no claim of Dmitriev quotes the article saying the Russian position is really being heard")
			}
		})

		t.Run("search finds the quote's claim", func(t *testing.T) {
			data := MustQuery[struct {
				Search []struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}](t, srv, `{ search(text: "really being heard") { __typename ... on Claim { id } } }`, nil)
			var ids []string
			for _, h := range data.Search {
				ids = append(ids, h.ID)
			}
			if !contains(ids, "dmitriev-russian-position-heard") {
				t.Errorf("search hits %v, want dmitriev-russian-position-heard among them", ids)
			}
		})

		t.Run("the deep query answers on the real graph", func(t *testing.T) {
			MustQuery[map[string]any](t, srv, deepQuery, nil)
		})
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
