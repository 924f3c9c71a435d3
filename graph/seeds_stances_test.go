package graph_test

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
)

// updateStances rewrites docs/stances.md from the seeds:
// make generate runs it so (graph/generate.go).
var updateStances = flag.Bool("update-stances", false, "rewrite docs/stances.md from the seeds")

// stancesDoc is the table of every stance with its evidence, below the
// hand-written part of the file.
const stancesDoc = "../docs/stances.md"

// stancesMarker ends the hand-written part of docs/stances.md; the test
// writes everything after it.
const stancesMarker = "<!-- The table below is generated from seeds/ by `make generate`; do not edit it by hand. -->"

// pinnedStances is every stance of the seeds after the re-reading of
// docs/stances.md: actor, position, target and evidence, in seed order. A
// change to a stance must change this list, so it is made on purpose.
var pinnedStances = []string{
	"ukraine SUPPORTS us-19-point-revision: geneva-joint-statement-refined-framework, umerov-common-understanding",
	"kirill-dmitriev SUPPORTS us-28-point-plan: dmitriev-russian-position-heard",
	"donald-trump SUPPORTS us-28-point-plan: plan-reportedly-backed-by-trump, trump-approved-plan-nbc, white-house-says-trump-backs-plan, trump-thursday-deadline",
	"united-states SUPPORTS us-28-point-plan: white-house-says-trump-backs-plan, us-push-to-sell-framework, driscoll-delegation-missions",
	"european-partners OPPOSES us-28-point-plan-21: european-resistance-to-territory-and-military-limits",
	"european-partners OPPOSES us-28-point-plan-6: european-resistance-to-territory-and-military-limits",
	"kremlin UNDECIDED us-28-point-plan: kremlin-cautious-optimism, russian-officials-hopeful, peskov-no-substantive-discussion, peskov-not-through-media-leaks",
	"volodymyr-zelenskyy CONDITIONAL us-28-point-plan: zelenskyy-to-discuss-points, zelenskyy-red-lines-ready-to-work, zelenskyy-constructive-work-without-betrayal",
	"ukraine CONDITIONAL us-28-point-plan: ukraine-principles-anchor-talks, kyiv-participation-conditional",
	"radoslaw-sikorski CONDITIONAL us-28-point-plan: sikorski-eu-expects-consultation, sikorski-poland-backs-peace-efforts, sikorski-nothing-about-poland-without-poland, sikorski-poland-not-bound",
	"e3 SUPPORTS e3-counter-proposal: e3-revised-us-text-point-by-point",
	"e3 CONDITIONAL us-28-point-plan: e3-revised-us-text-point-by-point",
	"e3 OPPOSES us-28-point-plan-6: e3-army-cap-800000",
	"e3 OPPOSES us-28-point-plan-21: e3-territory-from-line-of-contact",
	"e3 OPPOSES us-28-point-plan-26: e3-no-full-amnesty",
	"e3 OPPOSES us-28-point-plan-3: e3-deletes-point-3",
	"e3 OPPOSES us-28-point-plan-7: e3-nato-accession-by-consensus",
	"e3 OPPOSES us-28-point-plan-14: e3-assets-frozen-until-compensation",
	"e3 CONDITIONAL us-28-point-plan-2: e3-non-aggression-with-nato",
	"e3 CONDITIONAL us-28-point-plan-8: e3-no-permanent-nato-troops-in-peacetime",
	"e3 CONDITIONAL us-28-point-plan-9: e3-nato-jets-in-poland, e3-us-jets-in-poland",
	"e3 CONDITIONAL us-28-point-plan-10: e3-us-guarantee-mirroring-article-5",
	"yuri-ushakov OPPOSES e3-counter-proposal: ushakov-e3-plan-unconstructive",
	"kremlin OPPOSES e3-counter-proposal: ushakov-e3-plan-unconstructive",
	"g20-western-leaders CONDITIONAL us-28-point-plan: g20-plan-basis-requires-work, g20-eu-nato-elements-need-consent",
	"g20-western-leaders OPPOSES us-28-point-plan-21: g20-borders-not-changed-by-force",
	"g20-western-leaders OPPOSES us-28-point-plan-6: g20-army-limits-leave-ukraine-exposed",
	"radoslaw-sikorski OPPOSES us-28-point-plan-6: sikorski-limits-on-aggressor-not-victim",
	"donald-tusk CONDITIONAL us-28-point-plan: tusk-decisions-about-poland-by-poles, tusk-talks-must-include-ukraine, tusk-ready-to-work-wants-to-know-author",
	"karol-nawrocki CONDITIONAL us-28-point-plan: nawrocki-plan-must-be-accepted-in-kyiv",
	"united-states SUPPORTS us-19-point-revision: geneva-joint-statement-refined-framework, trump-plan-refined-few-disagreements",
	"volodymyr-zelenskyy SUPPORTS us-19-point-revision: zelenskyy-fewer-points-right-elements, zelenskyy-framework-on-the-table",
	"donald-trump SUPPORTS us-19-point-revision: trump-plan-refined-few-disagreements",
	"vladimir-putin SUPPORTS us-28-point-plan: putin-plan-could-lay-foundation",
	"vladimir-putin CONDITIONAL us-19-point-revision: putin-draft-basis-for-future-agreements, putin-no-draft-treaty-only-issues",
	"vladimir-putin SUPPORTS us-28-point-plan-21: plan-formalizes-russian-control, putin-fighting-stops-if-ukraine-withdraws",
	"kremlin SUPPORTS us-28-point-plan: peskov-original-very-good-basis, peskov-original-spirit-of-anchorage",
	"sergei-lavrov CONDITIONAL us-28-point-plan: lavrov-spirit-and-letter-of-anchorage",
}

