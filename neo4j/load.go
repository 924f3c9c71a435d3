package neo4j

import (
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

// Load implements peacegraph.Store as a plan and then a change. The
// dataset is completed and validated before Neo4j is touched and turned
// into units (rows.go), each with the hash of what it writes. A read of the
// hashes the graph holds gives the plan: the units to add, rewrite and
// remove. When there are none the load ends there, having written nothing.
// Otherwise one write transaction takes the load lock, reads the hashes
// again (another load may have run in between), and writes only the
// difference: it removes the nodes and relationships of the units that
// went or changed and writes those of the units that came or changed. Any
// failure rolls the whole transaction back, so readers see the graph
// before the load or after it, never between. A plan of more than
// LoadBatch rows writes the nodes it adds ahead, out of sight (staging.go),
// and its last transaction brings them into view; it fails with ECONFLICT,
// changing nothing, when another load changed the graph meanwhile.
func (s *Store) Load(ctx context.Context, d *peacegraph.Dataset, opts ...peacegraph.LoadOption) error {
	o := peacegraph.ApplyLoadOptions(opts)
	if err := peacegraph.CheckDataset(d); err != nil {
		return err
	}
	us := units(d)
	held, err := s.readHeld(ctx, func(cypher string, params map[string]any) ([]*neo4j.Record, error) {
		return s.read(ctx, cypher, params)
	})
	if err != nil {
		return err
	}
	if held.staged {
		// A load that was stopped half-way left its staging behind;
		// nobody reads it, and it goes before anything else.
		if err := s.dropStaging(ctx); err != nil {
			return err
		}
	}
	p := plan(us, held)
	if p.empty() {
		*o.Report = p.report
		s.log.Info().Str("changes", p.report.String()).Msg("the graph in Neo4j already holds the dataset")
		return nil
	}
	var staged map[string]bool
	if p.rows() > s.loadBatch {
		if staged, err = s.stage(ctx, p); err != nil {
			return err
		}
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite, BookmarkManager: s.bookmarks})
	defer session.Close(context.WithoutCancel(ctx))
	s.log.Info().Int("rows", p.rows()).Int("staged", len(staged)).Msg("writing the load's last transaction")
	// The work returns a plan, not any: the driver cannot hand back a nil
	// interface from a transaction function.
	final, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (*loadPlan, error) {
		if err := s.run(ctx, tx, takeLoadLock, nil); err != nil {
			return nil, err
		}
		now, err := s.readHeld(ctx, func(cypher string, params map[string]any) ([]*neo4j.Record, error) {
			res, err := tx.Run(ctx, cypher, params)
			if err != nil {
				return nil, err
			}
			return res.Collect(ctx)
		})
		if err != nil {
			return nil, err
		}
		if staged != nil && !now.sameUnits(held) {
			return nil, peacegraph.Errorf(peacegraph.ECONFLICT, "another load changed the graph while this one was being staged; nothing was changed, run it again")
		}
		final := plan(us, now)
		return final, s.apply(ctx, tx, final, staged)
	})
	if err != nil {
		return s.mapError(err)
	}
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, awaitSearchIndex, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting(),
		neo4j.ExecuteQueryWithBookmarkManager(s.bookmarks)); err != nil {
		return s.mapError(err)
	}
	*o.Report = final.report
	s.log.Info().Str("changes", final.report.String()).Int("writes", final.report.Writes).Msg("loaded dataset into Neo4j")
	return nil
}

