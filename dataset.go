package peacegraph

import (
	"fmt"
	"slices"
	"strings"
)

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

// Problem is one broken rule in a dataset. Kind, ID and Field locate it so
// that a loader can point at the seed line it came from.
type Problem struct {
	Kind Kind
	ID   string
	// Field is the seed field at fault, e.g. "citations[1].quote".
	Field string
	// Rule is a short stable name of the rule broken, e.g. "unknown-reference".
	Rule    string
	Message string
	// Entity is the dataset value the problem was found in: the node
	// (*Actor, *Claim, ...) or, for a stance, the *Stance itself. Kind and
	// ID cannot tell apart two stances of one actor on one target, or two
	// nodes that share an ID; a loader needs the value to find its line.
	Entity any
}

func (p Problem) String() string {
	return fmt.Sprintf("%s %q: %s: %s (%s)", p.Kind, p.ID, p.Field, p.Message, p.Rule)
}

// Problems is every rule a dataset breaks. As an error its code is EINVALID.
type Problems []Problem

// Error lists all the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%d problem(s) in dataset:\n%s", len(ps), strings.Join(lines, "\n"))
}

// The rule names that Validate reports.
const (
	RuleRequired         = "required"
	RuleDuplicateID      = "duplicate-id"
	RuleUnknownReference = "unknown-reference"
	RuleWrongKind        = "wrong-kind"
	RuleBadEnum          = "bad-enum"
	RuleBadDate          = "bad-date"
	RuleBadNumber        = "bad-number"
	RuleBadID            = "bad-id"
	RuleNotVerbatim      = "not-verbatim"
	RuleMissingCitation  = "missing-citation"
	RuleMissingQuote     = "missing-quote"
	RuleNoEvidence       = "no-evidence"
	RuleDuplicateStance  = "duplicate-stance"
	// RuleCycle: a chain of references that leads back to where it started
	// (a source that republishes itself, through others or not).
	RuleCycle = "cycle"
	// RuleConflict: two fields that cannot both hold, such as a point
	// both amended and recorded as dropped.
	RuleConflict = "conflict"
)

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

// Validate checks every rule of the dataset and returns all problems at
// once as Problems, or nil. It expects Complete to have run.
func (d *Dataset) Validate() error {
	v := validator{nodes: map[string]Node{}}
	v.ids(d)
	for _, a := range d.Actors {
		v.actor(a)
	}
	for _, p := range d.Plans {
		v.plan(p)
	}
	v.points(d.Points)
	v.versions(d.Plans, d.Points)
	for _, s := range d.Sources {
		v.source(s)
	}
	v.republications(d.Sources)
	for _, c := range d.Claims {
		v.claim(c)
	}
	v.stances(d.Stances)
	for _, e := range d.Events {
		v.event(e)
	}
	for _, x := range d.Disputes {
		v.dispute(x)
	}
	if len(v.problems) == 0 {
		return nil
	}
	return v.problems
}

type validator struct {
	nodes    map[string]Node
	problems Problems
}

func (v *validator) add(n Node, field, rule, format string, args ...any) {
	v.problems = append(v.problems, Problem{
		Kind: n.NodeKind(), ID: n.NodeID(), Field: field, Rule: rule,
		Message: fmt.Sprintf(format, args...), Entity: n,
	})
}

// ids records every node and reports bad and duplicate IDs.
func (v *validator) ids(d *Dataset) {
	check := func(n Node) {
		id := n.NodeID()
		switch {
		case id == "":
			v.add(n, "id", RuleRequired, "id is required")
			return
		case !validID(id):
			v.add(n, "id", RuleBadID, "id %q must be lower-case letters, digits and single hyphens", id)
		}
		if prev, ok := v.nodes[id]; ok {
			v.add(n, "id", RuleDuplicateID, "id %q is already used by a %s", id, prev.NodeKind())
			return
		}
		v.nodes[id] = n
	}
	for _, x := range d.Actors {
		check(x)
	}
	for _, x := range d.Plans {
		check(x)
	}
	for _, x := range d.Points {
		check(x)
	}
	for _, x := range d.Claims {
		check(x)
	}
	for _, x := range d.Sources {
		check(x)
	}
	for _, x := range d.Events {
		check(x)
	}
	for _, x := range d.Disputes {
		check(x)
	}
}

