package peacegraph

import "sort"

// StanceSpan is a stance in effect over a stretch of time. As of any date D
// with From <= D and (Until == "" or D < Until), Stance is one of the
// effective stances of its actor on its target (EffectiveStances), trimmed
// to the evidence that counts as of D.
//
// Spans are what a store keeps so that "as of a date" is a lookup rather
// than a computation: the effective stances change only on the dates of
// their evidence, so between two such dates the answer is fixed and can be
// computed once, at load.
type StanceSpan struct {
	Stance *Stance
	// From is the first date the span covers: an evidence date.
	From Date
	// Until is the first date it no longer covers (the next evidence date
	// of the same actor on the same target), "" when it is still in effect.
	Until Date
}

// Covers reports whether the span is in effect as of d (a real date).
func (s StanceSpan) Covers(d Date) bool {
	return s.From <= d && (s.Until == "" || d < s.Until)
}

// StanceSpans derives the spans of the stances as stored (with their
// EvidenceDates, as Complete leaves them): for each actor and target, one
// span per effective stance between consecutive dates of their evidence.
// Undated evidence opens no span, since it counts only when no date is
// asked for. Spans come by actor, target and From in the order of first
// appearance of each pair in the input, then as EffectiveStances orders
// them.
func StanceSpans(stances []*Stance) []StanceSpan {
	type pair struct{ actor, target string }
	var pairs []pair
	byPair := make(map[pair][]*Stance)
	for _, s := range stances {
		k := pair{s.ActorID, s.TargetID}
		if _, ok := byPair[k]; !ok {
			pairs = append(pairs, k)
		}
		byPair[k] = append(byPair[k], s)
	}
	var out []StanceSpan
	for _, k := range pairs {
		group := byPair[k]
		seen := make(map[Date]bool)
		var dates []Date
		for _, s := range group {
			for _, d := range s.EvidenceDates {
				if d != "" && !seen[d] {
					seen[d] = true
					dates = append(dates, d)
				}
			}
		}
		sort.Slice(dates, func(i, j int) bool { return dates[i] < dates[j] })
		for i, d := range dates {
			var until Date
			if i+1 < len(dates) {
				until = dates[i+1]
			}
			for _, s := range EffectiveStances(group, d) {
				out = append(out, StanceSpan{Stance: s, From: d, Until: until})
			}
		}
	}
	return out
}

// CurrentStances returns the stances effective when no date is asked for
// (EffectiveStances with no limit), in input order: what whoBacks and a
// point's stances answer by default.
func CurrentStances(stances []*Stance) []*Stance {
	return EffectiveStances(stances, "")
}
