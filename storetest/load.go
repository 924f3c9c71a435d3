package storetest

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// fingerprint renders the answer of every read over the fixture's IDs as
// text, so two states of a store can be compared whole.
func fingerprint(t *testing.T, s peacegraph.Store) string {
	t.Helper()
	ctx := t.Context()
	var b strings.Builder
	put := func(what string, v any, err error) {
		if err != nil {
			fmt.Fprintf(&b, "%s: error %s\n", what, peacegraph.ErrorCode(err))
			return
		}
		fmt.Fprintf(&b, "%s: %s\n", what, render(v))
	}
	var ids []string
	for id := range Fixture().Nodes() {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	ids = append(ids, "nobody")
	nodes, err := s.Nodes(ctx, ids)
	put("nodes", nodes, err)
	actors, err := s.Actors(ctx, peacegraph.ActorQuery{First: 100})
	put("actors", actors, err)
	members, err := s.Members(ctx, ids)
	put("members", members, err)
	plans, err := s.Plans(ctx)
	put("plans", plans, err)
	points, err := s.Points(ctx, []string{"", "peace-plan", "peace-plan-revised"}, peacegraph.PointFilter{})
	put("points", points, err)
	point, err := s.PointByNumber(ctx, "", 2)
	put("point", point, err)
	stances, err := s.Stances(ctx, peacegraph.StanceFilter{})
	put("stances", stances, err)
	claims, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 100}})
	put("claims", claims, err)
	contra, err := s.Contradictions(ctx, ids)
	put("contradictions", contra, err)
	sources, err := s.Sources(ctx)
	put("sources", sources, err)
	events, err := s.Events(ctx)
	put("events", events, err)
	actorEvents, err := s.ActorEvents(ctx, ids)
	put("actorEvents", actorEvents, err)
	hits, err := s.Search(ctx, peacegraph.SearchQuery{Text: "plan", First: 100})
	put("search", hits, err)
	path, err := s.Path(ctx, "alice-envoy", "undated-memo", 6)
	put("path", path, err)
	view, err := s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: "peace-plan", Depth: 2})
	put("neighbourhood", view, err)
	return b.String()
}

// wantSameAnswers fails the test, naming the reads that differ, when two
// fingerprints differ.
func wantSameAnswers(tb testing.TB, what, before, after string) {
	tb.Helper()
	b, a := strings.Split(before, "\n"), strings.Split(after, "\n")
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			tb.Errorf("%s changed the store:\nbefore %s\nafter  %s", what, b[i], a[i])
		}
	}
	if len(a) != len(b) {
		tb.Errorf("%s changed the store: %d reads before, %d after", what, len(b), len(a))
	}
}

// render prints a value with pointers followed and empty lists as [],
// so that nil and empty slices print alike.
func render(v any) string {
	s := fmt.Sprintf("%+v", deref(v))
	return strings.ReplaceAll(s, "<nil>", "[]")
}

// deref replaces pointers by what they point to, through slices, so that
// rendering shows values rather than addresses.
func deref(v any) any {
	switch v := v.(type) {
	case []peacegraph.Node:
		out := make([]any, len(v))
		for i, n := range v {
			out[i] = deref(n)
		}
		return out
	case [][]*peacegraph.Point:
		out := make([]any, len(v))
		for i, ps := range v {
			out[i] = deref(ps)
		}
		return out
	case []*peacegraph.ClaimPage:
		out := make([]any, len(v))
		for i, p := range v {
			out[i] = []any{deref(p.Claims), p.TotalCount, p.HasNextPage}
		}
		return out
	case *peacegraph.ActorPage:
		return []any{deref(v.Actors), v.TotalCount, v.HasNextPage}
	case *peacegraph.GraphView:
		return []any{deref(v.Nodes), v.Edges}
	case []*peacegraph.Actor:
		return derefAll(v)
	case []*peacegraph.Plan:
		return derefAll(v)
	case []*peacegraph.Point:
		return derefAll(v)
	case []*peacegraph.Claim:
		return derefAll(v)
	case []*peacegraph.Source:
		return derefAll(v)
	case []*peacegraph.Event:
		return derefAll(v)
	case []*peacegraph.Stance:
		return derefAll(v)
	case *peacegraph.Actor:
		return *v
	case *peacegraph.Plan:
		return *v
	case *peacegraph.Point:
		return *v
	case *peacegraph.Claim:
		return *v
	case *peacegraph.Source:
		return *v
	case *peacegraph.Event:
		return *v
	}
	return v
}

func derefAll[T any](xs []*T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = *x
	}
	return out
}

func testLoadInvalid(t *testing.T, s peacegraph.Store) {
	MustLoad(t, s, Fixture())
	before := fingerprint(t, s)

	err := s.Load(t.Context(), InvalidFixture())
	wantCode(t, err, peacegraph.EINVALID)
	var ps peacegraph.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load error %v does not hold the Problems", err)
	}
	var rules []string
	for _, p := range ps {
		rules = append(rules, p.ID+" "+p.Rule)
	}
	wantIDs(t, "problems", rules, []string{
		"c-accept " + peacegraph.RuleUnknownReference,
		"c-fair " + peacegraph.RuleNotVerbatim,
	})

	wantSameAnswers(t, "a failed Load", before, fingerprint(t, s))
}

