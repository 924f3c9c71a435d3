// Package webannotation exports citations as W3C Web Annotations
// (https://www.w3.org/TR/annotation-model/), the JSON-LD that annotation
// tools read to show a quote where it stands on its page: each citation
// of a claim becomes one Annotation whose target is the quoted passage of
// the source and whose body is the claim. Like package schemaorg it reads
// only what a Store answers and adds nothing to it, so an annotation never
// says more than the graph: no invented quote, date or author.
package webannotation

import (
	"strconv"

	"github.com/peacegraph/peacegraph"
)

// Context is the JSON-LD context of every document: the Web Annotation
// data model's own.
const Context = "http://www.w3.org/ns/anno.jsonld"

// ContentType is the media type of the documents, with the profile the
// Web Annotation Protocol asks servers to give, so that a client can tell
// them from other JSON-LD without parsing them.
const ContentType = `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`

// The URN prefixes that name the nodes and documents. URNs, not URLs, for
// the reason package schemaorg gives: an annotation keeps one identity
// whichever host serves it (and the claim is named exactly as its
// schema.org document names it, so the two exports describe one node).
const (
	ClaimURN  = "urn:peacegraph:claim:"
	SourceURN = "urn:peacegraph:source:"
	// CitationURN + claim ID + ":" + citation index (from 0, in the
	// claim's citation order) names one annotation. It stays the same
	// while the claim's citations keep their order: a citation added at
	// the end leaves the others' names alone.
	CitationURN = "urn:peacegraph:citation:"
	// CollectionURN + "claim:" or "source:" + ID names a collection.
	CollectionURN = "urn:peacegraph:annotations:"
)

// Motivation is why every annotation was made: the model's "describing"
// ("to describe the Target, as opposed to a comment about it"), since a
// claim is a neutral statement of what the quoted passage says, not a
// comment on it nor a verdict on it (fact-checks are reviews, which the
// schema.org export carries).
const Motivation = "describing"

// ContextChars is how many code points of the source's stored text the
// prefix and suffix of a quote carry, cut where the text begins or ends:
// enough to tell one occurrence of a short quote from another, as the
// model asks, and as many characters as Hypothesis's client keeps.
const ContextChars = 32

// Annotation is one citation: the passage of a source (Target) that is the
// evidence of a claim (Body).
//
// It has no created, creator or modified: the graph does not record who
// entered a citation or when, and the source's publication date is the
// passage's date, not the annotation's. Generator is the one agent that
// is known: the program that wrote this serialization.
type Annotation struct {
	Context    string      `json:"@context,omitempty"`
	ID         string      `json:"id"`
	Type       string      `json:"type"`
	Motivation string      `json:"motivation"`
	Generator  *Agent      `json:"generator,omitempty"`
	Body       TextualBody `json:"body"`
	// Target is a *SpecificResource when the quote is on record, and the
	// source's IRI alone (a string) when it is not: the model's way of
	// saying the whole source, since no passage of it can be pointed at.
	Target any `json:"target"`
}

// Generator is the Agent named as every annotation's generator.
var Generator = Agent{Type: "Software", Name: "peacegraph"}

// Agent is a Web Annotation agent (here only Software).
type Agent struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

// TextualBody is the claim as the annotation's body: its neutral text,
// embedded so that a tool shows it beside the passage without fetching
// anything, under the claim's own IRI (ClaimURN + ID), so that linked-data
// readers join it to the claim's schema.org document. A textual body
// rather than the claim's export URL because tools (Hypothesis, Recogito,
// Annotorious) display a textual body's value and dereference nothing.
type TextualBody struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Value  string `json:"value"`
	Format string `json:"format"`
}

// SpecificResource is the quoted passage: the source, and the selectors
// that find the passage in it.
type SpecificResource struct {
	Type   string `json:"type"`
	Source string `json:"source"`
	// Selector has a TextQuoteSelector, then a TextPositionSelector when
	// the source's text is stored and the offsets hold the quote.
	Selector []any `json:"selector"`
}

// TextQuoteSelector finds a passage by its words. Prefix and Suffix are
// the text just before and after the quote in the source's stored text,
// left out when the text is not stored (no words are ever made up for
// them) or when the quote touches that end of the text.
type TextQuoteSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// TextPositionSelector finds a passage by its offsets, [Start, End), in
// Unicode code points: the model says "the selection of the text MUST be
// in terms of unicode code points (the 'character number'), not in terms
// of code units", and peacegraph counts citation offsets the same way.
// They count in the source's stored text, which is the normalized text
// the model counts in; a page's live markup may differ, so tools that
// anchor in the page should try the quote first (Hypothesis does, and it
// counts JavaScript string offsets, UTF-16 code units, which agree with
// code points wherever the text has no character beyond U+FFFF).
type TextPositionSelector struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// CitationID returns the IRI of the annotation of a claim's i-th citation.
func CitationID(claimID string, i int) string {
	return CitationURN + claimID + ":" + strconv.Itoa(i)
}

// SourceIRI is the IRI annotations give a source: its URL, or, for a
// source whose URL is not on record, SourceURN + ID.
func SourceIRI(s *peacegraph.Source) string {
	if s.URL != "" {
		return s.URL
	}
	return SourceURN + s.ID
}

// New returns the annotation of c's i-th citation, without @context; s is
// the cited source. A citation with no quote on record has no selector:
// its target is the source itself.
func New(c *peacegraph.Claim, i int, s *peacegraph.Source) Annotation {
	g := Generator
	a := Annotation{
		ID:         CitationID(c.ID, i),
		Type:       "Annotation",
		Motivation: Motivation,
		Generator:  &g,
		Body:       TextualBody{ID: ClaimURN + c.ID, Type: "TextualBody", Value: c.Text, Format: "text/plain"},
	}
	ct := c.Citations[i]
	if ct.Quote == "" {
		a.Target = SourceIRI(s)
		return a
	}
	a.Target = &SpecificResource{Type: "SpecificResource", Source: SourceIRI(s), Selector: Selectors(ct, s.Text)}
	return a
}

// Selectors returns the selectors of a quoted citation: the quote, with
// its context when the stored text holds it at the citation's offsets,
// and then those offsets. When the text is not stored, or the offsets do
// not hold the quote, the quote alone.
func Selectors(ct peacegraph.Citation, text string) []any {
	quote := TextQuoteSelector{Type: "TextQuoteSelector", Exact: ct.Quote}
	if !ct.HasOffsets() || text == "" {
		return []any{quote}
	}
	runes := []rune(text)
	if ct.Start > ct.End || ct.End > len(runes) || string(runes[ct.Start:ct.End]) != ct.Quote {
		return []any{quote}
	}
	quote.Prefix = string(runes[max(0, ct.Start-ContextChars):ct.Start])
	quote.Suffix = string(runes[ct.End:min(len(runes), ct.End+ContextChars)])
	return []any{quote, TextPositionSelector{Type: "TextPositionSelector", Start: ct.Start, End: ct.End}}
}
