package neo4j

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

// Load implements peacegraph.Store as a plan and then a change. The
// dataset is completed and validated before Neo4j is touched and turned
// into units (rows.go), each with the hash of what it writes, while one
// read of the graph gives the hashes it holds and the load generation they
// belong to. Comparing the two gives the plan: the units to add, rewrite
// and remove. When there are none the load ends there, having written
// nothing.
//
// Otherwise one write transaction takes the load lock, checks that no
// other load committed since the read (the generation is unchanged; if it
// changed, a small load reads the hashes again inside the transaction and
// plans anew), and writes only the difference: it removes the nodes and
// relationships of the units that went or changed and writes those of the
// units that came or changed. Any failure rolls the whole transaction
// back, so readers see the graph before the load or after it, never
// between. A plan of more than LoadBatch rows writes the nodes it adds
// ahead, out of sight (staging.go), and its last transaction brings them
// into view; it fails with ECONFLICT, changing nothing, when another load
// changed the graph meanwhile. An addition (peacegraph.Adding) is planned
// from what it touches alone, and written the same way (load_addition.go).
func (s *Store) Load(ctx context.Context, d *peacegraph.Dataset, opts ...peacegraph.LoadOption) error {
	o := peacegraph.ApplyLoadOptions(opts)
	if o.Adding {
		return s.add(ctx, d, o)
	}
	if err := peacegraph.CheckDataset(d); err != nil {
		return err
	}
	started := time.Now()
	// Hashing the dataset is work for this process, reading the graph's
	// generation and bucket digests for Neo4j: the two overlap, and the
	// hashes of the buckets that differ are read once both are done.
	unitsDone := make(chan []*unit, 1)
	go func() {
		us := units(d)
		s.log.Debug().Dur("took", time.Since(started)).Int("units", len(us)).Msg("hashed the dataset's units")
		unitsDone <- us
	}()
	var us []*unit
	var want []string
	wanted := func() []string {
		if want == nil {
			us = <-unitsDone
			want = bucketDigests(us)
		}
		return want
	}
	held, err := s.readHeld(ctx, wanted)
	wanted()
	if err != nil {
		return err
	}
	s.log.Debug().Dur("took", time.Since(started)).Int("read", len(held.units)).Bool("whole", !held.partial()).Msg("read the graph's hashes")
	if held.staged && !o.DryRun {
		// A load that was stopped half-way left its staging behind;
		// nobody reads it, and it goes before anything else. Dropping it
		// moves the generation on (dropStaging), so read again.
		if err := s.dropStaging(ctx); err != nil {
			return err
		}
		if held, err = s.readHeld(ctx, wanted); err != nil {
			return err
		}
	}
	p := plan(us, held, want)
	s.log.Debug().Dur("took", time.Since(started)).Int("units", len(us)).Int("held", len(held.units)).Msg("planned the load")
	// Another load that committed since the read is planned against
	// under the lock.
	replan := func(ctx context.Context, tx neo4j.ManagedTransaction) (*loadPlan, *heldState, error) {
		now, err := s.readHeldIn(ctx, txQuery(ctx, tx), wanted)
		if err != nil {
			return nil, nil, err
		}
		if !now.partial() && len(now.units) > 0 {
			// The other load kept no digests: its nodes may lack their
			// buckets, which only a load before its last transaction
			// gives them.
			return nil, nil, peacegraph.Errorf(peacegraph.ECONFLICT, "another load, by a store that keeps no bucket digests, changed the graph at the same time; nothing was changed, run it again")
		}
		return plan(us, now, want), now, nil
	}
	return s.commit(ctx, p, held, o, started, replan)
}

