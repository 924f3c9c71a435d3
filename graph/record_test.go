package graph_test

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/storetest"
)

// recordCases are questions of the record and their answers, worked out by
// hand from storetest.RecordFixture: Carol Cruz opposes the army cap
// (point 2) on 21 November and supports it on 22 November; Bob Brandt
// supports the plan on the 21st and opposes it on the 24th; Alice Arden
// both supports the plan and is undecided on the 21st; the observer's
// denial is carried by a chain of republications of one report.
var recordCases = []struct {
	name  string
	query string
	want  string
}{
	{
		name: "whoBacks as of a date counts only evidence up to it",
		query: `{
			before: whoBacks(point: 2, position: null, asOf: "2025-11-20") { actor { id } position }
			on21: whoBacks(point: 2, position: null, asOf: "2025-11-21") { actor { id } position asOf evidence { id } }
			on22: whoBacks(point: 2, position: null, asOf: "2025-11-22") { actor { id } position asOf evidence { id } }
			now: whoBacks(point: 2, position: null) { actor { id } position asOf evidence { id } }
			backers21: whoBacks(point: 2, asOf: "2025-11-21") { actor { id } }
		}`,
		want: `{
			"before": [],
			"on21": [{"actor":{"id":"carol-leader"},"position":"OPPOSES","asOf":"2025-11-21","evidence":[{"id":"c-reject"}]}],
			"on22": [{"actor":{"id":"carol-leader"},"position":"SUPPORTS","asOf":"2025-11-22","evidence":[{"id":"c-cap-support"}]}],
			"now": [{"actor":{"id":"carol-leader"},"position":"SUPPORTS","asOf":"2025-11-22","evidence":[{"id":"c-accept"},{"id":"c-cap-support"}]}],
			"backers21": []
		}`,
	},
	{
		name: "plan stances as of a date keep both same-day positions and the earlier one of a later change",
		query: `{ plan(id: "peace-plan") {
			on21: stances(asOf: "2025-11-21") { actor { id } position asOf evidence { id } }
			now: stances { actor { id } position asOf }
		} }`,
		want: `{"plan": {
			"on21": [
				{"actor":{"id":"alice-envoy"},"position":"SUPPORTS","asOf":"2025-11-21","evidence":[{"id":"c-fair"}]},
				{"actor":{"id":"alice-envoy"},"position":"UNDECIDED","asOf":"2025-11-21","evidence":[{"id":"c-alice-unsure"}]},
				{"actor":{"id":"bob-minister"},"position":"SUPPORTS","asOf":"2025-11-21","evidence":[{"id":"c-heard"}]},
				{"actor":{"id":"red-state"},"position":"CONDITIONAL","asOf":"2025-11-21","evidence":[{"id":"c-denial"},{"id":"c-heard"}]}
			],
			"now": [
				{"actor":{"id":"alice-envoy"},"position":"SUPPORTS","asOf":"2025-11-21"},
				{"actor":{"id":"alice-envoy"},"position":"UNDECIDED","asOf":"2025-11-21"},
				{"actor":{"id":"bob-minister"},"position":"OPPOSES","asOf":"2025-11-24"},
				{"actor":{"id":"red-state"},"position":"CONDITIONAL","asOf":"2025-11-21"}
			]
		}}`,
	},
	{
		name: "actor stances as of a date before any evidence are empty",
		query: `{ actor(id: "bob-minister") {
			before: stances(asOf: "2025-11-20") { position }
			on21: stances(asOf: "2025-11-21") { target { ... on Node { id } } position }
			now: stances { target { ... on Node { id } } position }
		} }`,
		want: `{"actor": {
			"before": [],
			"on21": [{"target":{"id":"peace-plan"},"position":"SUPPORTS"}],
			"now": [{"target":{"id":"peace-plan"},"position":"OPPOSES"}]
		}}`,
	},
	{
		name: "concessions as of a date give their points' stances as of it unless a point names its own",
		query: `{ concessions(asOf: "2025-11-21") {
			number
			stances { actor { id } position }
			later: stances(asOf: "2025-11-22") { actor { id } position }
		} }`,
		want: `{"concessions": [
			{"number":1,"stances":[],"later":[]},
			{"number":2,"stances":[{"actor":{"id":"carol-leader"},"position":"OPPOSES"}],"later":[{"actor":{"id":"carol-leader"},"position":"SUPPORTS"}]}
		]}`,
	},
	{
		name: "stance history lists each change in date order; undated evidence is left out",
		query: `{
			bob: actor(id: "bob-minister") { stanceHistory(target: "peace-plan") { position from to evidence { id } } }
			carol: actor(id: "carol-leader") { stanceHistory(target: "peace-plan-2") { position from to evidence { id } } }
			alice: actor(id: "alice-envoy") { stanceHistory(target: "peace-plan") { position from to evidence { id } } }
			none: actor(id: "north-alliance") { stanceHistory(target: "peace-plan") { position } }
		}`,
		want: `{
			"bob": {"stanceHistory": [
				{"position":"SUPPORTS","from":"2025-11-21","to":"2025-11-21","evidence":[{"id":"c-heard"}]},
				{"position":"OPPOSES","from":"2025-11-24","to":"2025-11-24","evidence":[{"id":"c-bob-doubts"}]}
			]},
			"carol": {"stanceHistory": [
				{"position":"OPPOSES","from":"2025-11-21","to":"2025-11-21","evidence":[{"id":"c-reject"}]},
				{"position":"SUPPORTS","from":"2025-11-22","to":"2025-11-22","evidence":[{"id":"c-cap-support"}]}
			]},
			"alice": {"stanceHistory": [
				{"position":"SUPPORTS","from":"2025-11-21","to":"2025-11-21","evidence":[{"id":"c-fair"}]},
				{"position":"UNDECIDED","from":"2025-11-21","to":"2025-11-21","evidence":[{"id":"c-alice-unsure"}]}
			]},
			"none": {"stanceHistory": []}
		}`,
	},
	{
		name: "disputes of a plan list each side with its claims and their distinct sources in source order",
		query: `{
			plan: disputes(plan: "peace-plan") { id question summary about { ... on Node { id } } sides { label summary claims { id } sources { id } } note }
			all: disputes { id }
			revision: disputes(plan: "peace-plan-revised") { id note }
			unknown: disputes(plan: "no-such-plan") { id }
		}`,
		want: `{
			"plan": [{
				"id": "d-leak", "question": "Was the plan leaked?", "summary": "Reports of a leak are denied.",
				"about": [{"id":"peace-plan"}],
				"sides": [
					{"label":"Leaked","summary":null,"claims":[{"id":"c-leak"}],"sources":[{"id":"report-daily"}]},
					{"label":"Not leaked","summary":"Redland and the observer deny it.","claims":[{"id":"c-denial"},{"id":"c-no-info"}],
					 "sources":[{"id":"ledger-digest"},{"id":"report-daily"},{"id":"article-full"},{"id":"report-daily-copy"},{"id":"report-daily-copy-2"}]}
				],
				"note": null
			}],
			"all": [{"id":"d-cap"},{"id":"d-leak"},{"id":"d-observer"}],
			"revision": [{"id":"d-cap","note":"One side rests on an undated memo."}],
			"unknown": []
		}`,
	},
	{
		name:  "a dispute is a node and a search hit",
		query: `{ node(id: "d-observer") { __typename id ... on Dispute { question sides { label } } } }`,
		want:  `{"node":{"__typename":"Dispute","id":"d-observer","question":"Who does the observer speak for?","sides":[{"label":"Herself"},{"label":"Redland"}]}}`,
	},
	{
		name: "corroboration follows republications to the original and counts publishers case-insensitively",
		query: `{
			chain: claim(id: "c-no-info") { corroboration { sources publishers earliest earliestSource { id } } }
			undated: claim(id: "c-accept") { corroboration { sources publishers earliest earliestSource { id } } }
			single: claim(id: "c-leak") { corroboration { sources publishers earliest earliestSource { id } } }
		}`,
		want: `{
			"chain": {"corroboration":{"sources":3,"publishers":2,"earliest":"2025-11-20","earliestSource":{"id":"ledger-digest"}}},
			"undated": {"corroboration":{"sources":1,"publishers":0,"earliest":null,"earliestSource":null}},
			"single": {"corroboration":{"sources":1,"publishers":1,"earliest":"2025-11-20","earliestSource":{"id":"report-daily"}}}
		}`,
	},
	{
		name: "a denial is listed and contradicts; reviews come whole, none where there is none",
		query: `{
			denial: claim(id: "c-no-info") { denies { id } reviews { reviewer rating ratingValue bestRating worstRating explanation date url } }
			denied: claim(id: "c-leak") { denies { id } contradictedBy { id } reviews { rating } }
		}`,
		want: `{
			"denial": {"denies":[{"id":"c-leak"}],"reviews":[{"reviewer":"Ledger Fact Check","rating":"Unproven","ratingValue":2,"bestRating":5,"worstRating":1,
				"explanation":"No document has been published.","date":"2025-11-25","url":"https://factcheck.example/leak"}]},
			"denied": {"denies":[],"contradictedBy":[{"id":"c-denial"},{"id":"c-no-info"}],"reviews":[]}
		}`,
	},
	{
		name:  "a republication names what it republishes, down to the original",
		query: `{ source(id: "report-daily-copy-2") { republishes { id republishes { id republishes { id } } } } }`,
		want:  `{"source":{"republishes":{"id":"report-daily-copy","republishes":{"id":"report-daily","republishes":null}}}}`,
	},
	{
		name: "the stance matrix has actors by name, the plan then its points, and cells in that order",
		query: `{
			on21: stanceMatrix(plan: "peace-plan", asOf: "2025-11-21") {
				plan { id } actors { id } targets { ... on Node { id } }
				cells { actor { id } target { ... on Node { id } } position evidenceCount asOf }
			}
			now: stanceMatrix { cells { actor { id } target { ... on Node { id } } position evidenceCount asOf } }
			empty: stanceMatrix(plan: "peace-plan-revised") { actors { id } targets { ... on Node { id } } cells { position } }
		}`,
		want: `{
			"on21": {
				"plan": {"id":"peace-plan"},
				"actors": [{"id":"alice-envoy"},{"id":"bob-minister"},{"id":"carol-leader"},{"id":"red-state"}],
				"targets": [{"id":"peace-plan"},{"id":"peace-plan-1"},{"id":"peace-plan-2"},{"id":"peace-plan-3"}],
				"cells": [
					{"actor":{"id":"alice-envoy"},"target":{"id":"peace-plan"},"position":"SUPPORTS","evidenceCount":1,"asOf":"2025-11-21"},
					{"actor":{"id":"alice-envoy"},"target":{"id":"peace-plan"},"position":"UNDECIDED","evidenceCount":1,"asOf":"2025-11-21"},
					{"actor":{"id":"bob-minister"},"target":{"id":"peace-plan"},"position":"SUPPORTS","evidenceCount":1,"asOf":"2025-11-21"},
					{"actor":{"id":"carol-leader"},"target":{"id":"peace-plan-2"},"position":"OPPOSES","evidenceCount":1,"asOf":"2025-11-21"},
					{"actor":{"id":"red-state"},"target":{"id":"peace-plan"},"position":"CONDITIONAL","evidenceCount":2,"asOf":"2025-11-21"}
				]
			},
			"now": {"cells": [
				{"actor":{"id":"alice-envoy"},"target":{"id":"peace-plan"},"position":"SUPPORTS","evidenceCount":1,"asOf":"2025-11-21"},
				{"actor":{"id":"alice-envoy"},"target":{"id":"peace-plan"},"position":"UNDECIDED","evidenceCount":1,"asOf":"2025-11-21"},
				{"actor":{"id":"bob-minister"},"target":{"id":"peace-plan"},"position":"OPPOSES","evidenceCount":1,"asOf":"2025-11-24"},
				{"actor":{"id":"carol-leader"},"target":{"id":"peace-plan-2"},"position":"SUPPORTS","evidenceCount":2,"asOf":"2025-11-22"},
				{"actor":{"id":"red-state"},"target":{"id":"peace-plan"},"position":"CONDITIONAL","evidenceCount":2,"asOf":"2025-11-21"}
			]},
			"empty": {"actors":[],"targets":[{"id":"peace-plan-revised"},{"id":"revised-1"},{"id":"revised-2"}],"cells":[]}
		}`,
	},
	{
		name:  "each hop of a path names the claims that attest it",
		query: `{ path(from: "alice-envoy", to: "bob-minister") { relation node { ... on Node { id } } evidence { id } } }`,
		want: `{"path": [
			{"relation":"PARTICIPATED_IN","node":{"id":"ev-talks"},"evidence":[{"id":"c-heard"}]},
			{"relation":"PARTICIPATED_IN","node":{"id":"bob-minister"},"evidence":[{"id":"c-heard"}]}
		]}`,
	},
	{
		name:  "every edge of a neighbourhood names its evidence",
		query: `{ graph(center: "c-leak") { nodes { id kind } edges { id evidence { id } } truncated } }`,
		want: `{"graph": {
			"nodes": [
				{"id":"c-leak","kind":"CLAIM"},{"id":"c-denial","kind":"CLAIM"},{"id":"c-no-info","kind":"CLAIM"},
				{"id":"ev-presentation","kind":"EVENT"},{"id":"peace-plan","kind":"PLAN"},{"id":"report-daily","kind":"SOURCE"}
			],
			"edges": [
				{"id":"ABOUT:c-denial->peace-plan","evidence":[{"id":"c-denial"}]},
				{"id":"ABOUT:c-leak->peace-plan","evidence":[{"id":"c-leak"}]},
				{"id":"ABOUT:c-no-info->peace-plan","evidence":[{"id":"c-no-info"}]},
				{"id":"CITES:c-denial->report-daily","evidence":[{"id":"c-denial"}]},
				{"id":"CITES:c-leak->report-daily","evidence":[{"id":"c-leak"}]},
				{"id":"CONTRADICTS:c-denial->c-leak","evidence":[{"id":"c-denial"},{"id":"c-leak"}]},
				{"id":"CONTRADICTS:c-leak->c-no-info","evidence":[{"id":"c-leak"},{"id":"c-no-info"}]},
				{"id":"EVIDENCED_BY:ev-presentation->c-leak","evidence":[{"id":"c-leak"}]}
			],
			"truncated": false
		}}`,
	},
	{
		name: "a neighbourhood follows only the relationship types asked for, and says when the node cap cut it",
		query: `{
			authors: graph(center: "peace-plan", types: ["AUTHORED"]) { nodes { id } edges { id evidence { id } } truncated }
			capped: graph(center: "peace-plan", types: ["AUTHORED"], maxNodes: 2) { nodes { id } edges { id } truncated }
			twoTypes: graph(center: "peace-plan", depth: 2, types: ["AUTHORED", "AFFILIATED_WITH"]) { nodes { id } edges { id } truncated }
		}`,
		want: `{
			"authors": {
				"nodes": [{"id":"peace-plan"},{"id":"alice-envoy"},{"id":"bob-minister"}],
				"edges": [{"id":"AUTHORED:alice-envoy->peace-plan","evidence":[]},{"id":"AUTHORED:bob-minister->peace-plan","evidence":[]}],
				"truncated": false
			},
			"capped": {"nodes":[{"id":"peace-plan"},{"id":"alice-envoy"}],"edges":[{"id":"AUTHORED:alice-envoy->peace-plan"}],"truncated":true},
			"twoTypes": {
				"nodes": [{"id":"peace-plan"},{"id":"alice-envoy"},{"id":"bob-minister"},{"id":"blue-state"},{"id":"red-state"}],
				"edges": [
					{"id":"AFFILIATED_WITH:alice-envoy->blue-state"},{"id":"AFFILIATED_WITH:bob-minister->red-state"},
					{"id":"AUTHORED:alice-envoy->peace-plan"},{"id":"AUTHORED:bob-minister->peace-plan"}
				],
				"truncated": false
			}
		}`,
	},
	{
		name: "a revision's changes: UNKNOWN on a lone report, CHANGED by an amending point, DROPPED, then ADDED",
		query: `{
			plan(id: "peace-plan-revised") { revises { id } changes { point { id } status revisedAs { id } evidence { id } note } }
			original: plan(id: "peace-plan") { changes { status } }
			amended: point(number: 2) { amendedBy { id } }
			kept: point(number: 1) { amendedBy { id } }
		}`,
		want: `{
			"plan": {"revises":{"id":"peace-plan"},"changes":[
				{"point":{"id":"peace-plan-1"},"status":"UNKNOWN","revisedAs":[],"evidence":[{"id":"c-leak"}],"note":"Only the leak mentions it."},
				{"point":{"id":"peace-plan-2"},"status":"CHANGED","revisedAs":[{"id":"revised-2"}],"evidence":[{"id":"c-cap-800"}],"note":null},
				{"point":{"id":"peace-plan-3"},"status":"DROPPED","revisedAs":[],"evidence":[{"id":"c-amnesty-dropped"}],"note":null},
				{"point":null,"status":"ADDED","revisedAs":[{"id":"revised-1"}],"evidence":[],"note":null}
			]},
			"original": {"changes": []},
			"amended": {"amendedBy":[{"id":"revised-2"}]},
			"kept": {"amendedBy":[]}
		}`,
	},
	{
		name:  "scored search ranks a dispute's question first and marks the match in each snippet",
		query: `{ searchHits(text: "leaked") { node { __typename ... on Node { id } } score snippet } }`,
		want: `{"searchHits": [
			{"node":{"__typename":"Dispute","id":"d-leak"},"score":3,"snippet":"Was the plan «leaked»?"},
			{"node":{"__typename":"Source","id":"report-daily"},"score":3,"snippet":"«Leaked» plan reported"},
			{"node":{"__typename":"Source","id":"report-daily-copy"},"score":3,"snippet":"«Leaked» plan reported (syndicated)"},
			{"node":{"__typename":"Source","id":"report-daily-copy-2"},"score":3,"snippet":"«Leaked» plan reported (copied again)"},
			{"node":{"__typename":"Claim","id":"c-denial"},"score":1,"snippet":"Redland denies that the plan was «leaked»."},
			{"node":{"__typename":"Claim","id":"c-leak"},"score":1,"snippet":"The plan was «leaked» before its presentation."}
		]}`,
	},
	{
		name:  "search returns the same nodes in the same order as scored search",
		query: `{ search(text: "leaked") { __typename ... on Node { id } } }`,
		want: `{"search": [
			{"__typename":"Dispute","id":"d-leak"},{"__typename":"Source","id":"report-daily"},{"__typename":"Source","id":"report-daily-copy"},
			{"__typename":"Source","id":"report-daily-copy-2"},{"__typename":"Claim","id":"c-denial"},{"__typename":"Claim","id":"c-leak"}
		]}`,
	},
}

