package neo4j

import (
	"context"

	"github.com/peacegraph/peacegraph"
)

// A claim query starts from the most selective node its filter names: the
// claimant, the cited source, the node the claims are about, or, with none
// of those, the claim index itself (by certainty when one is asked). It
// then walks to the claims, keeps those after the cursor's sort key and
// reads one more than a page in sort-key order, so the page is cut inside
// Neo4j and HasNextPage comes with it. The other filters are checked on
// the claims the walk reaches.
const (
	claimsByClaimant = `MATCH (x:Actor {id: q.claimant})-[:CLAIMED]->(n:Claim)`
	claimsBySource   = `MATCH (x:Source {id: q.source})<-[:CITES]-(n:Claim)`
	claimsByAbout    = `MATCH (x:Node {id: q.about})<-[:ABOUT]-(n:Claim)`
	claimsByIndex    = `MATCH (n:Claim) USING INDEX n:Claim(sortKey) WHERE n.sortKey > q.after AND (q.certainty = '' OR n.certainty = q.certainty)`

	// claimFilter is every filter, so each anchor can check the others.
	claimFilter = `(q.certainty = '' OR n.certainty = q.certainty)
    AND (q.claimant = '' OR EXISTS { (:Actor {id: q.claimant})-[:CLAIMED]->(n) })
    AND (q.about = '' OR EXISTS { (n)-[:ABOUT]->(:Node {id: q.about}) })
    AND (q.source = '' OR EXISTS { (n)-[:CITES]->(:Source {id: q.source}) })`
)

// claimantClaims is the statement of a query that names a claimant and
// nothing else: the page is a range of the CLAIMED relationships' index
// on (claimant, sortKey), read in index order and cut by LIMIT, so it
// does not grow with the claimant's claims; the total counts the claims
// the claimant's relationships lead to (a staged claim, out of sight, has
// no Claim label and is not counted).
func claimantClaims(count bool) string {
	total := `0 AS total`
	if count {
		total = `CASE WHEN x IS NULL THEN 0 ELSE COUNT { (x)-[:CLAIMED]->(:Claim) } END AS total`
	}
	return `UNWIND range(0, size($qs) - 1) AS i
WITH i, $qs[i] AS q
CALL (q) {
  OPTIONAL MATCH (x:Actor {id: q.claimant})
  RETURN ` + total + `
}
CALL (q) {
  MATCH ()-[r:CLAIMED]->(n:Claim) USING INDEX r:CLAIMED(claimant, sortKey)
  WHERE r.claimant = q.claimant AND r.sortKey > q.after
  WITH n, r ORDER BY r.sortKey LIMIT $limit
  RETURN collect(n) AS page
}
RETURN i, total, [n IN page | ` + claimMap + `] AS nodes` + claimIncludes
}

// claimIncludes reads, with a page of claims, the nodes the request will
// ask for next (peacegraph.Includes): their claimants and the sources they
// cite (included).
var claimIncludes = ", " +
	included("Actor", "CASE WHEN $inc.claimants AND x.claimant IS NOT NULL THEN [x.claimant] ELSE [] END") + " + " +
	included("Source", "CASE WHEN $inc.citedSources THEN coalesce(x.citeSources, []) ELSE [] END") + " AS related"

// claimStatements is the statement of each anchor, with the count of the
// claims that pass the filter (true) or without it, for a request that
// does not ask for totalCount.
var claimStatements = map[bool]map[string]string{true: claimStatementsCounting(true), false: claimStatementsCounting(false)}

func claimStatementsCounting(count bool) map[string]string {
	return map[string]string{
		"claimantOnly": claimantClaims(count),
		"claimant":     anchoredClaims(claimsByClaimant, count),
		"source":       anchoredClaims(claimsBySource, count),
		"about":        anchoredClaims(claimsByAbout, count),
		"index":        indexedClaims(count),
	}
}

// anchoredClaims is the statement of a walk from a node: the claims it
// reaches that pass the filter, a page of them, and how many there are.
func anchoredClaims(match string, count bool) string {
	total := `WITH i, q, 0 AS total
`
	if count {
		total = `CALL (q) {
  ` + match + `
  WHERE ` + claimFilter + `
  WITH DISTINCT n
  RETURN count(n) AS total
}
`
	}
	return `UNWIND range(0, size($qs) - 1) AS i
WITH i, $qs[i] AS q
` + total + `CALL (q) {
  ` + match + `
  WHERE n.sortKey > q.after AND ` + claimFilter + `
  WITH DISTINCT n ORDER BY n.sortKey LIMIT $limit
  RETURN collect(n) AS page
}
RETURN i, total, [n IN page | ` + claimMap + `] AS nodes` + claimIncludes
}

