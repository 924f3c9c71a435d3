package graph_test

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// TestNestedFields follows the edges of the graph from one node to the
// next, as the playground and front ends do.
func TestNestedFields(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return fixture.Dataset() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		tests := []struct {
			name  string
			query string
			want  string
		}{
			{
				name:  "actor leads to affiliations, members, stances, claims, mentions and events",
				query: `{ actor(id: "kirill-dmitriev") { affiliations { id members { id } } stances { position target { __typename ... on Plan { id } } } claims { totalCount edges { node { id } } } mentionedIn { totalCount edges { node { id } } } events { id } } }`,
				want:  `{"actor":{"affiliations":[{"id":"russia","members":[{"id":"kirill-dmitriev"}]}],"stances":[{"position":"SUPPORTS","target":{"__typename":"Plan","id":"us-28-point-plan"}}],"claims":{"totalCount":1,"edges":[{"node":{"id":"c-heard"}}]},"mentionedIn":{"totalCount":1,"edges":[{"node":{"id":"c-drafted"}}]},"events":[{"id":"miami-meeting"}]}}`,
			},
			{
				name:  "actor stances filtered by position",
				query: `{ actor(id: "ukraine") { all: stances { position target { ... on Node { id } } } undecided: stances(position: UNDECIDED) { target { ... on Node { id } } } } }`,
				want:  `{"actor":{"all":[{"position":"CONDITIONAL","target":{"id":"p28-6"}},{"position":"UNDECIDED","target":{"id":"us-28-point-plan"}}],"undecided":[{"target":{"id":"us-28-point-plan"}}]}}`,
			},
			{
				name:  "point leads to its plan, stances, claims and who concedes",
				query: `{ point(number: 6) { plan { id } concededBy { name } stances { actor { name } position } claims { totalCount edges { node { id } } } } }`,
				want:  `{"point":{"plan":{"id":"us-28-point-plan"},"concededBy":[{"name":"Ukraine"}],"stances":[{"actor":{"name":"Ukraine"},"position":"CONDITIONAL"}],"claims":{"totalCount":2,"edges":[{"node":{"id":"c-cap"}},{"node":{"id":"c-kyiv-condition"}}]}}}`,
			},
			{
				name:  "plan stances by actor name",
				query: `{ plan { stances { actor { id } position evidence { id } } supporters: stances(position: SUPPORTS) { actor { id } } } }`,
				want:  `{"plan":{"stances":[{"actor":{"id":"kirill-dmitriev"},"position":"SUPPORTS","evidence":[{"id":"c-heard"}]},{"actor":{"id":"steve-witkoff"},"position":"SUPPORTS","evidence":[{"id":"c-drafted"}]},{"actor":{"id":"ukraine"},"position":"UNDECIDED","evidence":[{"id":"c-kyiv-denies"}]}],"supporters":[{"actor":{"id":"kirill-dmitriev"}},{"actor":{"id":"steve-witkoff"}}]}}`,
			},
			{
				name:  "contradictions are symmetric",
				query: `{ a: claim(id: "c-kyiv-denies") { contradictedBy { id } } b: claim(id: "c-kyiv-agreed") { contradictedBy { id } } c: claim(id: "c-heard") { contradictedBy { id } } }`,
				want:  `{"a":{"contradictedBy":[{"id":"c-kyiv-agreed"}]},"b":{"contradictedBy":[{"id":"c-kyiv-denies"}]},"c":{"contradictedBy":[]}}`,
			},
			{
				name:  "stance target is the plan or the point itself",
				query: `{ actor(id: "ukraine") { stances { target { __typename ... on Point { number plan { id } } ... on Plan { title } } } } }`,
				want:  `{"actor":{"stances":[{"target":{"__typename":"Point","number":6,"plan":{"id":"us-28-point-plan"}}},{"target":{"__typename":"Plan","title":"28-point plan"}}]}}`,
			},
			{
				name:  "a claim's citation leads to the source that cites it back",
				query: `{ claim(id: "c-heard") { claimant { name } citations { source { id claims { edges { node { id } } } } } } }`,
				want:  `{"claim":{"claimant":{"name":"Kirill Dmitriev"},"citations":[{"source":{"id":"article","claims":{"edges":[{"node":{"id":"c-drafted"}},{"node":{"id":"c-cap"}},{"node":{"id":"c-heard"}},{"node":{"id":"c-kyiv-agreed"}},{"node":{"id":"c-kyiv-condition"}},{"node":{"id":"c-kyiv-denies"}}]}}}]}}`,
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, want := MustAnswer(t, srv, tt.query, nil), Compact(t, tt.want)
				if got != want {
					t.Errorf("got  %s\nwant %s", got, want)
				}
			})
		}
	})
}