// TestSeedStances pins the stances of the seeds, and the ones the
// re-reading removed stay removed.
func TestSeedStances(t *testing.T) {
	d := MustSeeds(t)
	var got []string
	for _, s := range d.Stances {
		got = append(got, fmt.Sprintf("%s %s %s: %s", s.ActorID, s.Position, s.TargetID, strings.Join(s.EvidenceIDs, ", ")))
	}
	if !slices.Equal(got, pinnedStances) {
		for _, g := range got {
			if !slices.Contains(pinnedStances, g) {
				t.Errorf("stance not pinned: %s", g)
			}
		}
		for _, w := range pinnedStances {
			if !slices.Contains(got, w) {
				t.Errorf("pinned stance missing: %s", w)
			}
		}
		if !t.Failed() {
			t.Errorf("stances are in another order:\n%s", strings.Join(got, "\n"))
		}
	}
	// The stances the re-reading found saying more than their evidence.
	for _, gone := range []struct{ actor, target string }{
		{"marco-rubio", "us-28-point-plan"},              // defends who wrote it, not what it says
		{"european-union", "us-28-point-plan"},           // Sikorski on the EU; unnamed G20 signatories
		{"european-union", "us-28-point-plan-21"},        // unnamed G20 signatories
		{"ursula-von-der-leyen", "us-19-point-revision"}, // which text "a solid basis" was is not reported
	} {
		for _, s := range d.Stances {
			if s.ActorID == gone.actor && s.TargetID == gone.target {
				t.Errorf("%s has a stance on %s again: %v", gone.actor, gone.target, s.EvidenceIDs)
			}
		}
	}
}

// TestWhoBacksTheConcessions asks, on both stores, who backs and who
// opposes each concession, and checks it against the stances of the seeds
// by the rules of the record.
func TestWhoBacksTheConcessions(t *testing.T) {
	d := MustSeeds(t)
	// want: for each concession of the default plan, its effective
	// stances by the root package's rule.
	onPoint := map[string][]*peacegraph.Stance{}
	for _, s := range d.Stances {
		onPoint[s.TargetID] = append(onPoint[s.TargetID], s)
	}
	want := map[int][]string{}
	for _, p := range d.Points {
		if p.PlanID != "us-28-point-plan" || !p.Concession {
			continue
		}
		for _, s := range peacegraph.EffectiveStances(onPoint[p.ID], "") {
			want[p.Number] = append(want[p.Number], s.ActorID+" "+string(s.Position))
		}
		slices.Sort(want[p.Number])
	}
	neo4jtest.EachStore(t, func(tb testing.TB) *peacegraph.Dataset { return MustSeeds(tb) }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, nil)

		t.Run("every concession shows the positions the record holds on it", func(t *testing.T) {
			data := MustQuery[struct {
				Concessions []struct {
					Number  int
					Stances []struct {
						Actor    struct{ ID string }
						Position string
						Evidence []struct{ ID string }
					}
				}
			}](t, srv, `{ concessions { number stances { actor { id } position evidence { id } } } }`, nil)
			if len(data.Concessions) == 0 {
				t.Fatal("no concessions")
			}
			held := 0
			for _, c := range data.Concessions {
				var got []string
				for _, st := range c.Stances {
					got = append(got, st.Actor.ID+" "+st.Position)
					if len(st.Evidence) == 0 {
						t.Errorf("point %d: %s %s has no evidence", c.Number, st.Actor.ID, st.Position)
					}
				}
				slices.Sort(got)
				if !slices.Equal(got, want[c.Number]) {
					t.Errorf("point %d: stances %v, want %v", c.Number, got, want[c.Number])
				}
				if len(got) > 0 {
					held++
				}
			}
			// Points 6, 7, 14, 21 and 26: the army cap, NATO, the frozen
			// assets, territory and the amnesty.
			if held < 5 {
				t.Errorf("%d concessions have a stance, want at least 5", held)
			}
		})

		t.Run("Putin's side backs point 21 with his words of 27 November", func(t *testing.T) {
			type backer struct {
				Actor    struct{ ID string }
				AsOf     *string
				Evidence []struct {
					ID        string
					Date      *string
					Claimant  *struct{ ID string }
					Citations []struct {
						Source struct{ ID string }
						Quote  *string
					}
				}
			}
			data := MustQuery[struct {
				Now, Before []backer
			}](t, srv, `{
				now: whoBacks(point: 21) { actor { id } asOf evidence { id date claimant { id } citations { source { id } quote } } }
				before: whoBacks(point: 21, asOf: "2025-11-26") { actor { id } }
			}`, nil)
			i := slices.IndexFunc(data.Now, func(b backer) bool { return b.Actor.ID == "vladimir-putin" })
			if i < 0 {
				t.Fatalf("whoBacks(point: 21) = %+v, want vladimir-putin", data.Now)
			}
			b := data.Now[i]
			if b.AsOf == nil || *b.AsOf != "2025-11-27" {
				t.Errorf("asOf %v, want 2025-11-27", b.AsOf)
			}
			j := slices.IndexFunc(b.Evidence, func(e struct {
				ID        string
				Date      *string
				Claimant  *struct{ ID string }
				Citations []struct {
					Source struct{ ID string }
					Quote  *string
				}
			}) bool {
				return e.ID == "putin-fighting-stops-if-ukraine-withdraws"
			})
			if j < 0 {
				t.Fatalf("evidence %+v, want Putin's words of 27 November", b.Evidence)
			}
			e := b.Evidence[j]
			if e.Claimant == nil || e.Claimant.ID != "vladimir-putin" || e.Date == nil || *e.Date != "2025-11-27" {
				t.Errorf("evidence %+v, want Putin's claim of 2025-11-27", e)
			}
			quoted := false
			for _, c := range e.Citations {
				quoted = quoted || c.Quote != nil && strings.Contains(*c.Quote, "demands Ukraine retreat")
			}
			if !quoted {
				t.Errorf("citations %+v, want the quote of s65c-hvylya", e.Citations)
			}
			for _, b := range data.Before {
				if b.Actor.ID == "vladimir-putin" {
					t.Error("Putin backs point 21 as of 26 November, before he spoke")
				}
			}
		})
	})
}

