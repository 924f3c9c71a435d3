package neo4j

import (
	"context"
	"strings"
	"unicode"

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

// stanceStatements maps each position to the statement of its type.
var stanceStatements = map[peacegraph.Position]string{
	peacegraph.Supports:    mergeSupports,
	peacegraph.Opposes:     mergeOpposes,
	peacegraph.Conditional: mergeConditional,
	peacegraph.Undecided:   mergeUndecided,
}

// relType names the relationship type each statement writes.
var relType = map[string]string{
	mergeAffiliatedWith: peacegraph.RelAffiliatedWith, mergeAuthored: peacegraph.RelAuthored,
	mergeHasPoint: peacegraph.RelHasPoint, mergeConcededBy: peacegraph.RelConcededBy,
	mergeReportedIn: peacegraph.RelReportedIn, mergeRevises: peacegraph.RelRevises,
	mergeAmends: peacegraph.RelAmends, mergeClaimed: peacegraph.RelClaimed,
	mergeAbout: peacegraph.RelAbout, mergeCites: peacegraph.RelCites,
	mergeContradicts: peacegraph.RelContradicts, mergeParticipatedIn: peacegraph.RelParticipatedIn,
	mergeEvidencedBy: peacegraph.RelEvidencedBy, mergeSupports: string(peacegraph.Supports),
	mergeOpposes: string(peacegraph.Opposes), mergeConditional: string(peacegraph.Conditional),
	mergeUndecided: string(peacegraph.Undecided),
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

func newWriteSet(d *peacegraph.Dataset) *writeSet {
	w := &writeSet{kinds: map[string]any{}}
	// Every relationship carries the evidence of its edge (Dataset.Edges):
	// the claims that attest it, which paths and neighbourhoods show.
	evidence := map[string][]string{}
	for _, e := range d.Edges() {
		evidence[e.ID] = e.Evidence
	}
	rels := map[string][]map[string]any{}
	rel := func(cypher, from, to string, ord int, props map[string]any) {
		if props == nil {
			props = map[string]any{}
		}
		if _, ok := props["evidence"]; !ok {
			props["evidence"] = list(evidence[relType[cypher]+":"+from+"->"+to])
		}
		rels[cypher] = append(rels[cypher], map[string]any{"from": from, "to": to, "ord": ord, "props": props})
		w.relationships++
	}
	node := func(n peacegraph.Node, props map[string]any) map[string]any {
		w.kinds[n.NodeID()] = string(n.NodeKind())
		props["id"] = n.NodeID()
		props["json"] = encodeValue(n)
		props["searchText"] = searchText(n)
		return map[string]any{"props": props}
	}

	var actors, plans, points, claims, sources, events, disputes []map[string]any
	for _, a := range d.Actors {
		actors = append(actors, node(a, map[string]any{
			"id": a.ID, "name": a.Name, "kind": string(a.Kind), "role": opt(a.Role),
			"description": opt(a.Description), "aliases": list(a.Aliases),
			"sortKey": peacegraph.ActorKey(a),
		}))
		for i, f := range a.Affiliations {
			rel(mergeAffiliatedWith, a.ID, f.ActorID, i, map[string]any{"role": opt(f.Role)})
		}
	}
	for _, p := range d.Plans {
		plans = append(plans, node(p, map[string]any{
			"id": p.ID, "title": p.Title, "summary": opt(p.Summary), "date": opt(string(p.Date)),
			"seq": p.Seq,
		}))
		for i, id := range p.AuthorIDs {
			rel(mergeAuthored, id, p.ID, i, nil)
		}
		if p.Revises != "" {
			rel(mergeRevises, p.ID, p.Revises, 0, nil)
		}
	}
	for _, p := range d.Points {
		points = append(points, node(p, map[string]any{
			"id": p.ID, "plan": p.PlanID, "number": p.Number, "title": p.Title,
			"summary": opt(p.Summary), "topic": p.Topic, "concession": p.Concession,
		}))
		rel(mergeHasPoint, p.PlanID, p.ID, p.Number, nil)
		for i, id := range p.ConcededByIDs {
			rel(mergeConcededBy, p.ID, id, i, nil)
		}
		for i, id := range p.SourceIDs {
			rel(mergeReportedIn, p.ID, id, i, nil)
		}
		if p.Amends != "" {
			rel(mergeAmends, p.ID, p.Amends, 0, nil)
		}
	}
	for _, c := range d.Claims {
		claims = append(claims, node(c, map[string]any{
			"id": c.ID, "text": c.Text, "certainty": string(c.Certainty), "date": opt(string(c.Date)),
			"note": opt(c.Note), "sortKey": peacegraph.ClaimKey(c),
		}))
		if c.ClaimantID != "" {
			rel(mergeClaimed, c.ClaimantID, c.ID, 0, nil)
		}
		for i, id := range c.AboutIDs {
			rel(mergeAbout, c.ID, id, i, nil)
		}
		for i, ct := range c.Citations {
			props := map[string]any{"quote": opt(ct.Quote)}
			if ct.HasOffsets() {
				props["start"], props["end"] = ct.Start, ct.End
			}
			rel(mergeCites, c.ID, ct.SourceID, i, props)
		}
		for _, o := range c.Contradicts {
			// One relationship per pair, as Dataset.Edges draws it;
			// reads follow it both ways.
			if c.ID < o {
				rel(mergeContradicts, c.ID, o, 0, nil)
			}
		}
	}
	for _, src := range d.Sources {
		sources = append(sources, node(src, map[string]any{
			"id": src.ID, "title": src.Title, "publisher": opt(src.Publisher), "url": opt(src.URL),
			"published": opt(string(src.Published)), "retrieved": opt(string(src.Retrieved)),
			"language": opt(src.Language), "text": opt(src.Text), "note": opt(src.Note),
			"republishes": opt(src.Republishes), "sortKey": peacegraph.SourceKey(src),
		}))
	}
	for i, st := range d.Stances {
		rel(stanceStatements[st.Position], st.ActorID, st.TargetID, i, map[string]any{
			"asOf": opt(string(st.AsOf)), "note": opt(st.Note),
			"json": encodeValue(st),
		})
	}
	for _, e := range d.Events {
		events = append(events, node(e, map[string]any{
			"id": e.ID, "title": e.Title, "summary": opt(e.Summary), "date": opt(string(e.Date)),
			"place": opt(e.Place), "sortKey": peacegraph.EventKey(e),
		}))
		for i, id := range e.ParticipantIDs {
			rel(mergeParticipatedIn, id, e.ID, i, nil)
		}
		for i, id := range e.EvidenceIDs {
			rel(mergeEvidencedBy, e.ID, id, i, nil)
		}
	}

	for _, x := range d.Disputes {
		disputes = append(disputes, node(x, map[string]any{
			"question": x.Question, "summary": opt(x.Summary), "note": opt(x.Note), "about": list(x.AboutIDs),
		}))
	}

	w.nodes = []batch{
		{mergeActors, actors}, {mergePlans, plans}, {mergePoints, points},
		{mergeClaims, claims}, {mergeSources, sources}, {mergeEvents, events},
		{mergeDisputes, disputes},
	}
	for _, cypher := range []string{
		mergeAffiliatedWith, mergeAuthored, mergeHasPoint, mergeConcededBy, mergeReportedIn,
		mergeRevises, mergeAmends, mergeClaimed, mergeAbout, mergeCites, mergeContradicts,
		mergeParticipatedIn, mergeEvidencedBy, mergeSupports, mergeOpposes, mergeConditional,
		mergeUndecided,
	} {
		w.rels = append(w.rels, batch{cypher, rels[cypher]})
	}
	return w
}

// opt stores an empty string as no property at all, so that Neo4j Browser
// shows only what is known.
func opt(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// list stores a nil slice as an empty list: Neo4j has no null lists, and
// reads give both back as nil.
func list(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// searchText is what the full-text index holds for a node: its searchable
// fields (peacegraph.SearchFields), one per line, lower-cased the way
// peacegraph.SearchWords lower-cases a query. The index splits it on white
// space only, so a query word, which never holds white space, is a
// substring of a field exactly when it is a substring of one indexed
// token: a wildcard query then finds every node the ranking would match.
func searchText(n peacegraph.Node) string {
	var b strings.Builder
	for _, f := range peacegraph.SearchFields(n) {
		for _, r := range f.Text {
			b.WriteRune(unicode.ToLower(r))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
