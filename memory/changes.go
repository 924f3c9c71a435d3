package memory

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// changeIndex holds what a change query reads, each part in the order its
// range is found in: the stance spans by the day they start, the dated
// plans by date, and the disputes each claim is on a side of. The claims
// of a range are a range of the snapshot's claims, which are in date
// order already.
type changeIndex struct {
	// latest is the latest day of the record (peacegraph.LatestChangeDay).
	latest peacegraph.Date
	// spans are peacegraph.StanceSpans of every stance, by From (then in
	// the order StanceSpans gives), and ending maps an actor, a target
	// and a day to the spans of the pair that end on that day.
	spans  []peacegraph.StanceSpan
	ending map[spanEnd][]peacegraph.StanceSpan
	// plans are the dated plans, by date, then Seq.
	plans []*peacegraph.Plan
	// disputesOf maps a claim to the disputes with a side it is on, by ID.
	disputesOf map[string][]*peacegraph.Dispute
}

type spanEnd struct {
	actor, target string
	until         peacegraph.Date
}

// newChangeIndex indexes the changes of a snapshot whose claims, plans and
// disputes are sorted, from the dataset's completed stances.
func newChangeIndex(s *snapshot, stances []*peacegraph.Stance) *changeIndex {
	x := &changeIndex{ending: map[spanEnd][]peacegraph.StanceSpan{}, disputesOf: map[string][]*peacegraph.Dispute{}}
	var latestClaim, latestPlan peacegraph.Date
	// Undated claims sort last: the latest date is that of the last
	// dated claim.
	for i := len(s.claims.items) - 1; i >= 0 && latestClaim == ""; i-- {
		latestClaim = s.claims.items[i].Date
	}
	x.spans = peacegraph.StanceSpans(stances)
	slices.SortStableFunc(x.spans, func(a, b peacegraph.StanceSpan) int { return strings.Compare(string(a.From), string(b.From)) })
	for _, sp := range x.spans {
		if sp.Until != "" {
			k := spanEnd{sp.Stance.ActorID, sp.Stance.TargetID, sp.Until}
			x.ending[k] = append(x.ending[k], sp)
		}
	}
	for _, p := range s.plans {
		if p.Date != "" {
			x.plans = append(x.plans, p)
			latestPlan = peacegraph.MaxDate(latestPlan, p.Date)
		}
	}
	// Plans are in Seq order, so a stable sort by date keeps Seq within
	// a day.
	slices.SortStableFunc(x.plans, func(a, b *peacegraph.Plan) int { return strings.Compare(string(a.Date), string(b.Date)) })
	for _, d := range s.disputes {
		for _, id := range d.ClaimIDs() {
			if l := x.disputesOf[id]; len(l) == 0 || l[len(l)-1] != d {
				x.disputesOf[id] = append(l, d)
			}
		}
	}
	x.latest = peacegraph.LatestChangeDay(latestClaim, latestPlan)
	return x
}

// Changes implements peacegraph.Store: each part of the record is a range
// found by binary search, read up to one more than the entry limit, and
// the rule is peacegraph.ChangeDays.
func (s *Store) Changes(ctx context.Context, q peacegraph.ChangeQuery) ([]*peacegraph.ChangeDay, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	snap := s.current()
	q, ok, err := q.Resolve(snap.changes.latest)
	if err != nil || !ok {
		return nil, err
	}
	return peacegraph.ChangeDays(q, snap.changeRecord(q, s.work))
}

// changeRecord finds the part of the record q reads.
func (snap *snapshot) changeRecord(q peacegraph.ChangeQuery, w *work) *peacegraph.ChangeRecord {
	x := snap.changes
	limit := q.Limits.Entries + 1
	rec := &peacegraph.ChangeRecord{SideDates: map[string]peacegraph.Date{}, PlanPoints: map[string][]string{}}

	keys := snap.claims.keys
	from := sort.SearchStrings(keys, string(q.Since))
	to := sort.SearchStrings(keys, q.Next())
	to = min(to, from+limit)
	rec.Claims = slices.Clone(snap.claims.items[from:to])
	w.add(len(rec.Claims))

	start := sort.Search(len(x.spans), func(i int) bool { return x.spans[i].From >= q.Since })
	for i := start; i < len(x.spans) && x.spans[i].From <= q.Until && len(rec.Spans) < limit; i++ {
		sp := x.spans[i]
		rec.Spans = append(rec.Spans, sp)
		rec.Before = append(rec.Before, x.ending[spanEnd{sp.Stance.ActorID, sp.Stance.TargetID, sp.From}]...)
	}
	w.add(len(rec.Spans) + len(rec.Before))

	seen := map[*peacegraph.Dispute]bool{}
	for _, c := range rec.Claims {
		for _, d := range x.disputesOf[c.ID] {
			if !seen[d] {
				seen[d] = true
				rec.Disputes = append(rec.Disputes, d)
			}
		}
	}
	slices.SortFunc(rec.Disputes, func(a, b *peacegraph.Dispute) int { return strings.Compare(a.ID, b.ID) })
	rec.Disputes = rec.Disputes[:min(len(rec.Disputes), limit)]
	for _, d := range rec.Disputes {
		for _, id := range d.ClaimIDs() {
			if c, ok := snap.nodes[id].(*peacegraph.Claim); ok && c.Date != "" {
				rec.SideDates[id] = c.Date
			}
		}
	}
	w.add(len(rec.Disputes) + len(rec.SideDates))

	start = sort.Search(len(x.plans), func(i int) bool { return x.plans[i].Date >= q.Since })
	for i := start; i < len(x.plans) && x.plans[i].Date <= q.Until && len(rec.Plans) < limit; i++ {
		p := x.plans[i]
		rec.Plans = append(rec.Plans, p)
		for _, pt := range snap.points[p.ID] {
			rec.PlanPoints[p.ID] = append(rec.PlanPoints[p.ID], pt.ID)
		}
	}
	w.add(len(rec.Plans))
	return rec
}