// commit carries out a plan made from held: it is refused when it removes
// too much, only reported on a dry run, and otherwise written, the large
// part of it staged ahead and the rest in one last transaction, which
// takes the load lock. When another load committed since held was read,
// replan plans again under the lock, inside that transaction.
func (s *Store) commit(ctx context.Context, p *loadPlan, held *heldState, o peacegraph.LoadOptions, started time.Time,
	replan func(context.Context, neo4j.ManagedTransaction) (*loadPlan, *heldState, error)) error {
	if err := peacegraph.CheckRemovals(o, &p.report); err != nil {
		return err
	}
	if o.DryRun {
		*o.Report = p.report
		return nil
	}
	// A load that is refused, or only shows what it would change, does
	// not get this far: the buckets are written for a load that goes on.
	backfilled := 0
	var err error
	if !held.partial() && len(held.units) > 0 {
		if backfilled, err = s.backfillBuckets(ctx, held); err != nil {
			return err
		}
	}
	// A graph read whole is given its digests even when nothing else
	// changes, so that the next load reads only what changes.
	if p.empty() && (held.partial() || len(held.units) == 0) {
		recorded, err := s.recordSeeds(ctx, held, o.Seeds)
		if err != nil {
			return err
		}
		p.report.Writes = backfilled + recorded
		*o.Report = p.report
		s.log.Info().Str("changes", p.report.String()).Dur("took", time.Since(started)).Msg("the graph in Neo4j already holds the dataset")
		return nil
	}
	var st *staging
	if p.rows() > s.loadBatch {
		stagingStarted := time.Now()
		if st, err = s.stage(ctx, p); err != nil {
			return err
		}
		s.log.Info().Int("nodes", len(st.nodes)).Int("statements", st.statements).Dur("took", time.Since(stagingStarted)).Msg("staged the nodes the load adds")
	}
	finalStarted := time.Now()
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	s.log.Info().Int("rows", p.rows()).Int("staged", st.count()).Msg("writing the load's last transaction")
	// The work returns a plan, not any: the driver cannot hand back a nil
	// interface from a transaction function.
	final, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (*loadPlan, error) {
		generation, err := s.takeLoadLock(ctx, tx)
		if err != nil {
			return nil, err
		}
		final, current := p, held
		if generation != held.generation {
			if st != nil {
				return nil, peacegraph.Errorf(peacegraph.ECONFLICT, "another load changed the graph while this one was being staged; nothing was changed, run it again")
			}
			if final, current, err = replan(ctx, tx); err != nil {
				return nil, err
			}
			if err := peacegraph.CheckRemovals(o, &final.report); err != nil {
				return nil, err
			}
		}
		return final, s.apply(ctx, tx, final, current, st, o.Seeds)
	})
	if err != nil {
		return s.mapError(err)
	}
	s.log.Debug().Dur("took", time.Since(finalStarted)).Msg("wrote the load's last transaction")
	if err := s.waitForSearchIndex(ctx); err != nil {
		return err
	}
	final.report.Writes += st.writes() + backfilled
	*o.Report = final.report
	s.log.Info().Str("changes", final.report.String()).Int("writes", final.report.Writes).Dur("took", time.Since(started)).Msg("loaded dataset into Neo4j")
	return nil
}

// waitForSearchIndex returns once the full-text index holds every change
// committed so far (awaitSearchIndex), so that a search after a load finds
// what it wrote.
func (s *Store) waitForSearchIndex(ctx context.Context) error {
	_, err := neo4j.ExecuteQuery(ctx, s.driver, awaitSearchIndex, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting(),
		neo4j.ExecuteQueryWithBookmarkManager(s.bookmarks))
	return s.mapError(err)
}

// takeLoadLock takes the load lock inside tx and returns the generation
// the graph was at: the number of changes loads have committed.
func (s *Store) takeLoadLock(ctx context.Context, tx neo4j.ManagedTransaction) (int64, error) {
	return s.runCount(ctx, tx, takeLoadLock, nil)
}

