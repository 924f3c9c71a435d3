package neo4j

import (
	"sort"

	"github.com/peacegraph/peacegraph"
)

// nodeMap projects the node bound to n, with the relationships that hold
// its ordered lists, into one map that decodeNode turns back into a domain
// value. It fits every kind: the patterns of other kinds match nothing.
const nodeMap = `n {.*, labels: labels(n),
  affiliations: [(n)-[rel:AFFILIATED_WITH]->(nbr) | {id: nbr.id, ord: rel.ord, role: rel.role}],
  authors: [(nbr)-[rel:AUTHORED]->(n) | {id: nbr.id, ord: rel.ord}],
  revises: [(n)-[:REVISES]->(nbr) | nbr.id],
  concededBy: [(n)-[rel:CONCEDED_BY]->(nbr) | {id: nbr.id, ord: rel.ord}],
  reportedIn: [(n)-[rel:REPORTED_IN]->(nbr) | {id: nbr.id, ord: rel.ord}],
  amends: [(n)-[:AMENDS]->(nbr) | nbr.id],
  claimant: [(nbr)-[:CLAIMED]->(n) | nbr.id],
  about: [(n)-[rel:ABOUT]->(nbr) | {id: nbr.id, ord: rel.ord}],
  citations: [(n)-[rel:CITES]->(nbr) | {id: nbr.id, ord: rel.ord, quote: rel.quote, start: rel.start, end: rel.end}],
  contradicts: [(n)-[:CONTRADICTS]-(nbr) | nbr.id],
  participants: [(nbr)-[rel:PARTICIPATED_IN]->(n) | {id: nbr.id, ord: rel.ord}],
  evidence: [(n)-[rel:EVIDENCED_BY]->(nbr) | {id: nbr.id, ord: rel.ord}]}`

// decodeNode turns a nodeMap projection back into a domain node; nil for a
// missing node.
func decodeNode(v any) peacegraph.Node {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	for _, l := range strs(m["labels"]) {
		switch peacegraph.Kind(l) {
		case peacegraph.KindActor:
			return decodeActor(m)
		case peacegraph.KindPlan:
			return decodePlan(m)
		case peacegraph.KindPoint:
			return decodePoint(m)
		case peacegraph.KindClaim:
			return decodeClaim(m)
		case peacegraph.KindSource:
			return decodeSource(m)
		case peacegraph.KindEvent:
			return decodeEvent(m)
		}
	}
	return nil
}

func decodeActor(m map[string]any) *peacegraph.Actor {
	a := &peacegraph.Actor{
		ID: str(m["id"]), Name: str(m["name"]), Kind: peacegraph.ActorKind(str(m["kind"])),
		Role: str(m["role"]), Description: str(m["description"]), Aliases: strs(m["aliases"]),
	}
	for _, r := range ordered(m["affiliations"]) {
		a.Affiliations = append(a.Affiliations, peacegraph.Affiliation{ActorID: str(r["id"]), Role: str(r["role"])})
	}
	return a
}

func decodePlan(m map[string]any) *peacegraph.Plan {
	return &peacegraph.Plan{
		ID: str(m["id"]), Title: str(m["title"]), Summary: str(m["summary"]),
		Date: peacegraph.Date(str(m["date"])), AuthorIDs: orderedIDs(m["authors"]),
		Revises: first(m["revises"]), Seq: num(m["seq"], 0),
	}
}

func decodePoint(m map[string]any) *peacegraph.Point {
	return &peacegraph.Point{
		ID: str(m["id"]), PlanID: str(m["plan"]), Number: num(m["number"], 0),
		Title: str(m["title"]), Summary: str(m["summary"]), Topic: str(m["topic"]),
		Concession: m["concession"] == true, ConcededByIDs: orderedIDs(m["concededBy"]),
		SourceIDs: orderedIDs(m["reportedIn"]), Amends: first(m["amends"]),
	}
}

func decodeClaim(m map[string]any) *peacegraph.Claim {
	c := &peacegraph.Claim{
		ID: str(m["id"]), Text: str(m["text"]), ClaimantID: first(m["claimant"]),
		AboutIDs: orderedIDs(m["about"]), Certainty: peacegraph.Certainty(str(m["certainty"])),
		Date: peacegraph.Date(str(m["date"])), Note: str(m["note"]),
	}
	for _, r := range ordered(m["citations"]) {
		c.Citations = append(c.Citations, peacegraph.Citation{
			SourceID: str(r["id"]), Quote: str(r["quote"]),
			Start: num(r["start"], -1), End: num(r["end"], -1),
		})
	}
	if ids := strs(m["contradicts"]); len(ids) > 0 {
		sort.Strings(ids)
		c.Contradicts = ids
	}
	return c
}

func decodeSource(m map[string]any) *peacegraph.Source {
	return &peacegraph.Source{
		ID: str(m["id"]), Title: str(m["title"]), Publisher: str(m["publisher"]), URL: str(m["url"]),
		Published: peacegraph.Date(str(m["published"])), Retrieved: peacegraph.Date(str(m["retrieved"])),
		Language: str(m["language"]), Text: str(m["text"]), Note: str(m["note"]),
	}
}

func decodeEvent(m map[string]any) *peacegraph.Event {
	return &peacegraph.Event{
		ID: str(m["id"]), Title: str(m["title"]), Summary: str(m["summary"]),
		Date: peacegraph.Date(str(m["date"])), Place: str(m["place"]),
		ParticipantIDs: orderedIDs(m["participants"]), EvidenceIDs: orderedIDs(m["evidence"]),
	}
}

// str reads a string property; a missing one is "".
func str(v any) string {
	s, _ := v.(string)
	return s
}

// num reads an integer property; a missing one is def.
func num(v any, def int) int {
	if n, ok := v.(int64); ok {
		return int(n)
	}
	return def
}

// strs reads a list of strings; an empty list is nil.
func strs(v any) []string {
	xs, _ := v.([]any)
	if len(xs) == 0 {
		return nil
	}
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, str(x))
	}
	return out
}

// first reads the one ID of a to-one relationship; "" when there is none.
func first(v any) string {
	if xs := strs(v); len(xs) > 0 {
		return xs[0]
	}
	return ""
}

// ordered returns the maps of a relationship list in seed order (their
// ord property), since Neo4j keeps no order among relationships.
func ordered(v any) []map[string]any {
	xs, _ := v.([]any)
	out := make([]map[string]any, 0, len(xs))
	for _, x := range xs {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return num(out[i]["ord"], 0) < num(out[j]["ord"], 0) })
	return out
}

// orderedIDs returns the IDs of a relationship list in seed order; nil
// when it is empty.
func orderedIDs(v any) []string {
	var ids []string
	for _, m := range ordered(v) {
		ids = append(ids, str(m["id"]))
	}
	return ids
}
