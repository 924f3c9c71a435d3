package synth

import (
	"fmt"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// The sources of a replica, 154 as in seeds/: a few with their full text
// stored, the reports that carry the plan's points, republications (one
// of them a copy of a copy), and the day-to-day reporting. About two in
// five are dated, as in the real record, where many pages show no date.

const (
	textSources   = 4  // sources 0..3 have stored texts
	planSources   = 12 // sources 4..15 carry the main plan's points
	versionSrcs   = 3  // sources 16..18 carry the counter-proposal's points
	republished   = 22 // sources 19..40 republish others
	totalSources  = 154
	firstPlanSrc  = textSources
	firstVersion  = firstPlanSrc + planSources
	firstRepub    = firstVersion + versionSrcs
	firstGeneral  = firstRepub + republished
	mainPlanDay   = 10
	versionADay   = 23
	documentDay   = 25
	versionBDay   = 27
	generalsDated = 42
)

var headlines = []string{
	"{A} weighs the {M} peace plan",
	"{B} says it has not received the plan officially",
	"Allies of {A} press for changes to the draft",
	"Talks on the plan resume in {city}",
	"What the points of the {M} plan say",
	"{Bloc} leaders meet on the peace plan",
	"Envoys trade drafts as the deadline nears",
	"{Alliance} rejects limits on its enlargement",
	"Who gains from the {M} plan",
	"{A} and {M} delegations agree on a revised text",
	"{B} signals conditions for a settlement",
	"Inside the drafting of the {M} plan",
	"{A}'s parliament divided over the plan",
	"Markets react to peace plan reports",
	"The plan's amnesty clause draws criticism",
}

var languages = []string{"de", "fr", "pl", "uk", "es", "it"}

var sourceNotes = []string{
	"No date shown.",
	"Carries a wire report.",
	"Date inferred from the text.",
	"State-aligned outlet.",
	"Live page, updated through the day.",
	"Paywalled; the excerpt on record is from its summary.",
}

// fill replaces the placeholders of a template with the replica's names;
// {city} is a city drawn anew each time.
func (w *replica) fill(t string) string {
	if w.names == nil {
		w.names = strings.NewReplacer(
			"{A}", w.govs[govA].Name, "{B}", w.govs[govB].Name, "{M}", w.govs[govM].Name,
			"{Bloc}", w.orgs[orgBloc].Name, "{Alliance}", w.orgs[orgAlliance].Name)
	}
	t = w.names.Replace(t)
	if strings.Contains(t, "{city}") {
		t = strings.ReplaceAll(t, "{city}", pick(w.r, w.cities))
	}
	return t
}

func (w *replica) makeSources() {
	r := w.r
	day := func(i int) int {
		switch {
		case i < textSources:
			return []int{15, 55, 100, 150}[i] + r.intn(10)
		case i < firstVersion:
			return mainPlanDay + r.intn(5)
		case i < firstRepub:
			return versionADay + r.intn(4)
		default:
			return r.intn(span)
		}
	}
	dated := func(i int) bool {
		switch {
		case i < textSources:
			return true
		case i < firstVersion:
			return i-firstPlanSrc < 5
		case i < firstRepub:
			return i-firstVersion < 2
		case i < firstGeneral:
			return i-firstRepub < 8
		}
		return i-firstGeneral < generalsDated
	}
	for i := 0; i < totalSources; i++ {
		s := &genSource{Source: &peacegraph.Source{}, day: day(i), text: i < textSources}
		pub := w.pubs[i%len(w.pubs)]
		if i != totalSources-1 {
			s.Publisher = pub
		}
		title := w.fill(pick(r, headlines))
		if i >= firstPlanSrc && i < firstRepub {
			title = w.fill("The points of the {M} plan in full")
			if i >= firstVersion {
				title = w.fill("The {Bloc} counter-proposal, point by point")
			}
		}
		s.Title = title
		s.ID = fmt.Sprintf("s%d-%s-%s", i+1, slug(pub), w.tag)
		if dated(i) {
			s.Published = w.date(s.day)
		}
		path := "news"
		if s.Published != "" {
			path = strings.ReplaceAll(string(s.Published), "-", "/")
		}
		s.URL = fmt.Sprintf("https://%s.example/%s/%s-%d", slug(pub), path, slug(title), w.n*1000+i)
		if r.chance(90) {
			s.Retrieved = w.date(s.day + r.between(1, 6))
		}
		s.Language = "en"
		if !s.text && r.chance(15) {
			s.Language = pick(r, languages)
		}
		if i >= firstRepub && i < firstGeneral {
			s.Republishes = w.sources[w.repubOf(i)].ID
			s.Note = "Republisher."
		} else if r.chance(25) {
			s.Note = pick(r, sourceNotes)
		}
		w.sources = append(w.sources, s)
	}
}

// repubOf is the source that source i republishes: mostly the stored
// texts and the reports of the plan's text, one a copy of a copy.
func (w *replica) repubOf(i int) int {
	switch {
	case i == firstGeneral-1:
		return i - 1
	case i-firstRepub < 12:
		return (i - firstRepub) % firstRepub
	default:
		return w.r.intn(firstRepub)
	}
}

// sourcesNear returns k distinct sources whose stories broke within a few
// days of day, for a claim of that day to cite; stored texts are cited
// only where the texts are composed (storeTexts).
func (w *replica) sourcesNear(day, k int) []*genSource {
	if day < 0 {
		day = w.r.intn(span)
	}
	var near []*genSource
	for _, s := range w.sources[textSources:] {
		if s.day >= day-3 && s.day <= day+5 {
			near = append(near, s)
		}
	}
	if len(near) < k {
		near = w.sources[firstGeneral:]
	}
	return sample(w.r, near, k)
}
