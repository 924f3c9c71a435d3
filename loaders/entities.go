package loaders

import (
	"fmt"

	"github.com/peacegraph/peacegraph"
	"gopkg.in/yaml.v3"
)

// The decoders of each kind of list entry. Each reads one mapping of the
// seed format (docs/seed-format.md) into its domain value, registers where
// it was written, and adds it to the dataset even when some fields were
// wrong, so that Validate still checks the rest of it.

func (r *reader) actor(file string, n *yaml.Node) {
	a := &peacegraph.Actor{}
	s := r.scope(file, n, a)
	ok := s.fields("", n, "an actor", []key{
		{"id", func(v *yaml.Node) { a.ID = s.str("id", v) }},
		{"name", func(v *yaml.Node) { a.Name = s.str("name", v) }},
		{"kind", func(v *yaml.Node) { a.Kind = peacegraph.ActorKind(s.str("kind", v)) }},
		{"role", func(v *yaml.Node) { a.Role = s.str("role", v) }},
		{"description", func(v *yaml.Node) { a.Description = s.str("description", v) }},
		{"aliases", func(v *yaml.Node) { a.Aliases = s.strs("aliases", v) }},
		{"affiliations", func(v *yaml.Node) {
			for i, item := range s.list("affiliations", v) {
				a.Affiliations = append(a.Affiliations, s.affiliation(fmt.Sprintf("affiliations[%d]", i), item))
			}
		}},
	})
	if ok {
		r.d.Actors = append(r.d.Actors, a)
	}
}

// affiliation accepts both the full form {actor, role} and the bare ID.
func (s scope) affiliation(field string, n *yaml.Node) peacegraph.Affiliation {
	var f peacegraph.Affiliation
	if deref(n).Kind == yaml.ScalarNode {
		f.ActorID = s.str(field, n)
		return f
	}
	s.fields(field+".", n, "an affiliation", []key{
		{"actor", func(v *yaml.Node) { f.ActorID = s.str(field+".actor", v) }},
		{"role", func(v *yaml.Node) { f.Role = s.str(field+".role", v) }},
	})
	return f
}

func (r *reader) source(file string, n *yaml.Node) {
	src := &peacegraph.Source{}
	s := r.scope(file, n, src)
	var textFile string
	var textLine int
	ok := s.fields("", n, "a source", []key{
		{"id", func(v *yaml.Node) { src.ID = s.str("id", v) }},
		{"title", func(v *yaml.Node) { src.Title = s.str("title", v) }},
		{"publisher", func(v *yaml.Node) { src.Publisher = s.str("publisher", v) }},
		{"url", func(v *yaml.Node) { src.URL = s.str("url", v) }},
		{"published", func(v *yaml.Node) { src.Published = peacegraph.Date(s.str("published", v)) }},
		{"retrieved", func(v *yaml.Node) { src.Retrieved = peacegraph.Date(s.str("retrieved", v)) }},
		{"language", func(v *yaml.Node) { src.Language = s.str("language", v) }},
		{"text_file", func(v *yaml.Node) { textFile, textLine = s.str("text_file", v), v.Line }},
		{"note", func(v *yaml.Node) { src.Note = s.str("note", v) }},
		{"republishes", func(v *yaml.Node) { src.Republishes = s.str("republishes", v) }},
	})
	if !ok {
		return
	}
	if textFile != "" {
		src.Text = s.text(textLine, textFile)
	}
	r.d.Sources = append(r.d.Sources, src)
}

func (r *reader) plan(file string, n *yaml.Node) {
	p := &peacegraph.Plan{}
	s := r.scope(file, n, p)
	var points *yaml.Node
	ok := s.fields("", n, "a plan", []key{
		{"id", func(v *yaml.Node) { p.ID = s.str("id", v) }},
		{"title", func(v *yaml.Node) { p.Title = s.str("title", v) }},
		{"summary", func(v *yaml.Node) { p.Summary = s.str("summary", v) }},
		{"date", func(v *yaml.Node) { p.Date = peacegraph.Date(s.str("date", v)) }},
		{"authors", func(v *yaml.Node) { p.AuthorIDs = s.strs("authors", v) }},
		{"revises", func(v *yaml.Node) { p.Revises = s.str("revises", v) }},
		{"accompanies", func(v *yaml.Node) { p.Accompanies = s.str("accompanies", v) }},
		{"points", func(v *yaml.Node) { points = v }},
		{"changes", func(v *yaml.Node) {
			for i, item := range s.list("changes", v) {
				p.SeedChanges = append(p.SeedChanges, s.change(fmt.Sprintf("changes[%d]", i), item))
			}
		}},
	})
	if !ok {
		return
	}
	r.d.Plans = append(r.d.Plans, p)
	// Points are read last: their default IDs need the plan's ID, which
	// may be written after them.
	if points != nil {
		for _, item := range s.list("points", points) {
			r.point(file, item, p.ID)
		}
	}
}

