package peacegraph

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

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
	// RuleEvidenceNotAboutTarget: a stance's evidence claim that is not
	// about the stance's target.
	RuleEvidenceNotAboutTarget = "evidence-not-about-target"
	// RuleCycle: a chain of references that leads back to where it started
	// (a source that republishes itself, through others or not).
	RuleCycle = "cycle"
	// RuleConflict: two fields that cannot both hold, such as a point
	// both amended and recorded as dropped.
	RuleConflict = "conflict"
	// RuleImpossibleDate: a date that cannot be, such as a source read
	// before it was published, or anything dated after today.
	RuleImpossibleDate = "impossible-date"
)

// Validate checks every rule of the dataset and returns all problems at
// once as Problems, or nil. It expects Complete to have run.
func (d *Dataset) Validate() error {
	v := validator{nodes: map[string]Node{}, latest: latestDate(time.Now())}
	v.ids(d)
	for _, a := range d.Actors {
		v.actor(a)
	}
	for _, p := range d.Plans {
		v.plan(p)
	}
	v.points(d.Points)
	v.versions(d.Plans, d.Points)
	v.companions(d.Plans)
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
	// latest is the last date the record may hold (latestDate).
	latest Date
}

// latestDate is the last date a record may hold at now: tomorrow in UTC,
// which is today somewhere on Earth. A claim dated 2999 is a typo, not a
// prophecy.
func latestDate(now time.Time) Date {
	return Date(now.UTC().AddDate(0, 0, 1).Format(time.DateOnly))
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
	switch {
	case !d.Valid():
		v.add(n, field, RuleBadDate, "%q is not a date of the form YYYY-MM-DD", string(d))
	case d != "" && d > v.latest:
		v.add(n, field, RuleImpossibleDate, "%s is after today: a record holds what has happened", d)
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
	if s.Published.Valid() && s.Retrieved.Valid() && s.Published != "" && s.Retrieved != "" && s.Retrieved < s.Published {
		v.add(s, "retrieved", RuleImpossibleDate, "retrieved %s, before it was published on %s", s.Retrieved, s.Published)
	}
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
		targetOK := v.ref(owner, prefix+".target", s.TargetID, KindPoint, KindPlan)
		if !s.Position.Valid() {
			v.add(owner, prefix+".position", RuleBadEnum, "position %q is not one of SUPPORTS, OPPOSES, CONDITIONAL, UNDECIDED", s.Position)
		}
		if len(s.EvidenceIDs) == 0 {
			v.add(owner, prefix+".evidence", RuleNoEvidence, "a stance must be backed by at least one claim")
		}
		for i, id := range s.EvidenceIDs {
			field := fmt.Sprintf("%s.evidence[%d]", prefix, i)
			if !v.ref(owner, field, id, KindClaim) {
				continue
			}
			// A stance is on what its evidence speaks of (docs/rules.md,
			// "What a stance is on"), so that no stance on a point is
			// inferred from words about the plan, or the other way round.
			// A broken target or about is reported where it is, once.
			if c := v.nodes[id].(*Claim); targetOK && v.known(c.AboutIDs) && !contains(c.AboutIDs, s.TargetID) {
				v.add(owner, field, RuleEvidenceNotAboutTarget, "claim %q is not about %q (its about: %s), so it is no evidence of a stance on it", id, s.TargetID, strings.Join(c.AboutIDs, ", "))
			}
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

// known reports whether every ID names a node of the dataset.
func (v *validator) known(ids []string) bool {
	for _, id := range ids {
		if _, ok := v.nodes[id]; !ok {
			return false
		}
	}
	return true
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

// republications checks that each republished report exists and that no
// chain of republications leads back to where it started.
func (v *validator) republications(sources []*Source) {
	for _, s := range sources {
		if s.Republishes == "" {
			continue
		}
		if !v.ref(s, "republishes", s.Republishes, KindSource) {
			continue
		}
		seen := map[string]bool{s.ID: true}
		for cur := s.Republishes; cur != ""; {
			if seen[cur] {
				v.add(s, "republishes", RuleCycle, "source %q republishes itself through a chain of republications", s.ID)
				break
			}
			seen[cur] = true
			next, ok := v.nodes[cur].(*Source)
			if !ok {
				break
			}
			cur = next.Republishes
		}
	}
}

func (v *validator) review(c *Claim, field string, r Review) {
	v.required(c, field+".reviewer", r.Reviewer)
	v.required(c, field+".rating", r.Rating)
	v.date(c, field+".date", r.Date)
	if r.RatingValue == 0 && r.BestRating == 0 && r.WorstRating == 0 {
		return
	}
	if r.BestRating == 0 {
		v.add(c, field+".best_rating", RuleRequired, "a numeric rating needs best_rating, the top of its scale")
		return
	}
	if r.WorstRating > r.RatingValue || r.RatingValue > r.BestRating {
		v.add(c, field+".rating_value", RuleBadNumber,
			"rating_value %d must lie between worst_rating %d and best_rating %d", r.RatingValue, r.WorstRating, r.BestRating)
	}
}

func (v *validator) dispute(d *Dispute) {
	v.required(d, "question", d.Question)
	for i, id := range d.AboutIDs {
		v.ref(d, fmt.Sprintf("about[%d]", i), id, KindActor, KindPoint, KindPlan)
	}
	if len(d.Sides) < 2 {
		v.add(d, "sides", RuleRequired, "a dispute needs at least two sides, it has %d", len(d.Sides))
	}
	for i, s := range d.Sides {
		field := fmt.Sprintf("sides[%d]", i)
		v.required(d, field+".label", s.Label)
		if len(s.ClaimIDs) == 0 {
			v.add(d, field+".claims", RuleRequired, "each side of a dispute needs at least one claim")
		}
		for j, id := range s.ClaimIDs {
			v.ref(d, fmt.Sprintf("%s.claims[%d]", field, j), id, KindClaim)
		}
	}
}

// versions checks what links a plan to the one it revises: a point amends
// a point of the revised plan, and the recorded changes name points of the
// revised plan, each at most once and never one that is also amended.
func (v *validator) versions(plans []*Plan, points []*Point) {
	plans2 := make(map[string]*Plan)
	for _, p := range plans {
		if _, ok := plans2[p.ID]; !ok {
			plans2[p.ID] = p
		}
	}
	amended := make(map[string]map[string]bool) // plan ID -> amended point IDs
	for _, pt := range points {
		if pt.Amends == "" {
			continue
		}
		target, ok := v.nodes[pt.Amends].(*Point)
		if !ok {
			continue // points() reported it
		}
		plan := plans2[pt.PlanID]
		switch {
		case plan == nil:
		case plan.Revises == "" && plan.Accompanies != "":
			v.add(pt, "amends", RuleUnknownReference,
				"point %q amends %q, but plan %q accompanies %q and is not a version of it: a companion's points amend nothing", pt.ID, pt.Amends, plan.ID, plan.Accompanies)
		case plan.Revises == "":
			v.add(pt, "amends", RuleUnknownReference,
				"point %q amends %q, but plan %q revises no plan (set revises on the plan)", pt.ID, pt.Amends, plan.ID)
		case target.PlanID != plan.Revises:
			v.add(pt, "amends", RuleUnknownReference,
				"%q is a point of plan %q, but plan %q revises %q", pt.Amends, target.PlanID, plan.ID, plan.Revises)
		default:
			if amended[plan.ID] == nil {
				amended[plan.ID] = make(map[string]bool)
			}
			amended[plan.ID][pt.Amends] = true
		}
	}
	for _, p := range plans {
		if p.Revises == "" && len(p.SeedChanges) > 0 {
			if p.Accompanies != "" {
				v.add(p, "changes", RuleUnknownReference, "plan %q accompanies %q and is not a version of it, so it records no changes", p.ID, p.Accompanies)
			} else {
				v.add(p, "changes", RuleUnknownReference, "only a plan that revises another records changes (set revises)")
			}
			continue
		}
		seen := make(map[string]int)
		for i, c := range p.SeedChanges {
			field := fmt.Sprintf("changes[%d]", i)
			if !c.Status.validSeed() {
				v.add(p, field+".status", RuleBadEnum, "status %q is not one of KEPT, DROPPED, UNKNOWN (CHANGED and ADDED follow from the points' amends)", c.Status)
			}
			for j, id := range c.EvidenceIDs {
				v.ref(p, fmt.Sprintf("%s.evidence[%d]", field, j), id, KindClaim)
			}
			if !v.ref(p, field+".point", c.PointID, KindPoint) {
				continue
			}
			if pt := v.nodes[c.PointID].(*Point); pt.PlanID != p.Revises {
				v.add(p, field+".point", RuleUnknownReference, "%q is a point of plan %q, not of %q, the plan this one revises", c.PointID, pt.PlanID, p.Revises)
				continue
			}
			if prev, dup := seen[c.PointID]; dup {
				v.add(p, field+".point", RuleDuplicateID, "point %q already has a change (changes[%d])", c.PointID, prev)
				continue
			}
			seen[c.PointID] = i
			if amended[p.ID][c.PointID] && (c.Status == ChangeKept || c.Status == ChangeDropped) {
				v.add(p, field+".status", RuleConflict, "point %q is amended by a point of this plan, so it cannot be %s", c.PointID, c.Status)
			}
		}
	}
}

// companions checks what links a companion document to the plan it
// accompanies: a plan other than itself, which accompanies nothing (so a
// companion leads to a plan of its own in one step and no chain of them
// can loop), and no revises beside it, since a companion is not a version
// of anything and has no changes to derive.
func (v *validator) companions(plans []*Plan) {
	for _, p := range plans {
		if p.Accompanies == "" {
			continue
		}
		if !v.ref(p, "accompanies", p.Accompanies, KindPlan) {
			continue
		}
		if p.Accompanies == p.ID {
			v.add(p, "accompanies", RuleUnknownReference, "a plan cannot accompany itself")
			continue
		}
		if p.Revises != "" {
			v.add(p, "accompanies", RuleConflict,
				"plan %q both revises %q and accompanies %q: a companion is not a version (keep one of the two)", p.ID, p.Revises, p.Accompanies)
		}
		target := v.nodes[p.Accompanies].(*Plan)
		if target.Accompanies == "" {
			continue
		}
		if v.accompaniesBack(p) {
			v.add(p, "accompanies", RuleCycle, "plan %q accompanies itself through a chain of companions", p.ID)
			continue
		}
		v.add(p, "accompanies", RuleUnknownReference,
			"%q is itself a companion (it accompanies %q): a companion names a plan of its own", p.Accompanies, target.Accompanies)
	}
}

// accompaniesBack reports whether following accompanies from p leads back
// to p.
func (v *validator) accompaniesBack(p *Plan) bool {
	seen := map[string]bool{}
	for cur := p.Accompanies; cur != "" && !seen[cur]; {
		if cur == p.ID {
			return true
		}
		seen[cur] = true
		next, ok := v.nodes[cur].(*Plan)
		if !ok {
			return false
		}
		cur = next.Accompanies
	}
	return false
}

// InvalidDataset returns the error a Store's Load gives for a dataset that
// breaks rules: its code is EINVALID (ErrorCode and ErrorMessage see it as
// a domain error listing every problem), and the Problems stay reachable
// with errors.As, so a loader can still point at each seed line.
func InvalidDataset(ps Problems) error {
	return &invalidDatasetError{
		err:      &Error{Code: EINVALID, Field: "dataset", Message: ps.Error()},
		problems: ps,
	}
}

// invalidDatasetError joins the domain error and the problems behind it.
type invalidDatasetError struct {
	err      *Error
	problems Problems
}

func (e *invalidDatasetError) Error() string { return e.err.Error() }

// Unwrap exposes both the *Error and the Problems to errors.As.
func (e *invalidDatasetError) Unwrap() []error { return []error{e.err, e.problems} }

// CheckDataset completes and validates d, returning nil or the EINVALID
// error of InvalidDataset. Stores call it at the start of Load.
func CheckDataset(d *Dataset) error {
	if d == nil {
		return FieldErrorf(EINVALID, "dataset", "no dataset given")
	}
	d.Complete()
	err := d.Validate()
	if err == nil {
		return nil
	}
	var ps Problems
	if errors.As(err, &ps) {
		return InvalidDataset(ps)
	}
	return &Error{Code: EINVALID, Field: "dataset", Message: err.Error()}
}

// ValidID reports whether id is a well-formed node ID (a lower-case slug,
// the seeds' rule), so that an API can reject a malformed ID as bad input
// before it asks a store.
func ValidID(id string) bool { return validID(id) }
