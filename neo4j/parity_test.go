package neo4j_test

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/memory"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestSameAnswersAsMemoryOnSeeds asks both stores, loaded with the real
// seeds, a broad sweep of questions, and wants the same answer to each.
func TestSameAnswersAsMemoryOnSeeds(t *testing.T) {
	neo := MustOpenEmpty(t)
	mem := memory.New()
	MustLoad(t, neo, MustSeeds(t))
	MustLoad(t, mem, MustSeeds(t))
	d := MustSeeds(t)
	d.Complete()
	ctx := t.Context()

	var ids, actorIDs, planIDs, claimIDs []string
	for id := range d.Nodes() {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, a := range d.Actors {
		actorIDs = append(actorIDs, a.ID)
	}
	for _, p := range d.Plans {
		planIDs = append(planIDs, p.ID)
	}
	for _, c := range d.Claims {
		claimIDs = append(claimIDs, c.ID)
	}
	ask := askBoth(t, neo, mem)

	ask("Nodes", func(s peacegraph.Store) (any, error) { return s.Nodes(ctx, append(ids, "no-such-node")) })
	for _, plan := range append([]string{"", "no-such-plan"}, planIDs...) {
		ask("Disputes "+plan, func(s peacegraph.Store) (any, error) {
			return s.(interface {
				Disputes(context.Context, string) ([]*peacegraph.Dispute, error)
			}).Disputes(ctx, plan)
		})
	}
	ask("Members", func(s peacegraph.Store) (any, error) { return s.Members(ctx, actorIDs) })
	ask("Plans", func(s peacegraph.Store) (any, error) { return s.Plans(ctx) })
	ask("Contradictions", func(s peacegraph.Store) (any, error) { return s.Contradictions(ctx, claimIDs) })
	ask("Sources", func(s peacegraph.Store) (any, error) { return s.Sources(ctx) })
	ask("Events", func(s peacegraph.Store) (any, error) { return s.Events(ctx) })
	ask("ActorEvents", func(s peacegraph.Store) (any, error) { return s.ActorEvents(ctx, actorIDs) })

	for _, kind := range []peacegraph.ActorKind{"", peacegraph.ActorPerson, peacegraph.ActorGovernment, peacegraph.ActorOrganization} {
		for _, first := range []int{0, 1, 7, 1000} {
			walk(t, fmt.Sprintf("Actors kind %q first %d", kind, first), func(after string) (any, string, bool) {
				var pages [2]*peacegraph.ActorPage
				for i, s := range []peacegraph.Store{neo, mem} {
					p, err := s.Actors(ctx, peacegraph.ActorQuery{Kind: kind, First: first, After: after})
					if err != nil {
						t.Fatalf("Actors: %v", err)
					}
					pages[i] = p
				}
				if !storetest.Same(pages[0], pages[1]) {
					t.Errorf("Actors kind %q first %d after %q:\n got %#v\nwant %#v", kind, first, after, pages[0], pages[1])
				}
				p := pages[1]
				if len(p.Actors) == 0 {
					return nil, "", false
				}
				return nil, peacegraph.EncodeCursor(peacegraph.ActorKey(p.Actors[len(p.Actors)-1])), p.HasNextPage
			})
		}
	}

	yes, no := true, false
	filters := []peacegraph.PointFilter{{}, {Concession: &yes}, {Concession: &no}}
	for _, p := range d.Points {
		topic := p.Topic
		filters = append(filters, peacegraph.PointFilter{Topic: &topic}, peacegraph.PointFilter{Topic: &topic, Concession: &yes})
	}
	for i, f := range filters {
		ask(fmt.Sprintf("Points filter %d", i), func(s peacegraph.Store) (any, error) {
			return s.Points(ctx, append([]string{"", "no-such-plan"}, planIDs...), f)
		})
	}
	for _, plan := range append([]string{"", "no-such-plan"}, planIDs...) {
		for n := 0; n <= 30; n++ {
			ask(fmt.Sprintf("PointByNumber %q %d", plan, n), func(s peacegraph.Store) (any, error) { return s.PointByNumber(ctx, plan, n) })
		}
	}

	stanceFilters := []peacegraph.StanceFilter{{}}
	for _, pos := range []peacegraph.Position{peacegraph.Supports, peacegraph.Opposes, peacegraph.Conditional, peacegraph.Undecided} {
		stanceFilters = append(stanceFilters, peacegraph.StanceFilter{Position: pos})
	}
	for _, id := range ids {
		stanceFilters = append(stanceFilters, peacegraph.StanceFilter{ActorIDs: []string{id}}, peacegraph.StanceFilter{TargetIDs: []string{id}})
	}
	stanceFilters = append(stanceFilters, peacegraph.StanceFilter{ActorIDs: actorIDs, TargetIDs: planIDs, Position: peacegraph.Supports})
	for i, f := range stanceFilters {
		ask(fmt.Sprintf("Stances filter %d %+v", i, f), func(s peacegraph.Store) (any, error) { return s.Stances(ctx, f) })
	}

	var qs []peacegraph.ClaimQuery
	for _, first := range []int{0, 3, 50} {
		qs = append(qs, peacegraph.ClaimQuery{First: first})
		for _, c := range []peacegraph.Certainty{peacegraph.Stated, peacegraph.Reported, peacegraph.Analysis, peacegraph.Denied} {
			qs = append(qs, peacegraph.ClaimQuery{Filter: peacegraph.ClaimFilter{Certainty: c}, First: first})
		}
		for _, id := range ids {
			qs = append(qs,
				peacegraph.ClaimQuery{Filter: peacegraph.ClaimFilter{About: id}, First: first},
				peacegraph.ClaimQuery{Filter: peacegraph.ClaimFilter{Claimant: id}, First: first},
				peacegraph.ClaimQuery{Filter: peacegraph.ClaimFilter{Source: id}, First: first})
		}
	}
	ask("Claims batch", func(s peacegraph.Store) (any, error) { return s.Claims(ctx, qs) })
	for _, c := range d.Claims {
		after := peacegraph.EncodeCursor(peacegraph.ClaimKey(c))
		ask("Claims after "+c.ID, func(s peacegraph.Store) (any, error) {
			return s.Claims(ctx, []peacegraph.ClaimQuery{{First: 4, After: after}})
		})
	}
	ask("Claims bad cursor", func(s peacegraph.Store) (any, error) {
		return s.Claims(ctx, []peacegraph.ClaimQuery{{First: 4, After: "not-a-cursor"}})
	})

	for _, text := range []string{"witk", "RADOSŁ", "kushn zelensk", "600,000", "witkoff", "Army cap", "600", "plan", "NATO membership", "kremlin denied", "ukraine", "zz-nothing", "", "  ,  "} {
		for _, first := range []int{0, 5, 1000} {
			ask(fmt.Sprintf("Search %q first %d", text, first), func(s peacegraph.Store) (any, error) {
				return s.Search(ctx, peacegraph.SearchQuery{Text: text, First: first})
			})
		}
	}

	sample := ids
	if len(sample) > 12 {
		step := len(sample) / 12
		sample = nil
		for i := 0; i < len(ids); i += step {
			sample = append(sample, ids[i])
		}
	}
	for _, from := range sample {
		for _, to := range sample {
			for _, hops := range []int{1, 2, 4} {
				ask(fmt.Sprintf("Path %s %s %d", from, to, hops), func(s peacegraph.Store) (any, error) { return s.Path(ctx, from, to, hops) })
			}
		}
		for _, depth := range []int{0, 1, 2} {
			ask(fmt.Sprintf("Neighbourhood %s %d", from, depth), func(s peacegraph.Store) (any, error) {
				return s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: from, Depth: depth})
			})
		}
	}
	for _, center := range sample {
		for _, q := range []peacegraph.NeighbourhoodQuery{
			{Depth: 2, MaxNodes: 5}, {Depth: 2, Types: []string{peacegraph.RelAbout, peacegraph.RelClaimed}},
			{Depth: 3, Types: []string{string(peacegraph.Supports), peacegraph.RelHasPoint}, MaxNodes: 7},
			{Depth: 1, MaxNodes: 1}, {Depth: 0, Types: []string{peacegraph.RelCites}},
		} {
			q.Center = center
			ask(fmt.Sprintf("Neighbourhood %+v", q), func(s peacegraph.Store) (any, error) {
				return s.Neighbourhood(ctx, q)
			})
		}
	}
	ask("Path unknown", func(s peacegraph.Store) (any, error) { return s.Path(ctx, "no-such-node", ids[0], 3) })
	ask("Neighbourhood unknown", func(s peacegraph.Store) (any, error) {
		return s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "no-such-node", Depth: 1})
	})
}

// walk pages through a list until it ends.
func walk(t *testing.T, what string, page func(after string) (any, string, bool)) {
	t.Helper()
	after := ""
	for range 1000 {
		_, next, more := page(after)
		if !more {
			return
		}
		after = next
	}
	t.Fatalf("%s: more than 1000 pages", what)
}
