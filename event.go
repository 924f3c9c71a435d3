package peacegraph

// Event is something that happened: a meeting, a plan being presented, a
// delegation's visit.
type Event struct {
	ID      string
	Title   string
	Summary string
	Date    Date
	Place   string
	// ParticipantIDs are the actors who took part, in seed order.
	ParticipantIDs []string
	// EvidenceIDs are the claims that report the event.
	EvidenceIDs []string
}

// NodeID implements Node.
func (e *Event) NodeID() string { return e.ID }

// NodeKind implements Node.
func (e *Event) NodeKind() Kind { return KindEvent }

// Label implements Node.
func (e *Event) Label() string { return e.Title }
