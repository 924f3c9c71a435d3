package neo4j

import (
	"sort"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// nodeMap stands, in a read's statement, for the projection of the node
// bound to n into what decodeNode reads; the read puts in its place the
// projection of what the request selects (projection.go).
const nodeMap = nodeMapMarker

// decodeNode turns a nodeMap projection back into a domain node; nil for a
// missing node.
func decodeNode(v any) peacegraph.Node {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	switch peacegraph.Kind(str(m["kind_"])) {
	case peacegraph.KindClaim:
		return decodeClaim(m)
	case peacegraph.KindActor:
		a := &peacegraph.Actor{
			ID: str(m["id"]), Name: str(m["name"]), Kind: peacegraph.ActorKind(str(m["kind"])),
			Role: str(m["role"]), Description: str(m["description"]), Aliases: strs(m["aliases"]),
		}
		roles := strs(m["affiliationRoles"])
		for i, id := range strs(m["affiliations"]) {
			a.Affiliations = append(a.Affiliations, peacegraph.Affiliation{ActorID: id, Role: at(roles, i)})
		}
		return a
	case peacegraph.KindPlan:
		p := &peacegraph.Plan{
			ID: str(m["id"]), Title: str(m["title"]), Summary: str(m["summary"]),
			Date: peacegraph.Date(str(m["date"])), Seq: num(m["seq"], 0),
			AuthorIDs: strs(m["authors"]), Revises: str(m["revises"]), Accompanies: str(m["accompanies"]),
			Changes: changes(m["changes"]), SeedChanges: changes(m["seedChanges"]),
		}
		return p
	case peacegraph.KindPoint:
		concession, _ := m["concession"].(bool)
		return &peacegraph.Point{
			ID: str(m["id"]), PlanID: str(m["plan"]), Number: num(m["number"], 0), Title: str(m["title"]),
			Summary: str(m["summary"]), Topic: str(m["topic"]), Concession: concession,
			ConcededByIDs: strs(m["concededBy"]), SourceIDs: strs(m["sources"]), Amends: str(m["amends"]),
		}
	case peacegraph.KindSource:
		return &peacegraph.Source{
			ID: str(m["id"]), Title: str(m["title"]), Publisher: str(m["publisher"]), URL: str(m["url"]),
			Published: peacegraph.Date(str(m["published"])), Retrieved: peacegraph.Date(str(m["retrieved"])),
			Language: str(m["language"]), Text: str(m["text"]), Note: str(m["note"]), Republishes: str(m["republishes"]),
		}
	case peacegraph.KindEvent:
		return &peacegraph.Event{
			ID: str(m["id"]), Title: str(m["title"]), Summary: str(m["summary"]),
			Date: peacegraph.Date(str(m["date"])), Place: str(m["place"]),
			ParticipantIDs: strs(m["participants"]), EvidenceIDs: strs(m["evidence"]),
		}
	case peacegraph.KindDispute:
		x := &peacegraph.Dispute{
			ID: str(m["id"]), Question: str(m["question"]), Summary: str(m["summary"]),
			Note: str(m["note"]), AboutIDs: strs(m["about"]),
		}
		for _, r := range ordered(m["sides"]) {
			x.Sides = append(x.Sides, peacegraph.DisputeSide{
				Label: str(r[1]), Summary: str(r[2]), ClaimIDs: column(ordered(r[3]), 1),
			})
		}
		return x
	}
	return nil
}

func decodeClaim(m map[string]any) *peacegraph.Claim {
	c := &peacegraph.Claim{
		ID: str(m["id"]), Text: str(m["text"]), Certainty: peacegraph.Certainty(str(m["certainty"])),
		Date: peacegraph.Date(str(m["date"])), Note: str(m["note"]), Denies: strs(m["denies"]),
		ClaimantID: str(m["claimant"]), AboutIDs: strs(m["about"]),
		Corroboration: peacegraph.Corroboration{
			Sources: num(m["corroboratingSources"], 0), Publishers: num(m["corroboratingPublishers"], 0),
			Earliest: peacegraph.Date(str(m["earliest"])), EarliestSourceID: str(m["earliestSource"]),
		},
	}
	quotes, starts, ends := strs(m["citeQuotes"]), ints(m["citeStarts"]), ints(m["citeEnds"])
	for i, src := range strs(m["citeSources"]) {
		c.Citations = append(c.Citations, peacegraph.Citation{
			SourceID: src, Quote: at(quotes, i), Start: atIntOr(starts, i, -1), End: atIntOr(ends, i, -1),
		})
	}
	rules := strs(m["contradictionRules"])
	for i, id := range strs(m["contradicts"]) {
		c.Contradicts = append(c.Contradicts, id)
		if r := at(rules, i); r != "" {
			if c.ContradictionRules == nil {
				c.ContradictionRules = map[string][]string{}
			}
			c.ContradictionRules[id] = strings.Split(r, ",")
		}
	}
	reviewers := strs(m["reviewers"])
	ratings, explanations := strs(m["reviewRatings"]), strs(m["reviewExplanations"])
	rdates, urls := strs(m["reviewDates"]), strs(m["reviewUrls"])
	values, best, worst := ints(m["reviewRatingValues"]), ints(m["reviewBestRatings"]), ints(m["reviewWorstRatings"])
	for i, who := range reviewers {
		c.Reviews = append(c.Reviews, peacegraph.Review{
			Reviewer: who, Rating: at(ratings, i), Explanation: at(explanations, i),
			Date: peacegraph.Date(at(rdates, i)), URL: at(urls, i),
			RatingValue: atInt(values, i), BestRating: atInt(best, i), WorstRating: atInt(worst, i),
		})
	}
	return c
}

// changes reads CHANGES or SEED_CHANGE projections in their order.
func changes(v any) []peacegraph.PointChange {
	var out []peacegraph.PointChange
	for _, r := range ordered(v) {
		out = append(out, peacegraph.PointChange{
			PointID: str(r[1]), Status: peacegraph.ChangeStatus(str(r[2])),
			RevisedIDs: strs(r[3]), EvidenceIDs: strs(r[4]), Note: str(r[5]),
		})
	}
	return out
}

// stanceMap projects a stance relationship r from actor a to target t;
// heldMap a HELD span the same way. Both give what decodeStance reads.
const (
	stanceMap = `{actor: a.id, target: t.id, position: type(r), asOf: r.asOf, note: r.note, claims: r.claims, claimDates: r.claimDates}`
	heldMap   = `{actor: a.id, target: t.id, position: r.position, asOf: r.asOf, note: r.note, claims: r.claims, claimDates: r.claimDates}`
	// The lean maps leave out the note and the evidence, for a request
	// that asks for neither.
	leanStanceMap = `{actor: a.id, target: t.id, position: type(r), asOf: r.asOf}`
	leanHeldMap   = `{actor: a.id, target: t.id, position: r.position, asOf: r.asOf}`
)

// decodeStance reads a stanceMap or heldMap projection.
func decodeStance(v any) *peacegraph.Stance {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	st := &peacegraph.Stance{
		ActorID: str(m["actor"]), TargetID: str(m["target"]), Position: peacegraph.Position(str(m["position"])),
		AsOf: peacegraph.Date(str(m["asOf"])), Note: str(m["note"]), EvidenceIDs: strs(m["claims"]),
	}
	for _, d := range strs(m["claimDates"]) {
		st.EvidenceDates = append(st.EvidenceDates, peacegraph.Date(d))
	}
	return st
}

// ordered reads a list of [ord, ...] rows, sorted by ord: a pattern
// comprehension gives no order, the ord property keeps the seeds'.
func ordered(v any) [][]any {
	xs, _ := v.([]any)
	rows := make([][]any, 0, len(xs))
	for _, x := range xs {
		if r, ok := x.([]any); ok && len(r) > 0 {
			rows = append(rows, r)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return num(rows[i][0], 0) < num(rows[j][0], 0) })
	return rows
}

// column reads the strings at position i of rows; nil for no rows.
func column(rows [][]any, i int) []string {
	if len(rows) == 0 {
		return nil
	}
	out := make([]string, len(rows))
	for j, r := range rows {
		if i < len(r) {
			out[j] = str(r[i])
		}
	}
	return out
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

// ints reads a list of integers.
func ints(v any) []int {
	xs, _ := v.([]any)
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = num(x, 0)
	}
	return out
}

func at(xs []string, i int) string {
	if i < len(xs) {
		return xs[i]
	}
	return ""
}

func atInt(xs []int, i int) int { return atIntOr(xs, i, 0) }

func atIntOr(xs []int, i, def int) int {
	if i < len(xs) {
		return xs[i]
	}
	return def
}
