package graph

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// WithChangeLimits sets the limits of the changes query (days and entries
// per request); fields left zero keep their defaults
// (peacegraph.DefaultChangeLimits).
func WithChangeLimits(l peacegraph.ChangeLimits) Option {
	return func(o *options) { o.changes = l }
}

// listChanges answers changes(since:, until:) from the Store. The claims
// of each day are the evidence of its other entries: they are kept for the
// places below, which then read no claim again.
func listChanges(ctx context.Context, r *Resolver, since, until peacegraph.Date) ([]*peacegraph.ChangeDay, error) {
	days, err := r.Store.Changes(ctx, peacegraph.ChangeQuery{Since: since, Until: until, Limits: r.ChangeLimits})
	if err != nil {
		return nil, err
	}
	if days == nil {
		days = []*peacegraph.ChangeDay{}
	}
	if req, err := requestFor(ctx); err == nil {
		for _, d := range days {
			remember(req, req.fieldPlace(ctx), d.Claims)
		}
	}
	return days, nil
}
