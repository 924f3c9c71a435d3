package peacegraph

import (
	"slices"
)

// CloneDataset copies d deeply, so that the copy can be completed, or the
// original changed, without the other changing: the memory store keeps no
// pointer or slice its caller can reach, and an addition completes no
// value a store handed out. origin maps each copied value back to d's, so
// that problems found in the copy can name d's values.
func CloneDataset(d *Dataset) (c *Dataset, origin map[any]any) {
	origin = make(map[any]any)
	return &Dataset{
		Actors:   cloneAll(d.Actors, cloneActor, origin),
		Plans:    cloneAll(d.Plans, clonePlan, origin),
		Points:   cloneAll(d.Points, clonePoint, origin),
		Claims:   cloneAll(d.Claims, cloneClaim, origin),
		Sources:  cloneAll(d.Sources, cloneSource, origin),
		Stances:  cloneAll(d.Stances, cloneStance, origin),
		Events:   cloneAll(d.Events, cloneEvent, origin),
		Disputes: cloneAll(d.Disputes, cloneDispute, origin),
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

func cloneActor(a Actor) *Actor {
	a.Aliases = slices.Clone(a.Aliases)
	a.Affiliations = slices.Clone(a.Affiliations)
	return &a
}

func clonePlan(p Plan) *Plan {
	p.AuthorIDs = slices.Clone(p.AuthorIDs)
	p.SeedChanges = cloneChanges(p.SeedChanges)
	p.Changes = cloneChanges(p.Changes)
	return &p
}

func clonePoint(p Point) *Point {
	p.ConcededByIDs = slices.Clone(p.ConcededByIDs)
	p.SourceIDs = slices.Clone(p.SourceIDs)
	return &p
}

func cloneClaim(c Claim) *Claim {
	c.AboutIDs = slices.Clone(c.AboutIDs)
	c.Citations = slices.Clone(c.Citations)
	c.Contradicts = slices.Clone(c.Contradicts)
	c.Denies = slices.Clone(c.Denies)
	c.Reviews = slices.Clone(c.Reviews)
	if c.ContradictionRules != nil {
		rules := make(map[string][]string, len(c.ContradictionRules))
		for k, v := range c.ContradictionRules {
			rules[k] = slices.Clone(v)
		}
		c.ContradictionRules = rules
	}
	return &c
}

func cloneSource(s Source) *Source { return &s }

func cloneStance(s Stance) *Stance {
	s.EvidenceIDs = slices.Clone(s.EvidenceIDs)
	s.EvidenceDates = slices.Clone(s.EvidenceDates)
	return &s
}

func cloneEvent(e Event) *Event {
	e.ParticipantIDs = slices.Clone(e.ParticipantIDs)
	e.EvidenceIDs = slices.Clone(e.EvidenceIDs)
	return &e
}

func cloneChanges(cs []PointChange) []PointChange {
	if cs == nil {
		return nil
	}
	out := make([]PointChange, len(cs))
	for i, c := range cs {
		c.RevisedIDs = slices.Clone(c.RevisedIDs)
		c.EvidenceIDs = slices.Clone(c.EvidenceIDs)
		out[i] = c
	}
	return out
}

func cloneDispute(d Dispute) *Dispute {
	d.AboutIDs = slices.Clone(d.AboutIDs)
	d.Sides = slices.Clone(d.Sides)
	for i := range d.Sides {
		d.Sides[i].ClaimIDs = slices.Clone(d.Sides[i].ClaimIDs)
	}
	return &d
}
