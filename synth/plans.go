package synth

import (
	"fmt"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// The plans of a replica, five as in seeds/: a companion document that
// accompanies the main plan, with no points, loaded first as the seeds'
// security-guarantee draft is (so the default plan skips it); the main
// plan of 28 points; a counter-proposal that revises it, whose points
// amend seven of its points and add one, with the fate of three more
// recorded; a revision with no published points whose changes are all
// that is on record; and a document that revises nothing. So every plan
// change is exercised: CHANGED and ADDED from the points, KEPT, DROPPED
// and UNKNOWN from the recorded changes.

// pointTemplate is one point of the main plan. concededBy names parties
// by roster: "A", "B", "alliance", "bloc".
type pointTemplate struct {
	topic, title, summary string
	concededBy            []string
}

var mainPoints = []pointTemplate{
	{"sovereignty", "{A}'s sovereignty reaffirmed", "{A}'s sovereignty is to be confirmed.", nil},
	{"non-aggression", "Comprehensive non-aggression agreement", "{B}, {A} and the {Bloc} conclude a non-aggression agreement, and all disputes of the last {n} years are considered settled.", nil},
	{"alliance", "No further {Alliance} enlargement", "{B} is expected not to invade its neighbours, and the {Alliance} is expected not to expand further.", []string{"alliance", "B"}},
	{"alliance", "{M}-mediated dialogue with the {Alliance}", "{M} mediates a dialogue between {B} and the {Alliance} on all security questions.", nil},
	{"security-guarantees", "Security guarantees for {A}", "{A} receives reliable security guarantees.", nil},
	{"military", "Cap on {A}'s armed forces", "{A}'s armed forces are limited to {n}0,000 personnel.", []string{"A"}},
	{"alliance", "{A} renounces {Alliance} membership", "{A} writes into its constitution that it will not join the {Alliance}.", []string{"A"}},
	{"alliance", "No {Alliance} troops in {A}", "The {Alliance} agrees not to station troops in {A}.", []string{"alliance"}},
	{"military", "Fighter jets stationed with an ally", "{Bloc} fighter jets are stationed in a neighbouring member state.", nil},
	{"security-guarantees", "A conditional guarantee from {M}", "{M} guarantees {A}'s security in return for compensation, and the guarantee lapses if {A} attacks first.", nil},
	{"bloc", "{A} eligible for {Bloc} membership", "{A} is eligible for {Bloc} membership and gets short-term preferential market access.", nil},
	{"reconstruction", "A global reconstruction package", "A package of measures rebuilds {A}, including a development fund for growth industries.", nil},
	{"sanctions", "Sanctions lifted in stages", "Sanctions on {B} are lifted in stages and case by case.", []string{"bloc"}},
	{"reconstruction", "Frozen assets put to reconstruction", "{n} billion of {B}'s frozen assets are invested in rebuilding {A}.", []string{"B"}},
	{"security-guarantees", "A joint security working group", "A joint working group on security questions is set up to enforce the agreement.", nil},
	{"non-aggression", "{B} legislates non-aggression", "{B} writes a policy of non-aggression towards its neighbours into law.", nil},
	{"nuclear", "Arms control treaties extended", "{M} and {B} extend the treaties on the non-proliferation and control of nuclear weapons.", nil},
	{"nuclear", "{A} stays non-nuclear", "{A} agrees to remain a non-nuclear state under the non-proliferation treaty.", []string{"A"}},
	{"nuclear", "Power plant under international supervision", "The {city} power plant restarts under international supervision, its output shared.", nil},
	{"society", "Education for tolerance", "Both countries adopt school programmes that promote understanding and tolerance.", nil},
	{"territory", "Lines of control recognised de facto", "The eastern provinces are recognised de facto as held by {B}.", []string{"A"}},
	{"territory", "No change of lines by force", "Both parties undertake not to change the territorial arrangements by force.", nil},
	{"economy", "Free navigation on the river", "{B} does not obstruct {A}'s use of the river for commercial shipping.", nil},
	{"humanitarian", "Exchange of prisoners", "All prisoners and bodies are exchanged on an all-for-all basis, and civilians return home.", nil},
	{"elections", "Elections in {A}", "{A} holds elections within {n}0 days of signing.", nil},
	{"amnesty", "Full amnesty for all parties", "All parties receive full amnesty for their actions during the war.", []string{"A", "B"}},
	{"governance", "A Peace Council chaired by {M}", "The agreement is legally binding and overseen by a Peace Council chaired by the President of {M}.", nil},
	{"ceasefire", "Ceasefire on agreement", "Once all parties agree, a ceasefire takes effect immediately.", nil},
}

// versionPoints are the counter-proposal's points: seven amend the main
// plan's point of the same number, the last (number 29) is new.
var versionPoints = []struct {
	number int
	pointTemplate
}{
	{6, pointTemplate{"military", "Cap on {A}'s armed forces in peacetime", "{A}'s peacetime armed forces are capped at {n}0,000.", []string{"A"}}},
	{7, pointTemplate{"alliance", "{Alliance} membership left to consensus", "{A}'s accession to the {Alliance} depends on the consensus of its members.", nil}},
	{8, pointTemplate{"alliance", "No standing troops in peacetime", "The {Alliance} agrees not to station troops in {A} in peacetime.", nil}},
	{14, pointTemplate{"reconstruction", "Frozen assets stay frozen until compensation", "{B}'s frozen assets stay frozen until {B} compensates {A} for the damage.", []string{"B"}}},
	{21, pointTemplate{"territory", "Negotiations start from the line of contact", "Territorial questions are negotiated starting from the current line of contact.", []string{"A"}}},
	{25, pointTemplate{"elections", "Elections as soon as possible", "{A} holds elections as soon as possible after signing.", nil}},
	{27, pointTemplate{"governance", "Council shared with the {Bloc}", "The Peace Council is chaired jointly by {M} and the {Bloc}.", nil}},
	{29, pointTemplate{"humanitarian", "Return of deported children", "All children deported during the war are returned to their families.", nil}},
}

func (w *replica) fillPoint(t string) string {
	return strings.ReplaceAll(w.fill(t), "{n}", fmt.Sprint(w.r.between(2, 9)))
}

func (w *replica) conceders(roles []string) []string {
	var ids []string
	for _, role := range roles {
		switch role {
		case "A":
			ids = append(ids, w.govs[govA].ID)
		case "B":
			ids = append(ids, w.govs[govB].ID)
		case "alliance":
			ids = append(ids, w.orgs[orgAlliance].ID)
		case "bloc":
			ids = append(ids, w.orgs[orgBloc].ID)
		}
	}
	return ids
}

func (w *replica) newPlan(p *peacegraph.Plan) *peacegraph.Plan {
	w.d.Plans = append(w.d.Plans, p)
	return p
}

func (w *replica) newPoint(plan *peacegraph.Plan, number int, t pointTemplate, sources []*genSource) *peacegraph.Point {
	pt := &peacegraph.Point{
		ID: fmt.Sprintf("%s-%d", plan.ID, number), PlanID: plan.ID, Number: number,
		Title: w.fillPoint(t.title), Summary: w.fillPoint(t.summary), Topic: t.topic,
		Concession: len(t.concededBy) > 0, ConcededByIDs: w.conceders(t.concededBy),
	}
	for _, s := range sources {
		pt.SourceIDs = append(pt.SourceIDs, s.ID)
	}
	w.d.Points = append(w.d.Points, pt)
	return pt
}

func (w *replica) plans() {
	A, M, bloc := w.govs[govA], w.govs[govM], w.orgs[orgBloc]
	w.main = w.newPlan(&peacegraph.Plan{
		ID:    w.id(M.Name, "28-point-plan"),
		Title: M.Name + " 28-point peace plan",
		Summary: w.fill("Draft framework for ending the war between {B} and {A}, attributed to " +
			w.people[envoyM].Name + " of {M} in consultation with " + w.people[envoyB].Name +
			" of {B}. Its points leaked over two days; who wrote it is disputed."),
		Date:      w.date(mainPlanDay),
		AuthorIDs: []string{w.people[envoyM].ID, w.people[envoyB].ID},
	})
	// The companion is made once the main plan is, which it names, and
	// put before it in load order; it draws nothing from the random
	// stream, so the rest of the replica is as it was without it.
	w.companion = &peacegraph.Plan{
		ID:    w.id(M.Name, "security-guarantee-draft"),
		Title: "Draft " + M.Name + " security-guarantee framework for " + A.Name,
		Summary: w.fill("A separate draft of guarantees for {A}'s security, published alongside the main plan " +
			"and not a version of it; its text is not published, so it has no points here."),
		Date:        w.date(mainPlanDay + 1),
		AuthorIDs:   []string{M.ID},
		Accompanies: w.main.ID,
	}
	w.d.Plans = append([]*peacegraph.Plan{w.companion}, w.d.Plans...)
	w.points = make(map[int]*peacegraph.Point)
	carriers := w.sources[firstPlanSrc:firstVersion]
	for i, t := range mainPoints {
		w.points[i+1] = w.newPoint(w.main, i+1, t, sample(w.r, carriers, w.r.between(3, 5)))
	}
	w.versionA = w.newPlan(&peacegraph.Plan{
		ID:        w.id(bloc.Name, "counter-proposal"),
		Title:     bloc.Name + " counter-proposal",
		Summary:   "The counter-proposal of three allied governments, revising the main plan point by point.",
		Date:      w.date(versionADay),
		AuthorIDs: []string{w.govs[govAllyLead].ID, w.govs[govAllyLead+1].ID, w.govs[govAllyLead+2].ID},
		Revises:   w.main.ID,
	})
	for _, v := range versionPoints {
		pt := w.newPoint(w.versionA, v.number, v.pointTemplate, sample(w.r, w.sources[firstVersion:firstRepub], w.r.between(2, 3)))
		if v.number <= len(mainPoints) {
			pt.Amends = w.points[v.number].ID
		}
		w.amending = append(w.amending, pt)
	}
	w.document = w.newPlan(&peacegraph.Plan{
		ID:        w.id(bloc.Name, "24-point-document"),
		Title:     bloc.Name + " 24-point document",
		Summary:   "A document of the bloc's own, reported but not published; its points are not on record.",
		Date:      w.date(documentDay),
		AuthorIDs: []string{bloc.ID},
	})
	w.versionB = w.newPlan(&peacegraph.Plan{
		ID:    w.id(M.Name, A.Name, "19-point-revision"),
		Title: M.Name + "–" + A.Name + " revision (19 points)",
		Summary: "The framework the two delegations revised after their talks. Its text is not " +
			"published, so its points are not recorded; what was reported of it is kept as changes.",
		Date:      w.date(versionBDay),
		AuthorIDs: []string{M.ID, A.ID},
		Revises:   w.main.ID,
	})
}
