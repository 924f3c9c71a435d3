package neo4j

import (
	"context"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

// A load larger than one transaction should hold is staged: the nodes it
// adds are written ahead, in transactions of loadBatch rows, loadSessions
// of them at a time, as Staged nodes with all their properties, and so
// are the relationships and dispute sides among them. Staged nodes carry neither the Node label nor
// their kind's, so no read finds them, and nothing staged touches a node
// of the graph, so no walk from the graph, whatever its pattern, reaches
// one. The load's last transaction then does what one transaction does
// for a small load (removals, changed units, relationships to nodes of the
// graph) and relabels the staged nodes, which brings them and everything
// among them into view at once. A load stopped before that leaves only
// staging behind, which the next load removes first.
//
// The switch changes labels only, never a staged node's properties, and
// finds each staged node by its element ID rather than through an index:
// what it costs per node is Neo4j's record of the labels and of the
// entries they add to the indexes of the node's kind (node_id, the kind's
// id and sort key), about 2.5–3 KiB of transaction memory. The Staged
// label has no index of its own, since an index on it would cost the
// switch as much again when the label goes.
const (
	stagedLabel = "Staged"

	// dropStagingBatch removes staging a batch at a time, so that even a
	// large leftover needs no large transaction.
	// A staged dispute's sides go with it: they carry no label of their
	// own kind to be found by.
	dropStagingBatch = `MATCH (n:` + stagedLabel + `) WITH n LIMIT $limit
OPTIONAL MATCH (n)-[:` + relHasSide + `]->(s:` + sideLabel + `)
DETACH DELETE s, n
RETURN count(DISTINCT n) AS n`
	// dropStagingStart moves the generation on before any staging goes:
	// a load still staging what this removes then fails at its last
	// transaction instead of bringing half of it into view.
	// The bucket digests and the seed digest still describe the graph,
	// which it does not change, so they move on with it (buckets.go,
	// seeds.go).
	dropStagingStart = moveGenerationOn

	createStaged = `UNWIND $rows AS row CREATE (n:` + stagedLabel + `) SET n = row RETURN row.id AS id, elementId(n) AS element`

	relabelHead = `UNWIND $ids AS id
MATCH (n:` + stagedLabel + `) WHERE elementId(n) = id
REMOVE n:` + stagedLabel + `
SET n:` + nodeLabel + `:`
)

// relabelStatements turns staged nodes of each kind into graph nodes and
// counts them, so that a staged node gone missing fails the load.
var relabelStatements = func() map[string]string {
	m := map[string]string{}
	for _, k := range nodeKinds {
		m[k] = relabelHead + k
		if k == string(peacegraph.KindActor) {
			m[k] += actorKinds
		}
		m[k] += "\nRETURN count(n) AS n"
	}
	return m
}()

// createStagedSides creates the sides of staged disputes, backed by
// staged claims.
var createStagedSides = sidesByElement(stagedLabel)

// stagedRelStatements creates relationships between staged nodes.
var stagedRelStatements = func() map[string]string {
	m := map[string]string{}
	for _, t := range relOrder {
		m[t] = byElement(stagedLabel) + t + relTail
	}
	return m
}()

// staging is what stage wrote ahead: the element ID of every staged node
// by its ID, the disputes whose sides were staged, and how many write
// statements it took.
type staging struct {
	nodes      map[string]string
	sides      map[string]bool
	statements int
}

// hasNode reports whether the node of this key was staged.
func (st *staging) hasNode(key string) bool {
	if st == nil {
		return false
	}
	_, ok := st.nodes[key]
	return ok
}

// hasRel reports whether a relationship was staged: it was when both its
// ends were.
func (st *staging) hasRel(r relRow) bool {
	return st.hasNode(r.From) && st.hasNode(r.To)
}

// hasSides reports whether the dispute's sides were staged.
func (st *staging) hasSides(key string) bool {
	return st != nil && st.sides[key]
}

func (st *staging) count() int {
	if st == nil {
		return 0
	}
	return len(st.nodes)
}

func (st *staging) writes() int {
	if st == nil {
		return 0
	}
	return st.statements
}

// stage writes the plan's fresh nodes ahead, then the relationships and
// dispute sides that lie among them. Each part is a set of independent
// transactions, which loadSessions sessions run side by side.
func (s *Store) stage(ctx context.Context, p *loadPlan) (*staging, error) {
	st := &staging{nodes: make(map[string]string, len(p.fresh)), sides: map[string]bool{}}
	nodes := make([]any, len(p.fresh))
	for i, u := range p.fresh {
		nodes[i] = nodeParams(u)
	}
	var mu sync.Mutex
	n, err := s.writeBatches(ctx, s.loadSessions, s.batches(createStaged, nodes, func(records []*neo4j.Record) {
		mu.Lock()
		defer mu.Unlock()
		for _, r := range records {
			st.nodes[str(r.Values[0])] = str(r.Values[1])
		}
	}))
	st.statements += n
	if err != nil {
		return nil, err
	}
	rels := map[string][]any{}
	var sides []any
	for _, u := range p.write {
		for _, r := range u.rels {
			if st.hasRel(r) {
				row := relParams(u, r)
				row["from"], row["to"] = st.nodes[r.From], st.nodes[r.To]
				rels[r.Type] = append(rels[r.Type], row)
			}
		}
		if len(u.sides) == 0 || !st.hasNode(u.key) || !st.sidesStaged(u.sides) {
			continue
		}
		st.sides[u.key] = true
		for _, side := range u.sides {
			claims := side["claims"].([]string)
			elements := make([]string, len(claims))
			for i, c := range claims {
				elements[i] = st.nodes[c]
			}
			sides = append(sides, map[string]any{
				"dispute": st.nodes[u.key], "unit": u.key, "id": side["id"], "ord": side["ord"],
				"label": side["label"], "summary": side["summary"], "claims": elements,
			})
		}
	}
	var tasks []batch
	for _, t := range relOrder {
		tasks = append(tasks, s.batches(stagedRelStatements[t], rels[t], nil)...)
	}
	tasks = append(tasks, s.batches(createStagedSides, sides, nil)...)
	n, err = s.writeBatches(ctx, s.loadSessions, tasks)
	st.statements += n
	if err != nil {
		return nil, err
	}
	return st, nil
}

// sidesStaged reports whether every claim a dispute's sides name is
// staged, so that the sides can be staged without touching the graph.
func (st *staging) sidesStaged(sides []map[string]any) bool {
	for _, side := range sides {
		for _, c := range side["claims"].([]string) {
			if !st.hasNode(c) {
				return false
			}
		}
	}
	return true
}

// batch is one transaction of a write done ahead of a load's last
// transaction: a statement over some rows, and what to do with the
// records it returns once it has committed (nil: nothing), which may be
// called for several batches at once.
type batch struct {
	cypher string
	rows   []any
	got    func([]*neo4j.Record)
}

// batches cuts rows into batches of loadBatch rows for one statement.
func (s *Store) batches(cypher string, rows []any, got func([]*neo4j.Record)) []batch {
	var out []batch
	for start := 0; start < len(rows); start += s.loadBatch {
		out = append(out, batch{cypher, rows[start:min(start+s.loadBatch, len(rows))], got})
	}
	return out
}

// writeBatches runs each batch in a write transaction of its own, on
// `sessions` sessions side by side, and returns how many committed. The
// batches must not depend on each other: they commit in any order. Once
// one fails, no other starts, and the first failure is returned.
func (s *Store) writeBatches(ctx context.Context, sessions int, batches []batch) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan batch)
	var (
		mu        sync.Mutex
		committed int
		first     error
		wg        sync.WaitGroup
	)
	for range min(max(sessions, 1), len(batches)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
			defer session.Close(context.WithoutCancel(ctx))
			for b := range next {
				records, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
					if b.got == nil {
						return nil, s.run(ctx, tx, b.cypher, map[string]any{"rows": b.rows})
					}
					return s.collect(ctx, tx, b.cypher, map[string]any{"rows": b.rows})
				})
				mu.Lock()
				if err != nil {
					if first == nil {
						// The others fail only because of this one.
						first = s.mapError(err)
						cancel()
					}
					mu.Unlock()
					continue
				}
				committed++
				mu.Unlock()
				if b.got != nil {
					b.got(records)
				}
			}
		}()
	}
	for _, b := range batches {
		select {
		case next <- b:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	if first == nil && committed < len(batches) {
		// Cancelled from outside, between batches.
		first = s.mapError(context.Cause(ctx))
	}
	return committed, first
}

// collect is run for a write statement whose records the load needs: it
// returns them, and logs the statement as run does.
func (s *Store) collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	s.queries.Add(1)
	start := time.Now()
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	records, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	summary, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	c := summary.Counters()
	s.log.Debug().Dur("took", time.Since(start)).Str("statement", firstLine(cypher)).
		Int("nodesCreated", c.NodesCreated()).Int("relationshipsCreated", c.RelationshipsCreated()).
		Msg("write statement")
	return records, nil
}