func (r *reader) point(file string, n *yaml.Node, planID string) {
	p := &peacegraph.Point{PlanID: planID}
	s := r.scope(file, n, p)
	ok := s.fields("", n, "a point", []key{
		{"number", func(v *yaml.Node) { p.Number = s.integer("number", v) }},
		{"id", func(v *yaml.Node) { p.ID = s.str("id", v) }},
		{"title", func(v *yaml.Node) { p.Title = s.str("title", v) }},
		{"summary", func(v *yaml.Node) { p.Summary = s.str("summary", v) }},
		{"topic", func(v *yaml.Node) { p.Topic = s.str("topic", v) }},
		{"concession", func(v *yaml.Node) { p.Concession = s.boolean("concession", v) }},
		{"conceded_by", func(v *yaml.Node) { p.ConcededByIDs = s.strs("conceded_by", v) }},
		{"sources", func(v *yaml.Node) { p.SourceIDs = s.strs("sources", v) }},
		{"amends", func(v *yaml.Node) { p.Amends = s.str("amends", v) }},
	})
	if !ok {
		return
	}
	if planID == "" {
		// The plan's own missing ID is reported once, on the plan.
		s.loc.mark("plan")
		if p.ID == "" {
			s.loc.mark("id")
		}
	}
	if s.loc.bad["concession"] {
		// Take the intent from conceded_by, so that the one mistake is
		// not reported again as a mismatch between the two.
		p.Concession = len(p.ConcededByIDs) > 0
	}
	if p.ID == "" && planID != "" {
		p.ID = fmt.Sprintf("%s-%d", planID, p.Number)
	}
	r.d.Points = append(r.d.Points, p)
}

func (r *reader) claim(file string, n *yaml.Node) {
	c := &peacegraph.Claim{}
	s := r.scope(file, n, c)
	ok := s.fields("", n, "a claim", []key{
		{"id", func(v *yaml.Node) { c.ID = s.str("id", v) }},
		{"text", func(v *yaml.Node) { c.Text = s.str("text", v) }},
		{"claimant", func(v *yaml.Node) { c.ClaimantID = s.str("claimant", v) }},
		{"about", func(v *yaml.Node) { c.AboutIDs = s.strs("about", v) }},
		{"certainty", func(v *yaml.Node) { c.Certainty = peacegraph.Certainty(s.str("certainty", v)) }},
		{"date", func(v *yaml.Node) { c.Date = peacegraph.Date(s.str("date", v)) }},
		{"citations", func(v *yaml.Node) {
			for i, item := range s.list("citations", v) {
				c.Citations = append(c.Citations, s.citation(fmt.Sprintf("citations[%d]", i), item))
			}
		}},
		{"contradicts", func(v *yaml.Node) { c.Contradicts = s.strs("contradicts", v) }},
		{"denies", func(v *yaml.Node) { c.Denies = s.strs("denies", v) }},
		{"reviews", func(v *yaml.Node) {
			for i, item := range s.list("reviews", v) {
				c.Reviews = append(c.Reviews, s.review(fmt.Sprintf("reviews[%d]", i), item))
			}
		}},
		{"note", func(v *yaml.Node) { c.Note = s.str("note", v) }},
	})
	if ok {
		r.d.Claims = append(r.d.Claims, c)
	}
}

func (s scope) citation(field string, n *yaml.Node) peacegraph.Citation {
	ct := peacegraph.Citation{Start: -1, End: -1}
	s.fields(field+".", n, "a citation", []key{
		{"source", func(v *yaml.Node) { ct.SourceID = s.str(field+".source", v) }},
		{"quote", func(v *yaml.Node) { ct.Quote = s.str(field+".quote", v) }},
	})
	return ct
}

func (r *reader) stance(file string, n *yaml.Node) {
	st := &peacegraph.Stance{}
	s := r.scope(file, n, st)
	ok := s.fields("", n, "a stance", []key{
		{"actor", func(v *yaml.Node) { st.ActorID = s.str("actor", v) }},
		{"target", func(v *yaml.Node) { st.TargetID = s.str("target", v) }},
		{"position", func(v *yaml.Node) { st.Position = peacegraph.Position(s.str("position", v)) }},
		{"evidence", func(v *yaml.Node) { st.EvidenceIDs = s.strs("evidence", v) }},
		{"note", func(v *yaml.Node) { st.Note = s.str("note", v) }},
	})
	if ok {
		r.d.Stances = append(r.d.Stances, st)
	}
}

