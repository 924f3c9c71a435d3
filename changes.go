package peacegraph

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// What changed since a day (docs/rules.md): the record day by day, for a
// reader who follows it as it grows. A day's changes are the claims dated
// that day, the stances that started that day (an actor's first position
// on a target, or one it did not hold on the previous date of evidence),
// the dispute sides that appeared that day (on the date of a side's
// earliest dated claim) and the plan versions dated that day, each with
// the claims of the day that show it. Undated claims are never a change:
// nothing says when they were made.
//
// A store answers a ChangeQuery by finding the part of the record dated
// within it (a ChangeRecord: ranges of indexes, each cut at the entry
// limit) and handing it to ChangeDays, so that both stores apply this one
// rule and differ only in how they find its input.

// The defaults of ChangeLimits and of ChangeQuery.Recent.
const (
	// DefaultChangeDays is the most days one change query may span: a
	// month, far more than the busiest week of the record needs.
	DefaultChangeDays = 31
	// DefaultChangeEntries is the most rows of each kind (claims, stance
	// spans, disputes, plans) one change query may read.
	DefaultChangeEntries = 1000
	// DefaultRecentDays is the window a query without Since asks for:
	// the week ending at Until.
	DefaultRecentDays = 7
)

// ChangeLimits bound what one change query may read; a field that is not
// positive takes its default. cmd/peacegraph reads them from
// PEACEGRAPH_MAX_CHANGE_DAYS and PEACEGRAPH_MAX_CHANGES.
type ChangeLimits struct {
	// Days caps the days from Since to Until, both included.
	Days int
	// Entries caps the claims, the stances in effect from a day, the
	// disputes and the plans dated within the range, each kind on its
	// own; a range that holds more is refused rather than cut, since a
	// record of changes with some missing would mislead.
	Entries int
}

// DefaultChangeLimits are the limits a zero ChangeLimits means.
func DefaultChangeLimits() ChangeLimits {
	return ChangeLimits{Days: DefaultChangeDays, Entries: DefaultChangeEntries}
}

// WithDefaults fills the fields that are not positive from
// DefaultChangeLimits.
func (l ChangeLimits) WithDefaults() ChangeLimits {
	d := DefaultChangeLimits()
	if l.Days <= 0 {
		l.Days = d.Days
	}
	if l.Entries <= 0 {
		l.Entries = d.Entries
	}
	return l
}

// ChangeQuery asks what changed from Since to Until, both included.
type ChangeQuery struct {
	// Since is the first day asked for; "" means the Recent days that end
	// at Until.
	Since Date
	// Until is the last day asked for; "" means the latest day of the
	// record (LatestChangeDay).
	Until Date
	// Recent is how many days a query without Since spans: by default
	// DefaultRecentDays, and never more than Limits.Days.
	Recent int
	Limits ChangeLimits
}

// Check reports what is wrong with q before anything is read: EINVALID
// for a date that is not a real one, a negative Recent, or an Until
// before Since, naming the argument at fault.
func (q ChangeQuery) Check() error {
	if !q.Since.Valid() {
		return FieldErrorf(EINVALID, "since", "%q is not a date of the form YYYY-MM-DD", q.Since)
	}
	if !q.Until.Valid() {
		return FieldErrorf(EINVALID, "until", "%q is not a date of the form YYYY-MM-DD", q.Until)
	}
	if q.Recent < 0 {
		return FieldErrorf(EINVALID, "days", "the number of days must not be negative, got %d", q.Recent)
	}
	if q.Since != "" && q.Until != "" && q.Until < q.Since {
		return FieldErrorf(EINVALID, "until", "until (%s) is before since (%s): the range runs from since to until, both included", q.Until, q.Since)
	}
	return nil
}

