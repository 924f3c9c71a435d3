// Package neo4j is the Store on a Neo4j server: the same graph as the
// embedded store, written as labelled nodes and typed relationships so that
// Neo4j Browser and Bloom show it the way the domain reads, and queried
// with parameterised Cypher that starts from an indexed node and pages
// inside the database, one statement per Store call (per anchor, for
// claims). It needs Neo4j
// 5.26 or later (the LTS line): its statements use scoped CALL subqueries
// and SHORTEST path selectors.
//
// # The graph
//
// Every node carries the label Node (one unique index answers a lookup by
// ID across kinds) and the label of its kind: Actor (with Person,
// Government or Organization), Plan, Point, Claim, Source, Event, Dispute.
// Its value is typed properties (name, title, number, date, ...), the
// references it holds among them as aligned lists (a claim's claimant,
// about, citeSources/citeQuotes/citeStarts/citeEnds, contradicts with
// contradictionRules; a plan's revises, accompanies; a point's
// concededBy, sources, amends; ...), so a node is read without expanding a
// relationship (decode.go). sortKey holds the order key of paged lists
// (peacegraph.ClaimKey, ActorKey, ...), searchText the lower-cased
// searchable fields for the full-text index, hash and valueHash what the
// load compares (rows.go), bucket the part of the graph a load reads the
// node back with (buckets.go).
//
// Relationships are the edges of peacegraph.Dataset.Edges, typed by
// peacegraph's Rel constants:
//
//	(Actor)-[:AFFILIATED_WITH {role}]->(Actor)
//	(Actor)-[:AUTHORED]->(Plan)            (Plan)-[:REVISES]->(Plan)
//	(Plan)-[:ACCOMPANIES]->(Plan)          (a companion document to its plan)
//	(Plan)-[:HAS_POINT]->(Point)           (Point)-[:AMENDS]->(Point)
//	(Point)-[:CONCEDED_BY]->(Actor)        (Point)-[:REPORTED_IN]->(Source)
//	(Actor)-[:CLAIMED]->(Claim)            (Claim)-[:ABOUT]->(Actor|Point|Plan)
//	(Claim)-[:CITES {quote, start, end}]->(Source)
//	(Claim)-[:CONTRADICTS]->(Claim)        (one per pair, read both ways)
//	(Actor)-[:PARTICIPATED_IN]->(Event)    (Event)-[:EVIDENCED_BY]->(Claim)
//	(Actor)-[:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED {asOf, claims, claimDates, note, current}]->(Point|Plan)
//
// Each carries ord, its place in the seed list it comes from (Neo4j keeps
// no order among relationships), and evidence, the IDs of the claims that
// attest it, so that every edge leads to claims and every claim, through
// CITES, to a quote in a dated source. For example, who stands where on
// each concession of the plan, and who said so where:
//
//	MATCH (:Plan {id: 'us-28-point-plan'})-[:HAS_POINT]->(p:Point {concession: true})
//	      <-[s:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED]-(a:Actor)
//	UNWIND s.evidence AS claimId
//	MATCH (c:Claim {id: claimId})-[cite:CITES]->(src:Source)
//	RETURN p.number, p.title, a.name, type(s), c.text, cite.quote, src.publisher, src.url
//	ORDER BY p.number, a.name
//
// What has no edge in Dataset.Edges gets relationships of its own, for
// people reading the graph in Browser; paths and neighbourhoods never
// follow them:
//
//	(Plan)-[:CHANGES {status, revised, evidence, note}]->(Point)
//	      (each point of the revised plan; ADDED ones to the new point)
//	(Plan)-[:SEED_CHANGE {...}]->(Point)  (what the seeds wrote of it)
//	(Actor)-[:HELD {position, from, until, asOf, claims}]->(Point|Plan)
//	      (a stance in effect from one date until another: as of a date
//	      is a range test; current marks the stances in effect now)
//	(Dispute)-[:CONCERNS]->(Plan|Point|Actor)
//	(Dispute)-[:HAS_SIDE]->(:DisputeSide {label, summary})-[:BACKED_BY]->(Claim)
//
// Claims also show their corroboration (corroboratingSources,
// corroboratingPublishers, earliest, earliestSource), what they deny
// (denies) and who reviewed them (reviewers); a CONTRADICTS relationship
// names the rules that make the two claims contradict (rules).
//
// # Reads
//
// A read projects only the properties the request selects (projection.go,
// peacegraph.Selection), brings along in the same statement the nodes the
// request asks for next (peacegraph.Includes: claimants, cited sources,
// the actors conceding points and holding stances), and names the index
// it starts from in a hint, so that a plan Neo4j cached while the graph
// was small never scans a label once the graph is large. A request's
// reads share one session, each statement an auto-commit read of one
// round trip (request.go).
//
// # Writes
//
// Load is a plan, then a change (load.go): the dataset becomes units, each
// a node with the relationships it owns, a stance, or an actor's spans on
// a target, hashed over all it writes; the load compares them with the
// hashes the graph holds, read once and only for the buckets whose
// digests (kept on the lock node) differ from the dataset's (buckets.go),
// and writes only the difference, in one transaction under a lock node
// that counts the loads that changed the graph, or, past LoadBatch rows,
// with the nodes it adds staged out of sight and brought into view by
// relabelling them in the last transaction (staging.go), which finds every
// node by element ID. On any failure the graph is as it was. Each
// relationship type has its own constant statement. The lock node also
// keeps the digest of the seed files a load names (seeds.go), current
// only while no other change came after it, so that a load of the same
// files again can stop before it reads them.
package neo4j