// TestStancesDoc checks that docs/stances.md lists every stance of the
// seeds with its evidence, as the seeds give it now.
func TestStancesDoc(t *testing.T) {
	raw, err := os.ReadFile(stancesDoc)
	if err != nil {
		t.Fatal(err)
	}
	head, _, ok := strings.Cut(string(raw), stancesMarker)
	if !ok {
		t.Fatalf("%s has lost its marker line %q", stancesDoc, stancesMarker)
	}
	want := head + stancesMarker + "\n" + renderStances(MustSeeds(t))
	if *updateStances {
		if err := os.WriteFile(stancesDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(raw) != want {
		t.Errorf("%s is stale: run make generate", stancesDoc)
	}
}

// renderStances writes the table of docs/stances.md: per target, each
// stance with the words of its evidence, so that a reader can check that
// the evidence supports the position.
func renderStances(d *peacegraph.Dataset) string {
	nodes := d.Nodes()
	name := func(id string) string {
		switch n := nodes[id].(type) {
		case *peacegraph.Point:
			return fmt.Sprintf("point %d of %s (%s)", n.Number, n.PlanID, n.Title)
		case nil:
			return id
		default:
			return n.Label()
		}
	}
	var b strings.Builder
	for i, s := range d.Stances {
		fmt.Fprintf(&b, "\n### %d. %s %s %s\n\n", i+1, name(s.ActorID), s.Position, name(s.TargetID))
		fmt.Fprintf(&b, "`%s` → `%s`", s.ActorID, s.TargetID)
		if s.AsOf != "" {
			fmt.Fprintf(&b, ", as of %s", s.AsOf)
		}
		b.WriteString(".")
		if s.Note != "" {
			fmt.Fprintf(&b, " %s", strings.Join(strings.Fields(s.Note), " "))
		}
		b.WriteString("\n\n")
		for _, id := range s.EvidenceIDs {
			c, _ := nodes[id].(*peacegraph.Claim)
			if c == nil {
				continue
			}
			who := "the outlet"
			if c.ClaimantID != "" {
				who = name(c.ClaimantID)
			}
			date := "undated"
			if c.Date != "" {
				date = string(c.Date)
			}
			fmt.Fprintf(&b, "- `%s` (%s, %s, %s): %s\n", c.ID, who, date, c.Certainty, strings.Join(strings.Fields(c.Text), " "))
			for _, ct := range c.Citations {
				src, _ := nodes[ct.SourceID].(*peacegraph.Source)
				where := ct.SourceID
				if src != nil && src.Publisher != "" {
					where = src.Publisher + ", `" + ct.SourceID + "`"
				}
				switch {
				case strings.HasPrefix(ct.Quote, "“"):
					fmt.Fprintf(&b, "  - %s: %s\n", where, ct.Quote)
				case ct.Quote != "":
					fmt.Fprintf(&b, "  - %s: “%s”\n", where, ct.Quote)
				default:
					fmt.Fprintf(&b, "  - %s: no quote on record (paraphrase)\n", where)
				}
			}
		}
	}
	return b.String()
}