// Resolve returns q with both days set and the limits defaulted, given
// latest, the latest day of the record (LatestChangeDay), which stands
// for a missing Until. ok is false when there is nothing to read: the
// record has no dated claim or plan, or Since is after its latest day
// while Until was left out. EINVALID, naming since, when the range spans
// more than Limits.Days days. Call Check first.
func (q ChangeQuery) Resolve(latest Date) (r ChangeQuery, ok bool, err error) {
	q.Limits = q.Limits.WithDefaults()
	if q.Recent == 0 {
		q.Recent = DefaultRecentDays
	}
	q.Recent = min(q.Recent, q.Limits.Days)
	defaulted := q.Until == ""
	if defaulted {
		if latest == "" || q.Since > latest {
			return q, false, nil
		}
		q.Until = latest
	}
	if q.Since == "" {
		q.Since = q.Until.AddDays(1 - q.Recent)
	}
	if n := q.Since.DaysTo(q.Until) + 1; n > q.Limits.Days {
		until := string(q.Until)
		if defaulted {
			until += " (the latest day of the record)"
		}
		return q, false, FieldErrorf(EINVALID, "since", "from %s to %s is %d days; ask for at most %d days at once", q.Since, until, n, q.Limits.Days)
	}
	return q, true, nil
}

// Next is the key that sorts after every claim key (ClaimKey) of the days
// up to Until, and before those of the days after it: the end of the
// claim sort-key range of a resolved query, whose start is Since itself.
func (q ChangeQuery) Next() string { return string(q.Until.AddDays(1)) }

// AddDays returns the day n days after d (before it, for a negative n);
// "" for an unknown date.
func (d Date) AddDays(n int) Date {
	t, err := time.Parse(DateLayout, string(d))
	if err != nil {
		return ""
	}
	return Date(t.AddDate(0, 0, n).Format(DateLayout))
}

// DaysTo returns how many days run from d to e (negative when e is
// earlier); 0 when either is unknown.
func (d Date) DaysTo(e Date) int {
	a, err1 := time.Parse(DateLayout, string(d))
	b, err2 := time.Parse(DateLayout, string(e))
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}

// LatestChangeDay is the latest day of the record as the rule sees it:
// the later of the latest claim date and the latest plan date ("" when
// neither is dated). Stances start and dispute sides appear on the dates
// of claims, so no change can be later.
func LatestChangeDay(latestClaim, latestPlan Date) Date { return MaxDate(latestClaim, latestPlan) }

// ChangeRecord is the part of the record a change query reads, as a store
// finds it for a resolved ChangeQuery. Each list is cut at one more than
// the query's Limits.Entries, so that ChangeDays can tell a range that
// holds too much.
type ChangeRecord struct {
	// Claims are the claims dated from Since to Until, in claim order.
	// The rule reads each one's ID, Date and AboutIDs.
	Claims []*Claim
	// Spans are the stance spans (StanceSpans) whose From is from Since
	// to Until, and Before the spans of the same actors and targets whose
	// Until is the From of one of them: the positions in effect on the
	// previous date of evidence. A span may be in both.
	Spans, Before []StanceSpan
	// Disputes are the disputes a side of which has a claim dated from
	// Since to Until, with all their sides; SideDates the date of every
	// dated claim of those sides.
	Disputes  []*Dispute
	SideDates map[string]Date
	// Plans are the plans dated from Since to Until, and PlanPoints the
	// IDs of each one's points.
	Plans      []*Plan
	PlanPoints map[string][]string
}

// StanceChangeKind says whether a stance is an actor's first position on
// a target or a move from the one before; the values are the GraphQL enum
// values.
type StanceChangeKind string

// The kinds of stance change.
const (
	StanceAppeared StanceChangeKind = "APPEARED"
	StanceMoved    StanceChangeKind = "MOVED"
)

// ChangeDay is what changed in the record on one day.
type ChangeDay struct {
	Date Date
	// Claims are the claims dated that day, by ID.
	Claims []*Claim
	// Stances started that day, by actor ID, target ID, then position.
	Stances []*StanceChange
	// DisputeSides appeared that day, by dispute ID, then side order.
	DisputeSides []*DisputeSideChange
	// Plans are the plan versions dated that day, by Seq.
	Plans []*PlanVersionChange
}

// StanceChange is an actor's effective position on a target that started
// on a day.
type StanceChange struct {
	ActorID, TargetID string
	Position          Position
	Kind              StanceChangeKind
	// Previous are the positions in effect on the previous date of
	// evidence, in the order SUPPORTS, OPPOSES, CONDITIONAL, UNDECIDED;
	// none when the stance appeared.
	Previous []Position
	// EvidenceIDs are the stance's claims dated that day, by ID.
	EvidenceIDs []string
	Note        string
}

