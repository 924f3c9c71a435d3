package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// countingStore is a real store instrumented: every call is forwarded and
// counted by method name.
type countingStore struct {
	peacegraph.Store
	mu    sync.Mutex
	calls map[string]int
	// jitter, when set, makes each call take a random time up to it
	// first, as a busy database would.
	jitter time.Duration
}

func newCountingStore(s peacegraph.Store) *countingStore {
	return &countingStore{Store: s, calls: map[string]int{}}
}

func (s *countingStore) count(method string) {
	s.mu.Lock()
	s.calls[method]++
	s.mu.Unlock()
	if s.jitter > 0 {
		time.Sleep(rand.N(s.jitter))
	}
}

// Calls returns the calls so far, e.g. "Claims=2 Nodes=5", and their total.
func (s *countingStore) Calls() (string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var parts []string
	total := 0
	for m, n := range s.calls {
		parts = append(parts, fmt.Sprintf("%s=%d", m, n))
		total += n
	}
	sort.Strings(parts)
	return strings.Join(parts, " "), total
}

// Reset forgets the calls so far.
func (s *countingStore) Reset() {
	s.mu.Lock()
	s.calls = map[string]int{}
	s.mu.Unlock()
}

func (s *countingStore) Revisions(ctx context.Context, ids []string) ([][]string, error) {
	s.count("Revisions")
	return s.Store.Revisions(ctx, ids)
}

func (s *countingStore) Amenders(ctx context.Context, ids []string) ([][]string, error) {
	s.count("Amenders")
	return s.Store.Amenders(ctx, ids)
}

func (s *countingStore) Nodes(ctx context.Context, ids []string) ([]peacegraph.Node, error) {
	s.count("Nodes")
	return s.Store.Nodes(ctx, ids)
}

func (s *countingStore) Actors(ctx context.Context, q peacegraph.ActorQuery) (*peacegraph.ActorPage, error) {
	s.count("Actors")
	return s.Store.Actors(ctx, q)
}

func (s *countingStore) Members(ctx context.Context, ids []string) ([][]string, error) {
	s.count("Members")
	return s.Store.Members(ctx, ids)
}

func (s *countingStore) Plans(ctx context.Context) ([]*peacegraph.Plan, error) {
	s.count("Plans")
	return s.Store.Plans(ctx)
}

func (s *countingStore) DefaultPlan(ctx context.Context) (*peacegraph.Plan, error) {
	s.count("DefaultPlan")
	return s.Store.DefaultPlan(ctx)
}

func (s *countingStore) Points(ctx context.Context, planIDs []string, f peacegraph.PointFilter) ([][]*peacegraph.Point, error) {
	s.count("Points")
	return s.Store.Points(ctx, planIDs, f)
}

func (s *countingStore) PointByNumber(ctx context.Context, planID string, number int) (*peacegraph.Point, error) {
	s.count("PointByNumber")
	return s.Store.PointByNumber(ctx, planID, number)
}

func (s *countingStore) Stances(ctx context.Context, f peacegraph.StanceFilter) ([]*peacegraph.Stance, error) {
	s.count("Stances")
	return s.Store.Stances(ctx, f)
}

func (s *countingStore) Claims(ctx context.Context, qs []peacegraph.ClaimQuery) ([]*peacegraph.ClaimPage, error) {
	s.count("Claims")
	return s.Store.Claims(ctx, qs)
}

func (s *countingStore) Contradictions(ctx context.Context, ids []string) ([][]string, error) {
	s.count("Contradictions")
	return s.Store.Contradictions(ctx, ids)
}

func (s *countingStore) Sources(ctx context.Context) ([]*peacegraph.Source, error) {
	s.count("Sources")
	return s.Store.Sources(ctx)
}

func (s *countingStore) Events(ctx context.Context) ([]*peacegraph.Event, error) {
	s.count("Events")
	return s.Store.Events(ctx)
}

func (s *countingStore) ActorEvents(ctx context.Context, ids []string) ([][]string, error) {
	s.count("ActorEvents")
	return s.Store.ActorEvents(ctx, ids)
}

func (s *countingStore) Search(ctx context.Context, q peacegraph.SearchQuery) ([]peacegraph.SearchHit, error) {
	s.count("Search")
	return s.Store.Search(ctx, q)
}

func (s *countingStore) Path(ctx context.Context, from, to string, maxHops int) ([]peacegraph.PathStep, error) {
	s.count("Path")
	return s.Store.Path(ctx, from, to, maxHops)
}

func (s *countingStore) Neighbourhood(ctx context.Context, q peacegraph.NeighbourhoodQuery) (*peacegraph.GraphView, error) {
	s.count("Neighbourhood")
	return s.Store.Neighbourhood(ctx, q)
}

