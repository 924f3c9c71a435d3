package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

// A load larger than one transaction can hold (Neo4j bounds a
// transaction's memory; the project's own server to 256 MiB) is staged:
// the nodes it adds are written ahead, in transactions of loadBatch rows,
// as Staged nodes, with the relationships they own. Staged nodes carry
// neither the Node label nor their kind's, so no read finds them, and
// every read walks to nodes by label, so none follows a relationship to
// one. The load's last transaction then does what one transaction does
// for a small load (removals, changed units, stances) and relabels the
// staged nodes, which brings them and their relationships into view at
// once. A load stopped before that leaves only staging behind, which the
// next load removes first. The last transaction changes labels only, never
// a staged node's properties: a property change would make Neo4j hold the
// node's whole property chain in the transaction, and the memory bound.
const (
	stagedLabel = "Staged"

	stagingLeft = `RETURN EXISTS { (:` + stagedLabel + `) } AS left`
	// dropStagingBatch removes staging a batch at a time, so that even a
	// large leftover needs no large transaction.
	dropStagingBatch = `MATCH (n:` + stagedLabel + `) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n`

	createStaged = `UNWIND $rows AS row CREATE (n:` + stagedLabel + `) SET n = row`

	stagedRelHead = `UNWIND $rows AS row
OPTIONAL MATCH (a1:Node {id: row.from})
OPTIONAL MATCH (a2:` + stagedLabel + ` {id: row.from})
OPTIONAL MATCH (b1:Node {id: row.to})
OPTIONAL MATCH (b2:` + stagedLabel + ` {id: row.to})
WITH row, coalesce(a1, a2) AS a, coalesce(b1, b2) AS b
CREATE (a)-[r:`

	relabelHead = `UNWIND $ids AS id
MATCH (n:` + stagedLabel + ` {id: id})
REMOVE n:` + stagedLabel + `
SET n:Node:`
	relabelActors = relabelHead + `Actor
FOREACH (_ IN CASE WHEN n.kind = 'PERSON' THEN [1] ELSE [] END | SET n:Person)
FOREACH (_ IN CASE WHEN n.kind = 'GOVERNMENT' THEN [1] ELSE [] END | SET n:Government)
FOREACH (_ IN CASE WHEN n.kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET n:Organization)
RETURN count(n) AS n`
)

// relabelStatements turns staged nodes of each kind into graph nodes and
// counts them, so that a staged node gone missing fails the load.
var relabelStatements = func() map[string]string {
	m := map[string]string{string(peacegraph.KindActor): relabelActors}
	for _, k := range nodeKinds {
		if _, ok := m[k]; !ok {
			m[k] = relabelHead + k + "\nRETURN count(n) AS n"
		}
	}
	return m
}()

// stagedRelStatements creates relationships between staged or graph nodes.
var stagedRelStatements = func() map[string]string {
	m := map[string]string{}
	for _, t := range relOrder {
		m[t] = stagedRelHead + t + relTail
	}
	return m
}()

// stage writes the plan's fresh node units ahead, with the relationships
// they own, and returns their keys. It stages nothing (and returns nil)
// when a node changes kind, since the old node goes only in the last
// transaction and would take staged relationships with it.
func (s *Store) stage(ctx context.Context, p *loadPlan) (map[string]bool, error) {
	dropped := make(map[string]bool, len(p.drop))
	for _, id := range p.drop {
		dropped[id] = true
	}
	for _, u := range p.write {
		if u.node != nil && dropped[u.key] {
			return nil, nil
		}
	}
	nodes := map[string][]any{}
	rels := map[string][]any{}
	staged := make(map[string]bool, len(p.fresh))
	for _, u := range p.fresh {
		staged[u.key] = true
		nodes[u.label] = append(nodes[u.label], nodeParams(u))
		for _, r := range u.rels {
			rels[r.Type] = append(rels[r.Type], relParams(u, r))
		}
	}
	for _, k := range nodeKinds {
		if err := s.writeBatches(ctx, createStaged, nodes[k]); err != nil {
			return nil, err
		}
	}
	for _, t := range relOrder {
		if err := s.writeBatches(ctx, stagedRelStatements[t], rels[t]); err != nil {
			return nil, err
		}
	}
	s.log.Info().Int("nodes", len(p.fresh)).Msg("staged the nodes the load adds")
	return staged, nil
}

// writeBatches runs a statement over rows, loadBatch rows to a transaction
// of its own.
func (s *Store) writeBatches(ctx context.Context, cypher string, rows []any) error {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	for start := 0; start < len(rows); start += s.loadBatch {
		batch := rows[start:min(start+s.loadBatch, len(rows))]
		_, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (bool, error) {
			return true, s.run(ctx, tx, cypher, map[string]any{"rows": batch})
		})
		if err != nil {
			return s.mapError(err)
		}
	}
	return nil
}

// dropStaging removes what a stopped load staged.
func (s *Store) dropStaging(ctx context.Context) error {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	for {
		n, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (int64, error) {
			s.queries.Add(1)
			// A node goes with its relationships, several per node.
			res, err := tx.Run(ctx, dropStagingBatch, map[string]any{"limit": max(1, s.loadBatch/10)})
			if err != nil {
				return 0, err
			}
			rec, err := res.Single(ctx)
			if err != nil {
				return 0, err
			}
			n, _ := rec.Values[0].(int64)
			return n, nil
		})
		if err != nil {
			return s.mapError(err)
		}
		if n == 0 {
			s.log.Info().Msg("removed the staging a stopped load left")
			return nil
		}
	}
}

// nodeParams is the row of a unit's node: its properties and the hashes
// the next load compares.
func nodeParams(u *unit) map[string]any {
	row := make(map[string]any, len(u.node)+2)
	for k, v := range u.node {
		row[k] = v
	}
	row["hash"], row["valueHash"] = u.hash, u.valueHash
	return row
}

// relParams is the row of one relationship of a unit.
func relParams(u *unit, r relRow) map[string]any {
	props := make(map[string]any, len(r.Props)+3)
	for k, v := range r.Props {
		props[k] = v
	}
	props["unit"] = u.key
	if u.node == nil {
		props["hash"] = u.hash
		if u.valueHash != "" {
			props["valueHash"] = u.valueHash
		}
	}
	return map[string]any{"from": r.From, "to": r.To, "props": props}
}