// The statements of a load. Each relationship type has its own constant
// statement, made from peacegraph's constants, and rows carry only values:
// Cypher 5.26's dynamic types would let one statement write every type,
// but loads with it were slower (1.08 times, measured side by side).
const (
	// takeLoadLock makes concurrent loads wait for each other: a write
	// to the lock node holds its lock until the transaction ends, so the
	// second load blocks here until the first commits. It moves the
	// generation on and returns the one it found, which tells a load
	// whether the hashes it planned from are still those of the graph.
	// Current bucket and seed digests move on with it (writeDigests).
	takeLoadLock = moveGenerationOn + `
RETURN generation`

	// moveGenerationOn moves the lock node's generation on, and with it
	// every stamp that was current (the bucket digests' digestsAt, the
	// seed digest's seedsAt), leaving the generation it found as
	// generation. A stamp that was stale stays stale.
	moveGenerationOn = `MERGE (m:` + lockLabel + ` {id: 'load'})
WITH m, coalesce(m.generation, 0) AS generation
SET m.generation = generation + 1,
    m.digestsAt = CASE WHEN m.digestsAt = generation THEN generation + 1 ELSE m.digestsAt END,
    m.seedsAt = CASE WHEN m.seedsAt = generation THEN generation + 1 ELSE m.seedsAt END`

	// heldGeneration is read before the hashes, in the same transaction:
	// a load that commits in between moves the generation past what was
	// read, so the plan is never taken for current when it is not.
	// It also reads the graph's bucket digests and how many units the
	// graph holds (buckets.go).
	heldGeneration = `OPTIONAL MATCH (m:` + lockLabel + ` {id: 'load'})
RETURN coalesce(m.generation, 0) AS generation, EXISTS { (:` + stagedLabel + `) } AS staged, m.buckets AS buckets, m.held AS held, m.digestsAt AS digestsAt,
       ` + currentSeeds + ` AS seeds`

	// heldUnits reads the hash of every unit the graph holds. A node
	// written before units existed has no hash, a relationship no unit:
	// legacy says so, and the load then rewrites the whole graph.
	heldUnits = `MATCH (n:Node)
RETURN n.id AS key, [l IN labels(n) WHERE l IN $kinds][0] AS label, n.hash AS hash, n.valueHash AS value, elementId(n) AS element
UNION ALL
MATCH (:Actor)-[r:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED|HELD]->(:Node)
RETURN DISTINCT r.unit AS key, null AS label, r.hash AS hash, r.valueHash AS value, null AS element`
	// heldUnitsIn reads the hashes of the units in some buckets: the
	// nodes by their bucket, the relationship-only units through their
	// actors, which are in the same bucket.
	heldUnitsIn = `MATCH (n:Node) WHERE n.bucket IN $buckets
RETURN n.id AS key, [l IN labels(n) WHERE l IN $kinds][0] AS label, n.hash AS hash, n.valueHash AS value, elementId(n) AS element
UNION ALL
MATCH (a:Node:Actor) WHERE a.bucket IN $buckets
MATCH (a)-[r:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED|HELD]->(:Node)
RETURN DISTINCT r.unit AS key, null AS label, r.hash AS hash, r.valueHash AS value, null AS element`
	// writeDigests records, in the load's last transaction, the digests
	// of the graph it leaves, how many units that graph holds, the digest
	// of the seed files it was read from (seeds.go), and the generation
	// they describe: a load by a store that keeps no digests moves the
	// generation on and leaves them behind, so that they are known to be
	// stale.
	writeDigests = `MATCH (m:` + lockLabel + ` {id: 'load'})
SET m.buckets = $digests, m.held = $held, m.digestsAt = m.generation, m.seeds = $seeds, m.seedsAt = m.generation`
	// elementsOf finds nodes of the graph the load's writes touch but
	// did not read, by ID, before the last transaction changes anything.
	elementsOf = `UNWIND $ids AS id
MATCH (n:` + nodeLabel + ` {id: id})
RETURN n.id AS id, elementId(n) AS element`

	// A load's last transaction finds the nodes it changes by their
	// element IDs, read with the hashes (heldUnits), and those it creates
	// or staged by the element IDs their creation returned: never by an
	// index. An index lookup in a transaction that has already changed
	// many nodes also consults everything the transaction changed, which
	// made a load that rewrote most of the graph quadratic.
	deleteNodes = `UNWIND $elements AS e
MATCH (n) WHERE elementId(n) = e
OPTIONAL MATCH (n)-[:` + relHasSide + `]->(s:` + sideLabel + `)
DETACH DELETE s, n`
	deleteUnitRels = `UNWIND $units AS u
MATCH (a) WHERE elementId(a) = u.anchor
MATCH (a)-[r]-()
WHERE r.unit = u.key
DELETE r`
	deleteUnitSides = `UNWIND $elements AS e
MATCH (d) WHERE elementId(d) = e
MATCH (d)-[:` + relHasSide + `]->(s:` + sideLabel + `)
DETACH DELETE s`
	// deleteLegacy clears what a store of an earlier version wrote
	// around the nodes, before every unit is written afresh.
	deleteLegacyRels  = `MATCH (:Node)-[r]->() DELETE r`
	deleteLegacySides = `MATCH (s:` + sideLabel + `) DETACH DELETE s`

	// actorKinds gives an actor node the label of its kind.
	actorKinds = `
REMOVE n:Person:Government:Organization
FOREACH (_ IN CASE WHEN n.kind = 'PERSON' THEN [1] ELSE [] END | SET n:Person)
FOREACH (_ IN CASE WHEN n.kind = 'GOVERNMENT' THEN [1] ELSE [] END | SET n:Government)
FOREACH (_ IN CASE WHEN n.kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET n:Organization)`

	// A node the plan knows is new is created, and its element ID
	// returned; one the graph holds is found by its element ID and
	// rewritten whole. Both count what they wrote, so that a node another
	// load removed meanwhile fails the load rather than going missing.
	createNodeHead = `UNWIND $rows AS row
CREATE (n:` + nodeLabel + `:`
	createNodeTail = `) SET n = row`
	createNodeEnd  = `
RETURN row.id AS id, elementId(n) AS element`
	updateNodes = `UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.element
SET n = row.props`
	countNodes = `
RETURN count(n) AS n`

	relTail = `]->(b)
SET r = row.props`
	countRels = `
RETURN count(r) AS n`
)

