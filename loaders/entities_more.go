package loaders

import (
	"fmt"

	"github.com/peacegraph/peacegraph"
	"gopkg.in/yaml.v3"
)

// The decoders of the record's later additions: plan changes, fact-check
// reviews and disputes.

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