// The statements of a load. Relationship types cannot be parameters in
// Cypher, so each type has its own constant statement, made from
// peacegraph's constants; rows carry only values.
const (
	// takeLoadLock makes concurrent loads wait for each other: a write
	// to the lock node holds its lock until the transaction ends, so the
	// second load blocks here until the first commits, and then plans
	// against what the first wrote. The write changes no value.
	takeLoadLock = `MERGE (m:` + lockLabel + ` {id: 'load'}) SET m.id = 'load'`

	// heldUnits reads the hash of every unit the graph holds. A node
	// written before units existed has no hash, a relationship no unit:
	// legacy says so, and the load then rewrites the whole graph.
	heldUnits = `MATCH (n:Node)
RETURN n.id AS key, [l IN labels(n) WHERE l IN $kinds][0] AS label, n.hash AS hash, n.valueHash AS value
UNION ALL
MATCH (:Actor)-[r:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED|HELD]->(:Node)
RETURN DISTINCT r.unit AS key, null AS label, r.hash AS hash, r.valueHash AS value`

	deleteNodes = `UNWIND $ids AS id
MATCH (n:Node {id: id})
OPTIONAL MATCH (n)-[:` + relHasSide + `]->(s:` + sideLabel + `)
DETACH DELETE s, n`
	deleteUnitRels = `UNWIND $units AS u
MATCH (:Node {id: u.anchor})-[r]-()
WHERE r.unit = u.key
DELETE r`
	deleteUnitSides = `UNWIND $ids AS id
MATCH (:Dispute {id: id})-[:` + relHasSide + `]->(s:` + sideLabel + `)
DETACH DELETE s`
	// deleteLegacy clears what a store of an earlier version wrote
	// around the nodes, before every unit is written afresh.
	deleteLegacyRels  = `MATCH (:Node)-[r]->() DELETE r`
	deleteLegacySides = `MATCH (s:` + sideLabel + `) DETACH DELETE s`

	mergeActors = `UNWIND $rows AS row
MERGE (n:Node {id: row.id})
REMOVE n:Person:Government:Organization
SET n = row, n:Actor
FOREACH (_ IN CASE WHEN row.kind = 'PERSON' THEN [1] ELSE [] END | SET n:Person)
FOREACH (_ IN CASE WHEN row.kind = 'GOVERNMENT' THEN [1] ELSE [] END | SET n:Government)
FOREACH (_ IN CASE WHEN row.kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET n:Organization)`
	mergePlans    = `UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n = row, n:Plan`
	mergePoints   = `UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n = row, n:Point`
	mergeClaims   = `UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n = row, n:Claim`
	mergeSources  = `UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n = row, n:Source`
	mergeEvents   = `UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n = row, n:Event`
	mergeDisputes = `UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n = row, n:Dispute`

	relHead = `UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
CREATE (a)-[r:`
	relTail = `]->(b)
SET r = row.props`

	createSides = `UNWIND $rows AS row
MATCH (d:Dispute {id: row.dispute})
CREATE (d)-[:` + relHasSide + ` {ord: row.ord, unit: row.dispute}]->(s:` + sideLabel + ` {id: row.id, label: row.label})
SET s.summary = row.summary
WITH s, row
UNWIND range(0, size(row.claims) - 1) AS j
MATCH (c:Claim {id: row.claims[j]})
CREATE (s)-[:` + relBackedBy + ` {ord: j}]->(c)`
)

// lockLabel labels the one node loads lock; it is no node of the graph.
const lockLabel = "PeacegraphLoad"

// nodeStatements is the statement that writes each kind of node.
var nodeStatements = map[string]string{
	string(peacegraph.KindActor): mergeActors, string(peacegraph.KindPlan): mergePlans,
	string(peacegraph.KindPoint): mergePoints, string(peacegraph.KindClaim): mergeClaims,
	string(peacegraph.KindSource): mergeSources, string(peacegraph.KindEvent): mergeEvents,
	string(peacegraph.KindDispute): mergeDisputes,
}

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
		m[t] = relHead + t + relTail
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
}

// heldState is every unit the graph holds, by key.
type heldState struct {
	units map[string]heldUnit
	// legacy: the graph was written by a store without units.
	legacy bool
	// staged: a stopped load left staged nodes behind.
	staged bool
}

// sameUnits reports whether two readings of the graph hold the same units.
func (h *heldState) sameUnits(o *heldState) bool {
	if len(h.units) != len(o.units) || h.legacy != o.legacy {
		return false
	}
	for k, u := range h.units {
		if o.units[k] != u {
			return false
		}
	}
	return true
}