// TestCitationOffsetsPointAtTheQuote checks every citation the API gives:
// the quote is exactly the source's text between start and end, counted
// in code points.
func TestCitationOffsetsPointAtTheQuote(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return fixture.Dataset() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		data := MustQuery[struct {
			Claims struct {
				Edges []struct {
					Node struct {
						ID        string
						Citations []struct {
							Source     struct{ Text *string }
							Quote      *string
							Start, End *int
						}
					}
				}
			}
		}](t, srv, `{ claims(first: 100) { edges { node { id citations { source { text } quote start end } } } } }`, nil)
		checked := 0
		for _, e := range data.Claims.Edges {
			for _, c := range e.Node.Citations {
				if c.Source.Text == nil {
					if c.Start != nil || c.End != nil {
						t.Errorf("%s: offsets %v-%v into a source with no stored text", e.Node.ID, *c.Start, *c.End)
					}
					continue
				}
				if c.Quote == nil || c.Start == nil || c.End == nil {
					t.Errorf("%s: citation of a stored text without quote and offsets", e.Node.ID)
					continue
				}
				text := []rune(*c.Source.Text)
				if got, want := string(text[*c.Start:*c.End]), *c.Quote; got != want {
					t.Errorf("%s: text[%d:%d] = %q, want the quote %q", e.Node.ID, *c.Start, *c.End, got, want)
				}
				checked++
			}
		}
		if got, want := checked, 6; got != want {
			t.Errorf("checked %d citations, want %d", got, want)
		}
		if *data.Claims.Edges[0].Node.Citations[0].Source.Text != fixture.ArticleText {
			t.Errorf("source text differs from the stored text")
		}
	})
}

// TestPagination walks connections page by page with the cursors the API
// gives and gets every item exactly once, in order.
func TestPagination(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return fixture.Dataset() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		type page struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ ID string }
			}
			PageInfo struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
		walk := func(t *testing.T, query, field string) []string {
			t.Helper()
			var ids []string
			var after any
			for i := 0; ; i++ {
				data := MustQuery[map[string]page](t, srv, query, map[string]any{"after": after})
				p := data[field]
				if p.TotalCount != 7 && field == "actors" || p.TotalCount != 6 && field == "claims" {
					t.Fatalf("totalCount %d on page %d", p.TotalCount, i)
				}
				for _, e := range p.Edges {
					ids = append(ids, e.Node.ID)
				}
				if !p.PageInfo.HasNextPage {
					return ids
				}
				if p.PageInfo.EndCursor == nil || *p.PageInfo.EndCursor != p.Edges[len(p.Edges)-1].Cursor {
					t.Fatalf("endCursor is not the last edge's cursor on page %d", i)
				}
				after = *p.PageInfo.EndCursor
				if i > 10 {
					t.Fatal("pagination does not end")
				}
			}
		}
		t.Run("actors come in pages of two by name", func(t *testing.T) {
			got := MustJSON(t, walk(t, `query($after: String) { actors(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, "actors"))
			want := `["kirill-dmitriev","nato","russia","steve-witkoff","ukraine","united-states","volodymyr-zelenskyy"]`
			if got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
		t.Run("claims come in pages of four by date", func(t *testing.T) {
			got := MustJSON(t, walk(t, `query($after: String) { claims(first: 4, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, "claims"))
			want := `["c-drafted","c-cap","c-heard","c-kyiv-agreed","c-kyiv-condition","c-kyiv-denies"]`
			if got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
		t.Run("an empty page has no end cursor", func(t *testing.T) {
			got := MustAnswer(t, srv, `{ claims(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`, nil)
			want := Compact(t, `{"claims":{"totalCount":6,"edges":[],"pageInfo":{"hasNextPage":true,"endCursor":null}}}`)
			if got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	})
}
