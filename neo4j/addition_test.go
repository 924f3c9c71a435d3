package neo4j_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/synth"
)

// TestAdditionWritesWhatAWholeLoadWould adds generated articles one at a
// time to a generated record, each with peacegraph.Adding, which reads
// back only what the article touches. The oracle is the whole load: after
// every addition, a whole load of the union must find nothing to write
// (every unit's hash, derived facts included, is what it would have
// written), and at the end the graph must be, node for node and property
// for property, the graph of the union loaded from nothing. The articles
// are about the parties, the plans and the points of several replicas,
// revisions and amending points among them; some are made about a
// claimant and its affiliation, or about a point and not its plan, and
// some report a meeting of their claimants and a held actor, evidenced by
// their claims and a held one, two positions of a claimant on the plan,
// which contradict each other, and a new position of an actor that held
// others on it (varied), so that each rule of derived facts the addition
// follows is exercised apart.
func TestAdditionWritesWhatAWholeLoadWould(t *testing.T) {
	driver := MustDriver(t)
	cfg := synth.Config{Scale: 3, Seed: 7}
	union, err := synth.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := MustOpenEmpty(t)
	MustLoad(t, s, union)
	base := mustGenerate(t, cfg)
	for k := 1; k <= 9; k++ {
		article := varied(t, cfg, k, base)
		before := MustDump(t, driver)
		var added peacegraph.LoadReport
		if err := s.Load(t.Context(), addition(article), peacegraph.Adding(), peacegraph.ReportTo(&added)); err != nil {
			t.Fatalf("article %d: Load with Adding: %v", k, err)
		}
		if c, src := added.Kinds[peacegraph.KindClaim], added.Kinds[peacegraph.KindSource]; c == nil || c.Added != 10 || src == nil || src.Added != 1 || added.Removed() != 0 {
			t.Errorf("article %d: the addition reported %s, want 10 claims and a source added and nothing removed", k, added.String())
		}
		if slices.Equal(MustDump(t, driver), before) {
			t.Fatalf("article %d: the addition changed nothing in the graph", k)
		}
		article.AddTo(union)
		var whole peacegraph.LoadReport
		if err := s.Load(t.Context(), union, peacegraph.ReportTo(&whole)); err != nil {
			t.Fatalf("article %d: whole load after the addition: %v", k, err)
		}
		if !whole.Empty() || whole.Writes != 0 {
			t.Errorf("article %d: a whole load of the union after the addition would change %s (%d writes), want nothing: the addition left a unit as a whole load would not", k, whole.String(), whole.Writes)
		}
	}
	got := MustDump(t, driver)
	fresh, err := synth.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= 9; k++ {
		varied(t, cfg, k, base).AddTo(fresh)
	}
	MustLoad(t, MustOpenEmpty(t), fresh)
	if want := MustDump(t, driver); !slices.Equal(got, want) {
		t.Errorf("the graph after nine additions differs from the union loaded from nothing:\n%s", firstDiff(got, want))
	}
}

