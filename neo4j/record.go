package neo4j

import (
	"strings"

	"github.com/peacegraph/peacegraph"
)

// The parts of the record that are not edges of peacegraph.Dataset.Edges
// get relationships of their own, so that Neo4j Browser shows them the way
// the domain reads, and so that reads find them by walking: what a later
// plan did with each point of the plan it revises, and what each dispute
// concerns and who is on which side. Paths and neighbourhoods never follow
// them (graphTypes).
const (
	// (Plan)-[:CHANGES {ord, point, status, revised, evidence, note}]->(Point):
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

// graphTypes is the relationship-type alternation of the graph's edges,
// for patterns that must follow nothing else; it is made from peacegraph's
// constants, never from a request.
var graphTypes = strings.Join(peacegraph.RelationshipTypes(), "|")