// indexedClaims is the statement of a query that names no node: the page
// is a range of the sort-key index; the total is the count store's when
// no certainty is asked, else a count of the certainty index.
func indexedClaims(count bool) string {
	total := `0`
	if count {
		total = `CASE WHEN q.certainty = '' THEN COUNT { (:Claim) }
  ELSE COUNT { (c:Claim {certainty: q.certainty}) } END`
	}
	return `UNWIND range(0, size($qs) - 1) AS i
WITH i, $qs[i] AS q
WITH i, q, ` + total + ` AS total
CALL (q) {
  ` + claimsByIndex + `
  WITH n ORDER BY n.sortKey LIMIT $limit
  RETURN collect(n) AS page
}
RETURN i, total, [n IN page | ` + claimMap + `] AS nodes` + claimIncludes
}

// claimAnchor picks the node a query starts from.
func claimAnchor(f peacegraph.ClaimFilter) string {
	switch {
	case f.Claimant != "" && f.Certainty == "" && f.About == "" && f.Source == "":
		return "claimantOnly"
	case f.Claimant != "":
		return "claimant"
	case f.Source != "":
		return "source"
	case f.About != "":
		return "about"
	}
	return "index"
}

const contradictionsQuery = `UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (:Claim {id: $ids[i]})-[:CONTRADICTS]-(n:Claim)
WITH DISTINCT i, n ORDER BY i, n.sortKey
RETURN i, collect(n.id) AS ids`

// Claims implements peacegraph.Store: one statement per anchor among the
// queries (a request's claim fields of one level usually share one).
func (s *Store) Claims(ctx context.Context, qs []peacegraph.ClaimQuery) ([]*peacegraph.ClaimPage, error) {
	out := make([]*peacegraph.ClaimPage, len(qs))
	if len(qs) == 0 {
		return out, nil
	}
	rows := map[string][]any{}
	at := map[string][]int{}
	// LIMIT takes no variable: the statement reads the longest page of
	// its queries for each, and each is cut to its own length below.
	limit := map[string]int{}
	var anchors []string
	for i, q := range qs {
		if q.First < 0 {
			return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "first", "first must not be negative, got %d", q.First)
		}
		after, err := peacegraph.DecodeCursor(q.After)
		if err != nil {
			return nil, err
		}
		a := claimAnchor(q.Filter)
		if _, ok := rows[a]; !ok {
			anchors = append(anchors, a)
		}
		rows[a] = append(rows[a], map[string]any{
			"about": q.Filter.About, "claimant": q.Filter.Claimant, "certainty": string(q.Filter.Certainty),
			"source": q.Filter.Source, "after": after,
		})
		limit[a] = max(limit[a], q.First+1)
		at[a] = append(at[a], i)
	}
	statements := claimStatements[peacegraph.SelectionFrom(ctx).Wants("ClaimConnection", "totalCount")]
	inc := peacegraph.IncludesFrom(ctx)
	related := peacegraph.RelatedFrom(ctx)
	for _, a := range anchors {
		records, err := s.read(ctx, statements[a], map[string]any{"qs": rows[a], "limit": limit[a],
			"inc": map[string]any{"claimants": inc.Claimants, "citedSources": inc.CitedSources}})
		if err != nil {
			return nil, err
		}
		for _, r := range records {
			i := at[a][index(r)]
			page := &peacegraph.ClaimPage{TotalCount: num(r.Values[1], 0)}
			for _, n := range nodeList(r.Values[2]) {
				page.Claims = append(page.Claims, n.(*peacegraph.Claim))
			}
			if related != nil {
				related.Add(nodeList(r.Values[3])...)
			}
			if len(page.Claims) > qs[i].First {
				page.Claims, page.HasNextPage = page.Claims[:qs[i].First], true
			}
			out[i] = page
		}
	}
	return out, nil
}

// Contradictions implements peacegraph.Store: the relationship is stored
// once per pair and read in both directions.
func (s *Store) Contradictions(ctx context.Context, ids []string) ([][]string, error) {
	return s.readIDLists(ctx, contradictionsQuery, ids)
}
