package synth

import (
	"fmt"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// The claims of a replica and what they are evidence of: 241 claims (as
// in seeds/), 35 stances, 15 events, 8 disputes and the recorded plan
// changes. Claims are made for what they back (a stance, an event, a side
// of a dispute, a point), then the general reporting, the denials and the
// reviews; their certainties and dates follow the real proportions.

// claimSpec is what a new claim is made of.
type claimSpec struct {
	who       *peacegraph.Actor // nil: the outlet's own reporting
	hint      string            // a word for the ID
	text      string
	saying    string
	certainty peacegraph.Certainty
	day       int // -1: undated
	about     []string
	// cite, when set, are the sources the claim cites; otherwise sources
	// of its day.
	cite []*genSource
	// sentence is how a stored text prints the claim, with the saying in
	// quotation marks; "" leaves it to the text's own phrasing.
	sentence string
}

func (w *replica) claim(s claimSpec) *genClaim {
	w.seq++
	who := s.hint
	if s.who != nil {
		who = shortName(s.who)
	}
	c := &genClaim{
		Claim: &peacegraph.Claim{
			ID:        fmt.Sprintf("%s-%s-c%d", slug(who), w.tag, w.seq),
			Text:      s.text,
			AboutIDs:  dedupe(s.about),
			Certainty: s.certainty,
			Date:      w.date(s.day),
		},
		day: s.day, saying: s.saying,
	}
	if s.who != nil {
		c.ClaimantID = s.who.ID
		c.speaker = subject(s.who)
		if s.who.Kind == peacegraph.ActorPerson {
			// "Name, Role, said ...": the templates put the verb right after.
			c.speaker += ", " + s.who.Role + ","
		}
	}
	c.sentence = s.sentence
	cite := s.cite
	if cite == nil {
		cite = w.sourcesNear(s.day, 1+boolInt(w.seq%9 < 7))
	}
	for _, src := range cite {
		ct := peacegraph.Citation{SourceID: src.ID, Start: -1, End: -1}
		if w.r.chance(25) {
			ct.Quote = s.saying
		}
		c.Citations = append(c.Citations, ct)
	}
	w.claims = append(w.claims, c)
	return c
}

// subject is how a sentence names an actor: "the" before an
// organization, which the stored texts capitalise at a sentence's start.
func subject(a *peacegraph.Actor) string {
	if a.Kind == peacegraph.ActorOrganization {
		return "the " + a.Name
	}
	return a.Name
}

// shortName is the word of an actor's name an ID starts with.
func shortName(a *peacegraph.Actor) string {
	switch a.Kind {
	case peacegraph.ActorPerson:
		return lastName(a.Name)
	case peacegraph.ActorOrganization:
		return initials(a.Name)
	}
	return a.Name
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func dedupe(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// dayOr returns day, or undated (-1) with the given chance, the way much
// reporting shows no date.
func (w *replica) dayOr(day int, undatedPct int) int {
	if w.r.chance(undatedPct) {
		return -1
	}
	return day
}

func (w *replica) record() {
	general := w.generalClaims()
	w.pointClaims()
	w.changes()
	w.stances()
	w.events()
	w.disputes()
	w.denials(general)
}

// allActors is every party of the replica, in roster order.
func (w *replica) allActors() []*peacegraph.Actor {
	return append(append(append([]*peacegraph.Actor(nil), w.govs...), w.orgs...), w.people...)
}

// generalClaims makes the day-to-day reporting: 22 reactions on the
// record (two of them about parties of the previous replica), 13 reports
// from unnamed sources and 16 pieces of analysis. It returns the reports,
// which the denials, reviews and contradictions name.
func (w *replica) generalClaims() []*genClaim {
	r := w.r
	var stated []*genClaim
	for i := 0; i < 22; i++ {
		who := pick(r, w.people)
		saying := pick(r, reactionSayings)
		about := []string{w.main.ID, who.Affiliations[0].ActorID, pick(r, w.allActors()).ID}
		text := fmt.Sprintf("%s said the %s was %s.", who.Name, w.main.Title, saying)
		if i < 2 {
			about = append(about, w.prevActors[i])
			text = fmt.Sprintf("%s compared the %s with the terms put to a neighbouring party.", who.Name, w.main.Title)
		}
		stated = append(stated, w.claim(claimSpec{who: who, text: text, saying: saying,
			certainty: peacegraph.Stated, day: w.dayOr(r.intn(span), 45), about: about}))
	}
	var reports []*genClaim
	for i := 0; i < 13; i++ {
		saying := pick(r, reportedSayings)
		day := r.between(5, span-20)
		if i >= 9 && r.chance(80) {
			day = -1
		}
		text := fmt.Sprintf("Unnamed officials said the %s was %s.", w.main.Title, saying)
		about := []string{w.main.ID, w.govs[govM].ID, pick(r, w.govs).ID}
		if i == 0 {
			// One report is about the companion document and the main
			// plan both: the evidence of the link between them.
			text = fmt.Sprintf("Unnamed officials said the %s, published alongside the %s, was %s.", w.companion.Title, w.main.Title, saying)
			about = append([]string{w.companion.ID}, about...)
		}
		c := w.claim(claimSpec{hint: "officials", text: text,
			saying: saying, certainty: peacegraph.Reported, day: day, about: about})
		reports = append(reports, c)
	}
	for i := 0; i < 16; i++ {
		saying := pick(r, analysisSayings)
		about := []string{w.main.ID}
		if i%2 == 1 {
			about = append(about, w.points[r.between(1, len(mainPoints))].ID)
		}
		w.claim(claimSpec{hint: "analysis", text: fmt.Sprintf("An analysis of the %s found it %s.", w.main.Title, saying),
			saying: saying, certainty: peacegraph.Analysis, day: w.dayOr(r.intn(span), 60), about: about,
			sentence: "Our analysis finds the plan “{saying}”."})
	}
	// Two reports contradicted by what was said on the record.
	for i, c := range reports[8:10] {
		c.Contradicts = append(c.Contradicts, stated[2+i].ID)
	}
	// Three reports reviewed by fact-checkers.
	for i, c := range reports[5:8] {
		// An invented fact-checker, named like the outlets.
		reviewer := strings.Fields(pick(r, w.pubs))[0] + " Fact Check"
		rv := peacegraph.Review{Reviewer: reviewer, Rating: pick(r, ratings),
			Explanation: "The officials quoted could not be identified and the text was not published.",
			URL:         fmt.Sprintf("https://%s.example/checks/%s", slug(reviewer), c.ID)}
		if c.day >= 0 {
			rv.Date = w.date(c.day + r.between(1, 5))
		}
		if i != 1 {
			rv.WorstRating, rv.BestRating = 1, 5
			rv.RatingValue = r.between(1, 5)
		}
		c.Reviews = append(c.Reviews, rv)
	}
	return reports
}

// pointClaims makes the reports and analyses of what points say: 34 on
// the main plan's points and one on each point of the counter-proposal,
// each citing the reports that carry the point.
func (w *replica) pointClaims() {
	r := w.r
	byID := make(map[string]*genSource, len(w.sources))
	for _, s := range w.sources {
		byID[s.ID] = s
	}
	carried := func(pt *peacegraph.Point) []*genSource {
		var out []*genSource
		for _, id := range pt.SourceIDs {
			out = append(out, byID[id])
		}
		return sample(r, out, r.between(1, 2))
	}
	point := func(pt *peacegraph.Point, plan *peacegraph.Plan, day int, analysis bool) {
		saying := strings.TrimSuffix(pt.Summary, ".")
		spec := claimSpec{hint: "report", saying: saying, certainty: peacegraph.Reported, day: day,
			about: append([]string{pt.ID, plan.ID}, pt.ConcededByIDs...), cite: carried(pt),
			text:     fmt.Sprintf("Reports of the %s's text said point %d provides: %s", plan.Title, pt.Number, pt.Summary),
			sentence: fmt.Sprintf("Point %d of the leaked text reads: “{saying}”.", pt.Number)}
		if analysis {
			spec.hint, spec.certainty = "analysis", peacegraph.Analysis
			spec.text = fmt.Sprintf("An analysis said point %d of the %s would mean: %s", pt.Number, plan.Title, pt.Summary)
			spec.sentence = fmt.Sprintf("In practice, point %d means “{saying}”.", pt.Number)
		}
		w.claim(spec)
	}
	for i := 0; i < 34; i++ {
		pt := w.points[i%len(mainPoints)+1]
		day := mainPlanDay + r.intn(4)
		if r.chance(65) {
			day = -1
		}
		point(pt, w.main, day, i%6 == 5)
	}
	for i, pt := range w.amending {
		point(pt, w.versionA, w.dayOr(versionADay+r.intn(4), 40), i >= 6)
	}
}

// changes records what is on record of the fate of points the versions
// do not amend, with the claims that report it: a drop reported by two
// claims over several sources, a point kept, others left open.
func (w *replica) changes() {
	r := w.r
	evidence := func(plan *peacegraph.Plan, number int, st peacegraph.ChangeStatus, day int, analysis bool) *genClaim {
		pt := w.points[number]
		saying := changeSayings[st]
		spec := claimSpec{hint: "report", certainty: peacegraph.Reported, day: day, saying: saying,
			about: []string{pt.ID, plan.ID},
			text:  fmt.Sprintf("Reports on the %s said point %d (%s) was %s.", plan.Title, number, pt.Title, saying)}
		if analysis {
			spec.hint, spec.certainty = "analysis", peacegraph.Analysis
		}
		if st != peacegraph.ChangeUnknown {
			spec.cite = w.sourcesNear(day, 3)
		}
		return w.claim(spec)
	}
	a1 := evidence(w.versionA, 26, peacegraph.ChangeDropped, versionADay+1, false)
	a2 := evidence(w.versionA, 26, peacegraph.ChangeDropped, versionADay+2, false)
	a3 := evidence(w.versionA, 1, peacegraph.ChangeKept, versionADay+2, false)
	a4 := evidence(w.versionA, 13, peacegraph.ChangeUnknown, -1, true)
	w.versionA.SeedChanges = []peacegraph.PointChange{
		{PointID: w.points[26].ID, Status: peacegraph.ChangeDropped, EvidenceIDs: []string{a1.ID, a2.ID}, Note: "Omitted from the published text."},
		{PointID: w.points[1].ID, Status: peacegraph.ChangeKept, EvidenceIDs: []string{a3.ID}},
		{PointID: w.points[13].ID, Status: peacegraph.ChangeUnknown, EvidenceIDs: []string{a4.ID}, Note: "A single report."},
	}
	b1 := evidence(w.versionB, 6, peacegraph.ChangeUnknown, versionBDay+r.intn(3), false)
	b2 := evidence(w.versionB, 7, peacegraph.ChangeUnknown, versionBDay+r.intn(3), false)
	b3 := evidence(w.versionB, 11, peacegraph.ChangeKept, versionBDay+1, false)
	b4 := evidence(w.versionB, 21, peacegraph.ChangeUnknown, -1, true)
	w.versionB.SeedChanges = []peacegraph.PointChange{
		{PointID: w.points[6].ID, Status: peacegraph.ChangeUnknown, EvidenceIDs: []string{b1.ID}, Note: "Reported dropped by a single source."},
		{PointID: w.points[7].ID, Status: peacegraph.ChangeUnknown, EvidenceIDs: []string{b2.ID}},
		{PointID: w.points[11].ID, Status: peacegraph.ChangeKept, EvidenceIDs: []string{b2.ID, b3.ID}},
		{PointID: w.points[21].ID, Status: peacegraph.ChangeUnknown, EvidenceIDs: []string{b4.ID}, Note: "Left for the presidents."},
		{PointID: w.points[26].ID, Status: peacegraph.ChangeDropped, EvidenceIDs: []string{b1.ID, b3.ID}},
	}
}

// stanceSpec is a stance to make, with the days of its evidence.
type stanceSpec struct {
	actor    *peacegraph.Actor
	target   string
	position peacegraph.Position
	days     []int
}

// stances makes 35 stances backed by 61 claims: three actors whose
// position on a target changes over the months, one that is reported in
// two positions on the same day (a contradiction by the positions rule),
// and 26 single stances.
func (w *replica) stances() {
	r := w.r
	hA, hB, fB, bloc := w.people[headA], w.people[headB], w.people[foreignB], w.orgs[orgBloc]
	p21 := w.points[21].ID
	specs := []stanceSpec{
		{hA, w.main.ID, peacegraph.Opposes, []int{12, 16}},
		{hA, w.main.ID, peacegraph.Conditional, []int{60, 66}},
		{hA, w.main.ID, peacegraph.Supports, []int{150, 158}},
		{hB, w.main.ID, peacegraph.Conditional, []int{14, 20}},
		{hB, w.main.ID, peacegraph.Opposes, []int{90, 95}},
		{bloc, p21, peacegraph.Opposes, []int{22, 30}},
		{bloc, p21, peacegraph.Undecided, []int{120, 126}},
		{fB, w.versionA.ID, peacegraph.Opposes, []int{40}},
		{fB, w.versionA.ID, peacegraph.Conditional, []int{40}},
	}
	taken := map[string]bool{hA.ID: true, hB.ID: true, fB.ID: true, bloc.ID: true}
	var others []*peacegraph.Actor
	for _, a := range w.allActors() {
		if !taken[a.ID] {
			others = append(others, a)
		}
	}
	plans := []string{w.main.ID, w.versionA.ID, w.versionB.ID, w.document.ID}
	positions := []peacegraph.Position{peacegraph.Supports, peacegraph.Opposes, peacegraph.Conditional, peacegraph.Supports, peacegraph.Opposes, peacegraph.Conditional, peacegraph.Undecided}
	for i, a := range sample(r, others, 26) {
		target := plans[i%len(plans)]
		if i >= 18 {
			target = w.points[r.between(1, len(mainPoints))].ID
			if i%3 == 0 {
				target = pick(r, w.amending).ID
			}
		}
		day := r.between(10, span-15)
		days := []int{day}
		if i < 19 {
			days = append(days, day+r.between(2, 9))
		}
		specs = append(specs, stanceSpec{a, target, pick(r, positions), days})
	}
	label := w.labels()
	for _, s := range specs {
		st := &peacegraph.Stance{ActorID: s.actor.ID, TargetID: s.target, Position: s.position}
		for _, day := range s.days {
			saying := pick(r, positionSayings[s.position])
			spec := claimSpec{who: s.actor, saying: saying, certainty: peacegraph.Stated, day: day,
				about: append([]string{s.target, s.actor.ID}, w.planOf(s.target)),
				text:  capitalise(fmt.Sprintf("%s said %s was %s.", subject(s.actor), label[s.target], saying))}
			if w.seq%4 == 3 {
				spec.certainty = peacegraph.Reported
				spec.text = capitalise(fmt.Sprintf("%s was reported to regard %s as %s.", subject(s.actor), label[s.target], saying))
			}
			st.EvidenceIDs = append(st.EvidenceIDs, w.claim(spec).ID)
		}
		if len(s.days) == 1 && s.actor == fB {
			st.Note = "Reported in both positions on the same day."
		}
		w.d.Stances = append(w.d.Stances, st)
	}
}

// labels names each plan and point as a sentence mentions it.
func (w *replica) labels() map[string]string {
	m := make(map[string]string)
	for _, p := range w.d.Plans {
		m[p.ID] = "the " + p.Title
	}
	for _, pt := range w.d.Points {
		m[pt.ID] = fmt.Sprintf("point %d (%s)", pt.Number, pt.Title)
	}
	return m
}

// planOf is the plan a target belongs to: itself for a plan.
func (w *replica) planOf(target string) string {
	for _, pt := range w.d.Points {
		if pt.ID == target {
			return pt.PlanID
		}
	}
	return target
}

var eventTitles = []string{
	"{p0} presents the plan to {p1} in {place}",
	"Talks on the plan in {place}",
	"{p0} and {p1} meet in {place}",
	"Phone call between {p0} and {p1}",
	"Delegations meet in {place}",
	"{p0} briefs allies in {place}",
}

// events makes 15 events with 51 participations and 39 evidence claims
// that name the participants.
func (w *replica) events() {
	r := w.r
	persons := w.people
	for i := 0; i < 15; i++ {
		n := 3
		if i < 6 {
			n = 4
		}
		participants := sample(r, persons[:18], 2)
		for len(participants) < n {
			a := pick(r, w.allActors())
			if !containsActor(participants, a) {
				participants = append(participants, a)
			}
		}
		place := pick(r, append(append([]string(nil), w.capitals[:6]...), w.cities...))
		title := strings.NewReplacer("{p0}", participants[0].Name, "{p1}", participants[1].Name, "{place}", place).Replace(pick(r, eventTitles))
		day := i*11 + r.intn(8)
		e := &peacegraph.Event{ID: w.id(title) + fmt.Sprintf("-e%d", i+1), Title: title, Date: w.date(day), Place: place}
		if r.chance(60) {
			e.Summary = fmt.Sprintf("%s and %s discuss the %s.", participants[0].Name, participants[1].Name, w.main.Title)
		}
		about := []string{w.main.ID}
		for _, p := range participants {
			e.ParticipantIDs = append(e.ParticipantIDs, p.ID)
			about = append(about, p.ID)
		}
		k := 2
		if i < 9 {
			k = 3
		}
		for j := 0; j < k; j++ {
			saying := pick(r, eventSayings)
			spec := claimSpec{hint: "report", saying: saying, certainty: peacegraph.Reported, day: day, about: about,
				text: fmt.Sprintf("%s and %s met in %s; the meeting was described as %s.", participants[0].Name, participants[1].Name, place, saying)}
			if j == 0 && i < 9 {
				spec.who, spec.certainty = participants[0], peacegraph.Stated
				spec.text = fmt.Sprintf("%s said the meeting in %s with %s was %s.", participants[0].Name, place, participants[1].Name, saying)
			}
			e.EvidenceIDs = append(e.EvidenceIDs, w.claim(spec).ID)
		}
		w.d.Events = append(w.d.Events, e)
	}
}

func containsActor(as []*peacegraph.Actor, a *peacegraph.Actor) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}

// disputeTemplate is a contested question with the answers of its sides,
// as clauses ("{M}'s envoys wrote it").
type disputeTemplate struct {
	slug, question string
	about          func(w *replica) []string
	sides          []string
}

var disputeTemplates = []disputeTemplate{
	{"authorship", "Who wrote the {M} plan?", func(w *replica) []string { return []string{w.main.ID} },
		[]string{"{M}'s envoys wrote it", "it was drafted together with {B}'s envoy", "it is a wish list of {B}"}},
	{"agreement", "Did {A} agree to the revision?", func(w *replica) []string { return []string{w.versionB.ID, w.govs[govA].ID} },
		[]string{"{A} agreed to the deal", "there is only a common understanding on core terms"}},
	{"publication", "When did the full text become public?", func(w *replica) []string { return []string{w.main.ID} },
		[]string{"it was posted online on the evening of the leak", "it was published overnight by a news site", "it was read out in parliament the next day"}},
	{"army-cap", "What cap does point 6 set on {A}'s forces?", func(w *replica) []string { return []string{w.points[6].ID} },
		[]string{"the cap applies at all times", "the cap applies in peacetime only"}},
	{"receipt", "Did {B} receive the plan officially?", func(w *replica) []string { return []string{w.main.ID, w.govs[govB].ID} },
		[]string{"{B} received it through official channels", "{B} received no official text", "the text came only through unofficial channels"}},
	{"consultation", "Was the {Bloc} consulted on the plan?", func(w *replica) []string { return []string{w.main.ID, w.orgs[orgBloc].ID} },
		[]string{"the {Bloc} was briefed in advance", "the {Bloc} learned of it from the press"}},
	{"territory", "Was point 21 dropped from the revision?", func(w *replica) []string { return []string{w.points[21].ID, w.versionB.ID} },
		[]string{"the territorial point was dropped", "the territorial point survived in substance", "the territorial point was left for the presidents"}},
	{"attendance", "Who attended the talks in {city}?", func(w *replica) []string { return []string{w.people[envoyM].ID, w.people[envoyB].ID} },
		[]string{"both envoys attended", "only the envoy of {M} attended"}},
}

// disputes makes 8 disputes with 20 sides backed by 35 claims; in four of
// them the first claims of the first two sides also contradict
// explicitly.
func (w *replica) disputes() {
	r := w.r
	side := 0
	certs := []peacegraph.Certainty{peacegraph.Stated, peacegraph.Reported, peacegraph.Stated, peacegraph.Reported, peacegraph.Stated, peacegraph.Reported, peacegraph.Analysis}
	for i, t := range disputeTemplates {
		d := &peacegraph.Dispute{ID: w.id(t.slug) + fmt.Sprintf("-d%d", i+1), Question: w.fill(t.question), AboutIDs: t.about(w)}
		if r.chance(50) {
			d.Summary = "Accounts differ, and the record shows each with its sources."
		}
		if i == 2 {
			d.Note = "Pages of the time split between two dates, largely by time zone."
		}
		var firsts []*genClaim
		for _, label := range t.sides {
			label = w.fill(label)
			k := 1
			if side < 15 {
				k = 2
			}
			side++
			s := peacegraph.DisputeSide{Label: capitalise(label)}
			for j := 0; j < k; j++ {
				cert := certs[(side+j)%len(certs)]
				spec := claimSpec{hint: "report", saying: label, certainty: cert, day: w.dayOr(r.between(10, span-10), 35), about: d.AboutIDs,
					text: fmt.Sprintf("Reports said %s.", label)}
				switch cert {
				case peacegraph.Stated:
					spec.who = pick(r, w.people)
					spec.text = fmt.Sprintf("%s said %s.", spec.who.Name, label)
				case peacegraph.Analysis:
					spec.hint, spec.text = "analysis", fmt.Sprintf("An analysis concluded %s.", label)
				}
				c := w.claim(spec)
				if j == 0 {
					firsts = append(firsts, c)
				}
				s.ClaimIDs = append(s.ClaimIDs, c.ID)
			}
			d.Sides = append(d.Sides, s)
		}
		if i < 4 {
			firsts[0].Contradicts = append(firsts[0].Contradicts, firsts[1].ID)
		}
		w.d.Disputes = append(w.d.Disputes, d)
	}
}

// denials makes five claims, each denying one of the reports by unnamed
// officials, said by someone of the party concerned.
func (w *replica) denials(reports []*genClaim) {
	r := w.r
	deniers := []*peacegraph.Actor{w.people[spokesPresidency], w.people[pressM], w.people[foreignA], w.people[spokesForeignB], w.people[secretaryM]}
	for i, rep := range reports[:5] {
		who := deniers[i]
		saying := pick(r, denialSayings)
		day := rep.day
		if day >= 0 {
			day += r.between(0, 3)
		}
		c := w.claim(claimSpec{who: who, saying: saying, certainty: peacegraph.Denied, day: day, about: rep.AboutIDs,
			text: fmt.Sprintf("%s denied that the plan was %s, calling the report %s.", who.Name, rep.saying, saying)})
		c.Denies = []string{rep.ID}
	}
}