// validID accepts readable slugs such as "steve-witkoff" or "us-28-point-plan".
func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// ref reports a reference that does not resolve to a node of one of kinds.
func (v *validator) ref(n Node, field, id string, kinds ...Kind) bool {
	if id == "" {
		v.add(n, field, RuleRequired, "%s is required", field)
		return false
	}
	target, ok := v.nodes[id]
	if !ok {
		v.add(n, field, RuleUnknownReference, "%q is not the id of any %s", id, kindList(kinds))
		return false
	}
	for _, k := range kinds {
		if target.NodeKind() == k {
			return true
		}
	}
	v.add(n, field, RuleWrongKind, "%q is a %s, not a %s", id, target.NodeKind(), kindList(kinds))
	return false
}

func kindList(kinds []Kind) string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = strings.ToLower(string(k))
	}
	return strings.Join(s, " or ")
}

func (v *validator) required(n Node, field, value string) {
	if strings.TrimSpace(value) == "" {
		v.add(n, field, RuleRequired, "%s is required", field)
	}
}

func (v *validator) date(n Node, field string, d Date) {
	if !d.Valid() {
		v.add(n, field, RuleBadDate, "%q is not a date of the form YYYY-MM-DD", string(d))
	}
}

func (v *validator) actor(a *Actor) {
	v.required(a, "name", a.Name)
	if !a.Kind.Valid() {
		v.add(a, "kind", RuleBadEnum, "kind %q is not one of PERSON, GOVERNMENT, ORGANIZATION", a.Kind)
	}
	for i, f := range a.Affiliations {
		field := fmt.Sprintf("affiliations[%d]", i)
		if v.ref(a, field, f.ActorID, KindActor) && f.ActorID == a.ID {
			v.add(a, field, RuleUnknownReference, "an actor cannot be affiliated with itself")
		}
	}
}

func (v *validator) plan(p *Plan) {
	v.required(p, "title", p.Title)
	v.date(p, "date", p.Date)
	for i, id := range p.AuthorIDs {
		v.ref(p, fmt.Sprintf("authors[%d]", i), id, KindActor)
	}
	if p.Revises != "" {
		v.ref(p, "revises", p.Revises, KindPlan)
	}
}

func (v *validator) points(points []*Point) {
	numbers := make(map[string]map[int]string)
	for _, p := range points {
		v.required(p, "title", p.Title)
		v.required(p, "summary", p.Summary)
		v.required(p, "topic", p.Topic)
		if p.Topic != strings.ToLower(p.Topic) || strings.ContainsAny(p.Topic, " _") {
			v.add(p, "topic", RuleBadEnum, "topic %q must be a lower-case slug", p.Topic)
		}
		if p.Number < 1 {
			v.add(p, "number", RuleBadNumber, "number %d must be 1 or more", p.Number)
		}
		if v.ref(p, "plan", p.PlanID, KindPlan) && p.Number >= 1 {
			if numbers[p.PlanID] == nil {
				numbers[p.PlanID] = make(map[int]string)
			}
			if prev, ok := numbers[p.PlanID][p.Number]; ok {
				v.add(p, "number", RuleDuplicateID, "plan %q already has point %d (%q)", p.PlanID, p.Number, prev)
			} else {
				numbers[p.PlanID][p.Number] = p.ID
			}
		}
		if p.Concession && len(p.ConcededByIDs) == 0 {
			v.add(p, "conceded_by", RuleRequired, "a concession must name who concedes")
		}
		if !p.Concession && len(p.ConcededByIDs) > 0 {
			v.add(p, "conceded_by", RuleRequired, "only a concession names who concedes (set concession: true)")
		}
		for i, id := range p.ConcededByIDs {
			v.ref(p, fmt.Sprintf("conceded_by[%d]", i), id, KindActor)
		}
		for i, id := range p.SourceIDs {
			v.ref(p, fmt.Sprintf("sources[%d]", i), id, KindSource)
		}
		if p.Amends != "" {
			v.ref(p, "amends", p.Amends, KindPoint)
		}
	}
}

func (v *validator) source(s *Source) {
	v.required(s, "title", s.Title)
	v.date(s, "published", s.Published)
	v.date(s, "retrieved", s.Retrieved)
}

