package peacegraph

// DefaultMaxRemoved is the share of what a store holds that a load may
// remove unless it is told to prune: a quarter. Loads of a record that
// grows remove little (an article taken back, a claim corrected); a load
// that would remove more is most likely an empty directory, the wrong
// one, or a half-copied one, and would wipe the graph.
const DefaultMaxRemoved = 0.25

// CheckRemovals refuses, with EINVALID and before anything is written, a
// load whose report r removes more than o.MaxRemoved of what the store
// holds, unless o.Prune. A store with nothing in it can be loaded with
// anything.
func CheckRemovals(o LoadOptions, r *LoadReport) error {
	removed := r.Removed()
	if o.Prune || removed == 0 || r.Held == 0 {
		return nil
	}
	if share := float64(removed) / float64(r.Held); share > o.MaxRemoved {
		return FieldErrorf(EINVALID, "prune",
			"the load would remove %d of the %d entities the store holds (%.0f%%; %s), more than the %.0f%% a load may remove without pruning; nothing was written. Check the seed directory, or load with --prune to remove them",
			removed, r.Held, 100*share, r.String(), 100*o.MaxRemoved)
	}
	return nil
}
