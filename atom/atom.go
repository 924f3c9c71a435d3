// Package atom serves what changed in the record as an Atom feed
// (RFC 4287): GET /changes.atom, one entry per change of
// peacegraph.ChangeDays, for fact-checkers who follow the record in a feed
// reader.
//
// The feed is written with encoding/xml from the typed elements below
// rather than by a feed library: the one considered, gorilla/feeds,
// takes a feed's id from its link (which changes with the host a request
// names), writes every content as HTML, and gives an entry one link,
// where an entry here links each of its claims and their sources.
package atom

import (
	"encoding/xml"
	"time"
)

// Namespace is the Atom namespace.
const Namespace = "http://www.w3.org/2005/Atom"

// ContentType is the media type of an Atom document.
const ContentType = "application/atom+xml; charset=utf-8"

// Feed is atom:feed.
type Feed struct {
	XMLName   xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	ID        string     `xml:"id"`
	Title     Text       `xml:"title"`
	Subtitle  *Text      `xml:"subtitle,omitempty"`
	Updated   string     `xml:"updated"`
	Authors   []Person   `xml:"author"`
	Generator *Generator `xml:"generator,omitempty"`
	Links     []Link     `xml:"link"`
	Entries   []Entry    `xml:"entry"`
}

// Entry is atom:entry.
type Entry struct {
	ID      string `xml:"id"`
	Title   Text   `xml:"title"`
	Updated string `xml:"updated"`
	Links   []Link `xml:"link"`
	Content *Text  `xml:"content,omitempty"`
}

// Text is a Text construct: Type "text" holds plain words, which is all
// this feed writes.
type Text struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

// Person is a Person construct.
type Person struct {
	Name string `xml:"name"`
}

// Generator is atom:generator.
type Generator struct {
	Body string `xml:",chardata"`
}

// Link is atom:link.
type Link struct {
	Href  string `xml:"href,attr"`
	Rel   string `xml:"rel,attr,omitempty"`
	Type  string `xml:"type,attr,omitempty"`
	Title string `xml:"title,attr,omitempty"`
}

// plain is a Text construct of plain words.
func plain(s string) Text { return Text{Type: "text", Body: s} }

// Timestamp is the date-time an Atom date construct gives a day of the
// record: its start, 00:00:00 UTC. The record dates days, not instants,
// and a day's start is the one instant every reader of the day agrees
// the change is not before.
func Timestamp(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}