// DisputeSideChange is a side of a dispute that appeared on a day.
type DisputeSideChange struct {
	Dispute *Dispute
	// Index is the side's place among Dispute.Sides.
	Index int
	// EvidenceIDs are the side's claims dated that day, by ID.
	EvidenceIDs []string
}

// Side is the side that appeared.
func (c *DisputeSideChange) Side() *DisputeSide { return &c.Dispute.Sides[c.Index] }

// PlanVersionChange is a plan version dated on a day.
type PlanVersionChange struct {
	Plan *Plan
	// EvidenceIDs are the claims dated that day about the plan or any of
	// its points, by ID; there may be none.
	EvidenceIDs []string
}

// ChangeDays applies the rule of docs/rules.md, "What changed since a
// day", to what a store found for a resolved query: the days from
// q.Since to q.Until on which something changed, in date order. EINVALID,
// naming since, when the record holds more than q.Limits.Entries rows of
// one kind in the range.
func ChangeDays(q ChangeQuery, rec *ChangeRecord) ([]*ChangeDay, error) {
	limit := q.Limits.WithDefaults().Entries
	if len(rec.Claims) > limit || len(rec.Spans) > limit || len(rec.Disputes) > limit || len(rec.Plans) > limit {
		return nil, FieldErrorf(EINVALID, "since",
			"the record holds more than %d claims, stances, disputes or plans of one kind dated from %s to %s; ask for fewer days", limit, q.Since, q.Until)
	}
	within := func(d Date) bool { return d != "" && d >= q.Since && d <= q.Until }
	days := map[Date]*ChangeDay{}
	day := func(d Date) *ChangeDay {
		if days[d] == nil {
			days[d] = &ChangeDay{Date: d}
		}
		return days[d]
	}
	// Claims come in claim order, which within one day is by ID.
	claimsOn := map[Date][]*Claim{}
	for _, c := range rec.Claims {
		if within(c.Date) {
			day(c.Date).Claims = append(day(c.Date).Claims, c)
			claimsOn[c.Date] = append(claimsOn[c.Date], c)
		}
	}
	for _, sc := range stanceChanges(rec.Spans, rec.Before, within) {
		d := day(sc.date)
		d.Stances = append(d.Stances, sc.change)
	}
	for _, x := range rec.Disputes {
		for i, side := range x.Sides {
			first, ids := firstDated(side.ClaimIDs, rec.SideDates)
			if within(first) {
				d := day(first)
				d.DisputeSides = append(d.DisputeSides, &DisputeSideChange{Dispute: x, Index: i, EvidenceIDs: ids})
			}
		}
	}
	for _, p := range rec.Plans {
		if !within(p.Date) {
			continue
		}
		about := map[string]bool{p.ID: true}
		for _, id := range rec.PlanPoints[p.ID] {
			about[id] = true
		}
		change := &PlanVersionChange{Plan: p}
		for _, c := range claimsOn[p.Date] {
			if slices.ContainsFunc(c.AboutIDs, func(id string) bool { return about[id] }) {
				change.EvidenceIDs = append(change.EvidenceIDs, c.ID)
			}
		}
		day(p.Date).Plans = append(day(p.Date).Plans, change)
	}
	out := make([]*ChangeDay, 0, len(days))
	for _, d := range days {
		slices.SortFunc(d.Stances, func(a, b *StanceChange) int {
			return cmp.Or(strings.Compare(a.ActorID, b.ActorID), strings.Compare(a.TargetID, b.TargetID),
				cmp.Compare(positionRank(a.Position), positionRank(b.Position)))
		})
		slices.SortStableFunc(d.DisputeSides, func(a, b *DisputeSideChange) int {
			return cmp.Or(strings.Compare(a.Dispute.ID, b.Dispute.ID), cmp.Compare(a.Index, b.Index))
		})
		slices.SortStableFunc(d.Plans, func(a, b *PlanVersionChange) int { return cmp.Compare(a.Plan.Seq, b.Plan.Seq) })
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b *ChangeDay) int { return strings.Compare(string(a.Date), string(b.Date)) })
	return out, nil
}

