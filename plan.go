package peacegraph

import "sort"

// Plan is one version of a peace plan. Later versions are plans of their
// own that name the plan they revise; a companion document (a draft, annex
// or framework published alongside a plan, not a version of it) is a plan
// of its own that names the plan it accompanies.
type Plan struct {
	ID    string
	Title string
	// Summary is a neutral paraphrase of what the plan is and how it
	// became known.
	Summary string
	// Date is when this version was first reported or published.
	Date Date
	// AuthorIDs are the actors who drafted or put forward the plan.
	AuthorIDs []string
	// Revises is the ID of the plan this one revises, or "".
	Revises string
	// Accompanies is the ID of the plan this document accompanies, or "".
	// A companion is not a version: it revises nothing, so it has no
	// changes and its points amend nothing, and it is never the default
	// plan. The plan it accompanies accompanies nothing itself, so a
	// companion always leads to a plan of its own in one step.
	Accompanies string
	// Seq is the plan's position in load order; the plan with the lowest
	// Seq among those that accompany nothing is the default plan that
	// queries without a plan argument use (DefaultPlan).
	Seq int
	// SeedChanges are what the seeds record of the fate of the revised
	// plan's points (KEPT, DROPPED or UNKNOWN, with evidence); only a
	// plan that revises another has them.
	SeedChanges []PointChange
	// Changes is, for a plan that revises another, the fate of each point
	// of the revised plan in number order, then the points this plan
	// adds; Complete derives it (docs/rules.md).
	Changes []PointChange
}

// NodeID implements Node.
func (p *Plan) NodeID() string { return p.ID }

// NodeKind implements Node.
func (p *Plan) NodeKind() Kind { return KindPlan }

// Label implements Node.
func (p *Plan) Label() string { return p.Title }

// DefaultPlan is the plan meant where a question names none: the first
// loaded (the lowest Seq) of plans in load order that accompanies no
// other, or nil when there is none. A companion is skipped because it is
// not a plan of its own: a question about "the plan" means the plan it
// accompanies, wherever the seed files happen to put the companion in
// load order. A valid dataset with plans always has one, since the plan a
// companion accompanies accompanies nothing.
func DefaultPlan(plans []*Plan) *Plan {
	for _, p := range plans {
		if p.Accompanies == "" {
			return p
		}
	}
	return nil
}

// Amendments maps each point that points amend to the points that amend
// it, by the load order of their plans (their order in plans), then
// number.
func Amendments(plans []*Plan, points []*Point) map[string][]*Point {
	seq := make(map[string]int, len(plans))
	for i, p := range plans {
		seq[p.ID] = i
	}
	by := make(map[string][]*Point)
	for _, p := range points {
		if p.Amends != "" {
			by[p.Amends] = append(by[p.Amends], p)
		}
	}
	for _, list := range by {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := list[i], list[j]
			if seq[a.PlanID] != seq[b.PlanID] {
				return seq[a.PlanID] < seq[b.PlanID]
			}
			return a.Number < b.Number
		})
	}
	return by
}

// NoPlanError is the error for a plan ID that names no plan; for "" (the
// default plan), that no plan is loaded.
func NoPlanError(id string) *Error {
	if id == "" {
		return FieldErrorf(ENOTFOUND, "plan", "no plan is loaded")
	}
	return FieldErrorf(ENOTFOUND, "plan", "no plan %q", id)
}

// NoPointError is the error for a number that no point of the plan of
// planID has.
func NoPointError(planID string, number int) *Error {
	return FieldErrorf(ENOTFOUND, "number", "plan %q has no point %d", planID, number)
}

// PointNumber names a point by its plan and number, as the API's
// arguments do: Plan "" is the default plan.
type PointNumber struct {
	Plan   string
	Number int
}

// Point is one numbered point of a plan.
type Point struct {
	ID     string
	PlanID string
	Number int
	Title  string
	// Summary is a neutral paraphrase, in the project's own words.
	Summary string
	// Topic is a lower-case slug such as "territory" or "military".
	Topic string
	// Concession is true when the point requires a party to give
	// something up; ConcededBy names those parties.
	Concession    bool
	ConcededByIDs []string
	// SourceIDs are the published reports that carry the point's text.
	SourceIDs []string
	// Amends is the ID of the point of an earlier plan this point
	// changes, or "".
	Amends string
}

// NodeID implements Node.
func (p *Point) NodeID() string { return p.ID }

// NodeKind implements Node.
func (p *Point) NodeKind() Kind { return KindPoint }

// Label implements Node.
func (p *Point) Label() string { return p.Title }

// PointFilter narrows the points of a plan. Nil fields match everything.
type PointFilter struct {
	Topic      *string
	Concession *bool
}

// Match reports whether p passes the filter.
func (f PointFilter) Match(p *Point) bool {
	if f.Topic != nil && p.Topic != *f.Topic {
		return false
	}
	if f.Concession != nil && p.Concession != *f.Concession {
		return false
	}
	return true
}
