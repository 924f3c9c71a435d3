package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestChangesQuery asks changes over HTTP on both stores, on the
// conformance fixture of changes, whose answer is worked out by hand: each
// entry leads to its evidence, and each claim to its quote.
func TestChangesQuery(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return storetest.ChangesFixture() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		tests := []struct {
			name  string
			query string
			want  string
		}{
			{
				name: "a day with a claim, a stance that appeared, a dispute side and a plan version",
				query: `{ changes(since: "2025-11-20", until: "2025-11-20") { date claims { id }
					stances { actor { id } target { id } position kind previous evidence { id } note }
					disputeSides { dispute { id question } side { label } evidence { id citations { source { id } quote } } }
					plans { plan { id title } evidence { id } } } }`,
				want: `{"changes":[{"date":"2025-11-20","claims":[{"id":"c-denial"},{"id":"c-leak"}],
					"stances":[{"actor":{"id":"red-state"},"target":{"id":"peace-plan"},"position":"CONDITIONAL","kind":"APPEARED","previous":[],"evidence":[{"id":"c-denial"}],"note":"If its position is heard."}],
					"disputeSides":[{"dispute":{"id":"was-the-plan-leaked","question":"Was the plan leaked before it was presented?"},"side":{"label":"It was leaked"},"evidence":[{"id":"c-leak","citations":[{"source":{"id":"report-daily"},"quote":null}]}]}],
					"plans":[{"plan":{"id":"peace-plan","title":"Ten-point peace plan"},"evidence":[{"id":"c-denial"},{"id":"c-leak"}]}]}]}`,
			},
			{
				name:  "a move names the position before it, and its evidence leads to a quote",
				query: `{ changes(since: "2025-11-21", until: "2025-11-22") { date stances { actor { name } target { id } position kind previous evidence { citations { quote start end } } } } }`,
				want: `{"changes":[{"date":"2025-11-21","stances":[
					{"actor":{"name":"Alice Arden"},"target":{"id":"peace-plan"},"position":"SUPPORTS","kind":"APPEARED","previous":[],"evidence":[{"citations":[{"quote":"the plan is fair to everyone.","start":23,"end":52}]}]},
					{"actor":{"name":"Bob Brandt"},"target":{"id":"peace-plan"},"position":"SUPPORTS","kind":"APPEARED","previous":[],"evidence":[{"citations":[{"quote":"Our position is really being heard.","start":71,"end":106}]}]},
					{"actor":{"name":"Carol Cruz"},"target":{"id":"peace-plan-2"},"position":"OPPOSES","kind":"APPEARED","previous":[],"evidence":[{"citations":[{"quote":"Carol Cruz rejected the army cap.","start":108,"end":141}]}]}]},
					{"date":"2025-11-22","stances":[{"actor":{"name":"Carol Cruz"},"target":{"id":"peace-plan-2"},"position":"SUPPORTS","kind":"MOVED","previous":["OPPOSES"],"evidence":[{"citations":[{"quote":null,"start":null,"end":null}]}]}]}]}`,
			},
			{
				name:  "until defaults to the latest day of the record",
				query: `{ changes(since: "2025-11-22") { date claims { id } plans { plan { id } evidence { id } } } }`,
				want:  `{"changes":[{"date":"2025-11-22","claims":[{"id":"c-cap-support"}],"plans":[]},{"date":"2025-11-23","claims":[{"id":"c-monitors"}],"plans":[{"plan":{"id":"peace-plan-revised"},"evidence":[{"id":"c-monitors"}]}]}]}`,
			},
			{
				name:  "days without changes are left out, and so is a range after the record",
				query: `{ quiet: changes(since: "2025-11-24", until: "2025-11-30") { date } after: changes(since: "2025-12-01") { date } }`,
				want:  `{"quiet":[],"after":[]}`,
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

// TestChangesBadInput checks that a bad range fails the field with
// BAD_USER_INPUT, naming the argument, with the domain's message, on both
// stores.
func TestChangesBadInput(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return storetest.ChangesFixture() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil, graph.WithChangeLimits(peacegraph.ChangeLimits{Days: 10, Entries: 4}))
		for _, tt := range []struct {
			name, query, argument, message string
		}{
			{"until before since", `{ changes(since: "2025-11-22", until: "2025-11-21") { date } }`, "until",
				"until (2025-11-21) is before since (2025-11-22): the range runs from since to until, both included"},
			{"a range wider than the limit", `{ changes(since: "2025-11-01", until: "2025-11-23") { date } }`, "since",
				"from 2025-11-01 to 2025-11-23 is 23 days; ask for at most 10 days at once"},
			{"a range to the latest day wider than the limit", `{ changes(since: "2025-11-01") { date } }`, "since",
				"from 2025-11-01 to 2025-11-23 (the latest day of the record) is 23 days; ask for at most 10 days at once"},
			{"more claims than the entry limit", `{ changes(since: "2025-11-20", until: "2025-11-21") { date } }`, "since",
				"the record holds more than 4 claims, stances, disputes or plans of one kind dated from 2025-11-20 to 2025-11-21; ask for fewer days"},
			{"a date that is not one", `{ changes(since: "2025-11-31") { date } }`, "since", ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				e, r := MustFail(t, srv, tt.query, nil)
				if e.Code() != "BAD_USER_INPUT" || e.Extensions["argument"] != tt.argument || pathString(e.Path) != "changes" {
					t.Errorf("got %s; want BAD_USER_INPUT on argument %s at changes", r.Raw, tt.argument)
				}
				if tt.message != "" && e.Message != tt.message {
					t.Errorf("message %q, want %q", e.Message, tt.message)
				}
				if string(r.Data) != "null" {
					t.Errorf("data %s, want null: changes is non-null", r.Data)
				}
			})
		}
	})
}