// byElement begins a statement that finds both ends of each row's
// relationship by element ID, among the nodes of label (every node when
// it is empty).
func byElement(label string) string {
	if label != "" {
		label = ":" + label
	}
	return `UNWIND $rows AS row
MATCH (a` + label + `) WHERE elementId(a) = row.from
MATCH (b` + label + `) WHERE elementId(b) = row.to
CREATE (a)-[r:`
}

// sidesByElement creates dispute sides and the claims backing them, the
// dispute and the claims found by element ID among the nodes of label
// (every node when it is empty).
func sidesByElement(label string) string {
	if label != "" {
		label = ":" + label
	}
	return `UNWIND $rows AS row
MATCH (d` + label + `) WHERE elementId(d) = row.dispute
CREATE (d)-[:` + relHasSide + ` {ord: row.ord, unit: row.unit}]->(s:` + sideLabel + ` {id: row.id, label: row.label})
SET s.summary = row.summary
WITH s, row
UNWIND range(0, size(row.claims) - 1) AS j
MATCH (c` + label + `) WHERE elementId(c) = row.claims[j]
CREATE (s)-[:` + relBackedBy + ` {ord: j}]->(c)`
}

// createSides is sidesByElement over the graph's nodes.
var createSides = sidesByElement("")

// lockLabel labels the one node loads lock; it is no node of the graph.
const lockLabel = "PeacegraphLoad"

// createStatements and updateStatements write each kind of node: created
// with the labels of its kind, or found and rewritten.
var createStatements, updateStatements = func() (map[string]string, map[string]string) {
	create, update := map[string]string{}, map[string]string{}
	for _, k := range nodeKinds {
		create[k] = createNodeHead + k + createNodeTail
		update[k] = updateNodes
		if k == string(peacegraph.KindActor) {
			create[k] += actorKinds
			update[k] += actorKinds
		}
		create[k] += createNodeEnd
		update[k] += countNodes
	}
	return create, update
}()

// nodeKinds lists the node labels in the order a load writes them.
var nodeKinds = []string{
	string(peacegraph.KindActor), string(peacegraph.KindPlan), string(peacegraph.KindPoint),
	string(peacegraph.KindClaim), string(peacegraph.KindSource), string(peacegraph.KindEvent),
	string(peacegraph.KindDispute),
}

// relStatements is the statement that creates each relationship type: the
// graph's edges, the stances' positions among them, and the relationships
// that are there for Browser and for derived facts.
var relStatements = func() map[string]string {
	m := map[string]string{}
	for _, t := range relOrder {
		m[t] = byElement("") + t + relTail + countRels
	}
	return m
}()

// relOrder lists the relationship types in the order a load writes them.
var relOrder = append(peacegraph.RelationshipTypes(), relChanges, relSeedChange, relConcerns, relHeld)

// batchRows bounds the rows one statement carries, so that no single
// statement's parameters grow with the dataset.
const batchRows = 5000

// heldUnit is what the graph holds of one unit.
type heldUnit struct {
	label, hash, value string
	// element is the node's element ID (empty for a relationship-only
	// unit), by which the load's last transaction finds it.
	element string
}

