package peacegraph

import (
	"sort"
)

// ChangeStatus says what a later version of a plan did with a point of the
// version it revises (docs/rules.md).
type ChangeStatus string

// The statuses of a point change; the values are the GraphQL enum values.
const (
	// ChangeKept: the seeds record, on firm evidence, that the point stays.
	ChangeKept ChangeStatus = "KEPT"
	// ChangeChanged: a point of the later version amends it.
	ChangeChanged ChangeStatus = "CHANGED"
	// ChangeDropped: the seeds record, on firm evidence, that it was dropped.
	ChangeDropped ChangeStatus = "DROPPED"
	// ChangeUnknown: nothing firm is on record.
	ChangeUnknown ChangeStatus = "UNKNOWN"
	// ChangeAdded: a point of the later version that amends nothing.
	ChangeAdded ChangeStatus = "ADDED"
)

// Valid reports whether c is one of the defined statuses.
func (c ChangeStatus) Valid() bool {
	switch c {
	case ChangeKept, ChangeChanged, ChangeDropped, ChangeUnknown, ChangeAdded:
		return true
	}
	return false
}

// validSeed reports whether c may be written in the seeds: CHANGED and
// ADDED follow from the points themselves, so they are never written.
func (c ChangeStatus) validSeed() bool {
	return c == ChangeKept || c == ChangeDropped || c == ChangeUnknown
}

// PointChange is the fate of one point of a revised plan in the plan that
// revises it, or a point the revision adds.
type PointChange struct {
	// PointID is the point of the revised plan; "" for an ADDED point.
	PointID string
	Status  ChangeStatus
	// RevisedIDs are the points of the revision that amend the point
	// (CHANGED), or the added point itself (ADDED).
	RevisedIDs []string
	// EvidenceIDs are the claims on record about the change, in claim
	// order; for UNKNOWN, the reports that claim a change without
	// establishing it.
	EvidenceIDs []string
	Note        string
}

// planChanges derives the changes of a plan that revises another: one
// entry per point of the revised plan in number order, then the points it
// adds, by number. claimsAbout maps a node to the claims about it, in
// claim order.
func planChanges(p *Plan, points []*Point, claimsAbout map[string][]*Claim, order map[string]int) []PointChange {
	if p.Revises == "" {
		return nil
	}
	var before, after []*Point
	for _, pt := range points {
		switch pt.PlanID {
		case p.Revises:
			before = append(before, pt)
		case p.ID:
			after = append(after, pt)
		}
	}
	byNumber := func(ps []*Point) {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Number < ps[j].Number })
	}
	byNumber(before)
	byNumber(after)
	seed := make(map[string]PointChange)
	for _, c := range p.SeedChanges {
		if _, ok := seed[c.PointID]; !ok {
			seed[c.PointID] = c
		}
	}
	aboutAll := func(pts []*Point) []string {
		var ids []string
		for _, pt := range pts {
			for _, c := range claimsAbout[pt.ID] {
				ids = append(ids, c.ID)
			}
		}
		return ids
	}
	changes := make([]PointChange, 0, len(before)+len(after))
	for _, old := range before {
		var amending []*Point
		for _, pt := range after {
			if pt.Amends == old.ID {
				amending = append(amending, pt)
			}
		}
		s, recorded := seed[old.ID]
		ch := PointChange{PointID: old.ID, Status: ChangeUnknown}
		switch {
		case len(amending) > 0:
			ch.Status = ChangeChanged
			for _, pt := range amending {
				ch.RevisedIDs = append(ch.RevisedIDs, pt.ID)
			}
			ch.EvidenceIDs = aboutAll(amending)
			if recorded {
				ch.EvidenceIDs = append(ch.EvidenceIDs, s.EvidenceIDs...)
				ch.Note = s.Note
			}
		case recorded:
			if s.Status.validSeed() {
				ch.Status = s.Status
			}
			ch.EvidenceIDs = append([]string(nil), s.EvidenceIDs...)
			ch.Note = s.Note
		}
		ch.EvidenceIDs = inClaimOrder(ch.EvidenceIDs, order)
		changes = append(changes, ch)
	}
	for _, pt := range after {
		if pt.Amends != "" {
			continue
		}
		changes = append(changes, PointChange{
			Status:      ChangeAdded,
			RevisedIDs:  []string{pt.ID},
			EvidenceIDs: inClaimOrder(aboutAll([]*Point{pt}), order),
		})
	}
	return changes
}

// inClaimOrder sorts claim IDs by their rank in claim order (date, undated
// last, then ID), dropping repeats and IDs that are not claims.
func inClaimOrder(ids []string, order map[string]int) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if _, ok := order[id]; ok && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return order[out[i]] < order[out[j]] })
	if len(out) == 0 {
		return nil
	}
	return out
}
