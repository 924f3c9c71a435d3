// Package peacegraph holds the domain of a negotiation knowledge graph:
// the actors of a negotiation, the plans and their numbered points, the
// claims made about them, each traced to the verbatim words of a dated
// source, and the stances and events those claims show.
//
// The package depends on nothing else in the repository. Storage lives in
// memory/ and neo4j/, seed files in loaders/, the API in graph/.
package peacegraph

import (
	"time"
)

// Kind names the type of a node of the graph. The values are the GraphQL
// type names so that a node's kind can be shown to users unchanged.
type Kind string

// The kinds of node.
const (
	KindActor  Kind = "Actor"
	KindPlan   Kind = "Plan"
	KindPoint  Kind = "Point"
	KindClaim  Kind = "Claim"
	KindSource Kind = "Source"
	KindEvent  Kind = "Event"
	// KindDispute is a contested question of the record with its sides.
	KindDispute Kind = "Dispute"
)

// Node is any vertex of the graph. IDs are unique across all kinds, so one
// lookup by ID answers GraphQL's node(id:) without knowing the kind.
type Node interface {
	NodeID() string
	NodeKind() Kind
	// Label is the short human-readable name shown by visualizations.
	Label() string
}

// Date is an ISO-8601 calendar date ("2025-11-21"), or "" when unknown.
// It is a string so that dates compare and sort correctly as text, and so
// that "unknown" needs no pointer.
type Date string

// DateLayout is the only accepted spelling of a Date.
const DateLayout = "2006-01-02"

// ParseDate returns s as a Date, or an EINVALID error when s is not a real
// calendar date in the form YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	if _, err := time.Parse(DateLayout, s); err != nil {
		return "", Errorf(EINVALID, "%q is not a date of the form YYYY-MM-DD", s)
	}
	return Date(s), nil
}

// Valid reports whether d is empty or a real calendar date.
func (d Date) Valid() bool {
	if d == "" {
		return true
	}
	_, err := ParseDate(string(d))
	return err == nil
}

// MaxDate returns the later of two dates; an unknown date never wins.
func MaxDate(a, b Date) Date {
	if a > b {
		return a
	}
	return b
}
