package atom

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// FeedID is the feed's atom:id: one feed of the record's changes, whatever
// window a request asks for and whatever host it names.
const FeedID = "urn:peacegraph:changes"

// EntryID is the atom:id of a change: the kind of change, its day and what
// changed, all of them IDs of the record, so that the same change has the
// same id in every request and every window that holds it.
func EntryID(day peacegraph.Date, kind string, parts ...string) string {
	return "urn:peacegraph:change:" + string(day) + ":" + kind + ":" + strings.Join(parts, ":")
}

// writer turns change days into entries. nodes holds the actors, targets
// and sources the entries name, by ID; base is the scheme and host the
// links start with.
type writer struct {
	base  string
	nodes map[string]peacegraph.Node
}

// entries lists one entry per change, newest day first, each day's entries
// in the rule's order: claims, stances, dispute sides, plan versions.
func (w *writer) entries(days []*peacegraph.ChangeDay) []Entry {
	var out []Entry
	for i := len(days) - 1; i >= 0; i-- {
		d := days[i]
		claims := make(map[string]*peacegraph.Claim, len(d.Claims))
		for _, c := range d.Claims {
			claims[c.ID] = c
		}
		updated := Timestamp(string(d.Date))
		// entry is one change of the day, linked to its evidence.
		entry := func(id, title, content string, ev []*peacegraph.Claim) Entry {
			return Entry{ID: id, Title: plain(title), Updated: updated, Links: w.links(ev), Content: ptr(plain(content))}
		}
		for _, c := range d.Claims {
			var b strings.Builder
			fmt.Fprintf(&b, "Published on %s: ", d.Date)
			ev := []*peacegraph.Claim{c}
			w.evidence(&b, ev)
			out = append(out, entry(EntryID(d.Date, "claim", c.ID), "Claim: "+c.Text, b.String(), ev))
		}
		for _, s := range d.Stances {
			actor, target := w.label(s.ActorID), w.label(s.TargetID)
			title := fmt.Sprintf("%s takes a position on %s: %s", actor, target, s.Position)
			if s.Kind == peacegraph.StanceMoved {
				title = fmt.Sprintf("%s moves on %s from %s to %s", actor, target, positions(s.Previous), s.Position)
			}
			var b strings.Builder
			b.WriteString(title + ", on " + string(d.Date) + ".")
			if s.Note != "" {
				b.WriteString(" Note: " + s.Note)
			}
			b.WriteString("\n\nEvidence: ")
			ev := pick(claims, s.EvidenceIDs)
			w.evidence(&b, ev)
			out = append(out, entry(EntryID(d.Date, "stance", s.ActorID, s.TargetID, string(s.Position)), title, b.String(), ev))
		}
		for _, x := range d.DisputeSides {
			side := x.Side()
			title := fmt.Sprintf("%s New side: %s", x.Dispute.Question, side.Label)
			var b strings.Builder
			fmt.Fprintf(&b, "On %s a new answer to the question %q appeared in the record: %s.", d.Date, x.Dispute.Question, side.Label)
			if side.Summary != "" {
				b.WriteString(" " + side.Summary)
			}
			b.WriteString(" The graph shows every side and marks none of them true.\n\nEvidence: ")
			ev := pick(claims, x.EvidenceIDs)
			w.evidence(&b, ev)
			out = append(out, entry(EntryID(d.Date, "dispute", x.Dispute.ID, fmt.Sprintf("side-%d", x.Index+1)), title, b.String(), ev))
		}
		for _, p := range d.Plans {
			var b strings.Builder
			fmt.Fprintf(&b, "A plan version dated %s: %s.", d.Date, p.Plan.Title)
			if p.Plan.Summary != "" {
				b.WriteString(" " + p.Plan.Summary)
			}
			ev := pick(claims, p.EvidenceIDs)
			if len(ev) > 0 {
				b.WriteString("\n\nEvidence: ")
				w.evidence(&b, ev)
			}
			out = append(out, entry(EntryID(d.Date, "plan", p.Plan.ID), "Plan version: "+p.Plan.Title, b.String(), ev))
		}
	}
	return out
}

// evidence writes each claim in plain words, with the verbatim quote of
// each citation that has one, and where it was published.
func (w *writer) evidence(b *strings.Builder, claims []*peacegraph.Claim) {
	for i, c := range claims {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(c.Text)
		var how []string
		if c.ClaimantID != "" {
			how = append(how, "claimed by "+w.label(c.ClaimantID))
		}
		how = append(how, strings.ToLower(string(c.Certainty)))
		b.WriteString(" (" + strings.Join(how, ", ") + ")")
		for _, ct := range c.Citations {
			src := w.source(ct.SourceID)
			if ct.Quote != "" {
				fmt.Fprintf(b, "\n“%s” (%s)", ct.Quote, src)
			} else {
				fmt.Fprintf(b, "\nCited: %s; its exact words are not on record.", src)
			}
		}
	}
}

// links are an entry's links: the JSON-LD export of its first claim as
// the alternate, the others' as related, and the page of every source
// they cite. A plan version with no claim of its day has none, and its
// content stands alone.
func (w *writer) links(claims []*peacegraph.Claim) []Link {
	var out []Link
	seen := map[string]bool{}
	for i, c := range claims {
		rel := "related"
		if i == 0 {
			rel = "alternate"
		}
		out = append(out, Link{Href: w.base + "/claims/" + url.PathEscape(c.ID) + ".jsonld", Rel: rel,
			Type: "application/ld+json", Title: "The claim " + c.ID + " as schema.org JSON-LD"})
	}
	for _, c := range claims {
		for _, ct := range c.Citations {
			if !seen[ct.SourceID] {
				seen[ct.SourceID] = true
				out = append(out, Link{Href: w.base + "/sources/" + url.PathEscape(ct.SourceID), Rel: "related",
					Type: "text/html", Title: w.source(ct.SourceID)})
			}
		}
	}
	return out
}

// label names a node in words: an actor by name, a point by number and
// title, anything else by its label; its ID when it is not known.
func (w *writer) label(id string) string {
	switch n := w.nodes[id].(type) {
	case nil:
		return id
	case *peacegraph.Point:
		return fmt.Sprintf("point %d, %q", n.Number, n.Title)
	case *peacegraph.Plan:
		return fmt.Sprintf("%q", n.Title)
	default:
		return n.Label()
	}
}

// source names a source by its title and publisher.
func (w *writer) source(id string) string {
	s, ok := w.nodes[id].(*peacegraph.Source)
	if !ok {
		return id
	}
	if s.Publisher != "" {
		return s.Title + ", " + s.Publisher
	}
	return s.Title
}

// refs are the IDs the entries of days name beyond their claims: actors,
// targets, claimants and cited sources.
func refs(days []*peacegraph.ChangeDay) []string {
	var ids []string
	seen := map[string]bool{}
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, d := range days {
		for _, c := range d.Claims {
			add(c.ClaimantID)
			for _, ct := range c.Citations {
				add(ct.SourceID)
			}
		}
		for _, s := range d.Stances {
			add(s.ActorID)
			add(s.TargetID)
		}
	}
	return ids
}

func pick(claims map[string]*peacegraph.Claim, ids []string) []*peacegraph.Claim {
	var out []*peacegraph.Claim
	for _, id := range ids {
		if c, ok := claims[id]; ok {
			out = append(out, c)
		}
	}
	return out
}

func positions(ps []peacegraph.Position) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = string(p)
	}
	return strings.Join(s, " and ")
}

func ptr[T any](v T) *T { return &v }
