package peacegraph

import (
	"sort"
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
	for _, c := range d.Claims {
		for i := range c.Citations {
			ct := &c.Citations[i]
			ct.Start, ct.End = -1, -1
			src, ok := nodes[ct.SourceID].(*Source)
			if !ok || src.Text == "" || ct.Quote == "" {
				continue
			}
			if s, e, found := LocateQuote(src.Text, ct.Quote); found {
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
	order := claimOrder(d.Claims)
	about := claimsAbout(d.Claims)
	for _, p := range d.Plans {
		p.Changes = planChanges(p, d.Points, about, order)
	}
}

// claimOrder ranks the claims in claim order: date, undated last, then ID.
func claimOrder(claims []*Claim) map[string]int {
	sorted := append([]*Claim(nil), claims...)
	sort.SliceStable(sorted, func(i, j int) bool { return ClaimKey(sorted[i]) < ClaimKey(sorted[j]) })
	order := make(map[string]int, len(sorted))
	for i, c := range sorted {
		if _, ok := order[c.ID]; !ok {
			order[c.ID] = i
		}
	}
	return order
}

// claimsAbout maps each node to the claims about it, in claim order.
func claimsAbout(claims []*Claim) map[string][]*Claim {
	sorted := append([]*Claim(nil), claims...)
	sort.SliceStable(sorted, func(i, j int) bool { return ClaimKey(sorted[i]) < ClaimKey(sorted[j]) })
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
