package peacegraph

// ValidID reports whether id is a well-formed node ID (a lower-case slug,
// the seeds' rule), so that an API can reject a malformed ID as bad input
// before it asks a store.
func ValidID(id string) bool { return validID(id) }