func (s *countingStore) Disputes(ctx context.Context, planID string) ([]*peacegraph.Dispute, error) {
	s.count("Disputes")
	return s.Store.Disputes(ctx, planID)
}

// levelQueries are deep queries with the Store calls each costs exactly,
// however many nodes and lists each place of the answer holds: at each
// level, one read of the nodes its fields name, and one call for each
// other read (a page of claims, stances); the nodes a list names that the
// query asks for next (peacegraph.Includes: claimants, cited sources,
// the actors of stances and of concessions) come with the list. On Neo4j
// each Store call is one Cypher query, so this counts the queries a
// request costs.
var levelQueries = []struct {
	name  string
	query string
	// want is the exact calls: one per level.
	want string
}{
	{
		name:  "plan to points to stances to actors to affiliations",
		query: `{ plan { points { number stances { position actor { name affiliations { name } } } } } }`,
		// the plan with its points (one read: the plan field looks
		// ahead), their stances with their actors, the actors'
		// affiliations.
		want: "Nodes=1 Points=1 Stances=1",
	},
	{
		name:  "a plan's points under two names",
		query: `{ plan { title a: points { number } b: points { number concededBy { name } } } }`,
		// the plan with the points of both fields and the actors
		// conceding them: one read answers both.
		want: "Points=1",
	},
	{
		name:  "a plan's points with two filters",
		query: `{ plan { title a: points(concession: true) { number concededBy { name } } b: points { number } } }`,
		// one read cannot answer both: the plan, then the points of
		// each field.
		want: "DefaultPlan=1 Points=2",
	},
	{
		name:  "concessions to stances to actors",
		query: `{ concessions { number stances { position asOf actor { name affiliations { name } } } } }`,
		// the concessions with their stances and the stances' actors,
		// in one read: the field looks ahead; the affiliations.
		want: "Nodes=1 Points=1",
	},
	{
		name:  "concessions to stances under two dates",
		query: `{ concessions { number now: stances { position } then: stances(asOf: "2025-11-21") { position } } }`,
		// one read cannot answer both: the concessions, then the
		// stances of each field.
		want: "Points=1 Stances=2",
	},
	{
		name:  "actors to claims to citations to sources",
		query: `{ actors(first: 100) { edges { node { name claims(first: 20) { totalCount edges { node { text citations { quote start end source { title } } } } } } } } }`,
		// the actors page, their claims pages with the cited sources.
		want: "Actors=1 Claims=1",
	},
	{
		name:  "actors to events to participants to their members",
		query: `{ actors(first: 100) { edges { node { events { title participants { name members { name } } } } } } }`,
		// the actors page; their events' IDs and the events; the
		// members' IDs. The participants and members are actors of
		// the page, read with it.
		want: "ActorEvents=1 Actors=1 Members=1 Nodes=1",
	},
	{
		name:  "governments to the claims about them to the claims contradicting those to their claimants",
		query: `{ actors(kind: GOVERNMENT, first: 100) { edges { node { mentionedIn(first: 1) { edges { node { contradictedBy { text claimant { name } } } } } } } } }`,
		// the governments; the first claim about each (one call for
		// all their pages); the claims contradicting those (their IDs,
		// then the claims); the claimants, envoys, not on the page,
		// come with the claims.
		want: "Actors=1 Claims=1 Contradictions=1 Nodes=1",
	},
	{
		name:  "claims about governments to their claimants and to the claims contradicting them with theirs",
		query: `{ actors(kind: GOVERNMENT, first: 100) { edges { node { mentionedIn(first: 1) { edges { node { claimant { name } contradictedBy { claimant { name } about { ... on Node { id } } } } } } } } } }`,
		// the governments; a claim about each, with its claimant; the
		// contradicting claims; their claimants and what they are
		// about, in one read: the claimants are the same envoys, but
		// what a branch read serves only that branch.
		want: "Actors=1 Claims=1 Contradictions=1 Nodes=2",
	},
	{
		name:  "claims to what they are about to who concedes it",
		query: `{ claims(first: 100) { edges { node { about { ... on Point { number concededBy { name } } } } } } }`,
		// the governments conceding were loaded as what the claims are
		// about, and come from the request's cache.
		want: "Claims=1 Nodes=1",
	},
	{
		name:  "actors to stances as of a date and histories to evidence to denials and reviews",
		query: `{ actors(first: 100) { edges { node { stances(asOf: "2025-11-21") { evidence { reviews { rating } denies { text } } } stanceHistory(target: "plan") { position } } } } }`,
		// the actors page; their stances as of the date and their
		// histories (two reads of stances); the evidence (the claims
		// denied are evidence too, and come from the cache).
		want: "Actors=1 Nodes=1 Stances=2",
	},
	{
		name:  "points to the points amending them to their changes' evidence",
		query: `{ plan { points { amendedBy { title plan { changes { status evidence { corroboration { sources earliestSource { title } } } } } } } } }`,
		// the default plan with its points; the IDs of the points amending
		// them, and those points; their plan, the revision; the
		// changes' evidence; the earliest sources.
		want: "Amenders=1 Nodes=4 Points=1",
	},
	{
		name:  "disputes to sides to claims to their sources",
		query: `{ disputes { about { ... on Point { title } } sides { claims { text } sources { title } } } }`,
		// the disputes; what they are about; the sides' claims (read
		// once for the claims and the sources fields); the claims'
		// sources.
		want: "Disputes=1 Nodes=3",
	},
	{
		name:  "the deep query",
		query: deepQuery,
		// Each level reads the nodes its fields name in one call, and
		// each other read is one call for the level: the plan with its
		// points and their concededBy; authors, their affiliations; the
		// members' IDs and the members; stances with their actors; their evidence;
		// the actors' affiliations, events' IDs and events (the
		// participants are actors read above them); the contradictions'
		// IDs (the contradicting claims are evidence too); the points'
		// claims pages with their claimants; the actors page, its claims
		// pages with the cited sources, what the claims are about; the
		// actors' stances and their targets. A node read in one branch
		// of the query does not serve another, so this count is the
		// same every time.
		want: "ActorEvents=1 Actors=1 Claims=2 Contradictions=1 Members=1 Nodes=7 Points=1 Stances=2",
	},
}