// TestAdditionRefusesWhatIsNoAddition checks that an addition that cannot
// be made as one is refused with ErrNotAddition and changes nothing: an
// article already held, one naming what the graph does not hold, one that
// brings an actor, and one into a graph without digests.
func TestAdditionRefusesWhatIsNoAddition(t *testing.T) {
	driver := MustDriver(t)
	cfg := synth.Config{Scale: 1, Seed: 3}
	base, err := synth.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := MustOpenEmpty(t)
	MustLoad(t, s, base)
	article, err := synth.NewArticle(cfg, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Load(t.Context(), addition(article), peacegraph.Adding()); err != nil {
		t.Fatalf("Load with Adding: %v", err)
	}
	held := MustDump(t, driver)
	refused := func(what string, d *peacegraph.Dataset) {
		t.Helper()
		err := s.Load(t.Context(), d, peacegraph.Adding())
		if !errors.Is(err, peacegraph.ErrNotAddition) {
			t.Errorf("%s: got %v, want ErrNotAddition", what, err)
		}
		if got := MustDump(t, driver); !slices.Equal(got, held) {
			t.Errorf("%s: the refused addition changed the graph:\n%s", what, firstDiff(got, held))
		}
	}
	refused("an article the graph holds", addition(article))
	second, _ := synth.NewArticle(cfg, 2)
	third, _ := synth.NewArticle(cfg, 3)
	unknown := addition(third)
	unknown.Claims[0].AboutIDs = []string{"nobody-at-all"}
	refused("a claim about nothing held", unknown)
	withActor := addition(second)
	withActor.Actors = []*peacegraph.Actor{{ID: "new-envoy", Name: "A New Envoy", Kind: peacegraph.ActorPerson}}
	refused("an actor", withActor)
	MustRun(t, driver, "MATCH (m:PeacegraphLoad) REMOVE m.buckets", nil)
	held = MustDump(t, driver)
	refused("a graph without digests", addition(second))
}

// varied is the k-th article, its claims made about other things by k:
// the claimant and the actor it is affiliated with (k%3 == 1), or the
// point alone and not its plan (k%3 == 2); or else (k%3 == 0) with a
// meeting of its claimants and of an actor of base whom no evidence
// names, evidenced by two of its claims and one of base, and with two
// stances of a claimant on the plan it is about, which it held none on
// in base: one backed by a claim of the article and one of base, the
// other by a claim of the same day, so that the positions rule makes the
// article's two claims contradict each other; and with a later position
// of an actor that held others on the plan (laterPosition).
func varied(t *testing.T, cfg synth.Config, k int, base *peacegraph.Dataset) *synth.Article {
	t.Helper()
	a, err := synth.NewArticle(cfg, k)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range a.Claims {
		switch {
		case k%3 == 1 && c.ClaimantID != "" && len(c.AboutIDs) > 1:
			c.AboutIDs = []string{c.ClaimantID, c.AboutIDs[1]}
		case k%3 == 2 && c.Certainty == peacegraph.Reported:
			c.AboutIDs = c.AboutIDs[:1]
		}
	}
	if k%3 == 0 {
		e := &peacegraph.Event{ID: fmt.Sprintf("%s-meeting", a.Source.ID), Title: "A meeting the article reports",
			Date: a.Claims[0].Date, Place: "Geneva", EvidenceIDs: []string{a.Claims[0].ID, a.Claims[1].ID, base.Claims[k].ID}}
		for _, c := range a.Claims {
			if c.ClaimantID != "" && !slices.Contains(e.ParticipantIDs, c.ClaimantID) {
				e.ParticipantIDs = append(e.ParticipantIDs, c.ClaimantID)
			}
		}
		e.ParticipantIDs = append(e.ParticipantIDs, base.Actors[k].ID)
		a.Events = []*peacegraph.Event{e}
		a.Stances = append(newPositions(t, a, base), laterPosition(t, a, base))
	}
	return a
}

// newPositions are two stances of a claimant of the article on the plan
// its first claim is about, which the claimant held none on in base: one
// backed by a claim of the article and an earlier one of base about the
// plan, the other by a claim of the article of the same day.
func newPositions(t *testing.T, a *synth.Article, base *peacegraph.Dataset) []*peacegraph.Stance {
	t.Helper()
	plan := a.Claims[0].AboutIDs[0]
	held := map[string]bool{}
	for _, st := range base.Stances {
		held[st.ActorID+"|"+st.TargetID] = true
	}
	var earlier string
	for _, c := range base.Claims {
		if slices.Contains(c.AboutIDs, plan) && c.Date != "" && c.Date < a.Claims[0].Date {
			earlier = c.ID
			break
		}
	}
	for _, c := range a.Claims {
		if c.ClaimantID == "" || !slices.Contains(c.AboutIDs, plan) || held[c.ClaimantID+"|"+plan] || earlier == "" {
			continue
		}
		for _, o := range a.Claims {
			if o != c && o.Date == c.Date && slices.Contains(o.AboutIDs, plan) {
				return []*peacegraph.Stance{
					{ActorID: c.ClaimantID, TargetID: plan, Position: peacegraph.Supports, EvidenceIDs: []string{c.ID, earlier}},
					{ActorID: c.ClaimantID, TargetID: plan, Position: peacegraph.Opposes, EvidenceIDs: []string{o.ID}},
				}
			}
		}
	}
	t.Fatalf("article %d: each of its claimants holds a stance on %s in the set already, or the set has no earlier claim about it", a.K, plan)
	return nil
}

// laterPosition is a stance, backed by a claim of the article, of an actor
// of base on the plan the article's first claim is about, in a position
// the actor did not hold on it, dated on no day of the actor's evidence on
// the plan (so that no held claim contradicts it): whichever of the
// actor's stances were current are current no longer, or share it.
func laterPosition(t *testing.T, a *synth.Article, base *peacegraph.Dataset) *peacegraph.Stance {
	t.Helper()
	plan := a.Claims[0].AboutIDs[0]
	dates := map[string]peacegraph.Date{}
	for _, c := range base.Claims {
		dates[c.ID] = c.Date
	}
	held := map[string]map[peacegraph.Position]bool{}
	days := map[string]map[peacegraph.Date]bool{}
	var actors []string
	for _, st := range base.Stances {
		if st.TargetID != plan {
			continue
		}
		if held[st.ActorID] == nil {
			held[st.ActorID], days[st.ActorID] = map[peacegraph.Position]bool{}, map[peacegraph.Date]bool{}
			actors = append(actors, st.ActorID)
		}
		held[st.ActorID][st.Position] = true
		for _, id := range st.EvidenceIDs {
			days[st.ActorID][dates[id]] = true
		}
	}
	// Articles start at different actors, so that one does not add the
	// stance another added.
	for i := range actors {
		actor := actors[(i+a.K)%len(actors)]
		for _, pos := range []peacegraph.Position{peacegraph.Supports, peacegraph.Opposes, peacegraph.Conditional, peacegraph.Undecided} {
			if held[actor][pos] {
				continue
			}
			for _, c := range a.Claims {
				if slices.Contains(c.AboutIDs, plan) && !days[actor][c.Date] {
					return &peacegraph.Stance{ActorID: actor, TargetID: plan, Position: pos, EvidenceIDs: []string{c.ID}}
				}
			}
		}
	}
	t.Fatalf("article %d: no actor of the set holds a stance on %s that a claim of the article could add to", a.K, plan)
	return nil
}

// addition is the article's source, claims, events and stances, as the
// files it adds read.
func addition(a *synth.Article) *peacegraph.Dataset {
	d := &peacegraph.Dataset{}
	a.AddTo(d)
	return d
}
