package synth_test

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/synth"
)

// TestShape checks that a generated set exercises what the real record
// does: every kind of actor, plan change, certainty, contradiction rule,
// stance history, republication chain and review.
func TestShape(t *testing.T) {
	dir, _ := MustWrite(t, synth.Config{Scale: 2, Seed: 3})
	d := MustRead(t, dir)
	nodes := d.Nodes()

	t.Run("has actors of every kind, with affiliations", func(t *testing.T) {
		kinds := map[peacegraph.ActorKind]int{}
		affiliated := map[peacegraph.ActorKind]int{}
		for _, a := range d.Actors {
			kinds[a.Kind]++
			if len(a.Affiliations) > 0 {
				affiliated[a.Kind]++
			}
		}
		for _, k := range []peacegraph.ActorKind{peacegraph.ActorPerson, peacegraph.ActorGovernment, peacegraph.ActorOrganization} {
			if kinds[k] == 0 || affiliated[k] == 0 {
				t.Errorf("%s: %d actors, %d with affiliations; want some of each", k, kinds[k], affiliated[k])
			}
		}
	})

	t.Run("has every plan change", func(t *testing.T) {
		seen := map[peacegraph.ChangeStatus]int{}
		for _, p := range d.Plans {
			for _, c := range p.Changes {
				seen[c.Status]++
			}
		}
		for _, s := range []peacegraph.ChangeStatus{peacegraph.ChangeChanged, peacegraph.ChangeAdded, peacegraph.ChangeKept, peacegraph.ChangeDropped, peacegraph.ChangeUnknown} {
			if seen[s] == 0 {
				t.Errorf("no %s change in %v", s, seen)
			}
		}
	})

	t.Run("has a companion document per replica, loaded before its plan, with a claim about both", func(t *testing.T) {
		seq := map[string]int{}
		for _, p := range d.Plans {
			seq[p.ID] = p.Seq
		}
		about := map[[2]string]bool{}
		for _, c := range d.Claims {
			for _, a := range c.AboutIDs {
				for _, b := range c.AboutIDs {
					about[[2]string{a, b}] = true
				}
			}
		}
		companions := 0
		for _, p := range d.Plans {
			if p.Accompanies == "" {
				continue
			}
			companions++
			if seq[p.Accompanies] <= p.Seq || p.Revises != "" || len(p.Changes) > 0 {
				t.Errorf("companion %s (Seq %d) of %s (Seq %d): want it first, revising nothing", p.ID, p.Seq, p.Accompanies, seq[p.Accompanies])
			}
			if !about[[2]string{p.ID, p.Accompanies}] {
				t.Errorf("no claim is about both %s and %s", p.ID, p.Accompanies)
			}
		}
		if companions != 2 {
			t.Errorf("%d companions at scale 2, want 2", companions)
		}
		if p := peacegraph.DefaultPlan(d.Plans); p == nil || p.Accompanies != "" || p.Seq != 1 {
			t.Errorf("default plan %+v, want the first replica's main plan", p)
		}
	})

	t.Run("has points with concessions, topics and sources", func(t *testing.T) {
		topics := map[string]bool{}
		concessions := 0
		for _, pt := range d.Points {
			topics[pt.Topic] = true
			if pt.Concession && len(pt.ConcededByIDs) > 0 {
				concessions++
			}
			if len(pt.SourceIDs) == 0 {
				t.Errorf("point %s has no sources", pt.ID)
			}
		}
		if len(topics) < 10 || concessions == 0 {
			t.Errorf("%d topics, %d concessions; want 10 topics or more and some concessions", len(topics), concessions)
		}
	})

	t.Run("has sources of every sort, and a chain of republications", func(t *testing.T) {
		var text, publisher, url, published, retrieved, republished, chained int
		for _, s := range d.Sources {
			text += boolInt(s.Text != "")
			publisher += boolInt(s.Publisher != "")
			url += boolInt(s.URL != "")
			published += boolInt(s.Published != "")
			retrieved += boolInt(s.Retrieved != "")
			if s.Republishes != "" {
				republished++
				if nodes[s.Republishes].(*peacegraph.Source).Republishes != "" {
					chained++
				}
			}
		}
		for name, n := range map[string]int{"stored texts": text, "publishers": publisher, "URLs": url, "published dates": published,
			"retrieved dates": retrieved, "republications": republished, "copies of copies": chained} {
			if n == 0 {
				t.Errorf("no source has %s", name)
			}
		}
		if published == len(d.Sources) {
			t.Error("every source is dated; the record has undated pages too")
		}
	})

	t.Run("has claims of every certainty, dated over months, contradicting by every rule", func(t *testing.T) {
		certainties := map[peacegraph.Certainty]int{}
		rules := map[string]int{}
		about := map[peacegraph.Kind]int{}
		var undated, reviews, scaled, claimants int
		var first, last peacegraph.Date
		for _, c := range d.Claims {
			certainties[c.Certainty]++
			for _, rs := range c.ContradictionRules {
				for _, r := range rs {
					rules[r]++
				}
			}
			for _, id := range c.AboutIDs {
				about[nodes[id].NodeKind()]++
			}
			if c.Date == "" {
				undated++
			} else {
				if first == "" || c.Date < first {
					first = c.Date
				}
				last = peacegraph.MaxDate(last, c.Date)
			}
			for _, r := range c.Reviews {
				reviews++
				scaled += boolInt(r.BestRating > 0)
			}
			claimants += boolInt(c.ClaimantID != "")
		}
		for _, c := range []peacegraph.Certainty{peacegraph.Stated, peacegraph.Reported, peacegraph.Analysis, peacegraph.Denied} {
			if certainties[c] == 0 {
				t.Errorf("no %s claim", c)
			}
		}
		for _, r := range []string{peacegraph.ContradictionExplicit, peacegraph.ContradictionDenial, peacegraph.ContradictionPositions} {
			if rules[r] == 0 {
				t.Errorf("no contradiction by the %s rule", r)
			}
		}
		for _, k := range []peacegraph.Kind{peacegraph.KindActor, peacegraph.KindPoint, peacegraph.KindPlan} {
			if about[k] == 0 {
				t.Errorf("no claim is about a %s", k)
			}
		}
		if undated == 0 || reviews == 0 || scaled == 0 || claimants == 0 || claimants == len(d.Claims) {
			t.Errorf("%d undated, %d reviews (%d on a scale), %d of %d with a claimant; want some of each, and some without a claimant",
				undated, reviews, scaled, claimants, len(d.Claims))
		}
		if days := daysBetween(t, first, last); days < 120 {
			t.Errorf("claims dated from %s to %s, %d days; want them spread over months", first, last, days)
		}
	})

	t.Run("has stances that change over time, on plans and points", func(t *testing.T) {
		type pair struct{ actor, target string }
		dates := map[pair]map[peacegraph.Date]bool{}
		targets := map[peacegraph.Kind]int{}
		for _, s := range d.Stances {
			k := pair{s.ActorID, s.TargetID}
			if dates[k] == nil {
				dates[k] = map[peacegraph.Date]bool{}
			}
			dates[k][s.AsOf] = true
			targets[nodes[s.TargetID].NodeKind()]++
		}
		histories := 0
		for _, ds := range dates {
			if len(ds) >= 3 {
				histories++
			}
		}
		if histories == 0 {
			t.Error("no actor holds three positions on one target on different dates")
		}
		if targets[peacegraph.KindPlan] == 0 || targets[peacegraph.KindPoint] == 0 {
			t.Errorf("stances by target kind %v; want stances on plans and on points", targets)
		}
	})

	t.Run("has events with participants and evidence, disputes with sides", func(t *testing.T) {
		for _, e := range d.Events {
			if len(e.ParticipantIDs) == 0 || len(e.EvidenceIDs) == 0 {
				t.Errorf("event %s: %d participants, %d evidence", e.ID, len(e.ParticipantIDs), len(e.EvidenceIDs))
			}
		}
		for _, x := range d.Disputes {
			if len(x.Sides) < 2 {
				t.Errorf("dispute %s has %d sides", x.ID, len(x.Sides))
			}
		}
		if len(d.Events) == 0 || len(d.Disputes) == 0 {
			t.Errorf("%d events, %d disputes", len(d.Events), len(d.Disputes))
		}
	})
}