// readHeld reads the units the graph holds through query, which runs in a
// read transaction of its own or inside the load's write transaction.
func (s *Store) readHeld(ctx context.Context, query func(string, map[string]any) ([]*neo4j.Record, error)) (*heldState, error) {
	records, err := query(heldUnits, map[string]any{"kinds": nodeKinds})
	if err != nil {
		return nil, err
	}
	left, err := query(stagingLeft, nil)
	if err != nil {
		return nil, err
	}
	h := &heldState{units: make(map[string]heldUnit, len(records)), staged: len(left) > 0 && left[0].Values[0] == true}
	for _, r := range records {
		key, label, hash, value := str(r.Values[0]), str(r.Values[1]), str(r.Values[2]), str(r.Values[3])
		if hash == "" {
			h.legacy = true
		}
		if key != "" {
			h.units[key] = heldUnit{label: label, hash: hash, value: value}
		}
	}
	return h, nil
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
	// fresh are the node units of write whose ID the graph does not hold:
	// a staged load writes them ahead (staging.go).
	fresh  []*unit
	legacy bool
	report peacegraph.LoadReport
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

// plan compares the dataset's units with the graph's.
func plan(us []*unit, h *heldState) *loadPlan {
	p := &loadPlan{legacy: h.legacy}
	count := func(u *unit, added, changed, removed int) {
		if u.kind != "" {
			p.report.Count(u.kind, added, changed, removed)
		}
	}
	keep := make(map[string]bool, len(us))
	for _, u := range us {
		keep[u.key] = true
		old, ok := h.units[u.key]
		switch {
		case !ok:
			p.write = append(p.write, u)
			if u.node != nil {
				p.fresh = append(p.fresh, u)
			}
			count(u, 1, 0, 0)
		case u.node != nil && old.label != u.label:
			// The ID now names a node of another kind: the old one
			// goes whole, the new one comes.
			p.drop = append(p.drop, u.key)
			p.write = append(p.write, u)
			p.report.Count(peacegraph.Kind(old.label), 0, 0, 1)
			count(u, 1, 0, 0)
		case h.legacy:
			// Everything around the nodes goes first (apply), so the
			// unit is written whole.
			p.write = append(p.write, u)
			count(u, 0, 1, 0)
		case old.hash != u.hash:
			p.write = append(p.write, u)
			p.clear = append(p.clear, map[string]any{"key": u.key, "anchor": u.anchor})
			if u.label == string(peacegraph.KindDispute) {
				p.clearSides = append(p.clearSides, u.key)
			}
			if old.value != u.valueHash {
				count(u, 0, 1, 0)
			} else {
				p.report.Derived++
			}
		}
	}
	for key, old := range h.units {
		if keep[key] {
			continue
		}
		if old.label != "" {
			p.drop = append(p.drop, key)
			p.report.Count(peacegraph.Kind(old.label), 0, 0, 1)
			continue
		}
		anchor, kind := relUnitAnchor(key)
		p.clear = append(p.clear, map[string]any{"key": key, "anchor": anchor})
		if kind != "" {
			p.report.Count(kind, 0, 0, 1)
		}
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

// apply writes a plan inside the load's transaction: removals first, then
// nodes, then relationships, so every relationship finds both its ends.
//
// Units written ahead by stage (staged, by key) are only relabelled: their
// nodes become nodes of the graph, and their relationships, which touch
// staged nodes, come into view with them.
func (s *Store) apply(ctx context.Context, tx neo4j.ManagedTransaction, p *loadPlan, staged map[string]bool) error {
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
	if p.legacy {
		for _, stmt := range []string{deleteLegacyRels, deleteLegacySides} {
			if err := s.run(ctx, tx, stmt, nil); err != nil {
				return err
			}
			writes++
		}
	}
	if err := exec(deleteNodes, "ids", anys(p.drop)); err != nil {
		return err
	}
	// Sides first: they hang from the dispute by a relationship of its
	// unit, which the next statement removes.
	if err := exec(deleteUnitSides, "ids", anys(p.clearSides)); err != nil {
		return err
	}
	if err := exec(deleteUnitRels, "units", anys(p.clear)); err != nil {
		return err
	}
	nodes := map[string][]any{}
	rels := map[string][]any{}
	var sides []any
	relabel := map[string][]any{}
	for _, u := range p.write {
		if staged[u.key] {
			relabel[u.label] = append(relabel[u.label], u.key)
			sides = append(sides, anys(u.sides)...)
			continue
		}
		if u.node != nil {
			nodes[u.label] = append(nodes[u.label], nodeParams(u))
		}
		for _, r := range u.rels {
			rels[r.Type] = append(rels[r.Type], relParams(u, r))
		}
		sides = append(sides, anys(u.sides)...)
	}
	for _, k := range nodeKinds {
		if err := s.relabel(ctx, tx, k, relabel[k]); err != nil {
			return err
		}
		writes += (len(relabel[k]) + batchRows - 1) / batchRows
		if err := exec(nodeStatements[k], "rows", nodes[k]); err != nil {
			return err
		}
	}
	for _, t := range relOrder {
		if err := exec(relStatements[t], "rows", rels[t]); err != nil {
			return err
		}
	}
	if err := exec(createSides, "rows", sides); err != nil {
		return err
	}
	p.report.Writes = writes
	return nil
}

// anys turns a typed slice into the []any that batching slices.
func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// relabel brings staged nodes of one kind into the graph, a batch at a
// time, and fails when any of them is missing: another load removed them,
// and what was staged cannot be trusted.
func (s *Store) relabel(ctx context.Context, tx neo4j.ManagedTransaction, kind string, ids []any) error {
	for start := 0; start < len(ids); start += batchRows {
		batch := ids[start:min(start+batchRows, len(ids))]
		s.queries.Add(1)
		res, err := tx.Run(ctx, relabelStatements[kind], map[string]any{"ids": batch})
		if err != nil {
			return err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return err
		}
		if n, _ := rec.Values[0].(int64); int(n) != len(batch) {
			return peacegraph.Errorf(peacegraph.ECONFLICT, "%d of %d staged %s nodes are missing: another load ran at the same time; nothing was changed, run it again", len(batch)-int(n), len(batch), kind)
		}
	}
	return nil
}
