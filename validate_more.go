package peacegraph

import (
	"fmt"
)

// The rules of the record's later additions: republications, reviews,
// disputes and plan versions (docs/rules.md, docs/seed-format.md).

// republications checks that each republished report exists and that no
// chain of republications leads back to where it started.
func (v *validator) republications(sources []*Source) {
	for _, s := range sources {
		if s.Republishes == "" {
			continue
		}
		if !v.ref(s, "republishes", s.Republishes, KindSource) {
			continue
		}
		seen := map[string]bool{s.ID: true}
		for cur := s.Republishes; cur != ""; {
			if seen[cur] {
				v.add(s, "republishes", RuleCycle, "source %q republishes itself through a chain of republications", s.ID)
				break
			}
			seen[cur] = true
			next, ok := v.nodes[cur].(*Source)
			if !ok {
				break
			}
			cur = next.Republishes
		}
	}
}

func (v *validator) review(c *Claim, field string, r Review) {
	v.required(c, field+".reviewer", r.Reviewer)
	v.required(c, field+".rating", r.Rating)
	v.date(c, field+".date", r.Date)
	if r.RatingValue == 0 && r.BestRating == 0 && r.WorstRating == 0 {
		return
	}
	if r.BestRating == 0 {
		v.add(c, field+".best_rating", RuleRequired, "a numeric rating needs best_rating, the top of its scale")
		return
	}
	if r.WorstRating > r.RatingValue || r.RatingValue > r.BestRating {
		v.add(c, field+".rating_value", RuleBadNumber,
			"rating_value %d must lie between worst_rating %d and best_rating %d", r.RatingValue, r.WorstRating, r.BestRating)
	}
}

func (v *validator) dispute(d *Dispute) {
	v.required(d, "question", d.Question)
	for i, id := range d.AboutIDs {
		v.ref(d, fmt.Sprintf("about[%d]", i), id, KindActor, KindPoint, KindPlan)
	}
	if len(d.Sides) < 2 {
		v.add(d, "sides", RuleRequired, "a dispute needs at least two sides, it has %d", len(d.Sides))
	}
	for i, s := range d.Sides {
		field := fmt.Sprintf("sides[%d]", i)
		v.required(d, field+".label", s.Label)
		if len(s.ClaimIDs) == 0 {
			v.add(d, field+".claims", RuleRequired, "each side of a dispute needs at least one claim")
		}
		for j, id := range s.ClaimIDs {
			v.ref(d, fmt.Sprintf("%s.claims[%d]", field, j), id, KindClaim)
		}
	}
}

// versions checks what links a plan to the one it revises: a point amends
// a point of the revised plan, and the recorded changes name points of the
// revised plan, each at most once and never one that is also amended.
func (v *validator) versions(plans []*Plan, points []*Point) {
	plans2 := make(map[string]*Plan)
	for _, p := range plans {
		if _, ok := plans2[p.ID]; !ok {
			plans2[p.ID] = p
		}
	}
	amended := make(map[string]map[string]bool) // plan ID -> amended point IDs
	for _, pt := range points {
		if pt.Amends == "" {
			continue
		}
		target, ok := v.nodes[pt.Amends].(*Point)
		if !ok {
			continue // points() reported it
		}
		plan := plans2[pt.PlanID]
		switch {
		case plan == nil:
		case plan.Revises == "":
			v.add(pt, "amends", RuleUnknownReference,
				"point %q amends %q, but plan %q revises no plan (set revises on the plan)", pt.ID, pt.Amends, plan.ID)
		case target.PlanID != plan.Revises:
			v.add(pt, "amends", RuleUnknownReference,
				"%q is a point of plan %q, but plan %q revises %q", pt.Amends, target.PlanID, plan.ID, plan.Revises)
		default:
			if amended[plan.ID] == nil {
				amended[plan.ID] = make(map[string]bool)
			}
			amended[plan.ID][pt.Amends] = true
		}
	}
	for _, p := range plans {
		if p.Revises == "" && len(p.SeedChanges) > 0 {
			v.add(p, "changes", RuleUnknownReference, "only a plan that revises another records changes (set revises)")
			continue
		}
		seen := make(map[string]int)
		for i, c := range p.SeedChanges {
			field := fmt.Sprintf("changes[%d]", i)
			if !c.Status.validSeed() {
				v.add(p, field+".status", RuleBadEnum, "status %q is not one of KEPT, DROPPED, UNKNOWN (CHANGED and ADDED follow from the points' amends)", c.Status)
			}
			for j, id := range c.EvidenceIDs {
				v.ref(p, fmt.Sprintf("%s.evidence[%d]", field, j), id, KindClaim)
			}
			if !v.ref(p, field+".point", c.PointID, KindPoint) {
				continue
			}
			if pt := v.nodes[c.PointID].(*Point); pt.PlanID != p.Revises {
				v.add(p, field+".point", RuleUnknownReference, "%q is a point of plan %q, not of %q, the plan this one revises", c.PointID, pt.PlanID, p.Revises)
				continue
			}
			if prev, dup := seen[c.PointID]; dup {
				v.add(p, field+".point", RuleDuplicateID, "point %q already has a change (changes[%d])", c.PointID, prev)
				continue
			}
			seen[c.PointID] = i
			if amended[p.ID][c.PointID] && (c.Status == ChangeKept || c.Status == ChangeDropped) {
				v.add(p, field+".status", RuleConflict, "point %q is amended by a point of this plan, so it cannot be %s", c.PointID, c.Status)
			}
		}
	}
}
