package graph

import (
	"github.com/peacegraph/peacegraph"
)

// ComplexityLimit is the default of Limits.Cost, the most a request may
// cost (querycost.go computes it). A field costs 1 plus
// what it selects; a list multiplies what it selects by the number of
// items it can return: `first` for connections, and for plain lists a
// generous estimate of their length in a real graph. The limit lets
// through a page of 100 actors with 20 claims each, their citations and
// sources, beside a plan's points with their stances, actors, events and
// participants; it stops queries that nest connections three deep.
const ComplexityLimit = 200000

// Estimated lengths of the lists that are not paginated.
const (
	fewItems  = 3   // authors, affiliations, citations, evidence, sources of a point
	someItems = 10  // stances on a target or of an actor, members, events, participants
	planItems = 30  // points of a plan
	allItems  = 100 // top-level lists: sources, events, search hits
)

func times(n int) func(int) int {
	return func(child int) int { return addCost(1, scaleCost(n, child)) }
}

// scaleCost is n times child, saturating instead of overflowing: a query
// whose cost does not fit an int is refused, never let through as a
// negative number.
func scaleCost(n, child int) int {
	if n <= 0 || child <= 0 {
		return 0
	}
	if child > int(^uint(0)>>1)/n {
		return int(^uint(0) >> 1)
	}
	return n * child
}

// pageCost is a connection's cost: `first` items (capped, so that an
// over-large `first` is reported as BAD_USER_INPUT by the resolver rather
// than as a too complex query).
func pageCost(child int, first *int, def int) int {
	n := def
	if first != nil {
		n = min(max(*first, 0), MaxFirst)
	}
	return addCost(1, scaleCost(n, child))
}

func connectionCost(child int, first *int, _ *string) int {
	return pageCost(child, first, DefaultFirst)
}

func stancesCost(child int, _ *peacegraph.Position, _ *peacegraph.Date) int {
	return times(someItems)(child)
}

// complexity returns the cost functions of every list field; changeDays
// is the most days a changes query may span (ChangeLimits.Days).
func complexity(changeDays int) ComplexityRoot {
	var c ComplexityRoot
	c.Actor.Affiliations = times(fewItems)
	c.Actor.Members = times(someItems)
	c.Actor.Stances = stancesCost
	c.Actor.Claims = connectionCost
	c.Actor.MentionedIn = connectionCost
	c.Actor.Events = times(someItems)
	c.Actor.Aliases = times(fewItems)
	c.Actor.StanceHistory = func(child int, _ string) int { return times(someItems)(child) }

	c.Plan.Authors = times(fewItems)
	c.Plan.Points = func(child int, _ *string, _ *bool) int { return times(planItems)(child) }
	c.Plan.Stances = stancesCost
	c.Plan.Revisions = times(fewItems)
	c.Plan.Companions = times(fewItems)
	c.Plan.Changes = times(planItems)

	c.Point.ConcededBy = times(fewItems)
	c.Point.Stances = stancesCost
	c.Point.Claims = connectionCost
	c.Point.Sources = times(fewItems)
	c.Point.AmendedBy = times(fewItems)

	c.Stance.Evidence = times(fewItems)

	c.Claim.About = times(fewItems)
	c.Claim.Citations = times(fewItems)
	c.Claim.ContradictedBy = times(fewItems)
	c.Claim.Denies = times(fewItems)
	c.Claim.Reviews = times(fewItems)

	c.Source.Claims = connectionCost

	c.Event.Participants = times(someItems)
	c.Event.Evidence = times(fewItems)

	c.GraphView.Nodes = times(allItems)
	c.GraphView.Edges = times(2 * allItems)
	c.GraphEdge.Evidence = times(fewItems)

	c.PathStep.Evidence = times(fewItems)
	c.StancePeriod.Evidence = times(fewItems)

	c.Dispute.About = times(fewItems)
	c.Dispute.Sides = times(fewItems)
	c.DisputeSide.Claims = times(fewItems)
	c.DisputeSide.Sources = times(fewItems)

	c.PointChange.RevisedAs = times(fewItems)
	c.PointChange.Evidence = times(fewItems)

	c.ChangeDay.Claims = times(allItems)
	c.ChangeDay.Stances = times(someItems)
	c.ChangeDay.DisputeSides = times(fewItems)
	c.ChangeDay.Plans = times(fewItems)
	c.StanceChange.Previous = times(fewItems)
	c.StanceChange.Evidence = times(fewItems)
	c.DisputeSideChange.Evidence = times(fewItems)
	c.PlanVersionChange.Evidence = times(someItems)

	c.StanceMatrix.Actors = times(allItems)
	c.StanceMatrix.Targets = times(planItems)
	c.StanceMatrix.Cells = times(allItems)

	c.Query.Actors = func(child int, _ *peacegraph.ActorKind, first *int, _ *string) int {
		return pageCost(child, first, DefaultFirst)
	}
	c.Query.Claims = func(child int, _ *peacegraph.ClaimFilter, first *int, _ *string) int {
		return pageCost(child, first, DefaultFirst)
	}
	c.Query.Plans = times(fewItems)
	c.Query.Points = func(child int, _, _ *string, _ *bool) int { return times(planItems)(child) }
	c.Query.Concessions = func(child int, _ *string, _ *peacegraph.Date) int { return times(planItems)(child) }
	c.Query.WhoBacks = func(child int, _ int, _ *string, _ *peacegraph.Position, _ *peacegraph.Date) int {
		return times(someItems)(child)
	}
	c.Query.Disputes = func(child int, _ *string) int { return times(someItems)(child) }
	// The days of a request are at most the days limit.
	c.Query.Changes = func(child int, _ peacegraph.Date, _ *peacegraph.Date) int {
		return times(changeDays)(child)
	}
	c.Query.Sources = times(allItems)
	c.Query.Events = func(child int, _, _ *peacegraph.Date) int { return times(allItems)(child) }
	c.Query.Search = func(child int, _ string, first *int) int { return pageCost(child, first, 20) }
	c.Query.SearchHits = func(child int, _ string, first *int) int { return pageCost(child, first, 20) }
	// A view's lists are estimated at the default node cap; a larger cap
	// costs proportionally more.
	c.Query.Graph = func(child int, _ string, _ *int, _ []string, maxNodes *int) int {
		n := DefaultMaxNodes
		if maxNodes != nil {
			n = min(max(*maxNodes, 1), MaxNodes)
		}
		return addCost(1, scaleCost(max(1, n/DefaultMaxNodes), child))
	}
	c.Query.Path = func(child int, _, _ string, maxHops *int) int {
		n := 4
		if maxHops != nil {
			n = min(max(*maxHops, 1), MaxHops)
		}
		return addCost(1, scaleCost(n, child))
	}
	return c
}
