package graph_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/graph/internal/fixture"
)

// countingStore is a real store instrumented: every call is forwarded and
// counted by method name.
type countingStore struct {
	peacegraph.Store
	mu    sync.Mutex
	calls map[string]int
}

func newCountingStore(s peacegraph.Store) *countingStore {
	return &countingStore{Store: s, calls: map[string]int{}}
}

func (s *countingStore) count(method string) {
	s.mu.Lock()
	s.calls[method]++
	s.mu.Unlock()
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

// TestStoreCallsDoNotGrowWithData runs deep queries on a graph and on one
// four times its size: the Store is asked the same number of times, one
// batched call per level of the query, however many nodes each level
// holds. Each query follows one path, so that every level's calls are
// made at one moment and the count is exact. On Neo4j each Store call is
// one Cypher query, so this counts the queries a request costs.
func TestStoreCallsDoNotGrowWithData(t *testing.T) {
	tests := []struct {
		name  string
		query string
		// want is the exact calls: one per level.
		want string
	}{
		{
			name:  "plan to points to stances to actors to affiliations",
			query: `{ plan { points { number stances { position actor { name affiliations { name } } } } } }`,
			// plan, its points, their stances, the stances' actors, the
			// actors' affiliations.
			want: "Nodes=2 Plans=1 Points=1 Stances=1",
		},
		{
			name:  "actors to claims to citations to sources",
			query: `{ actors(first: 100) { edges { node { name claims(first: 20) { totalCount edges { node { text citations { quote start end source { title } } } } } } } } }`,
			// the actors page, their claims pages, the cited sources.
			want: "Actors=1 Claims=1 Nodes=1",
		},
		{
			name:  "actors to events to participants to their members",
			query: `{ actors(first: 100) { edges { node { events { title participants { name members { name } } } } } } }`,
			want:  "ActorEvents=1 Actors=1 Members=1 Nodes=2",
		},
		{
			name:  "claims to the claims contradicting them to their claimants",
			query: `{ claims(first: 100) { edges { node { contradictedBy { text claimant { name } } } } } }`,
			want:  "Claims=1 Contradictions=1 Nodes=2",
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
			// the default plan and its points; the amending points (a read
			// of plans and of their points); those points and their
			// plan; the changes' evidence; the earliest sources.
			want: "Nodes=4 Plans=2 Points=2",
		},
		{
			name:  "disputes to sides to claims to their sources",
			query: `{ disputes { about { ... on Point { title } } sides { claims { text } sources { title } } } }`,
			// the disputes; what they are about and the sides' claims;
			// the claims' sources.
			want: "Disputes=1 Nodes=2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name+" costs the same at N and 4N", func(t *testing.T) {
			EachStore(t, func(testing.TB) *peacegraph.Dataset { return fixture.Scaled(10) }, func(t *testing.T, s peacegraph.Store) {
				small, smallSize := MustCountCalls(t, s, tt.query)
				if err := s.Load(t.Context(), fixture.Scaled(40)); err != nil {
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

// MustCountCalls answers query over store and returns the Store calls it
// made and the size of the answer.
func MustCountCalls(t *testing.T, store peacegraph.Store, query string) (string, int) {
	t.Helper()
	counting := newCountingStore(store)
	// A generous wait keeps each level in one batch even when the test
	// machine is busy with other packages' tests.
	srv := MustServer(t, counting, nil, graph.WithBatchWait(50*time.Millisecond))
	data := MustAnswer(t, srv, query, nil)
	calls, _ := counting.Calls()
	return calls, len(data)
}
