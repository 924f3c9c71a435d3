package neo4j

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/peacegraph/peacegraph"
)

// A node read projects only the properties the request's fields need
// (peacegraph.Selection): Neo4j counts a db hit for every property it
// reads, and a source's stored text is long, so a question about a claim's
// citations should not read the texts of the sources they cite. Every read
// takes the properties the domain's orders and keys need (a claim's date,
// an actor's name, a source's publication date) whatever is selected; the
// rest come with the API field that shows them. A field missing from a
// kind's table needs no property (it is read by another Store call).
//
// Statements name the projection with nodeMapMarker; read puts in its
// place the projection of the context's selection, built once per
// selection. The properties are this file's names, never a request's
// values, so the statements stay parameterized.

const (
	nodeMapMarker     = "/*node projection*/"
	fullNodeMapMarker = "/*full node projection*/"
)

// The projections of one kind, for the statements that know the kind of
// the node bound to n: no label is tested to choose one.
const (
	claimMap   = "/*node projection:Claim*/"
	actorMap   = "/*node projection:Actor*/"
	planMap    = "/*node projection:Plan*/"
	pointMap   = "/*node projection:Point*/"
	sourceMap  = "/*node projection:Source*/"
	eventMap   = "/*node projection:Event*/"
	disputeMap = "/*node projection:Dispute*/"
)

// included is the subquery of a read that brings along the nodes of one
// kind that the request asks for next (peacegraph.Includes): for each x of
// the list page, the IDs ids (a Cypher expression on x, empty where the
// request does not ask), each read once from the kind's unique ID index,
// projected. The hint keeps Neo4j on that index whatever the graph held
// when it planned the statement.
func included(label, ids string) string {
	return `COLLECT {
  UNWIND page AS x
  UNWIND ` + ids + ` AS rid
  WITH DISTINCT rid
  MATCH (n:` + label + ` {id: rid}) USING INDEX n:` + label + `(id)
  RETURN /*node projection:` + label + `*/
}`
}

// fullNodeMap stands for the projection of every property of the node
// bound to n: for reads whose nodes serve more than the fields a query
// names (a search's snippets, a neighbourhood's labels and kinds).
const fullNodeMap = fullNodeMapMarker

type kindProjection struct {
	label  string
	always []string
	fields map[string][]string
}

// projections lists, per kind, the map-projection items each API field
// needs, in the order decodeNode reads them.
var projections = []kindProjection{
	{
		label:  "Claim",
		always: []string{".id", ".date"},
		fields: map[string][]string{
			"text": {".text"}, "certainty": {".certainty"}, "note": {".note"}, "denies": {".denies"},
			"claimant": {".claimant"}, "about": {".about"},
			"citations":      {".citeSources", ".citeQuotes", ".citeStarts", ".citeEnds"},
			"contradictedBy": {".contradicts", ".contradictionRules"},
			"corroboration":  {".corroboratingSources", ".corroboratingPublishers", ".earliest", ".earliestSource"},
			"reviews": {".reviewers", ".reviewRatings", ".reviewExplanations", ".reviewDates", ".reviewUrls",
				".reviewRatingValues", ".reviewBestRatings", ".reviewWorstRatings"},
		},
	},
	{
		label:  "Actor",
		always: []string{".id", ".name"},
		fields: map[string][]string{
			"kind": {".kind"}, "role": {".role"}, "description": {".description"}, "aliases": {".aliases"},
			"affiliations": {".affiliations", ".affiliationRoles"},
		},
	},
	{
		label:  "Plan",
		always: []string{".id", ".seq", ".revises"},
		fields: map[string][]string{
			"title": {".title"}, "summary": {".summary"}, "date": {".date"}, "authors": {".authors"},
			"accompanies": {".accompanies"},
			"changes": {
				"changes: [(n)-[r:CHANGES]->() | [r.ord, r.point, r.status, r.revised, r.evidence, r.note]]",
				"seedChanges: [(n)-[r:SEED_CHANGE]->() | [r.ord, r.point, r.status, r.revised, r.evidence, r.note]]",
			},
		},
	},
	{
		label:  "Point",
		always: []string{".id", ".number"},
		fields: map[string][]string{
			"plan": {".plan"}, "title": {".title"}, "summary": {".summary"}, "topic": {".topic"}, "concession": {".concession"},
			"concededBy": {".concededBy"}, "sources": {".sources"}, "amends": {".amends"},
		},
	},
	{
		label:  "Source",
		always: []string{".id", ".published"},
		fields: map[string][]string{
			"title": {".title"}, "publisher": {".publisher"}, "url": {".url"}, "retrieved": {".retrieved"},
			"language": {".language"}, "text": {".text"}, "note": {".note"}, "republishes": {".republishes"},
		},
	},
	{
		label:  "Event",
		always: []string{".id", ".date"},
		fields: map[string][]string{
			"title": {".title"}, "summary": {".summary"}, "place": {".place"},
			"participants": {".participants"}, "evidence": {".evidence"},
		},
	},
	{
		label:  "Dispute",
		always: []string{".id"},
		fields: map[string][]string{
			"question": {".question"}, "summary": {".summary"}, "note": {".note"}, "about": {".about"},
			"sides": {"sides: [(n)-[r:HAS_SIDE]->(s) | [r.ord, s.label, s.summary, [(s)-[b:BACKED_BY]->(c) | [b.ord, c.id]]]]"},
		},
	},
}

