package graph_test

import (
	"context"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/storetest"
)

func (s *countingStore) Companions(ctx context.Context, ids []string) ([][]string, error) {
	s.count("Companions")
	return s.Store.Companions(ctx, ids)
}

// TestCompanions asks the API about the companion documents of the
// conformance suite's CompanionFixture, on both stores: a draft loaded
// before the plan it accompanies, and an annex loaded last.
func TestCompanions(t *testing.T) {
	newDataset := func(testing.TB) *peacegraph.Dataset { return storetest.CompanionFixture() }
	neo4jtest.EachStore(t, newDataset, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		for _, tt := range []struct {
			name  string
			query string
			want  string
		}{
			{
				name:  "a plan's companions in load order, each naming the plan it accompanies",
				query: `{ plan(id: "peace-plan") { accompanies { id } companions { id title accompanies { id } companions { id } } revisions { id } } }`,
				want: `{"plan":{"accompanies":null,"companions":[
					{"id":"guarantee-draft","title":"Draft security guarantees","accompanies":{"id":"peace-plan"},"companions":[]},
					{"id":"monitoring-annex","title":"Monitoring annex","accompanies":{"id":"peace-plan"},"companions":[]}
				],"revisions":[{"id":"peace-plan-revised"}]}}`,
			},
			{
				name:  "the default plan is the plan, not the companion loaded before it",
				query: `{ plan { id accompanies { id } points { id } } }`,
				want:  `{"plan":{"id":"peace-plan","accompanies":null,"points":[{"id":"peace-plan-1"},{"id":"peace-plan-2"},{"id":"peace-plan-3"}]}}`,
			},
			{
				name:  "every plan, with what it accompanies and what accompanies it",
				query: `{ plans { id accompanies { id } companions { id } revises { id } changes { status } } }`,
				want: `{"plans":[
					{"id":"guarantee-draft","accompanies":{"id":"peace-plan"},"companions":[],"revises":null,"changes":[]},
					{"id":"peace-plan","accompanies":null,"companions":[{"id":"guarantee-draft"},{"id":"monitoring-annex"}],"revises":null,"changes":[]},
					{"id":"peace-plan-revised","accompanies":null,"companions":[],"revises":{"id":"peace-plan"},"changes":[{"status":"UNKNOWN"},{"status":"CHANGED"},{"status":"UNKNOWN"},{"status":"ADDED"}]},
					{"id":"monitoring-annex","accompanies":{"id":"peace-plan"},"companions":[],"revises":null,"changes":[]}
				]}`,
			},
			{
				name:  "the ACCOMPANIES edges of a plan's neighbourhood, with the claims about both ends",
				query: `{ graph(center: "peace-plan", depth: 1, types: ["ACCOMPANIES"]) { nodes { id } edges { id type source target evidence { id } } } }`,
				want: `{"graph":{"nodes":[{"id":"peace-plan"},{"id":"guarantee-draft"},{"id":"monitoring-annex"}],"edges":[
					{"id":"ACCOMPANIES:guarantee-draft->peace-plan","type":"ACCOMPANIES","source":"guarantee-draft","target":"peace-plan","evidence":[{"id":"c-guarantee"}]},
					{"id":"ACCOMPANIES:monitoring-annex->peace-plan","type":"ACCOMPANIES","source":"monitoring-annex","target":"peace-plan","evidence":[]}
				]}}`,
			},
			{
				name:  "a path from one companion to the other through their plan",
				query: `{ path(from: "monitoring-annex", to: "guarantee-draft", maxHops: 3) { relation node { id } evidence { id } } }`,
				want: `{"path":[{"relation":"ACCOMPANIES","node":{"id":"peace-plan"},"evidence":[]},
					{"relation":"ACCOMPANIES","node":{"id":"guarantee-draft"},"evidence":[{"id":"c-guarantee"}]}]}`,
			},
		} {
			t.Run(tt.name, func(t *testing.T) {
				got, want := MustAnswer(t, srv, tt.query, nil), Compact(t, tt.want)
				if got != want {
					t.Errorf("got  %s\nwant %s", got, want)
				}
			})
		}
	})
}

// TestCompanionsCostOneCallPerLevel checks that companions and
// accompanies are batch fields: one Store call for every plan of a level,
// however many there are.
func TestCompanionsCostOneCallPerLevel(t *testing.T) {
	s := newCountingStore(MustStore(t, storetest.CompanionFixture()))
	srv := MustServer(t, s, nil)
	MustAnswer(t, srv, `{ plans { companions { id accompanies { id companions { id } } } accompanies { id title } } }`, nil)
	// The plans; at their level, the IDs of every plan's companions, then
	// those nodes, and the nodes accompanies names; at the companions'
	// level, their companions' IDs (none, so no nodes) and the nodes
	// their accompanies names.
	if got, _ := s.Calls(); got != "Companions=2 Nodes=3 Plans=1" {
		t.Errorf("calls %s, want Companions=2 Nodes=3 Plans=1", got)
	}
}
