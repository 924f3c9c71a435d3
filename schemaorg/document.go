// Package schemaorg exports claims as schema.org JSON-LD, the vocabulary
// fact-checking tools and search engines read: a claim becomes a Claim
// with one appearance per citation, and a claim with fact-check reviews
// becomes one ClaimReview per review. It reads only what a Store answers
// and adds nothing to it, so the export never says more than the graph.
package schemaorg

import (
	"sort"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// Context is the JSON-LD context of every document.
const Context = "https://schema.org"

// ContentType is the media type of the documents.
const ContentType = "application/ld+json"

// The URN prefixes that name the graph's nodes in @id. URNs, not URLs, so
// that a claim keeps one identity whichever host serves it.
const (
	ClaimURN = "urn:peacegraph:claim:"
	ActorURN = "urn:peacegraph:actor:"
)

// Claim is a schema.org Claim: the claim's text, who asserts it and where
// it appears.
type Claim struct {
	Context string `json:"@context,omitempty"`
	Type    string `json:"@type"`
	ID      string `json:"@id"`
	Text    string `json:"text"`
	// Author is the claimant; nil for an outlet's own reporting.
	Author        *Agent `json:"author,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
	// Appearance has one CreativeWork per citation, in citation order.
	Appearance []CreativeWork `json:"appearance,omitempty"`
	// FirstAppearance is the earliest known appearance; nil when no
	// source that carries the claim is dated.
	FirstAppearance *CreativeWork `json:"firstAppearance,omitempty"`
}

// Agent is a schema.org Person or Organization (GovernmentOrganization for
// a government).
type Agent struct {
	Type string `json:"@type"`
	ID   string `json:"@id,omitempty"`
	Name string `json:"name"`
}

// CreativeWork is a published source as one appearance of a claim: Text is
// the verbatim quote that carries the claim, where it is on record.
type CreativeWork struct {
	Type          string `json:"@type"`
	URL           string `json:"url,omitempty"`
	Name          string `json:"name,omitempty"`
	Publisher     *Agent `json:"publisher,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
	Text          string `json:"text,omitempty"`
}

// ClaimReview is a schema.org ClaimReview: one fact-check of a claim.
type ClaimReview struct {
	Context       string  `json:"@context,omitempty"`
	Type          string  `json:"@type"`
	ClaimReviewed string  `json:"claimReviewed"`
	ItemReviewed  *Claim  `json:"itemReviewed"`
	Author        *Agent  `json:"author"`
	ReviewRating  *Rating `json:"reviewRating"`
	DatePublished string  `json:"datePublished,omitempty"`
	URL           string  `json:"url,omitempty"`
	ReviewBody    string  `json:"reviewBody,omitempty"`
}

// Rating is a schema.org Rating. The numbers are left out when the review
// gives only a textual verdict (AlternateName).
type Rating struct {
	Type          string `json:"@type"`
	RatingValue   int    `json:"ratingValue,omitempty"`
	BestRating    int    `json:"bestRating,omitempty"`
	WorstRating   int    `json:"worstRating,omitempty"`
	AlternateName string `json:"alternateName"`
}

// Graph holds several reviews of one claim in one document, under a single
// @context.
type Graph struct {
	Context string        `json:"@context"`
	Graph   []ClaimReview `json:"@graph"`
}

// Related holds the nodes a claim's document names: its claimant and the
// sources it cites (and the earliest source that carries it, which may be
// an original that a cited page republishes), by ID.
type Related map[string]peacegraph.Node

// RelatedIDs returns the IDs of the nodes Document needs besides the claim,
// so a caller fetches them in one lookup.
func RelatedIDs(c *peacegraph.Claim) []string {
	var ids []string
	if c.ClaimantID != "" {
		ids = append(ids, c.ClaimantID)
	}
	for _, ct := range c.Citations {
		ids = append(ids, ct.SourceID)
	}
	if id := c.Corroboration.EarliestSourceID; id != "" {
		ids = append(ids, id)
	}
	return ids
}

// Document returns the JSON-LD document of a claim: a Claim when it has no
// reviews, the ClaimReview when it has one, and a Graph of ClaimReviews
// when it has several (in seed order). rel must hold the nodes RelatedIDs
// names; missing ones are left out of the document.
func Document(c *peacegraph.Claim, rel Related) any {
	claim := NewClaim(c, rel)
	switch len(c.Reviews) {
	case 0:
		claim.Context = Context
		return claim
	case 1:
		r := NewClaimReview(c, c.Reviews[0], claim)
		r.Context = Context
		return r
	}
	g := Graph{Context: Context}
	for _, rv := range c.Reviews {
		g.Graph = append(g.Graph, NewClaimReview(c, rv, claim))
	}
	return g
}

// NewClaim returns the Claim of c, without @context.
func NewClaim(c *peacegraph.Claim, rel Related) *Claim {
	out := &Claim{Type: "Claim", ID: ClaimURN + c.ID, Text: c.Text, DatePublished: string(c.Date)}
	if a, ok := rel[c.ClaimantID].(*peacegraph.Actor); ok {
		out.Author = agent(a)
	}
	for _, ct := range c.Citations {
		if s, ok := rel[ct.SourceID].(*peacegraph.Source); ok {
			out.Appearance = append(out.Appearance, appearance(s, ct.Quote))
		}
	}
	out.FirstAppearance = firstAppearance(c, rel)
	return out
}

// firstAppearance is the appearance in the earliest source that carries the
// claim, as corroboration finds it: that may be an original report that a
// cited page republishes, which then appears without a quote. Without
// corroboration (a dataset not completed) it falls back to the earliest
// dated citation, ties by source ID.
func firstAppearance(c *peacegraph.Claim, rel Related) *CreativeWork {
	id := c.Corroboration.EarliestSourceID
	if id == "" {
		var dated []*peacegraph.Source
		for _, ct := range c.Citations {
			if s, ok := rel[ct.SourceID].(*peacegraph.Source); ok && s.Published != "" {
				dated = append(dated, s)
			}
		}
		sort.Slice(dated, func(i, j int) bool {
			if dated[i].Published != dated[j].Published {
				return dated[i].Published < dated[j].Published
			}
			return dated[i].ID < dated[j].ID
		})
		if len(dated) == 0 {
			return nil
		}
		id = dated[0].ID
	}
	s, ok := rel[id].(*peacegraph.Source)
	if !ok {
		return nil
	}
	for _, ct := range c.Citations {
		if ct.SourceID == id {
			w := appearance(s, ct.Quote)
			return &w
		}
	}
	w := appearance(s, "")
	return &w
}

// NewClaimReview returns the ClaimReview of one review of c, without
// @context; claim is c's Claim, shared by all its reviews.
func NewClaimReview(c *peacegraph.Claim, rv peacegraph.Review, claim *Claim) ClaimReview {
	return ClaimReview{
		Type:          "ClaimReview",
		ClaimReviewed: c.Text,
		ItemReviewed:  claim,
		Author:        &Agent{Type: "Organization", Name: rv.Reviewer},
		ReviewRating: &Rating{
			Type:          "Rating",
			RatingValue:   rv.RatingValue,
			BestRating:    rv.BestRating,
			WorstRating:   rv.WorstRating,
			AlternateName: rv.Rating,
		},
		DatePublished: string(rv.Date),
		URL:           rv.URL,
		ReviewBody:    rv.Explanation,
	}
}

func agent(a *peacegraph.Actor) *Agent {
	t := "Organization"
	switch a.Kind {
	case peacegraph.ActorPerson:
		t = "Person"
	case peacegraph.ActorGovernment:
		t = "GovernmentOrganization"
	}
	return &Agent{Type: t, ID: ActorURN + a.ID, Name: a.Name}
}

func appearance(s *peacegraph.Source, quote string) CreativeWork {
	w := CreativeWork{Type: "CreativeWork", URL: s.URL, Name: s.Title, DatePublished: string(s.Published), Text: quote}
	// Seeds may spell a publisher with stray spaces (corroboration
	// ignores them too); a name with them would read as another outlet.
	if name := strings.TrimSpace(s.Publisher); name != "" {
		w.Publisher = &Agent{Type: "Organization", Name: name}
	}
	return w
}
