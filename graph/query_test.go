package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

var articleText = fixture.ArticleText

// MustAnswer posts query and returns its data as compact JSON.
func MustAnswer(tb testing.TB, srv *httptest.Server, query string, vars map[string]any) string {
	tb.Helper()
	data := MustQuery[json.RawMessage](tb, srv, query, vars)
	return Compact(tb, string(data))
}

// Compact returns s, a JSON text, in one canonical spelling (no white
// space, object keys sorted, no HTML escapes), so that two answers compare
// equal exactly when they mean the same.
func Compact(tb testing.TB, s string) string {
	tb.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		tb.Fatalf("not JSON: %v: %s", err, s)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		tb.Fatal(err)
	}
	return strings.TrimSpace(b.String())
}

// TestContractQueries asks every query of the public contract once on the
// fixture graph and compares the whole answer.
func TestContractQueries(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return fixture.Dataset() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		tests := []struct {
			name  string
			query string
			vars  map[string]any
			want  string
		}{
			{
				name:  "node resolves any kind by ID",
				query: `{ a: node(id: "steve-witkoff") { __typename id ... on Actor { name } } p: node(id: "p28-6") { __typename ... on Point { number } } c: node(id: "c-heard") { __typename } s: node(id: "article") { __typename } e: node(id: "miami-meeting") { __typename } pl: node(id: "us-28-point-plan") { __typename } }`,
				want:  `{"a":{"__typename":"Actor","id":"steve-witkoff","name":"Steve Witkoff"},"p":{"__typename":"Point","number":6},"c":{"__typename":"Claim"},"s":{"__typename":"Source"},"e":{"__typename":"Event"},"pl":{"__typename":"Plan"}}`,
			},
			{
				name:  "node of an unknown ID is null",
				query: `{ node(id: "no-such-node") { id } }`,
				want:  `{"node":null}`,
			},
			{
				name:  "actor has its scalar fields",
				query: `{ actor(id: "steve-witkoff") { id name kind role description aliases } }`,
				want:  `{"actor":{"id":"steve-witkoff","name":"Steve Witkoff","kind":"PERSON","role":"US special envoy","description":"Envoy of the US president.","aliases":["Witkoff"]}}`,
			},
			{
				name:  "actor of another kind's ID is null",
				query: `{ actor(id: "c-heard") { id } }`,
				want:  `{"actor":null}`,
			},
			{
				name:  "actors of one kind, by name",
				query: `{ actors(kind: GOVERNMENT) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`,
				want:  `{"actors":{"totalCount":3,"edges":[{"node":{"id":"russia"}},{"node":{"id":"ukraine"}},{"node":{"id":"united-states"}}],"pageInfo":{"hasNextPage":false}}}`,
			},
			{
				name:  "plan without id is the first loaded plan",
				query: `{ plan { id title summary date authors { id } revises { id } revisions { id } } }`,
				want:  `{"plan":{"id":"us-28-point-plan","title":"28-point plan","summary":"A draft peace framework.","date":"2025-11-20","authors":[{"id":"steve-witkoff"},{"id":"kirill-dmitriev"}],"revises":null,"revisions":[{"id":"e3-counter-proposal"}]}}`,
			},
			{
				name:  "plan by id",
				query: `{ plan(id: "e3-counter-proposal") { id summary revises { id } points { number amends { id number plan { id } } } } }`,
				want:  `{"plan":{"id":"e3-counter-proposal","summary":null,"revises":{"id":"us-28-point-plan"},"points":[{"number":6,"amends":{"id":"p28-6","number":6,"plan":{"id":"us-28-point-plan"}}}]}}`,
			},
			{
				name:  "plan of an unknown id is null",
				query: `{ plan(id: "no-such-plan") { id } }`,
				want:  `{"plan":null}`,
			},
			{
				name:  "plans in load order",
				query: `{ plans { id } }`,
				want:  `{"plans":[{"id":"us-28-point-plan"},{"id":"e3-counter-proposal"}]}`,
			},
			{
				name:  "point by number in the default plan",
				query: `{ point(number: 6) { id title summary topic concession concededBy { id } sources { id url } amends { id } } }`,
				want:  `{"point":{"id":"p28-6","title":"Army cap","summary":"Ukraine's armed forces are capped at 600,000 personnel.","topic":"military","concession":true,"concededBy":[{"id":"ukraine"}],"sources":[{"id":"fact-report","url":"https://example.org/points"}],"amends":null}}`,
			},
			{
				name:  "point by number in a named plan",
				query: `{ point(number: 6, plan: "e3-counter-proposal") { id } }`,
				want:  `{"point":{"id":"e3-6"}}`,
			},
			{
				name:  "point that does not exist is null",
				query: `{ a: point(number: 99) { id } b: point(number: 6, plan: "no-such-plan") { id } }`,
				want:  `{"a":null,"b":null}`,
			},
			{
				name:  "points by number, filtered",
				query: `{ all: points { number } military: points(topic: "military") { id } kept: points(concession: false) { id } e3: points(plan: "e3-counter-proposal") { id } }`,
				want:  `{"all":[{"number":6},{"number":7},{"number":14}],"military":[{"id":"p28-6"}],"kept":[{"id":"p28-14"}],"e3":[{"id":"e3-6"}]}`,
			},
			{
				name:  "claim with citations, offsets and note",
				query: `{ claim(id: "c-kyiv-agreed") { id text claimant { id } about { __typename ... on Node { id } } certainty date note citations { source { id } quote start end } } }`,
				want:  `{"claim":{"id":"c-kyiv-agreed","text":"Kyiv agreed to the plan, officials say.","claimant":null,"about":[{"__typename":"Plan","id":"us-28-point-plan"},{"__typename":"Actor","id":"ukraine"}],"certainty":"REPORTED","date":"2025-11-21","note":"unnamed officials","citations":[{"source":{"id":"article"},"quote":"Officials said Kyiv had agreed to the plan.","start":355,"end":398}]}}`,
			},
			{
				name:  "citation of a source without stored text has no quote or offsets",
				query: `{ claim(id: "c-cap") { citations { source { id text } quote start end } } }`,
				want:  `{"claim":{"citations":[{"source":{"id":"article","text":` + mustQuote(t) + `},"quote":"caps the Ukrainian armed forces at 600,000 personnel","start":190,"end":242},{"source":{"id":"fact-report","text":null},"quote":null,"start":null,"end":null}]}}`,
			},
			{
				name:  "claims filtered by claimant",
				query: `{ claims(filter: {claimant: "ukraine"}) { totalCount edges { node { id } } } }`,
				want:  `{"claims":{"totalCount":2,"edges":[{"node":{"id":"c-kyiv-condition"}},{"node":{"id":"c-kyiv-denies"}}]}}`,
			},
			{
				name:  "claims filtered by about, certainty and source",
				query: `{ a: claims(filter: {about: "us-28-point-plan", certainty: REPORTED}) { edges { node { id } } } b: claims(filter: {source: "fact-report"}) { edges { node { id } } } }`,
				want:  `{"a":{"edges":[{"node":{"id":"c-drafted"}},{"node":{"id":"c-kyiv-agreed"}}]},"b":{"edges":[{"node":{"id":"c-cap"}}]}}`,
			},
			{
				name:  "source with its fields and claims",
				query: `{ source(id: "fact-report") { id title publisher url published retrieved language note claims { totalCount edges { node { id } } } } }`,
				want:  `{"source":{"id":"fact-report","title":"Fixture report of the points","publisher":"Fixture Wire","url":"https://example.org/points","published":"2025-11-20","retrieved":null,"language":null,"note":"single source","claims":{"totalCount":1,"edges":[{"node":{"id":"c-cap"}}]}}}`,
			},
			{
				name:  "sources by publication date",
				query: `{ sources { id published } }`,
				want:  `{"sources":[{"id":"fact-report","published":"2025-11-20"},{"id":"article","published":"2025-11-21"}]}`,
			},
			{
				name:  "event with participants and evidence",
				query: `{ event(id: "miami-meeting") { id title summary date place participants { id } evidence { id } } }`,
				want:  `{"event":{"id":"miami-meeting","title":"Envoys meet","summary":"Witkoff and Dmitriev meet.","date":"2025-10-26","place":"Miami","participants":[{"id":"steve-witkoff"},{"id":"kirill-dmitriev"}],"evidence":[{"id":"c-drafted"}]}}`,
			},
			{
				name:  "events by date, optionally within dates",
				query: `{ all: events { id } november: events(from: "2025-11-01", to: "2025-11-30") { id } }`,
				want:  `{"all":[{"id":"miami-meeting"},{"id":"plan-presented"}],"november":[{"id":"plan-presented"}]}`,
			},
			{
				name:  "whoBacks gives the SUPPORTS stances by default",
				query: `{ whoBacks(point: 6) { actor { id } } conditional: whoBacks(point: 6, position: CONDITIONAL) { actor { id } position note asOf evidence { id } target { ... on Point { number } } } }`,
				want:  `{"whoBacks":[],"conditional":[{"actor":{"id":"ukraine"},"position":"CONDITIONAL","note":"only with security guarantees","asOf":"2025-11-21","evidence":[{"id":"c-kyiv-condition"}],"target":{"number":6}}]}`,
			},
			{
				name:  "whoBacks with a null position gives every stance",
				query: `{ whoBacks(point: 6, position: null) { position } }`,
				want:  `{"whoBacks":[{"position":"CONDITIONAL"}]}`,
			},
			{
				name:  "concessions of the default plan with their stances",
				query: `{ concessions { number concededBy { id } stances { actor { id } position } } }`,
				want:  `{"concessions":[{"number":6,"concededBy":[{"id":"ukraine"}],"stances":[{"actor":{"id":"ukraine"},"position":"CONDITIONAL"}]},{"number":7,"concededBy":[{"id":"ukraine"},{"id":"nato"}],"stances":[]}]}`,
			},
			{
				name:  "path from an envoy to a government, by the IDs that sort first",
				query: `{ path(from: "steve-witkoff", to: "russia") { relation node { __typename ... on Node { id } } } }`,
				want:  `{"path":[{"relation":"ABOUT","node":{"__typename":"Claim","id":"c-drafted"}},{"relation":"ABOUT","node":{"__typename":"Actor","id":"kirill-dmitriev"}},{"relation":"AFFILIATED_WITH","node":{"__typename":"Actor","id":"russia"}}]}`,
			},
			{
				name:  "path with too few hops is empty",
				query: `{ path(from: "nato", to: "miami-meeting", maxHops: 1) { relation } }`,
				want:  `{"path":[]}`,
			},
			{
				name:  "search finds nodes of every kind by their text",
				query: `{ search(text: "army cap") { __typename ... on Point { id } ... on Claim { id } } }`,
				want:  `{"search":[{"__typename":"Point","id":"e3-6"},{"__typename":"Point","id":"p28-6"},{"__typename":"Claim","id":"c-cap"}]}`,
			},
			{
				name:  "graph of a node's neighbourhood",
				query: `{ graph(center: "nato") { nodes { id label kind } edges { id source target type } } }`,
				want:  `{"graph":{"nodes":[{"id":"nato","label":"NATO","kind":"ORGANIZATION"},{"id":"p28-7","label":"No NATO membership","kind":"POINT"}],"edges":[{"id":"CONCEDED_BY:p28-7->nato","source":"p28-7","target":"nato","type":"CONCEDED_BY"}]}}`,
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, want := MustAnswer(t, srv, tt.query, tt.vars), Compact(t, tt.want)
				if got != want {
					t.Errorf("got  %s\nwant %s", got, want)
				}
			})
		}
	})
}

func mustQuote(tb testing.TB) string {
	tb.Helper()
	b, err := json.Marshal(articleText)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