// TestChangesOfTheSeeds checks one stable fact of the seeded record on
// both stores: Putin's words of 21 November are among that day's claims.
func TestChangesOfTheSeeds(t *testing.T) {
	neo4jtest.EachStore(t, func(tb testing.TB) *peacegraph.Dataset { return MustSeeds(tb) }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)
		data := MustQuery[struct {
			Changes []struct {
				Date   string
				Claims []struct{ ID string }
			}
		}](t, srv, `{ changes(since: "2025-11-21", until: "2025-11-21") { date claims { id } } }`, nil)
		if len(data.Changes) != 1 || data.Changes[0].Date != "2025-11-21" {
			t.Fatalf("changes of 2025-11-21: %+v, want that one day", data.Changes)
		}
		var ids []string
		for _, c := range data.Changes[0].Claims {
			ids = append(ids, c.ID)
		}
		if !strings.Contains(" "+strings.Join(ids, " ")+" ", " putin-plan-could-lay-foundation ") {
			t.Errorf("claims of 2025-11-21: %v, want putin-plan-could-lay-foundation among them", ids)
		}
	})
}

// TestChangesCostWhatTheyHold checks on a profiling Neo4j that a changes
// query reads ranges of indexes cut inside the database: claims, stances,
// a dispute and plans on later days leave its statements and db hits as
// they were.
func TestChangesCostWhatTheyHold(t *testing.T) {
	const query = `{ changes(since: "2025-11-20", until: "2025-11-23") { date claims { id text } stances { position evidence { id } } disputeSides { side { label } } plans { plan { id } } } }`
	small := storetest.ChangesFixture()
	large := storetest.ChangesFixture()
	large.Actors = append(large.Actors, &peacegraph.Actor{ID: "dan-later", Name: "Dan Later", Kind: peacegraph.ActorPerson})
	later := &peacegraph.Stance{ActorID: "dan-later", TargetID: "peace-plan", Position: peacegraph.Supports}
	laterDispute := &peacegraph.Dispute{ID: "a-later-question", Question: "A later question?", AboutIDs: []string{"peace-plan"},
		Sides: []peacegraph.DisputeSide{{Label: "Yes"}, {Label: "No"}}}
	for i := range 300 {
		day := peacegraph.Date("2025-12-01").AddDays(i % 28)
		id := fmt.Sprintf("c-later-%d", i)
		large.Claims = append(large.Claims, &peacegraph.Claim{ID: id, Text: "A later claim.", ClaimantID: "dan-later",
			AboutIDs: []string{"peace-plan"}, Certainty: peacegraph.Stated, Date: day,
			Citations: []peacegraph.Citation{{SourceID: "report-daily"}}})
		later.EvidenceIDs = append(later.EvidenceIDs, id)
		laterDispute.Sides[i%2].ClaimIDs = append(laterDispute.Sides[i%2].ClaimIDs, id)
		if i%30 == 0 {
			large.Plans = append(large.Plans, &peacegraph.Plan{ID: fmt.Sprintf("later-plan-%d", i), Title: "A later plan.", Date: day})
		}
	}
	large.Stances = append(large.Stances, later)
	large.Disputes = append(large.Disputes, laterDispute)
	var figures [2][2]int64
	for i, d := range []*peacegraph.Dataset{small, large} {
		// Each in a test of its own, which holds the database until it
		// ends.
		t.Run(fmt.Sprint(len(d.Claims), " claims"), func(t *testing.T) {
			store := neo4jtest.OpenProfiled(t, d)
			// The first run after a load may count the reads of
			// planning; the second is what every later one costs.
			cost(t, store, query)
			figures[i][0], figures[i][1] = cost(t, store, query)
		})
	}
	t.Logf("statements and db hits: %v on the fixture, %v with 300 later claims", figures[0], figures[1])
	// The planner may find a cheaper walk between the indexed anchors
	// once the graph's statistics change; what must not happen is that
	// the larger graph costs more (1% allows for Neo4j's count of an
	// index's first entry).
	a, b := figures[0][1], figures[1][1]
	if figures[0][0] != figures[1][0] || b > a+a/100 {
		t.Errorf("statements and db hits: %v on the fixture, %v with 300 later claims; want no more with more", figures[0], figures[1])
	}
}