// heldState is every unit the graph holds, by key.
type heldState struct {
	units map[string]heldUnit
	// generation counts the changes loads committed; it was read before
	// the units.
	generation int64
	// legacy: the graph was written by a store without units.
	legacy bool
	// staged: a stopped load left staged nodes behind.
	staged bool
	// changed, when the graph has current bucket digests, holds the
	// buckets whose digests differ from the dataset's, and units only the
	// units of those (partial); count is then how many units the graph
	// holds. It is nil when the graph was read whole.
	changed map[int64]bool
	count   int64
	// digests are the graph's bucket digests, nil when it has no current
	// ones.
	digests []string
	// seeds is the digest of the seed files the graph holds, "" when it
	// is not known (seeds.go).
	seeds string
}

// partial reports whether only the changed buckets were read.
func (h *heldState) partial() bool { return h.changed != nil }

// readHeld reads the units the graph holds in a read transaction of its
// own: the generation and the bucket digests first, then the hashes of
// the buckets whose digests differ from want's, the dataset's.
func (s *Store) readHeld(ctx context.Context, want func() []string) (*heldState, error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	// A write-mode session reads from the leader, which is where the
	// lock and the load's last transaction will run.
	h, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (*heldState, error) {
		return s.readHeldIn(ctx, txQuery(ctx, tx), want)
	})
	return h, s.mapError(err)
}

// txQuery runs statements in tx and collects their records.
func txQuery(ctx context.Context, tx neo4j.ManagedTransaction) func(string, map[string]any) ([]*neo4j.Record, error) {
	return func(cypher string, params map[string]any) ([]*neo4j.Record, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	}
}

// readHeldIn reads the units the graph holds through query, which runs in
// the load's read transaction or inside its write transaction. A graph
// without current bucket digests is read whole (and its nodes are given
// their buckets before the load plans: backfillBuckets).
func (s *Store) readHeldIn(ctx context.Context, query func(string, map[string]any) ([]*neo4j.Record, error), want func() []string) (*heldState, error) {
	h, err := s.readGenerationIn(query)
	if err != nil {
		return nil, err
	}
	if h.digests == nil {
		s.queries.Add(1)
		records, err := query(heldUnits, map[string]any{"kinds": nodeKinds})
		if err != nil {
			return nil, err
		}
		h.add(records)
		return h, nil
	}
	return h, s.readUnitsIn(query, h, changedBuckets(want(), h.digests))
}

// readGenerationIn reads the generation, the bucket digests while they are
// current and the other bookkeeping of the lock node, and no unit.
func (s *Store) readGenerationIn(query func(string, map[string]any) ([]*neo4j.Record, error)) (*heldState, error) {
	s.queries.Add(1)
	gen, err := query(heldGeneration, nil)
	if err != nil {
		return nil, err
	}
	h := &heldState{units: map[string]heldUnit{}}
	if len(gen) > 0 {
		h.generation, _ = gen[0].Values[0].(int64)
		h.staged = gen[0].Values[1] == true
		at, stamped := gen[0].Values[4].(int64)
		if list, ok := gen[0].Values[2].([]any); ok && len(list) == bucketCount && stamped && at == h.generation {
			h.digests = make([]string, len(list))
			for i, d := range list {
				h.digests[i] = str(d)
			}
		}
		h.count, _ = gen[0].Values[3].(int64)
		h.seeds = str(gen[0].Values[5])
	}
	return h, nil
}

// readUnitsIn reads into h, which has current digests, the units of the
// buckets, and marks those as the buckets read (partial).
func (s *Store) readUnitsIn(query func(string, map[string]any) ([]*neo4j.Record, error), h *heldState, buckets []int64) error {
	h.changed = map[int64]bool{}
	for _, b := range buckets {
		h.changed[b] = true
	}
	if len(buckets) == 0 {
		return nil
	}
	s.queries.Add(1)
	records, err := query(heldUnitsIn, map[string]any{"kinds": nodeKinds, "buckets": buckets})
	if err != nil {
		return err
	}
	h.add(records)
	return nil
}

// add records the units of heldUnits' records.
func (h *heldState) add(records []*neo4j.Record) {
	for _, r := range records {
		key, label, hash, value := str(r.Values[0]), str(r.Values[1]), str(r.Values[2]), str(r.Values[3])
		if hash == "" {
			h.legacy = true
		}
		if key != "" {
			h.units[key] = heldUnit{label: label, hash: hash, value: value, element: str(r.Values[4])}
		}
	}
}

