package graph_test

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestConformanceFixture asks the API about the stores' conformance
// fixture, whose article has typographic quotes and a quote across a line
// break: offsets count code points, and the quote is the text between
// them once white space is folded.
func TestConformanceFixture(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return storetest.Fixture() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		tests := []struct {
			name  string
			query string
			want  string
		}{
			{
				name:  "offsets of a quote after typographic quotes count code points",
				query: `{ claim(id: "c-heard") { citations { quote start end } } }`,
				want:  `{"claim":{"citations":[{"quote":"Our position is really being heard.","start":71,"end":106}]}}`,
			},
			{
				name:  "a quote across a line break is found",
				query: `{ claim(id: "c-fair") { citations { quote start end } } }`,
				want:  `{"claim":{"citations":[{"quote":"the plan is fair to everyone.","start":23,"end":52}]}}`,
			},
			{
				name:  "undated claims come last and have a null date",
				query: `{ claims(filter: {about: "peace-plan-2"}) { edges { node { id date } } } }`,
				want:  `{"claims":{"edges":[{"node":{"id":"c-reject","date":"2025-11-21"}},{"node":{"id":"c-cap-support","date":"2025-11-22"}},{"node":{"id":"c-accept","date":null}}]}}`,
			},
			{
				name:  "contradictions are symmetric and ordered by date",
				query: `{ claim(id: "c-reject") { contradictedBy { id } } }`,
				want:  `{"claim":{"contradictedBy":[{"id":"c-cap-support"},{"id":"c-accept"}]}}`,
			},
			{
				name:  "an actor who changed position on a point shows the latest",
				query: `{ whoBacks(point: 2, position: null) { actor { id } position asOf } }`,
				want:  `{"whoBacks":[{"actor":{"id":"carol-leader"},"position":"SUPPORTS","asOf":"2025-11-22"}]}`,
			},
			{
				name:  "a revision and the point it amends",
				query: `{ plan(id: "peace-plan") { revisions { id points { number amends { id } } } } }`,
				want:  `{"plan":{"revisions":[{"id":"peace-plan-revised","points":[{"number":1,"amends":null},{"number":2,"amends":{"id":"peace-plan-2"}}]}]}}`,
			},
			{
				name:  "names sort before IDs in actor pages",
				query: `{ actors(kind: PERSON, first: 2) { edges { node { id } } pageInfo { hasNextPage } } }`,
				want:  `{"actors":{"edges":[{"node":{"id":"zed-observer"}},{"node":{"id":"alice-envoy"}}],"pageInfo":{"hasNextPage":true}}}`,
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
