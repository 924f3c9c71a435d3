package neo4j

import (
	"fmt"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// The parts of the record that are not edges of peacegraph.Dataset.Edges
// get relationships of their own, so that Neo4j Browser shows them the way
// the domain reads: what a later plan did with each point of the plan it
// revises, and what each dispute concerns and who is on which side. Reads
// decode nodes from their json property, so these are for people; paths
// and neighbourhoods never follow them (graphTypes).
const (
	// (Plan)-[:CHANGES {ord, status, revised, evidence, note}]->(Point):
	// one to each point of the revised plan, and one with status ADDED to
	// each point the plan adds.
	relChanges = "CHANGES"
	// (Dispute)-[:CONCERNS {ord}]->(Plan|Point|Actor)
	relConcerns = "CONCERNS"
	// (Dispute)-[:HAS_SIDE {ord}]->(DisputeSide {label, summary})
	//   -[:BACKED_BY {ord}]->(Claim)
	relHasSide  = "HAS_SIDE"
	relBackedBy = "BACKED_BY"
	// sideLabel labels a dispute's sides. They are not nodes of the graph
	// (no Node label; their id, "<dispute>#side-<n>", is no slug and names
	// them only in Browser): they exist only to group a side's claims.
	sideLabel = "DisputeSide"
)

const (
	mergeChanges  = relHead + relChanges + relTail
	mergeConcerns = relHead + relConcerns + relTail
	// deleteSides runs before a load's writes: sides have no ID to merge
	// on, so they are written afresh each time.
	deleteSides = `MATCH (s:` + sideLabel + `) DETACH DELETE s`
	createSides = `UNWIND $rows AS row
MATCH (d:Dispute {id: row.dispute})
CREATE (d)-[:` + relHasSide + ` {ord: row.ord}]->(s:` + sideLabel + ` {id: row.id, label: row.label})
SET s.summary = row.summary
WITH s, row
UNWIND range(0, size(row.claims) - 1) AS j
MATCH (c:Claim {id: row.claims[j]})
CREATE (s)-[:` + relBackedBy + ` {ord: j}]->(c)`
)

// graphTypes is the relationship-type alternation of the graph's edges,
// for patterns that must follow nothing else; it is made from peacegraph's
// constants, never from a request.
var graphTypes = strings.Join(peacegraph.RelationshipTypes(), "|")

// recordRows adds the rows of the CHANGES, CONCERNS and side statements.
func recordRows(d *peacegraph.Dataset, w *writeSet) {
	var changes, concerns, sides []map[string]any
	row := func(from, to string, ord int, props map[string]any) map[string]any {
		w.relationships++
		return map[string]any{"from": from, "to": to, "ord": ord, "props": props}
	}
	for _, p := range d.Plans {
		for i, c := range p.Changes {
			to := c.PointID
			if c.Status == peacegraph.ChangeAdded && len(c.RevisedIDs) > 0 {
				to = c.RevisedIDs[0]
			}
			changes = append(changes, row(p.ID, to, i, map[string]any{
				"status": string(c.Status), "revised": list(c.RevisedIDs),
				"evidence": list(c.EvidenceIDs), "note": opt(c.Note),
			}))
		}
	}
	for _, x := range d.Disputes {
		for i, id := range x.AboutIDs {
			concerns = append(concerns, row(x.ID, id, i, map[string]any{}))
		}
		for i, side := range x.Sides {
			w.relationships += 1 + len(side.ClaimIDs)
			sides = append(sides, map[string]any{
				"dispute": x.ID, "id": fmt.Sprintf("%s#side-%d", x.ID, i+1), "ord": i, "label": side.Label, "summary": opt(side.Summary), "claims": list(side.ClaimIDs),
			})
		}
	}
	w.rels = append(w.rels, batch{mergeChanges, changes}, batch{mergeConcerns, concerns}, batch{createSides, sides})
}

// dates stores a stance's evidence dates as text, "" for an undated claim,
// so that the list stays aligned with the evidence.
func dates(ds []peacegraph.Date) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = string(d)
	}
	return out
}
