package memory

import (
	"slices"

	"github.com/peacegraph/peacegraph"
)

// cloneDataset copies d deeply: the store keeps no pointer or slice the
// caller can reach. origin maps each copied value back to the caller's, so
// that problems found in the copy can name the caller's values.
func cloneDataset(d *peacegraph.Dataset) (c *peacegraph.Dataset, origin map[any]any) {
	origin = make(map[any]any)
	return &peacegraph.Dataset{
		Actors:  cloneAll(d.Actors, cloneActor, origin),
		Plans:   cloneAll(d.Plans, clonePlan, origin),
		Points:  cloneAll(d.Points, clonePoint, origin),
		Claims:  cloneAll(d.Claims, cloneClaim, origin),
		Sources: cloneAll(d.Sources, cloneSource, origin),
		Stances: cloneAll(d.Stances, cloneStance, origin),
		Events:  cloneAll(d.Events, cloneEvent, origin),
	}, origin
}

// cloneAll copies each element with clone. Nil elements are dropped: they
// hold nothing to load, and validation expects none.
func cloneAll[T any](xs []*T, clone func(T) *T, origin map[any]any) []*T {
	out := make([]*T, 0, len(xs))
	for _, x := range xs {
		if x != nil {
			c := clone(*x)
			origin[c] = x
			out = append(out, c)
		}
	}
	return out
}

func cloneActor(a peacegraph.Actor) *peacegraph.Actor {
	a.Aliases = slices.Clone(a.Aliases)
	a.Affiliations = slices.Clone(a.Affiliations)
	return &a
}

func clonePlan(p peacegraph.Plan) *peacegraph.Plan {
	p.AuthorIDs = slices.Clone(p.AuthorIDs)
	return &p
}

func clonePoint(p peacegraph.Point) *peacegraph.Point {
	p.ConcededByIDs = slices.Clone(p.ConcededByIDs)
	p.SourceIDs = slices.Clone(p.SourceIDs)
	return &p
}

func cloneClaim(c peacegraph.Claim) *peacegraph.Claim {
	c.AboutIDs = slices.Clone(c.AboutIDs)
	c.Citations = slices.Clone(c.Citations)
	c.Contradicts = slices.Clone(c.Contradicts)
	return &c
}

func cloneSource(s peacegraph.Source) *peacegraph.Source { return &s }

func cloneStance(s peacegraph.Stance) *peacegraph.Stance {
	s.EvidenceIDs = slices.Clone(s.EvidenceIDs)
	return &s
}

func cloneEvent(e peacegraph.Event) *peacegraph.Event {
	e.ParticipantIDs = slices.Clone(e.ParticipantIDs)
	e.EvidenceIDs = slices.Clone(e.EvidenceIDs)
	return &e
}