func (r *reader) event(file string, n *yaml.Node) {
	e := &peacegraph.Event{}
	s := r.scope(file, n, e)
	ok := s.fields("", n, "an event", []key{
		{"id", func(v *yaml.Node) { e.ID = s.str("id", v) }},
		{"title", func(v *yaml.Node) { e.Title = s.str("title", v) }},
		{"summary", func(v *yaml.Node) { e.Summary = s.str("summary", v) }},
		{"date", func(v *yaml.Node) { e.Date = peacegraph.Date(s.str("date", v)) }},
		{"place", func(v *yaml.Node) { e.Place = s.str("place", v) }},
		{"participants", func(v *yaml.Node) { e.ParticipantIDs = s.strs("participants", v) }},
		{"evidence", func(v *yaml.Node) { e.EvidenceIDs = s.strs("evidence", v) }},
	})
	if ok {
		r.d.Events = append(r.d.Events, e)
	}
}

// change reads one entry of a plan's changes: the fate of a point of the
// plan it revises.
func (s scope) change(field string, n *yaml.Node) peacegraph.PointChange {
	var c peacegraph.PointChange
	s.fields(field+".", n, "a change", []key{
		{"point", func(v *yaml.Node) { c.PointID = s.str(field+".point", v) }},
		{"status", func(v *yaml.Node) { c.Status = peacegraph.ChangeStatus(s.str(field+".status", v)) }},
		{"evidence", func(v *yaml.Node) { c.EvidenceIDs = s.strs(field+".evidence", v) }},
		{"note", func(v *yaml.Node) { c.Note = s.str(field+".note", v) }},
	})
	return c
}

// review reads one published fact-check of a claim.
func (s scope) review(field string, n *yaml.Node) peacegraph.Review {
	var r peacegraph.Review
	s.fields(field+".", n, "a review", []key{
		{"reviewer", func(v *yaml.Node) { r.Reviewer = s.str(field+".reviewer", v) }},
		{"rating", func(v *yaml.Node) { r.Rating = s.str(field+".rating", v) }},
		{"rating_value", func(v *yaml.Node) { r.RatingValue = s.integer(field+".rating_value", v) }},
		{"best_rating", func(v *yaml.Node) { r.BestRating = s.integer(field+".best_rating", v) }},
		{"worst_rating", func(v *yaml.Node) { r.WorstRating = s.integer(field+".worst_rating", v) }},
		{"explanation", func(v *yaml.Node) { r.Explanation = s.str(field+".explanation", v) }},
		{"date", func(v *yaml.Node) { r.Date = peacegraph.Date(s.str(field+".date", v)) }},
		{"url", func(v *yaml.Node) { r.URL = s.str(field+".url", v) }},
	})
	return r
}

func (r *reader) dispute(file string, n *yaml.Node) {
	d := &peacegraph.Dispute{}
	s := r.scope(file, n, d)
	ok := s.fields("", n, "a dispute", []key{
		{"id", func(v *yaml.Node) { d.ID = s.str("id", v) }},
		{"question", func(v *yaml.Node) { d.Question = s.str("question", v) }},
		{"summary", func(v *yaml.Node) { d.Summary = s.str("summary", v) }},
		{"about", func(v *yaml.Node) { d.AboutIDs = s.strs("about", v) }},
		{"sides", func(v *yaml.Node) {
			for i, item := range s.list("sides", v) {
				d.Sides = append(d.Sides, s.side(fmt.Sprintf("sides[%d]", i), item))
			}
		}},
		{"note", func(v *yaml.Node) { d.Note = s.str("note", v) }},
	})
	if ok {
		r.d.Disputes = append(r.d.Disputes, d)
	}
}

func (s scope) side(field string, n *yaml.Node) peacegraph.DisputeSide {
	var side peacegraph.DisputeSide
	s.fields(field+".", n, "a side", []key{
		{"label", func(v *yaml.Node) { side.Label = s.str(field+".label", v) }},
		{"summary", func(v *yaml.Node) { side.Summary = s.str(field+".summary", v) }},
		{"claims", func(v *yaml.Node) { side.ClaimIDs = s.strs(field+".claims", v) }},
	})
	return side
}
