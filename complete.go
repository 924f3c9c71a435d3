package peacegraph

import (
	"slices"
	"strings"
)

// Complete fills in what is derived rather than written in the seeds: the
// code-point offsets of each quote in its source's stored text, each
// stance's EvidenceDates and AsOf (the latest date of its evidence), each
// plan's Seq (its load order) and Changes, each claim's Corroboration, and
// the sorted, symmetric contradictions of docs/rules.md (Contradicts and
// ContradictionRules). Call it before Validate; it leaves anything it
// cannot resolve for Validate to report. It may run again on a completed
// dataset and gives the same result.
func (d *Dataset) Complete() {
	nodes := d.Nodes()
	for i, p := range d.Plans {
		p.Seq = i
	}
	// Each text is folded once for all the quotes of it.
	folded := make(map[*Source]*foldedText)
	for _, c := range d.Claims {
		for i := range c.Citations {
			ct := &c.Citations[i]
			ct.Start, ct.End = -1, -1
			src, ok := nodes[ct.SourceID].(*Source)
			if !ok || src.Text == "" || ct.Quote == "" {
				continue
			}
			f := folded[src]
			if f == nil {
				f = foldText(src.Text)
				folded[src] = f
			}
			if s, e, found := f.locate(ct.Quote); found {
				ct.Start, ct.End = s, e
			}
		}
		c.Corroboration = corroborate(c, nodes)
	}
	for _, s := range d.Stances {
		s.AsOf = ""
		s.EvidenceDates = make([]Date, len(s.EvidenceIDs))
		for i, id := range s.EvidenceIDs {
			if c, ok := nodes[id].(*Claim); ok {
				s.EvidenceDates[i] = c.Date
				s.AsOf = MaxDate(s.AsOf, c.Date)
			}
		}
	}
	d.completeContradictions(nodes)
	sorted := byClaimKey(d.Claims)
	order, about := rankOf(sorted), aboutOf(sorted)
	// A plan's changes concern its own points and those of the plan it
	// revises: grouping the points once keeps this linear in the plans.
	byPlan := make(map[string][]*Point)
	for _, pt := range d.Points {
		byPlan[pt.PlanID] = append(byPlan[pt.PlanID], pt)
	}
	for _, p := range d.Plans {
		points := byPlan[p.ID]
		if p.Revises != p.ID {
			points = append(append([]*Point(nil), byPlan[p.Revises]...), points...)
		}
		p.Changes = planChanges(p, points, about, order)
	}
}

// byClaimKey returns the claims in claim order (date, undated last, then
// ID), keeping the given order among equal keys. Each key is built once,
// not at every comparison.
func byClaimKey(claims []*Claim) []*Claim {
	type keyed struct {
		key string
		c   *Claim
	}
	ks := make([]keyed, len(claims))
	for i, c := range claims {
		ks[i] = keyed{ClaimKey(c), c}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	sorted := make([]*Claim, len(ks))
	for i, k := range ks {
		sorted[i] = k.c
	}
	return sorted
}

// claimOrder ranks the claims in claim order: date, undated last, then ID.
func claimOrder(claims []*Claim) map[string]int { return rankOf(byClaimKey(claims)) }

// claimsAbout maps each node to the claims about it, in claim order.
func claimsAbout(claims []*Claim) map[string][]*Claim { return aboutOf(byClaimKey(claims)) }

// rankOf ranks claims sorted by byClaimKey.
func rankOf(sorted []*Claim) map[string]int {
	order := make(map[string]int, len(sorted))
	for i, c := range sorted {
		if _, ok := order[c.ID]; !ok {
			order[c.ID] = i
		}
	}
	return order
}

// aboutOf maps each node to the claims about it, of claims sorted by
// byClaimKey.
func aboutOf(sorted []*Claim) map[string][]*Claim {
	m := make(map[string][]*Claim)
	for _, c := range sorted {
		for _, id := range c.AboutIDs {
			if l := m[id]; len(l) == 0 || l[len(l)-1] != c {
				m[id] = append(m[id], c)
			}
		}
	}
	return m
}
