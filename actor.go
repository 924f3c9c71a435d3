package peacegraph

// ActorKind says what sort of party an actor is.
type ActorKind string

// The kinds of actor; the values are the GraphQL enum values.
const (
	ActorPerson       ActorKind = "PERSON"
	ActorGovernment   ActorKind = "GOVERNMENT"
	ActorOrganization ActorKind = "ORGANIZATION"
)

// Valid reports whether k is one of the defined kinds.
func (k ActorKind) Valid() bool {
	switch k {
	case ActorPerson, ActorGovernment, ActorOrganization:
		return true
	}
	return false
}

// Actor is a party to the negotiation: a person (an envoy, a head of
// state), a government, or an organization (a bloc, a ministry, an outlet's
// unnamed sources are not actors).
type Actor struct {
	ID   string
	Name string
	Kind ActorKind
	// Role is the actor's office or function, e.g. "US special envoy".
	Role string
	// Description is a neutral sentence on who the actor is.
	Description string
	Aliases     []string
	// Affiliations are the governments and organizations the actor
	// represents or belongs to, in the order the seeds give them.
	Affiliations []Affiliation
}

// Affiliation links an actor to a government or organization it belongs to.
type Affiliation struct {
	ActorID string
	// Role is the actor's role within the other, e.g. "Secretary of State".
	Role string
}

// NodeID implements Node.
func (a *Actor) NodeID() string { return a.ID }

// NodeKind implements Node.
func (a *Actor) NodeKind() Kind { return KindActor }

// Label implements Node.
func (a *Actor) Label() string { return a.Name }

// AffiliationIDs returns the IDs of the actor's affiliations, in order.
func (a *Actor) AffiliationIDs() []string {
	ids := make([]string, len(a.Affiliations))
	for i, f := range a.Affiliations {
		ids[i] = f.ActorID
	}
	return ids
}
