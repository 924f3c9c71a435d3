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

// EventsBetween keeps, in order, the events dated from from to to, both
// included; "" leaves a bound open. Once a bound is given an undated event
// is left out, since nothing says when it happened; with neither bound
// every event is kept, undated ones too.
func EventsBetween(events []*Event, from, to Date) []*Event {
	if from == "" && to == "" {
		return events
	}
	out := []*Event{}
	for _, e := range events {
		if e.Date == "" || (from != "" && e.Date < from) || (to != "" && e.Date > to) {
			continue
		}
		out = append(out, e)
	}
	return out
}
