// Package neo4j is the Store on a Neo4j server: the same graph as the
// embedded store, written as labelled nodes and typed relationships so that
// Neo4j Browser and Bloom show it the way the domain reads, and queried
// with one parameterised Cypher statement per Store call. It needs Neo4j
// 5.26 or later (the LTS line): its statements use scoped CALL subqueries
// and SHORTEST path selectors.
//
// # The graph
//
// Every node carries the label Node (one unique index answers a lookup by
// ID across kinds) and the label of its kind: Actor (with Person,
// Government or Organization), Plan, Point, Claim, Source, Event, Dispute.
// Its readable fields are properties (name, title, number, date, ...); its
// whole domain value, including what Dataset.Complete derives and has no
// graph shape (corroboration, contradiction rules, plan changes, reviews),
// is kept as JSON in the json property, which is what reads decode, so
// that both stores answer with identical values. sortKey holds the order
// key of paged lists (peacegraph.ClaimKey, ActorKey, ...), searchText the
// lower-cased searchable fields for the full-text index.
//
// Relationships are the edges of peacegraph.Dataset.Edges, typed by
// peacegraph's Rel constants:
//
//	(Actor)-[:AFFILIATED_WITH {role}]->(Actor)
//	(Actor)-[:AUTHORED]->(Plan)            (Plan)-[:REVISES]->(Plan)
//	(Plan)-[:HAS_POINT]->(Point)           (Point)-[:AMENDS]->(Point)
//	(Point)-[:CONCEDED_BY]->(Actor)        (Point)-[:REPORTED_IN]->(Source)
//	(Actor)-[:CLAIMED]->(Claim)            (Claim)-[:ABOUT]->(Actor|Point|Plan)
//	(Claim)-[:CITES {quote, start, end}]->(Source)
//	(Claim)-[:CONTRADICTS]->(Claim)        (one per pair, read both ways)
//	(Actor)-[:PARTICIPATED_IN]->(Event)    (Event)-[:EVIDENCED_BY]->(Claim)
//	(Actor)-[:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED {asOf, evidenceDates, note}]->(Point|Plan)
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
//	(Dispute)-[:CONCERNS]->(Plan|Point|Actor)
//	(Dispute)-[:HAS_SIDE]->(:DisputeSide {label, summary})-[:BACKED_BY]->(Claim)
//
// Claims also show their corroboration (corroboratingSources,
// corroboratingPublishers, earliest, earliestSource), what they deny
// (denies) and who reviewed them (reviewers); a CONTRADICTS relationship
// names the rules that make the two claims contradict (rules).
//
// # Writes
//
// Load validates first, then writes in one managed transaction: it deletes
// the nodes the dataset no longer has and every relationship between graph
// nodes, then merges all nodes and relationships back with one batched
// UNWIND statement per label and per relationship type. Relationship types
// cannot be parameters, so each type has its own constant statement. On
// any failure the transaction rolls back and the database is as it was.
package neo4j
