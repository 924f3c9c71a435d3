package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

// Load implements peacegraph.Store. The dataset is completed and validated
// before Neo4j is touched; then one write transaction removes the nodes the
// dataset no longer has and all relationships between graph nodes, and
// merges every node and relationship back with one batched statement per
// label and per relationship type. Any failure rolls the whole transaction
// back, so the database is never left holding half a dataset.
func (s *Store) Load(ctx context.Context, d *peacegraph.Dataset) error {
	if err := peacegraph.CheckDataset(d); err != nil {
		return err
	}
	w := newWriteSet(d)
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(context.WithoutCancel(ctx))
	// The work returns a bool, not any: the driver cannot hand back a nil
	// interface from a transaction function.
	_, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (bool, error) {
		return true, s.write(ctx, tx, w)
	})
	if err != nil {
		return s.mapError(err)
	}
	s.log.Info().Int("nodes", len(w.kinds)).Int("relationships", w.relationships).Msg("loaded dataset into Neo4j")
	return nil
}

// The statements of a load. Relationship types cannot be parameters in
// Cypher, so each type has its own constant statement; rows carry only
// values.
const (
	deleteStaleNodes = `MATCH (n:Node) WHERE NOT coalesce($kinds[n.id], '') IN labels(n) DETACH DELETE n`
	deleteRelations  = `MATCH (:Node)-[r]->(:Node) DELETE r`

	mergeActors = `UNWIND $rows AS row
MERGE (n:Node {id: row.props.id})
REMOVE n:Person:Government:Organization
SET n = row.props, n:Actor
FOREACH (_ IN CASE WHEN row.props.kind = 'PERSON' THEN [1] ELSE [] END | SET n:Person)
FOREACH (_ IN CASE WHEN row.props.kind = 'GOVERNMENT' THEN [1] ELSE [] END | SET n:Government)
FOREACH (_ IN CASE WHEN row.props.kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET n:Organization)`
	mergePlans    = `UNWIND $rows AS row MERGE (n:Node {id: row.props.id}) SET n = row.props, n:Plan`
	mergePoints   = `UNWIND $rows AS row MERGE (n:Node {id: row.props.id}) SET n = row.props, n:Point`
	mergeClaims   = `UNWIND $rows AS row MERGE (n:Node {id: row.props.id}) SET n = row.props, n:Claim`
	mergeSources  = `UNWIND $rows AS row MERGE (n:Node {id: row.props.id}) SET n = row.props, n:Source`
	mergeEvents   = `UNWIND $rows AS row MERGE (n:Node {id: row.props.id}) SET n = row.props, n:Event`
	mergeDisputes = `UNWIND $rows AS row MERGE (n:Node {id: row.props.id}) SET n = row.props, n:Dispute`

	relHead = `UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-[r:`
	relTail = ` {ord: row.ord}]->(b)
SET r += row.props`

	mergeAffiliatedWith = relHead + peacegraph.RelAffiliatedWith + relTail
	mergeAuthored       = relHead + peacegraph.RelAuthored + relTail
	mergeHasPoint       = relHead + peacegraph.RelHasPoint + relTail
	mergeConcededBy     = relHead + peacegraph.RelConcededBy + relTail
	mergeReportedIn     = relHead + peacegraph.RelReportedIn + relTail
	mergeRevises        = relHead + peacegraph.RelRevises + relTail
	mergeAmends         = relHead + peacegraph.RelAmends + relTail
	mergeClaimed        = relHead + peacegraph.RelClaimed + relTail
	mergeAbout          = relHead + peacegraph.RelAbout + relTail
	mergeCites          = relHead + peacegraph.RelCites + relTail
	mergeContradicts    = relHead + peacegraph.RelContradicts + relTail
	mergeParticipatedIn = relHead + peacegraph.RelParticipatedIn + relTail
	mergeEvidencedBy    = relHead + peacegraph.RelEvidencedBy + relTail
	mergeSupports       = relHead + string(peacegraph.Supports) + relTail
	mergeOpposes        = relHead + string(peacegraph.Opposes) + relTail
	mergeConditional    = relHead + string(peacegraph.Conditional) + relTail
	mergeUndecided      = relHead + string(peacegraph.Undecided) + relTail
)

// relStatements is the statement that writes each relationship type.
var relStatements = map[string]string{
	peacegraph.RelAffiliatedWith: mergeAffiliatedWith, peacegraph.RelAuthored: mergeAuthored,
	peacegraph.RelHasPoint: mergeHasPoint, peacegraph.RelConcededBy: mergeConcededBy,
	peacegraph.RelReportedIn: mergeReportedIn, peacegraph.RelRevises: mergeRevises,
	peacegraph.RelAmends: mergeAmends, peacegraph.RelClaimed: mergeClaimed,
	peacegraph.RelAbout: mergeAbout, peacegraph.RelCites: mergeCites,
	peacegraph.RelContradicts: mergeContradicts, peacegraph.RelParticipatedIn: mergeParticipatedIn,
	peacegraph.RelEvidencedBy: mergeEvidencedBy, string(peacegraph.Supports): mergeSupports,
	string(peacegraph.Opposes): mergeOpposes, string(peacegraph.Conditional): mergeConditional,
	string(peacegraph.Undecided): mergeUndecided,
}

// batch is one statement and the rows it writes.
type batch struct {
	cypher string
	rows   []map[string]any
}

// writeSet is a dataset turned into rows, ready to write.
type writeSet struct {
	// kinds maps every node ID to its kind's label; nodes whose ID is
	// missing, or that carry another kind's label, are deleted first.
	kinds         map[string]any
	nodes         []batch
	rels          []batch
	relationships int
}

func (s *Store) write(ctx context.Context, tx neo4j.ManagedTransaction, w *writeSet) error {
	if err := s.run(ctx, tx, deleteStaleNodes, map[string]any{"kinds": w.kinds}); err != nil {
		return err
	}
	if err := s.run(ctx, tx, deleteRelations, nil); err != nil {
		return err
	}
	if err := s.run(ctx, tx, deleteSides, nil); err != nil {
		return err
	}
	for _, b := range append(append([]batch{}, w.nodes...), w.rels...) {
		if len(b.rows) == 0 {
			continue
		}
		if err := s.run(ctx, tx, b.cypher, map[string]any{"rows": b.rows}); err != nil {
			return err
		}
	}
	return nil
}