// loadPlan is the difference between the dataset's units and the graph's.
type loadPlan struct {
	// write are the units to write: new ones and changed ones.
	write []*unit
	// clear are the units whose relationships (and sides) go before the
	// writes: changed ones and removed relationship-only ones.
	clear []map[string]any
	// clearSides are the disputes whose sides go.
	clearSides []string
	// drop are the nodes that go, with everything attached.
	drop []string
	// fresh are the node units of write whose node the graph does not
	// hold (or holds as another kind, which drop removes first): they are
	// created, and a staged load writes them ahead (staging.go); isFresh
	// holds their keys.
	fresh   []*unit
	isFresh map[string]bool
	legacy  bool
	report  peacegraph.LoadReport
	// digests are the dataset's bucket digests and count how many units
	// it holds: what the graph holds once the plan is written.
	digests []string
	count   int64
}

// rows counts the nodes and relationships the plan writes.
func (p *loadPlan) rows() int {
	n := 0
	for _, u := range p.write {
		n += len(u.rels) + len(u.sides)
		if u.node != nil {
			n++
		}
	}
	return n
}

func (p *loadPlan) empty() bool {
	return !p.legacy && len(p.write) == 0 && len(p.clear) == 0 && len(p.drop) == 0
}

// plan compares the dataset's units with the graph's. It digests the
// domain values of the units it writes, and only those.
func plan(us []*unit, h *heldState, digests []string) *loadPlan {
	p := &loadPlan{legacy: h.legacy, isFresh: map[string]bool{}, digests: digests}
	var changed []*unit
	var olds []string
	keep := make(map[string]bool, len(us))
	for _, u := range us {
		if u.kind != "" {
			p.count++
		}
		if h.partial() && !h.changed[u.bucket] {
			// The bucket's digest is the graph's: the graph holds the
			// unit as it is.
			continue
		}
		keep[u.key] = true
		old, ok := h.units[u.key]
		switch {
		case !ok:
			p.write = append(p.write, u)
			if u.node != nil {
				p.fresh = append(p.fresh, u)
			}
			if u.kind != "" {
				p.report.Count(u.kind, 1, 0, 0)
			}
		case u.node != nil && old.label != u.label:
			// The ID now names a node of another kind: the old one
			// goes whole, the new one comes.
			p.drop = append(p.drop, u.key)
			p.write = append(p.write, u)
			p.fresh = append(p.fresh, u)
			p.report.Count(peacegraph.Kind(old.label), 0, 0, 1)
			p.report.Count(u.kind, 1, 0, 0)
		case h.legacy:
			// Everything around the nodes goes first (apply), so the
			// unit is written whole.
			p.write = append(p.write, u)
			if u.kind != "" {
				p.report.Count(u.kind, 0, 1, 0)
			}
		case old.hash != u.hash:
			p.write = append(p.write, u)
			p.clear = append(p.clear, map[string]any{"key": u.key, "anchor": u.anchor})
			if u.label == string(peacegraph.KindDispute) {
				p.clearSides = append(p.clearSides, u.key)
			}
			changed = append(changed, u)
			olds = append(olds, old.value)
		}
	}
	parallel(len(p.write), func(i int) { p.write[i].valueDigest() })
	for i, u := range changed {
		switch {
		case olds[i] != u.valueHash:
			if u.kind != "" {
				p.report.Count(u.kind, 0, 1, 0)
			}
		default:
			p.report.Derived++
		}
	}
	for _, u := range p.fresh {
		p.isFresh[u.key] = true
	}
	for key, old := range h.units {
		if old.label != "" {
			p.report.Held++
			if !keep[key] {
				p.drop = append(p.drop, key)
				p.report.Count(peacegraph.Kind(old.label), 0, 0, 1)
			}
			continue
		}
		anchor, kind := relUnitAnchor(key)
		if kind != "" {
			p.report.Held++
		}
		if keep[key] {
			continue
		}
		p.clear = append(p.clear, map[string]any{"key": key, "anchor": anchor})
		if kind != "" {
			p.report.Count(kind, 0, 0, 1)
		}
	}
	if h.partial() {
		// Only the changed buckets were read; the graph's count came
		// with the digests.
		p.report.Held = int(h.count)
	}
	slices.Sort(p.drop)
	return p
}