// TestStoreCallsDoNotGrowWithData runs the queries on a graph and on one
// four times its size: the Store is asked the same number of times.
func TestStoreCallsDoNotGrowWithData(t *testing.T) {
	for _, tt := range levelQueries {
		t.Run(tt.name+" costs the same at N and 4N", func(t *testing.T) {
			neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return fixture.Scaled(10) }, func(t *testing.T, s peacegraph.Store) {
				small, smallSize := MustCountCalls(t, s, tt.query)
				if err := s.Load(t.Context(), fixture.Scaled(40), peacegraph.Prune()); err != nil {
					t.Fatalf("load the larger graph: %v", err)
				}
				large, largeSize := MustCountCalls(t, s, tt.query)
				if largeSize < 3*smallSize {
					t.Fatalf("the answer at 4N is %d bytes, at N %d: the query does not fan out", largeSize, smallSize)
				}
				if small != tt.want || large != tt.want {
					t.Errorf("store calls:\n  N=10: %s\n  N=40: %s\n  want %s at both", small, large, tt.want)
				}
			})
		})
	}
}

// TestStoreCallsDoNotDependOnTiming answers each query many times at once
// over a store that takes a random time to answer each call: every request
// still costs exactly its calls. A level asks the store as soon as the
// level above it is answered, not when a timer fires or keys stop coming,
// so neither a slow store nor how the requests interleave can split a
// level or merge two.
func TestStoreCallsDoNotDependOnTiming(t *testing.T) {
	const requests = 8
	store := MustStore(t, fixture.Scaled(10))
	for _, tt := range levelQueries {
		t.Run(tt.name, func(t *testing.T) {
			counting := make([]*countingStore, requests)
			servers := make([]*httptest.Server, requests)
			for i := range counting {
				counting[i] = newCountingStore(store)
				counting[i].jitter = 2 * time.Millisecond
				servers[i] = MustServer(t, counting[i], nil)
			}
			var wg sync.WaitGroup
			errs := make([]error, requests)
			for i := range servers {
				wg.Go(func() { errs[i] = answer(servers[i], tt.query) })
			}
			wg.Wait()
			for i := range servers {
				if errs[i] != nil {
					t.Fatalf("request %d: %v", i, errs[i])
				}
				if got, _ := counting[i].Calls(); got != tt.want {
					t.Errorf("request %d: store calls %s, want %s", i, got, tt.want)
				}
			}
		})
	}
}

// answer posts query and fails unless it answers without errors; it is
// safe to call from any goroutine (MustAnswer is not).
func answer(srv *httptest.Server, query string) error {
	body, err := json.Marshal(map[string]string{"query": query})
	if err != nil {
		return err
	}
	res, err := srv.Client().Post(srv.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var r struct {
		Data   json.RawMessage   `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK || len(r.Errors) > 0 || len(r.Data) == 0 {
		return fmt.Errorf("status %d, %d errors", res.StatusCode, len(r.Errors))
	}
	return nil
}

// MustCountCalls answers query over store and returns the Store calls it
// made and the size of the answer.
func MustCountCalls(t *testing.T, store peacegraph.Store, query string) (string, int) {
	t.Helper()
	counting := newCountingStore(store)
	srv := MustServer(t, counting, nil)
	data := MustAnswer(t, srv, query, nil)
	calls, _ := counting.Calls()
	return calls, len(data)
}
