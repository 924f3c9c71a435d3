package storetest

import (
	"errors"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// testLoadAddition loads Fixture, then adds a day's reporting to it with
// peacegraph.Adding (AdditionFixture): every read must answer as after a
// load of the union. The claims added are about what derived facts hang
// on (a revision's amending point, an envoy and her government, a plan
// and its author) and cite a new source that republishes a held one and
// a held source with a stored text; an event they report has held
// participants, each named by an added claim, a held one or neither; one
// of them is the evidence of a stance of an actor on a point it held none
// on, and another of a later position of an actor on a point it held two
// on, which are current no longer. An addition the store holds already,
// one that names what it does not hold, one that brings more than
// sources, claims, events and stances, a second stance of one position of
// an actor on a target, one whose claim is about something else, and
// stances that make a held claim contradict another are refused with
// ErrNotAddition, changing nothing, and so is one that breaks a rule of
// the record.
func testLoadAddition(t *testing.T, s peacegraph.Store) {
	union := Fixture()
	added := AdditionFixture()
	union.Extend(added)
	MustLoad(t, s, union)
	whole := fingerprint(t, s)

	MustLoad(t, s, Fixture())
	var r peacegraph.LoadReport
	if err := s.Load(t.Context(), AdditionFixture(), peacegraph.Adding(), peacegraph.ReportTo(&r)); err != nil {
		t.Fatalf("Load with Adding: %v", err)
	}
	if c, e, st := r.Kinds[peacegraph.KindClaim], r.Kinds[peacegraph.KindEvent], r.Kinds[peacegraph.KindStance]; c == nil || c.Added != len(added.Claims) ||
		e == nil || e.Added != len(added.Events) || st == nil || st.Added != len(added.Stances) || r.Removed() != 0 {
		t.Errorf("the addition reported %s, want %d claims, %d events and %d stances added and nothing removed",
			r.String(), len(added.Claims), len(added.Events), len(added.Stances))
	}
	wantSameAnswers(t, "adding the day's reporting, instead of loading it with the rest,", whole, fingerprint(t, s))

	refused := func(what string, d *peacegraph.Dataset) {
		t.Helper()
		if err := s.Load(t.Context(), d, peacegraph.Adding()); !errors.Is(err, peacegraph.ErrNotAddition) {
			t.Errorf("%s: got %v, want ErrNotAddition", what, err)
		}
		wantSameAnswers(t, what, whole, fingerprint(t, s))
	}
	refused("adding what the store holds", AdditionFixture())
	unknown := renamed(AdditionFixture())
	unknown.Claims[0].AboutIDs = []string{"no-such-node"}
	refused("adding a claim about nothing held", unknown)
	actor := renamed(AdditionFixture())
	actor.Actors = []*peacegraph.Actor{{ID: "new-envoy", Name: "A New Envoy", Kind: peacegraph.ActorPerson}}
	refused("adding an actor", actor)
	stranger := renamed(AdditionFixture())
	stranger.Events[0].ParticipantIDs = append(stranger.Events[0].ParticipantIDs, "no-such-envoy")
	refused("adding an event with a participant nobody holds", stranger)
	again := renamed(AdditionFixture())
	again.Stances = []*peacegraph.Stance{{ActorID: "carol-leader", TargetID: "peace-plan-2", Position: peacegraph.Opposes,
		EvidenceIDs: []string{"c-accept"}}}
	refused("adding a second OPPOSES stance of an actor on a point", again)
	// A stance's problem is its actor's, which the store holds; it is
	// refused all the same.
	offTarget := renamed(AdditionFixture())
	offTarget.Stances = []*peacegraph.Stance{{ActorID: "north-alliance", TargetID: "peace-plan-3", Position: peacegraph.Supports,
		EvidenceIDs: []string{"c-heard"}}}
	refused("adding a stance whose claim is not about its target", offTarget)
	// The positions rule joins evidence of two positions of one actor on
	// one target dated the same day: here an added claim and a held one.
	joined := renamed(AdditionFixture())
	joined.Claims[0].AboutIDs, joined.Claims[0].Date = []string{"peace-plan-2"}, "2025-11-21"
	joined.Stances = []*peacegraph.Stance{
		{ActorID: "red-state", TargetID: "peace-plan-2", Position: peacegraph.Supports, EvidenceIDs: []string{joined.Claims[0].ID}},
		{ActorID: "red-state", TargetID: "peace-plan-2", Position: peacegraph.Opposes, EvidenceIDs: []string{"c-reject"}},
	}
	refused("adding stances that make a held claim contradict an added one", joined)
	contra := renamed(AdditionFixture())
	contra.Claims[0].Denies = []string{"c-leak"}
	refused("adding a denial of a held claim", contra)
	// Found only once the part of the record it touches is read and
	// derived again, which must leave what the store holds untouched.
	misquote := renamed(AdditionFixture())
	misquote.Claims[2].Citations[0].Quote = "words the article never printed"
	refused("adding a quote that is not in its source", misquote)
}

// AdditionFixture is a day's reporting to add to Fixture: a source that
// republishes one Fixture holds, claims citing it and a held source, an
// event that they and a held claim report, a stance of the North Alliance
// on the revised plan's army cap, which it held none on, and a later one
// of Carol Cruz on the first plan's, which she held two on.
func AdditionFixture() *peacegraph.Dataset {
	return &peacegraph.Dataset{
		Sources: []*peacegraph.Source{
			{ID: "wire-copy", Title: "Wire copy of the leak", Publisher: "Evening Wire", Published: "2025-11-24",
				Republishes: "report-daily", Text: "Officials said the army cap was raised to 800,000.\nAlice Arden spoke for Blueland."},
		},
		Claims: []*peacegraph.Claim{
			{ID: "c-cap-raised", Text: "Officials said the revised plan raises the army cap.",
				AboutIDs: []string{"revised-2"}, Certainty: peacegraph.Reported, Date: "2025-11-24",
				Citations: []peacegraph.Citation{{SourceID: "wire-copy", Quote: "the army cap was raised to 800,000."}}},
			{ID: "c-spoke", Text: "Alice Arden spoke for Blueland.", ClaimantID: "alice-envoy",
				AboutIDs: []string{"alice-envoy", "blue-state"}, Certainty: peacegraph.Stated, Date: "2025-11-24",
				Citations: []peacegraph.Citation{{SourceID: "wire-copy", Quote: "Alice Arden spoke for Blueland."}}},
			{ID: "c-fair-again", Text: "Alice Arden says her plan is fair.",
				AboutIDs: []string{"peace-plan", "alice-envoy"}, Certainty: peacegraph.Stated, Date: "2025-11-21",
				Citations: []peacegraph.Citation{{SourceID: "article-full", Quote: "is fair to everyone."}}},
			{ID: "c-cap-doubt", Text: "Carol Cruz now makes the raised army cap a condition.", ClaimantID: "carol-leader",
				AboutIDs: []string{"peace-plan-2", "carol-leader"}, Certainty: peacegraph.Stated, Date: "2025-11-25",
				Citations: []peacegraph.Citation{{SourceID: "wire-copy", Quote: "the army cap was raised to 800,000."}}},
		},
		Events: []*peacegraph.Event{
			{ID: "ev-briefing", Title: "Briefing on the wire copy", Date: "2025-11-24", Place: "Geneva",
				ParticipantIDs: []string{"alice-envoy", "bob-minister", "carol-leader"}, EvidenceIDs: []string{"c-spoke", "c-heard"}},
		},
		Stances: []*peacegraph.Stance{
			{ActorID: "north-alliance", TargetID: "revised-2", Position: peacegraph.Supports, EvidenceIDs: []string{"c-cap-raised"}},
			{ActorID: "carol-leader", TargetID: "peace-plan-2", Position: peacegraph.Conditional, EvidenceIDs: []string{"c-cap-doubt"}},
		},
	}
}

// renamed gives an addition's entities IDs no store holds. It drops the
// stances, whose pairs the store holds once the addition is made.
func renamed(d *peacegraph.Dataset) *peacegraph.Dataset {
	d.Stances = nil
	for _, src := range d.Sources {
		src.ID += "-new"
	}
	added := map[string]bool{}
	for _, c := range d.Claims {
		added[c.ID] = true
		c.ID += "-new"
		for i := range c.Citations {
			if c.Citations[i].SourceID == "wire-copy" {
				c.Citations[i].SourceID += "-new"
			}
		}
	}
	for _, e := range d.Events {
		e.ID += "-new"
		for i, id := range e.EvidenceIDs {
			if added[id] {
				e.EvidenceIDs[i] += "-new"
			}
		}
	}
	return d
}