// relUnitAnchor reads the anchor (the actor) and the reported kind of a
// relationship-only unit back from its key.
func relUnitAnchor(key string) (anchor string, kind peacegraph.Kind) {
	rest, ok := strings.CutPrefix(key, stanceUnit)
	if ok {
		kind = peacegraph.KindStance
	} else {
		rest, _ = strings.CutPrefix(key, spanUnit)
	}
	anchor, _, _ = strings.Cut(rest, "|")
	return anchor, kind
}

// apply writes a plan inside the load's last transaction: removals first,
// then nodes, then relationships, so every relationship finds both its
// ends.
//
// What stage wrote ahead (st, nil when nothing was staged) is not written
// again: staged nodes are only relabelled, which brings them into view
// with the relationships and sides staged among them.
//
// Every node is found by element ID: those the graph held by the ones
// read with the plan (held), the staged ones by those staging returned,
// and the ones created here by those their creation returns.
func (s *Store) apply(ctx context.Context, tx neo4j.ManagedTransaction, p *loadPlan, held *heldState, st *staging, seeds string) error {
	writes := 0
	exec := func(cypher string, key string, rows []any) error {
		for start := 0; start < len(rows); start += batchRows {
			end := min(start+batchRows, len(rows))
			if err := s.run(ctx, tx, cypher, map[string]any{key: rows[start:end]}); err != nil {
				return err
			}
			writes++
		}
		return nil
	}
	// counted runs a statement that returns how many rows it wrote, and
	// fails the load when a row found no node: another load removed it.
	counted := func(cypher string, what string, rows []any) error {
		for start := 0; start < len(rows); start += batchRows {
			batch := rows[start:min(start+batchRows, len(rows))]
			got, err := s.runCount(ctx, tx, cypher, map[string]any{"rows": batch})
			if err != nil {
				return err
			}
			writes++
			if int(got) != len(batch) {
				return peacegraph.Errorf(peacegraph.ECONFLICT, "%d of %d %s found no node: another load changed the graph at the same time; nothing was changed, run it again", len(batch)-int(got), len(batch), what)
			}
		}
		return nil
	}
	elements := make(map[string]string, len(held.units)+st.count())
	for key, h := range held.units {
		if h.element != "" && !p.isFresh[key] {
			elements[key] = h.element
		}
	}
	if st != nil {
		for key, e := range st.nodes {
			elements[key] = e
		}
	}
	if err := s.lookUpElements(ctx, tx, p, st, elements); err != nil {
		return err
	}
	if p.legacy {
		for _, stmt := range []string{deleteLegacyRels, deleteLegacySides} {
			if err := s.run(ctx, tx, stmt, nil); err != nil {
				return err
			}
			writes++
		}
	}
	// A node that comes back as another kind goes first, so that the new
	// one can take its ID. The rest go once the nodes are written: a node
	// the transaction brings into view after it removed many others costs
	// Neo4j far more to check against the ID's uniqueness constraint than
	// one it brings in before.
	var replaced, gone []any
	for _, key := range p.drop {
		// A dropped node is one the graph holds.
		if p.isFresh[key] {
			replaced = append(replaced, held.units[key].element)
		} else {
			gone = append(gone, held.units[key].element)
		}
	}
	if err := exec(deleteNodes, "elements", replaced); err != nil {
		return err
	}
	// Sides first: they hang from the dispute by a relationship of its
	// unit, which the next statement removes.
	sidesOf := make([]any, len(p.clearSides))
	for i, key := range p.clearSides {
		sidesOf[i] = elements[key]
	}
	if err := exec(deleteUnitSides, "elements", sidesOf); err != nil {
		return err
	}
	var clear []any
	for _, c := range p.clear {
		// An anchor the graph does not hold, or holds no more, has
		// nothing of the unit left to remove.
		if e, ok := elements[c["anchor"].(string)]; ok {
			clear = append(clear, map[string]any{"key": c["key"], "anchor": e})
		}
	}
	if err := exec(deleteUnitRels, "units", clear); err != nil {
		return err
	}
	created := map[string][]any{}
	updated := map[string][]any{}
	relabel := map[string][]any{}
	for _, u := range p.write {
		switch {
		case u.node == nil:
		case st.hasNode(u.key):
			relabel[u.label] = append(relabel[u.label], st.nodes[u.key])
		case p.isFresh[u.key]:
			created[u.label] = append(created[u.label], nodeParams(u))
		default:
			updated[u.label] = append(updated[u.label], map[string]any{"element": elements[u.key], "props": nodeParams(u)})
		}
	}
	for _, k := range nodeKinds {
		n, err := s.relabel(ctx, tx, k, relabel[k])
		if err != nil {
			return err
		}
		writes += n
		for start := 0; start < len(created[k]); start += batchRows {
			batch := created[k][start:min(start+batchRows, len(created[k]))]
			records, err := s.collect(ctx, tx, createStatements[k], map[string]any{"rows": batch})
			if err != nil {
				return err
			}
			writes++
			for _, r := range records {
				elements[str(r.Values[0])] = str(r.Values[1])
			}
		}
		if err := counted(updateStatements[k], k+" nodes to rewrite", updated[k]); err != nil {
			return err
		}
	}
	if err := exec(deleteNodes, "elements", gone); err != nil {
		return err
	}
	// Every end is known now: the dataset is valid, so each names a node
	// the graph held, staging wrote or this transaction created.
	element := func(key string) (string, error) {
		if e, ok := elements[key]; ok {
			return e, nil
		}
		return "", peacegraph.Errorf(peacegraph.EINTERNAL, "the load names node %q, which neither the graph nor the load holds", key)
	}
	rels := map[string][]any{}
	var sides []any
	for _, u := range p.write {
		for _, r := range u.rels {
			if st.hasRel(r) {
				continue
			}
			row := relParams(u, r)
			var err error
			if row["from"], err = element(r.From); err != nil {
				return err
			}
			if row["to"], err = element(r.To); err != nil {
				return err
			}
			rels[r.Type] = append(rels[r.Type], row)
		}
		if st.hasSides(u.key) {
			continue
		}
		for _, side := range u.sides {
			row, err := sideParams(u.key, side, element)
			if err != nil {
				return err
			}
			sides = append(sides, row)
		}
	}
	for _, t := range relOrder {
		if err := counted(relStatements[t], t+" relationships", rels[t]); err != nil {
			return err
		}
	}
	if err := exec(createSides, "rows", sides); err != nil {
		return err
	}
	if err := s.run(ctx, tx, writeDigests, map[string]any{"digests": p.digests, "held": p.count, "seeds": opt(seeds)}); err != nil {
		return err
	}
	p.report.Writes = writes
	return nil
}

