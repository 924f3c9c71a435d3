package neo4j_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph/storetest"
)

// TestRecordInBrowser checks the relationships written only for people
// reading the graph: plan changes, dispute sides, contradiction rules.
func TestRecordInBrowser(t *testing.T) {
	driver := MustDriver(t)
	s := MustOpenEmpty(t)
	MustLoad(t, s, storetest.RecordFixture())
	rows := func(cypher string) []string {
		t.Helper()
		var out []string
		for _, r := range MustRun(t, driver, cypher, nil) {
			out = append(out, strings.TrimSuffix(fmt.Sprintln(r.Values...), "\n"))
		}
		return out
	}

	t.Run("a revision's changes point at the points they concern", func(t *testing.T) {
		got := rows(`MATCH (:Plan {id: 'peace-plan-revised'})-[c:CHANGES]->(p:Point)
RETURN c.status, p.id, c.evidence ORDER BY c.ord`)
		want := []string{
			"UNKNOWN peace-plan-1 [c-leak]",
			"CHANGED peace-plan-2 [c-cap-800]",
			"DROPPED peace-plan-3 [c-amnesty-dropped]",
			"ADDED revised-1 []",
		}
		if !slices.Equal(got, want) {
			t.Errorf("changes:\n got %q\nwant %q", got, want)
		}
	})

	t.Run("a dispute's sides lead to their claims", func(t *testing.T) {
		got := rows(`MATCH (:Dispute {id: 'd-leak'})-[h:HAS_SIDE]->(s:DisputeSide)-[b:BACKED_BY]->(c:Claim)
RETURN s.label, c.id ORDER BY h.ord, b.ord`)
		want := []string{"Leaked c-leak", "Not leaked c-denial", "Not leaked c-no-info"}
		if !slices.Equal(got, want) {
			t.Errorf("sides:\n got %q\nwant %q", got, want)
		}
		got = rows(`MATCH (:Dispute {id: 'd-cap'})-[:CONCERNS]->(n) RETURN n.id`)
		if want := []string{"revised-2"}; !slices.Equal(got, want) {
			t.Errorf("concerns = %q, want %q", got, want)
		}
	})

	t.Run("a contradiction names its rules", func(t *testing.T) {
		got := rows(`MATCH (a:Claim)-[r:CONTRADICTS]->(b:Claim) WHERE 'c-leak' IN [a.id, b.id]
RETURN a.id, b.id, r.rules ORDER BY a.id, b.id`)
		want := []string{"c-denial c-leak [contradicts]", "c-leak c-no-info [denies]"}
		if !slices.Equal(got, want) {
			t.Errorf("contradictions:\n got %q\nwant %q", got, want)
		}
	})

	t.Run("a claim shows its corroboration", func(t *testing.T) {
		got := rows(`MATCH (c:Claim {id: 'c-no-info'})
RETURN c.corroboratingSources, c.corroboratingPublishers, c.earliest, c.earliestSource, c.denies, c.reviewers`)
		want := []string{"3 2 2025-11-20 ledger-digest [c-leak] [Ledger Fact Check]"}
		if !slices.Equal(got, want) {
			t.Errorf("claim:\n got %q\nwant %q", got, want)
		}
	})

	t.Run("reloading writes the sides afresh", func(t *testing.T) {
		MustLoad(t, s, storetest.RecordFixture())
		got := rows(`MATCH (s:DisputeSide) RETURN count(s)`)
		if want := []string{"6"}; !slices.Equal(got, want) {
			t.Errorf("sides after a second load = %q, want %q", got, want)
		}
	})
}