// TestReplicasAreConnected follows every reference of a set of three
// replicas from one actor and reaches every node: the set is one graph.
func TestReplicasAreConnected(t *testing.T) {
	d := MustGenerate(t, synth.Config{Scale: 3, Seed: 1})
	adj := map[string][]string{}
	link := func(a string, bs ...string) {
		for _, b := range bs {
			adj[a] = append(adj[a], b)
			adj[b] = append(adj[b], a)
		}
	}
	for _, a := range d.Actors {
		link(a.ID, a.AffiliationIDs()...)
	}
	for _, p := range d.Plans {
		link(p.ID, p.AuthorIDs...)
		if p.Revises != "" {
			link(p.ID, p.Revises)
		}
		if p.Accompanies != "" {
			link(p.ID, p.Accompanies)
		}
	}
	for _, pt := range d.Points {
		link(pt.ID, append(append([]string{pt.PlanID}, pt.ConcededByIDs...), pt.SourceIDs...)...)
	}
	for _, c := range d.Claims {
		link(c.ID, c.AboutIDs...)
		if c.ClaimantID != "" {
			link(c.ID, c.ClaimantID)
		}
		for _, ct := range c.Citations {
			link(c.ID, ct.SourceID)
		}
	}
	for _, s := range d.Sources {
		if s.Republishes != "" {
			link(s.ID, s.Republishes)
		}
	}
	for _, e := range d.Events {
		link(e.ID, append(e.ParticipantIDs, e.EvidenceIDs...)...)
	}
	for _, x := range d.Disputes {
		link(x.ID, append(x.AboutIDs, x.ClaimIDs()...)...)
	}
	seen := map[string]bool{d.Actors[0].ID: true}
	queue := []string{d.Actors[0].ID}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, n := range adj[id] {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	for id := range d.Nodes() {
		if !seen[id] {
			t.Errorf("%s cannot be reached from %s", id, d.Actors[0].ID)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func daysBetween(tb testing.TB, a, b peacegraph.Date) int {
	tb.Helper()
	ta, err1 := timeOf(a)
	tb2, err2 := timeOf(b)
	if err1 != nil || err2 != nil {
		tb.Fatalf("dates %q, %q: %v %v", a, b, err1, err2)
	}
	return int(tb2.Sub(ta).Hours() / 24)
}
