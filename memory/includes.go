package memory

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// The nodes a request will ask for next (peacegraph.Includes) go to the
// caller's Related with the list that names them, as the Neo4j store
// reads them in the list's statement, so that both stores cost the API
// the same calls.

// relate adds the nodes of ids to the context's Related.
func (snap *snapshot) relate(ctx context.Context, w *work, ids []string) {
	r := peacegraph.RelatedFrom(ctx)
	if r == nil || len(ids) == 0 {
		return
	}
	w.add(len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if n, ok := snap.nodes[id]; ok && !seen[id] {
			seen[id] = true
			r.Add(n)
		}
	}
}

// relatePlan adds the plan of id, when id names one, to the context's
// Related (Includes.Plans).
func (snap *snapshot) relatePlan(ctx context.Context, w *work, id string) {
	if p, ok := snap.nodes[id].(*peacegraph.Plan); ok {
		snap.relate(ctx, w, []string{p.ID})
	}
}

// claimRefs are the claimants and cited sources of claims, as asked.
func claimRefs(inc peacegraph.Includes, claims []*peacegraph.Claim) []string {
	var ids []string
	for _, c := range claims {
		if inc.Claimants && c.ClaimantID != "" {
			ids = append(ids, c.ClaimantID)
		}
	}
	if inc.CitedSources {
		ids = append(ids, peacegraph.CitedSourceIDs(claims)...)
	}
	return ids
}

// pointRefs are the actors conceding points, as asked.
func pointRefs(inc peacegraph.Includes, points []*peacegraph.Point) []string {
	var ids []string
	if inc.ConcededBy {
		for _, p := range points {
			ids = append(ids, p.ConcededByIDs...)
		}
	}
	return ids
}

// stanceRefs are the actors of stances, as asked.
func stanceRefs(inc peacegraph.Includes, stances []*peacegraph.Stance) []string {
	var ids []string
	if inc.StanceActors {
		for _, s := range stances {
			ids = append(ids, s.ActorID)
		}
	}
	return ids
}