// dropStaging removes what a stopped load staged. It first moves the
// generation on (dropStagingStart), so that a load whose staging this
// removes, should it still be running, fails rather than commits.
func (s *Store) dropStaging(ctx context.Context) error {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	_, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (bool, error) {
		return true, s.run(ctx, tx, dropStagingStart, nil)
	})
	if err != nil {
		return s.mapError(err)
	}
	for {
		n, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (int64, error) {
			// A node goes with its relationships, several per node.
			return s.runCount(ctx, tx, dropStagingBatch, map[string]any{"limit": max(1, s.loadBatch/10)})
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

// relabel brings staged nodes of one kind into the graph, a batch at a
// time, and fails when any of them is missing: another load removed them,
// and what was staged cannot be trusted. It returns the statements run.
func (s *Store) relabel(ctx context.Context, tx neo4j.ManagedTransaction, kind string, ids []any) (int, error) {
	n := 0
	for start := 0; start < len(ids); start += batchRows {
		batch := ids[start:min(start+batchRows, len(ids))]
		got, err := s.runCount(ctx, tx, relabelStatements[kind], map[string]any{"ids": batch})
		if err != nil {
			return n, err
		}
		n++
		if int(got) != len(batch) {
			return n, peacegraph.Errorf(peacegraph.ECONFLICT, "%d of %d staged %s nodes are missing: another load ran at the same time; nothing was changed, run it again", len(batch)-int(got), len(batch), kind)
		}
	}
	return n, nil
}

// nodeParams is the row of a unit's node: its properties, the hashes
// the next load compares and its bucket (buckets.go).
func nodeParams(u *unit) map[string]any {
	row := make(map[string]any, len(u.node)+3)
	for k, v := range u.node {
		row[k] = v
	}
	row["hash"], row["valueHash"], row["bucket"] = u.hash, u.valueHash, u.bucket
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
