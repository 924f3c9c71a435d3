package webannotation

import (
	"github.com/peacegraph/peacegraph"
)

// Collection is an AnnotationCollection: every annotation of one claim or
// one source, all in its first (and only) page. One page because a
// collection is as small as the citations of one node, and an embedded
// page is one request for a tool that would otherwise follow a link.
type Collection struct {
	Context string `json:"@context"`
	ID      string `json:"id"`
	Type    string `json:"type"`
	Label   string `json:"label"`
	Total   int    `json:"total"`
	// First and Last are the page, embedded and named; both absent when
	// there is no annotation, as the model allows (it wants a first page
	// only when the total is above 0, and a page holds at least one).
	First *Page  `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
}

// Page is an AnnotationPage embedded in its collection.
type Page struct {
	ID         string       `json:"id"`
	Type       string       `json:"type"`
	PartOf     string       `json:"partOf"`
	StartIndex int          `json:"startIndex"`
	Items      []Annotation `json:"items"`
}

// ClaimCollectionID names the collection of a claim's citations.
func ClaimCollectionID(id string) string { return CollectionURN + "claim:" + id }

// SourceCollectionID names the collection of the citations of a source.
func SourceCollectionID(id string) string { return CollectionURN + "source:" + id }

// NewCollection returns a collection of items under id; the items are
// annotations without their own @context, which the collection's covers.
func NewCollection(id, label string, items []Annotation) *Collection {
	c := &Collection{Context: Context, ID: id, Type: "AnnotationCollection", Label: label, Total: len(items)}
	if len(items) > 0 {
		page := id + ":page:0"
		c.First = &Page{ID: page, Type: "AnnotationPage", PartOf: id, StartIndex: 0, Items: items}
		c.Last = page
	}
	return c
}

// ClaimCollection returns the annotations of every citation of c, in
// citation order. sources holds the cited sources by ID; a citation of a
// source missing from it is left out (its index is still its name's).
func ClaimCollection(c *peacegraph.Claim, sources map[string]*peacegraph.Source) *Collection {
	var items []Annotation
	for i, ct := range c.Citations {
		if s, ok := sources[ct.SourceID]; ok {
			items = append(items, New(c, i, s))
		}
	}
	return NewCollection(ClaimCollectionID(c.ID), "The citations of claim "+c.ID, items)
}

// SourceCollection returns the annotations of every citation of s by the
// claims given (those that cite it, in claim order), each claim's in
// citation order.
func SourceCollection(s *peacegraph.Source, claims []*peacegraph.Claim) *Collection {
	var items []Annotation
	for _, c := range claims {
		for i, ct := range c.Citations {
			if ct.SourceID == s.ID {
				items = append(items, New(c, i, s))
			}
		}
	}
	return NewCollection(SourceCollectionID(s.ID), "The citations of “"+s.Title+"”", items)
}