// firstDated returns the earliest date among the claims that dates knows,
// and those of the claims dated that day, by ID.
func firstDated(claims []string, dates map[string]Date) (Date, []string) {
	var first Date
	for _, id := range claims {
		if d := dates[id]; d != "" && (first == "" || d < first) {
			first = d
		}
	}
	var ids []string
	for _, id := range claims {
		if first != "" && dates[id] == first && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return first, ids
}

type datedStanceChange struct {
	date   Date
	change *StanceChange
}

// stanceChanges finds, among spans that start within the range, the
// positions that were not in effect on the previous date of evidence of
// their actor and target (the spans of before, or of spans, that end where
// they start).
func stanceChanges(spans, before []StanceSpan, within func(Date) bool) []datedStanceChange {
	type end struct {
		actor, target string
		until         Date
	}
	held := map[end][]Position{}
	seen := map[end]map[Position]bool{}
	for _, list := range [][]StanceSpan{spans, before} {
		for _, sp := range list {
			if sp.Until == "" {
				continue
			}
			k := end{sp.Stance.ActorID, sp.Stance.TargetID, sp.Until}
			if seen[k] == nil {
				seen[k] = map[Position]bool{}
			}
			if !seen[k][sp.Stance.Position] {
				seen[k][sp.Stance.Position] = true
				held[k] = append(held[k], sp.Stance.Position)
			}
		}
	}
	var out []datedStanceChange
	done := map[end]map[Position]bool{}
	for _, sp := range spans {
		st := sp.Stance
		if !within(sp.From) {
			continue
		}
		k := end{st.ActorID, st.TargetID, sp.From}
		if done[k][st.Position] {
			continue
		}
		if done[k] == nil {
			done[k] = map[Position]bool{}
		}
		done[k][st.Position] = true
		previous := slices.Clone(held[k])
		if slices.Contains(previous, st.Position) {
			continue
		}
		slices.SortFunc(previous, func(a, b Position) int { return cmp.Compare(positionRank(a), positionRank(b)) })
		kind := StanceMoved
		if len(previous) == 0 {
			kind = StanceAppeared
		}
		var ids []string
		for i, id := range st.EvidenceIDs {
			if i < len(st.EvidenceDates) && st.EvidenceDates[i] == sp.From && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		out = append(out, datedStanceChange{sp.From, &StanceChange{
			ActorID: st.ActorID, TargetID: st.TargetID, Position: st.Position, Kind: kind,
			Previous: previous, EvidenceIDs: ids, Note: st.Note,
		}})
	}
	return out
}

// Changes answers q from a completed dataset by looking at all of it: the
// answer every store must give, which the stores' indexed reads are held
// to (storetest) and the rule's tests ask directly.
func (d *Dataset) Changes(q ChangeQuery) ([]*ChangeDay, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	var latestClaim, latestPlan Date
	for _, c := range d.Claims {
		latestClaim = MaxDate(latestClaim, c.Date)
	}
	for _, p := range d.Plans {
		latestPlan = MaxDate(latestPlan, p.Date)
	}
	q, ok, err := q.Resolve(LatestChangeDay(latestClaim, latestPlan))
	if err != nil || !ok {
		return nil, err
	}
	within := func(day Date) bool { return day != "" && day >= q.Since && day <= q.Until }
	rec := &ChangeRecord{SideDates: map[string]Date{}, PlanPoints: map[string][]string{}}
	dated := map[string]Date{}
	for _, c := range byClaimKey(d.Claims) {
		dated[c.ID] = c.Date
		if within(c.Date) {
			rec.Claims = append(rec.Claims, c)
		}
	}
	for _, sp := range StanceSpans(d.Stances) {
		if within(sp.From) {
			rec.Spans = append(rec.Spans, sp)
		}
	}
	rec.Before = StanceSpans(d.Stances)
	for _, x := range d.Disputes {
		if slices.ContainsFunc(x.ClaimIDs(), func(id string) bool { return within(dated[id]) }) {
			rec.Disputes = append(rec.Disputes, x)
			for _, id := range x.ClaimIDs() {
				if dated[id] != "" {
					rec.SideDates[id] = dated[id]
				}
			}
		}
	}
	for _, p := range d.Plans {
		if within(p.Date) {
			rec.Plans = append(rec.Plans, p)
		}
	}
	for _, pt := range d.Points {
		rec.PlanPoints[pt.PlanID] = append(rec.PlanPoints[pt.PlanID], pt.ID)
	}
	return ChangeDays(q, rec)
}