func (v *validator) claim(c *Claim) {
	v.required(c, "text", c.Text)
	if c.ClaimantID != "" {
		v.ref(c, "claimant", c.ClaimantID, KindActor)
	}
	if len(c.AboutIDs) == 0 {
		v.add(c, "about", RuleRequired, "a claim must be about at least one actor, point or plan")
	}
	for i, id := range c.AboutIDs {
		v.ref(c, fmt.Sprintf("about[%d]", i), id, KindActor, KindPoint, KindPlan)
	}
	if !c.Certainty.Valid() {
		v.add(c, "certainty", RuleBadEnum, "certainty %q is not one of STATED, REPORTED, ANALYSIS, DENIED", c.Certainty)
	}
	v.date(c, "date", c.Date)
	if len(c.Citations) == 0 {
		v.add(c, "citations", RuleMissingCitation, "a claim must cite at least one source")
	}
	for i, ct := range c.Citations {
		field := fmt.Sprintf("citations[%d]", i)
		if !v.ref(c, field+".source", ct.SourceID, KindSource) {
			continue
		}
		src := v.nodes[ct.SourceID].(*Source)
		switch {
		case src.Text != "" && ct.Quote == "":
			v.add(c, field+".quote", RuleMissingQuote, "source %q has stored text, so the citation must quote it", src.ID)
		case src.Text != "" && !ct.HasOffsets():
			v.add(c, field+".quote", RuleNotVerbatim, "quote %q is not verbatim in the text of source %q", ct.Quote, src.ID)
		}
	}
	for i, id := range c.Contradicts {
		if v.ref(c, fmt.Sprintf("contradicts[%d]", i), id, KindClaim) && id == c.ID {
			v.add(c, fmt.Sprintf("contradicts[%d]", i), RuleUnknownReference, "a claim cannot contradict itself")
		}
	}
	for i, id := range c.Denies {
		if v.ref(c, fmt.Sprintf("denies[%d]", i), id, KindClaim) && id == c.ID {
			v.add(c, fmt.Sprintf("denies[%d]", i), RuleUnknownReference, "a claim cannot deny itself")
		}
	}
	for i, r := range c.Reviews {
		v.review(c, fmt.Sprintf("reviews[%d]", i), r)
	}
}

func (v *validator) stances(stances []*Stance) {
	seen := make(map[[3]string]bool)
	for _, s := range stances {
		first := len(v.problems)
		owner := Node(&Actor{ID: s.ActorID})
		prefix := "stance on " + s.TargetID
		if v.ref(owner, prefix+".actor", s.ActorID, KindActor) {
			owner = v.nodes[s.ActorID]
		}
		v.ref(owner, prefix+".target", s.TargetID, KindPoint, KindPlan)
		if !s.Position.Valid() {
			v.add(owner, prefix+".position", RuleBadEnum, "position %q is not one of SUPPORTS, OPPOSES, CONDITIONAL, UNDECIDED", s.Position)
		}
		if len(s.EvidenceIDs) == 0 {
			v.add(owner, prefix+".evidence", RuleNoEvidence, "a stance must be backed by at least one claim")
		}
		for i, id := range s.EvidenceIDs {
			v.ref(owner, fmt.Sprintf("%s.evidence[%d]", prefix, i), id, KindClaim)
		}
		key := [3]string{s.ActorID, s.TargetID, string(s.Position)}
		if seen[key] {
			v.add(owner, prefix, RuleDuplicateStance, "%s already has a %s stance on %q", s.ActorID, s.Position, s.TargetID)
		}
		seen[key] = true
		// Stances are not nodes: their problems are reported against their
		// actor, and carry the stance itself to tell it from the actor's
		// other stances.
		for i := first; i < len(v.problems); i++ {
			v.problems[i].Entity = s
		}
	}
}

func (v *validator) event(e *Event) {
	v.required(e, "title", e.Title)
	v.date(e, "date", e.Date)
	for i, id := range e.ParticipantIDs {
		v.ref(e, fmt.Sprintf("participants[%d]", i), id, KindActor)
	}
	for i, id := range e.EvidenceIDs {
		v.ref(e, fmt.Sprintf("evidence[%d]", i), id, KindClaim)
	}
}
