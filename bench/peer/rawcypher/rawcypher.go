// Package rawcypher is the floor of the peer benchmark (bench/peer): each
// canonical query written by hand as one Cypher statement over the model
// `peacegraph load` writes, returning one row whose column `result` is the
// canonical answer tree. The Neo4j store's own benchmarks compare their
// reads with the same statements. Each starts from an index (the
// per-label ID constraints, the claims' sortKey index) and walks; paged
// lists page by keyset (sortKey > $after, "" for the first page) with a
// LIMIT inside the database.
package rawcypher

// Q1: a plan, its points by number, and who concedes each, in seed
// order.
const Q1 = `MATCH (pl:Plan {id: $plan})
RETURN pl {
  .title,
  points: COLLECT {
    MATCH (pl)-[:HAS_POINT]->(p:Point)
    WITH p ORDER BY p.number
    RETURN p {
      .number, .title,
      concededBy: COLLECT {
        MATCH (p)-[c:CONCEDED_BY]->(a:Actor)
        WITH a, c ORDER BY c.ord
        RETURN a {.name}
      }
    }
  }
} AS result`

// Q2: one page of a claimant's claims, by sortKey (date, undated
// last, then ID), each with its citations in seed order.
const Q2 = `MATCH (:Actor {id: $claimant})-[:CLAIMED]->(c:Claim)
WHERE c.sortKey > $after
WITH c ORDER BY c.sortKey LIMIT $first
RETURN collect(c {
  .id, .text, .date,
  citations: COLLECT {
    MATCH (c)-[r:CITES]->(s:Source)
    WITH r, s ORDER BY r.ord
    RETURN {quote: r.quote, start: r.start, end: r.end, source: s {.id, .title, .url}}
  }
}) AS result`

// Q3: the first page of all claims, in sortKey order from the
// index, each with its claimant and citations.
const Q3 = `MATCH (c:Claim)
WHERE c.sortKey > $after
WITH c ORDER BY c.sortKey LIMIT $first
RETURN collect(c {
  .id, .text, .date,
  claimant: head(COLLECT { MATCH (a:Actor)-[:CLAIMED]->(c) RETURN a {.name} }),
  citations: COLLECT {
    MATCH (c)-[r:CITES]->(s:Source)
    WITH r, s ORDER BY r.ord
    RETURN {quote: r.quote, source: s {.id, .title}}
  }
}) AS result`

// Q4: a plan's concession points by number, each with its stances
// in effect (current: true), by actor name, actor ID, then position.
const Q4 = `MATCH (:Plan {id: $plan})-[:HAS_POINT]->(p:Point)
WHERE p.concession
WITH p ORDER BY p.number
RETURN collect(p {
  .number, .title,
  stances: COLLECT {
    MATCH (a:Actor)-[r:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED]->(p)
    WHERE r.current
    WITH a, r ORDER BY a.sortKey, type(r)
    RETURN {actor: a {.name}, position: type(r), asOf: r.asOf}
  }
}) AS result`

// Q5: who held a position on a point as of a date: the HELD
// periods that contain it (from <= date < until, or no until). The point
// comes from the (plan, number) index.
const Q5 = `MATCH (p:Point {plan: $plan, number: $point})
MATCH (a:Actor)-[h:HELD]->(p)
WHERE h.position = $position AND h.from <= $asOf AND (h.until IS NULL OR h.until > $asOf)
WITH a, h ORDER BY a.sortKey, h.position
RETURN collect({actor: a {.name}, position: h.position, asOf: h.asOf}) AS result`
