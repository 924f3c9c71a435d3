package synth

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/peacegraph/peacegraph"
)

// An Article is one more report for a generated set: a source with a
// stored text and ClaimsPerArticle claims that quote it verbatim, about
// parties, plans and points the set holds. Load tests add one to a large
// set (or take one away) to measure what a small change costs.
type Article struct {
	// K is the article's number, from 1.
	K      int
	Source *peacegraph.Source
	Claims []*peacegraph.Claim
	// Events are the meetings the article reports, and Stances the
	// positions its claims show: none from NewArticle; a test may give it
	// some, which AddTo and WriteArticle carry.
	Events  []*peacegraph.Event
	Stances []*peacegraph.Stance
}

// ClaimsPerArticle is how many claims an article adds.
const ClaimsPerArticle = 10

// NewArticle returns the k-th article (k from 1) for the set cfg
// generates. Its IDs (article-<k>, article-<k>-c<j>) are never those of a
// generated node, so any number of articles can be added to one set. It
// is deterministic like Generate, and needs only the replica it is about,
// not the whole set.
func NewArticle(cfg Config, k int) (*Article, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if k < 1 {
		return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "article", "article %d: articles are numbered from 1", k)
	}
	pubs := outlets(cfg.Seed)
	w := newReplica(cfg, (k-1)%cfg.Scale+1, pubs)
	w.build()
	r := newRNG(cfg.Seed, 1<<60|uint64(k))
	w.r = r // the replica is built; what follows draws from the article's own stream
	day := r.between(60, span-10)
	pub := pick(r, pubs)
	id := fmt.Sprintf("article-%d", k)
	src := &peacegraph.Source{
		ID:        id,
		Title:     w.fill(pick(r, headlines)),
		Publisher: pub,
		URL:       fmt.Sprintf("https://%s.example/%s/article-%d", slug(pub), w.date(day), k),
		Published: w.date(day),
		Retrieved: w.date(day + 1),
		Language:  "en",
	}
	a := &Article{K: k, Source: src}
	var sentences []string
	for j := 1; j <= ClaimsPerArticle; j++ {
		c := &genClaim{Claim: &peacegraph.Claim{ID: fmt.Sprintf("%s-c%d", id, j), Date: w.date(day - r.intn(2))}}
		switch {
		case j <= 5:
			who := pick(r, w.people)
			c.saying = pick(r, reactionSayings)
			c.ClaimantID, c.Certainty, c.speaker = who.ID, peacegraph.Stated, who.Name+", "+who.Role+","
			c.AboutIDs = dedupe([]string{w.main.ID, who.Affiliations[0].ActorID})
			c.Text = fmt.Sprintf("%s said the %s was %s.", who.Name, w.main.Title, c.saying)
		case j <= 8:
			pt := w.points[r.between(1, len(mainPoints))]
			if j == 8 {
				pt = pick(r, w.amending)
			}
			c.saying = pick(r, reportedSayings)
			c.Certainty = peacegraph.Reported
			c.AboutIDs = dedupe([]string{pt.ID, pt.PlanID})
			c.Text = fmt.Sprintf("Unnamed officials said point %d (%s) was %s.", pt.Number, pt.Title, c.saying)
		default:
			c.saying = pick(r, analysisSayings)
			c.Certainty = peacegraph.Analysis
			c.AboutIDs = []string{w.main.ID, w.govs[govA].ID, w.govs[govB].ID}
			c.Text = fmt.Sprintf("An analysis of the %s found it %s.", w.main.Title, c.saying)
		}
		sentence, quote := w.sentence(c)
		sentences = append(sentences, sentence)
		c.Citations = []peacegraph.Citation{{SourceID: id, Quote: quote, Start: -1, End: -1}}
		a.Claims = append(a.Claims, c.Claim)
	}
	src.Text = compose(r, src.Title, pub, w.longDate(day), pick(r, w.cities), sentences)
	return a, nil
}

// AddTo appends the article's source, claims, events and stances to d.
func (a *Article) AddTo(d *peacegraph.Dataset) {
	d.Sources = append(d.Sources, a.Source)
	d.Claims = append(d.Claims, a.Claims...)
	d.Events = append(d.Events, a.Events...)
	d.Stances = append(d.Stances, a.Stances...)
}

// Files are the slash-separated paths, inside a seed directory, of the
// article's two files: its entries and its text. Removing them from a
// directory takes the article out of the set again.
func (a *Article) Files() []string {
	return []string{fmt.Sprintf("articles/%s.yaml", a.Source.ID), textFile(a.Source.ID)}
}

// WriteArticle adds the article to the seed directory dir, as two files of
// its own (Files). It refuses to overwrite either.
func WriteArticle(dir string, a *Article) error {
	e := &emitter{}
	e.b.WriteString("# Written by peacegraph synth: a generated article, not the record.\n")
	e.b.WriteString("sources:\n")
	writeSource(e, a.Source)
	e.b.WriteString("claims:\n")
	for _, c := range a.Claims {
		writeClaim(e, c)
	}
	if len(a.Stances) > 0 {
		e.b.WriteString("stances:\n")
		for _, st := range a.Stances {
			writeStance(e, st)
		}
	}
	if len(a.Events) > 0 {
		e.b.WriteString("events:\n")
		for _, ev := range a.Events {
			writeEvent(e, ev)
		}
	}
	paths := a.Files()
	for _, p := range paths {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err == nil {
			return peacegraph.FieldErrorf(peacegraph.ECONFLICT, "article", "%s already holds %s", dir, p)
		}
	}
	entries, text := e.b.String(), a.Source.Text
	return writeFiles(dir, []file{{paths[0], func() string { return entries }}, {paths[1], func() string { return text }}})
}