// lookUpElements adds to elements the nodes the plan's relationships and
// sides end at that the load did not read (they lie in buckets that did
// not change) and will not create. It runs before the last transaction
// changes anything, so that its index lookups are cheap.
func (s *Store) lookUpElements(ctx context.Context, tx neo4j.ManagedTransaction, p *loadPlan, st *staging, elements map[string]string) error {
	var ids []any
	seen := map[string]bool{}
	need := func(key string) {
		if _, ok := elements[key]; !ok && !p.isFresh[key] && !seen[key] {
			seen[key] = true
			ids = append(ids, key)
		}
	}
	for _, u := range p.write {
		for _, r := range u.rels {
			if !st.hasRel(r) {
				need(r.From)
				need(r.To)
			}
		}
		if len(u.sides) > 0 && !st.hasSides(u.key) {
			need(u.key)
			for _, side := range u.sides {
				for _, c := range side["claims"].([]string) {
					need(c)
				}
			}
		}
	}
	for start := 0; start < len(ids); start += batchRows {
		s.queries.Add(1)
		res, err := tx.Run(ctx, elementsOf, map[string]any{"ids": ids[start:min(start+batchRows, len(ids))]})
		if err != nil {
			return err
		}
		records, err := res.Collect(ctx)
		if err != nil {
			return err
		}
		for _, r := range records {
			elements[str(r.Values[0])] = str(r.Values[1])
		}
	}
	return nil
}

// sideParams is the row of one dispute side, its dispute and claims named
// by element ID.
func sideParams(dispute string, side map[string]any, element func(string) (string, error)) (map[string]any, error) {
	d, err := element(dispute)
	if err != nil {
		return nil, err
	}
	claims := side["claims"].([]string)
	elements := make([]string, len(claims))
	for i, c := range claims {
		if elements[i], err = element(c); err != nil {
			return nil, err
		}
	}
	return map[string]any{
		"dispute": d, "unit": dispute, "id": side["id"], "ord": side["ord"],
		"label": side["label"], "summary": side["summary"], "claims": elements,
	}, nil
}

// anys turns a typed slice into the []any that batching slices.
func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
