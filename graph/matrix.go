package graph

import (
	"context"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/graph/model"
)

// stanceMatrix lays out a plan's effective stances as of a date ("" = no
// limit): the plan ("" = the default plan), its points, and the stances on
// them in one Store call, the layout itself by the root's rules so both
// stores give the same table.
func stanceMatrix(ctx context.Context, store peacegraph.Store, planID *string, asOf peacegraph.Date) (*model.StanceMatrix, error) {
	plan, err := planOrDefault(ctx, planID)
	if err != nil {
		return nil, err
	}
	lists, err := pointsOf(ctx, []string{plan.ID}, nil, nil)
	if err != nil {
		return nil, err
	}
	points := lists[0]
	targets := map[string]peacegraph.Node{plan.ID: plan}
	ids := []string{plan.ID}
	for _, p := range points {
		targets[p.ID] = p
		ids = append(ids, p.ID)
	}
	stances, err := store.Stances(ctx, peacegraph.StanceFilter{TargetIDs: ids, AsOf: asOf})
	if err != nil {
		return nil, err
	}
	var actorIDs []string
	seen := map[string]bool{}
	for _, s := range stances {
		if !seen[s.ActorID] {
			seen[s.ActorID] = true
			actorIDs = append(actorIDs, s.ActorID)
		}
	}
	list, err := loadAllAs[*peacegraph.Actor](ctx, actorIDs)
	if err != nil {
		return nil, err
	}
	actors := make(map[string]*peacegraph.Actor, len(list))
	for _, a := range list {
		actors[a.ID] = a
	}

	m := peacegraph.BuildStanceMatrix(plan, points, stances, actors)
	out := &model.StanceMatrix{
		Plan:    plan,
		Actors:  make([]*peacegraph.Actor, 0, len(m.ActorIDs)),
		Targets: make([]peacegraph.Node, 0, len(m.TargetIDs)),
		Cells:   make([]*peacegraph.StanceCell, len(m.Cells)),
	}
	for _, id := range m.ActorIDs {
		if a := actors[id]; a != nil {
			out.Actors = append(out.Actors, a)
		}
	}
	for _, id := range m.TargetIDs {
		out.Targets = append(out.Targets, targets[id])
	}
	for i := range m.Cells {
		out.Cells[i] = &m.Cells[i]
	}
	return out, nil
}

// planOrDefault returns the plan of id, or the default plan (the first
// loaded) when id is nil; NOT_FOUND when there is none.
func planOrDefault(ctx context.Context, id *string) (*peacegraph.Plan, error) {
	if id != nil {
		p, err := loadAs[*peacegraph.Plan](ctx, *id)
		if err != nil {
			return nil, err
		}
		if p == nil {
			return nil, peacegraph.NoPlanError(*id)
		}
		return p, nil
	}
	p, err := defaultPlan(ctx)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, peacegraph.NoPlanError("")
	}
	return p, nil
}