// projected is what a selection makes of the markers: the projection of
// any node (CASE on its label), and of each kind.
type projected struct {
	any    string
	byKind map[string]string
	// applied keeps each statement with the projections in place, so
	// that a request's reads do not rebuild their text: the statements
	// are this package's, a few dozen.
	applied sync.Map
}

// buildProjections makes the projections of a selection (nil: every
// property).
func buildProjections(sel *peacegraph.Selection) *projected {
	p := &projected{byKind: map[string]string{}}
	var b strings.Builder
	b.WriteString("CASE\nWHEN n IS NULL THEN null\n")
	for _, k := range projections {
		items := append([]string(nil), k.always...)
		for _, field := range sortedKeys(k.fields) {
			if sel.Wants(k.label, field) {
				items = append(items, k.fields[field]...)
			}
		}
		items = append(items, "kind_: '"+k.label+"'")
		m := "n {" + strings.Join(items, ", ") + "}"
		p.byKind[k.label] = m
		b.WriteString("WHEN n:" + k.label + " THEN " + m + "\n")
	}
	b.WriteString("END")
	p.any = b.String()
	return p
}

// apply puts the projections in place of the markers of a statement.
func (p *projected) apply(cypher string) string {
	if v, ok := p.applied.Load(cypher); ok {
		return v.(string)
	}
	out := p.replace(cypher)
	p.applied.Store(cypher, out)
	return out
}

func (p *projected) replace(cypher string) string {
	if strings.Contains(cypher, fullNodeMapMarker) {
		cypher = strings.ReplaceAll(cypher, fullNodeMapMarker, everyProperty.any)
	}
	if strings.Contains(cypher, nodeMapMarker) {
		cypher = strings.ReplaceAll(cypher, nodeMapMarker, p.any)
	}
	for kind, m := range p.byKind {
		marker := "/*node projection:" + kind + "*/"
		if strings.Contains(cypher, marker) {
			cypher = strings.ReplaceAll(cypher, marker, m)
		}
	}
	return cypher
}

// everyProperty is the projection of every property of every kind.
var everyProperty = buildProjections(nil)

// nodeMaps keeps the projection of each selection seen, up to
// maxNodeMaps of them; past that it starts afresh, so that a stream of
// distinct queries costs rebuilding, never memory.
type nodeMaps struct {
	mu sync.Mutex
	m  map[string]*projected
}

const maxNodeMaps = 1024

func (c *nodeMaps) get(sel *peacegraph.Selection) *projected {
	if sel == nil {
		return everyProperty
	}
	key := sel.Key()
	c.mu.Lock()
	defer c.mu.Unlock()
	if nm, ok := c.m[key]; ok {
		return nm
	}
	if c.m == nil || len(c.m) >= maxNodeMaps {
		c.m = map[string]*projected{}
	}
	nm := buildProjections(sel)
	c.m[key] = nm
	return nm
}

// project puts the context's projection into a statement that asks for one.
func (s *Store) project(ctx context.Context, cypher string) string {
	if !strings.Contains(cypher, "node projection") {
		return cypher
	}
	return s.nodeMaps.get(peacegraph.SelectionFrom(ctx)).apply(cypher)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
