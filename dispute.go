package peacegraph

// Dispute is a contested question of the record, such as who wrote a plan,
// with two or more sides, each a set of claims. Disputes are written in the
// seeds, because deciding which accounts answer the same question is an
// editor's judgement; the graph shows every side and never marks one true.
type Dispute struct {
	ID string
	// Question is the contested question, e.g. "Who wrote the 28-point plan?".
	Question string
	// Summary is a neutral sentence on what is contested.
	Summary string
	// AboutIDs are the plans, points and actors the dispute concerns.
	AboutIDs []string
	// Sides are the competing answers, in seed order.
	Sides []DisputeSide
	// Note records caveats, e.g. that a side rests on one source.
	Note string
}

// DisputeSide is one answer to a dispute's question and the claims that
// give it.
type DisputeSide struct {
	Label   string
	Summary string
	// ClaimIDs are the claims that give this answer; there is at least one.
	ClaimIDs []string
}

// NodeID implements Node.
func (d *Dispute) NodeID() string { return d.ID }

// NodeKind implements Node.
func (d *Dispute) NodeKind() Kind { return KindDispute }

// Label implements Node.
func (d *Dispute) Label() string { return d.Question }

// ClaimIDs returns the claims of every side, in side order, each once.
func (d *Dispute) ClaimIDs() []string {
	var ids []string
	seen := map[string]bool{}
	for _, s := range d.Sides {
		for _, id := range s.ClaimIDs {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// CitedSourceIDs returns the distinct sources that the claims cite, in the
// order they are first cited. The sources of a dispute side are those of
// its claims, listed in SortSources order.
func CitedSourceIDs(claims []*Claim) []string {
	var ids []string
	seen := map[string]bool{}
	for _, c := range claims {
		for _, ct := range c.Citations {
			if !seen[ct.SourceID] {
				seen[ct.SourceID] = true
				ids = append(ids, ct.SourceID)
			}
		}
	}
	return ids
}

// DisputesAbout returns the disputes about a plan or any of its points,
// sorted by ID; planID "" returns all disputes. points maps point IDs to
// their points, to find a point's plan.
func DisputesAbout(disputes []*Dispute, planID string, points map[string]*Point) []*Dispute {
	var out []*Dispute
	for _, d := range disputes {
		if planID == "" || disputeConcerns(d, planID, points) {
			out = append(out, d)
		}
	}
	sortByID(out)
	return out
}

func disputeConcerns(d *Dispute, planID string, points map[string]*Point) bool {
	for _, id := range d.AboutIDs {
		if id == planID {
			return true
		}
		if p, ok := points[id]; ok && p.PlanID == planID {
			return true
		}
	}
	return false
}
