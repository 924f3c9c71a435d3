package peacegraph

// Dataset is a whole seed set: everything a store holds. Stores load a
// Dataset as one unit, so a store never holds half of one.
type Dataset struct {
	Actors  []*Actor
	Plans   []*Plan
	Points  []*Point
	Claims  []*Claim
	Sources []*Source
	Stances []*Stance
	Events  []*Event
	// Disputes are the contested questions the seeds record.
	Disputes []*Dispute
}

// Nodes returns every node of the dataset by ID. A duplicated ID keeps
// its first node (Validate reports the duplicate).
func (d *Dataset) Nodes() map[string]Node {
	m := make(map[string]Node)
	add := func(n Node) {
		if _, ok := m[n.NodeID()]; !ok {
			m[n.NodeID()] = n
		}
	}
	for _, x := range d.Actors {
		add(x)
	}
	for _, x := range d.Plans {
		add(x)
	}
	for _, x := range d.Points {
		add(x)
	}
	for _, x := range d.Claims {
		add(x)
	}
	for _, x := range d.Sources {
		add(x)
	}
	for _, x := range d.Events {
		add(x)
	}
	for _, x := range d.Disputes {
		add(x)
	}
	return m
}