func testLoadTwice(t *testing.T, s peacegraph.Store) {
	MustLoad(t, s, Fixture())
	once := fingerprint(t, s)
	MustLoad(t, s, Fixture())
	wantSameAnswers(t, "loading twice", once, fingerprint(t, s))
}

func testLoadReplaces(t *testing.T, s peacegraph.Store) {
	ctx := t.Context()
	MustLoad(t, s, Fixture())
	MustLoad(t, s, SmallFixture())

	nodes, err := s.Nodes(ctx, []string{"alice-envoy", "red-state", "peace-plan", "c-heard", "article-full", "ev-talks", "bob-minister"})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "nodes", idsOf(nodes), []string{"", "red-state", "", "", "", "", "bob-minister"})
	if a, ok := nodes[1].(*peacegraph.Actor); !ok || a.Name != "Redland Republic" {
		t.Errorf("red-state = %#v, want it renamed to Redland Republic", nodes[1])
	}
	actors, err := s.Actors(ctx, peacegraph.ActorQuery{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "actors", idsOf(actors.Actors), []string{"bob-minister", "red-state"})
	if actors.TotalCount != 2 {
		t.Errorf("TotalCount = %d, want 2", actors.TotalCount)
	}
	bob := nodes[6].(*peacegraph.Actor)
	wantSame(t, "bob's affiliations", bob.Affiliations, []peacegraph.Affiliation{{ActorID: "red-state"}})
	members, err := s.Members(ctx, []string{"red-state"})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "members", members[0], []string{"bob-minister"})
	for what, n := range map[string]func() (int, error){
		"plans":   func() (int, error) { p, err := s.Plans(ctx); return len(p), err },
		"sources": func() (int, error) { p, err := s.Sources(ctx); return len(p), err },
		"events":  func() (int, error) { p, err := s.Events(ctx); return len(p), err },
		"stances": func() (int, error) { p, err := s.Stances(ctx, peacegraph.StanceFilter{}); return len(p), err },
		"claims": func() (int, error) {
			p, err := s.Claims(ctx, []peacegraph.ClaimQuery{{First: 10}})
			if err != nil {
				return 0, err
			}
			return p[0].TotalCount, nil
		},
		"events of bob": func() (int, error) {
			e, err := s.ActorEvents(ctx, []string{"bob-minister"})
			if err != nil {
				return 0, err
			}
			return len(e[0]), nil
		},
		"search hits": func() (int, error) {
			h, err := s.Search(ctx, peacegraph.SearchQuery{Text: "plan", First: 10})
			return len(h), err
		},
	} {
		if got, err := n(); err != nil || got != 0 {
			t.Errorf("%s = %d, %v; want 0 after loading a dataset without them", what, got, err)
		}
	}
	_, err = s.PointByNumber(ctx, "", 1)
	wantCode(t, err, peacegraph.ENOTFOUND)
	_, err = s.Path(ctx, "alice-envoy", "red-state", 4)
	wantCode(t, err, peacegraph.ENOTFOUND)
	path, err := s.Path(ctx, "bob-minister", "red-state", 4)
	if err != nil {
		t.Fatal(err)
	}
	wantSame(t, "path", path, []peacegraph.PathStep{{Relation: peacegraph.RelAffiliatedWith, NodeID: "red-state"}})
}

func testLoadCopies(t *testing.T, s peacegraph.Store) {
	d := Fixture()
	MustLoad(t, s, d)
	before := fingerprint(t, s)

	// Change everything the caller can reach.
	d.Actors[0].Name = "Changed"
	d.Actors[0].Aliases[0] = "Changed"
	d.Actors[0].Affiliations[0].ActorID = "red-state"
	d.Plans[0].AuthorIDs[0] = "zed-observer"
	d.Points[0].ConcededByIDs[0] = "red-state"
	d.Claims[1].Citations[0].Quote = "changed"
	d.Claims[0].Contradicts[0] = "c-fair"
	d.Claims[2].AboutIDs[0] = "peace-plan"
	d.Sources[1].Text = "changed"
	d.Stances[0].EvidenceIDs[0] = "c-fair"
	d.Events[0].ParticipantIDs[0] = "red-state"
	d.Claims = d.Claims[:1]
	d.Actors = append(d.Actors, &peacegraph.Actor{ID: "new-actor", Name: "New", Kind: peacegraph.ActorPerson})

	wantSameAnswers(t, "changing the loaded dataset", before, fingerprint(t, s))
}

func testLoadNil(t *testing.T, s peacegraph.Store) {
	MustLoad(t, s, Fixture())
	before := fingerprint(t, s)
	wantCode(t, s.Load(t.Context(), nil), peacegraph.EINVALID)
	wantSameAnswers(t, "loading nil", before, fingerprint(t, s))
}