// recordErrors are bad questions and the error each gets.
var recordErrors = []struct {
	name, query, code, argument string
}{
	{"a stance matrix of an unknown plan is not found", `{ stanceMatrix(plan: "nope") { plan { id } } }`, graph.CodeNotFound, "plan"},
	{"an asOf that is not a date is bad input", `{ whoBacks(point: 2, asOf: "21 November") { position } }`, graph.CodeBadUserInput, "asOf"},
	{"an asOf that is no calendar day is bad input", `{ stanceMatrix(asOf: "2025-11-31") { plan { id } } }`, graph.CodeBadUserInput, "asOf"},
	{"an unknown relationship type is bad input", `{ graph(center: "peace-plan", types: ["FRIENDS"]) { truncated } }`, graph.CodeBadUserInput, "types"},
	{"a node cap above the limit is bad input", `{ graph(center: "peace-plan", maxNodes: 1001) { truncated } }`, graph.CodeBadUserInput, "maxNodes"},
	{"a node cap of 0 is bad input", `{ graph(center: "peace-plan", maxNodes: 0) { truncated } }`, graph.CodeBadUserInput, "maxNodes"},
}

// TestReviewWithoutScale checks that a verdict given only in words shows
// null numbers, not zeros posing as a rating.
func TestReviewWithoutScale(t *testing.T) {
	d := storetest.RecordFixture()
	for _, c := range d.Claims {
		if c.ID == "c-leak" {
			c.Reviews = []peacegraph.Review{{Reviewer: "Second Look", Rating: "Needs context"}}
		}
	}
	srv := MustServer(t, MustStore(t, d), nil)
	got := MustAnswer(t, srv, `{ claim(id: "c-leak") { reviews { reviewer rating ratingValue bestRating worstRating explanation date url } } }`, nil)
	want := Compact(t, `{"claim":{"reviews":[{"reviewer":"Second Look","rating":"Needs context","ratingValue":null,"bestRating":null,"worstRating":null,"explanation":null,"date":null,"url":null}]}}`)
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestRecord asks the API the questions of the record on both stores, over
// HTTP: stances over time, disputes, corroboration, the stance matrix,
// evidence of paths and edges, plan versions and scored search.
func TestRecord(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return storetest.RecordFixture() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		for _, tt := range recordCases {
			t.Run(tt.name, func(t *testing.T) {
				got, want := MustAnswer(t, srv, tt.query, nil), Compact(t, tt.want)
				if got != want {
					t.Errorf("got  %s\nwant %s", got, want)
				}
			})
		}
		for _, tt := range recordErrors {
			t.Run(tt.name, func(t *testing.T) {
				e, _ := MustFail(t, srv, tt.query, nil)
				if e.Code() != tt.code || e.Extensions["argument"] != tt.argument {
					t.Errorf("error %q code %q argument %v, want code %q argument %q", e.Message, e.Code(), e.Extensions["argument"], tt.code, tt.argument)
				}
			})
		}
	})
}