// TestChangesCostCountsTheDaysLimit checks that the estimated cost of a
// changes query counts the days limit the server is given
// (PEACEGRAPH_MAX_CHANGE_DAYS), not the default: the same query under the
// same cost cap passes with a short limit and is refused with a long one.
func TestChangesCostCountsTheDaysLimit(t *testing.T) {
	store := MustStore(t, storetest.ChangesFixture())
	const query = `{ changes(since: "2025-11-20", until: "2025-11-21") { date } }`
	// The field costs 1 plus the days limit times its selection (1).
	capped := graph.WithLimits(graph.Limits{Cost: 20})
	for _, c := range []struct {
		days int
		code string
	}{{5, ""}, {19, ""}, {20, "COMPLEXITY_LIMIT_EXCEEDED"}, {peacegraph.DefaultChangeDays, "COMPLEXITY_LIMIT_EXCEEDED"}, {60, "COMPLEXITY_LIMIT_EXCEEDED"}} {
		t.Run(fmt.Sprint(c.days, " days"), func(t *testing.T) {
			srv := MustServer(t, store, nil, capped, graph.WithChangeLimits(peacegraph.ChangeLimits{Days: c.days}))
			r := MustPost(t, srv, map[string]any{"query": query})
			code := ""
			if len(r.Errors) > 0 {
				code = r.Errors[0].Code()
			}
			if code != c.code || (c.code == "" && !strings.Contains(string(r.Raw), `"date":"2025-11-20"`)) {
				t.Errorf("days limit %d: %s; want code %q", c.days, r.Raw, c.code)
			}
		})
	}
}
