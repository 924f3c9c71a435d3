package neo4j

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/peacegraph/peacegraph"
)

// A unit is the smallest part of the graph a load writes or leaves alone:
// one node with the relationships it owns, or one stance, or the spans of
// one actor on one target. Its hash covers everything it writes, derived
// facts included (the evidence of an edge, a claim's corroboration, a
// contradiction's rules, whether a stance is current), so that a load that
// compares hashes rewrites exactly the units whose graph would change.
type unit struct {
	// key identifies the unit: the node's ID, or "stance:…" and "spans:…"
	// for the relationship-only units, which no node ID can spell.
	key string
	// anchor is the node every relationship of the unit touches, so a
	// rewrite finds them from one indexed node.
	anchor string
	// bucket is the anchor's bucket (buckets.go).
	bucket int64
	// kind is what the load report counts the unit as; node units are of
	// their node's kind. spans are derived and counted under no kind.
	kind peacegraph.Kind
	// node is the node row (nil for a relationship-only unit): its
	// properties, and label, the node's kind label.
	node  map[string]any
	label string
	rels  []relRow
	sides []map[string]any
	hash  string
	// value is the node or stance whose domain value the unit writes
	// (nil for spans); valueHash digests it, so a load reports as changed
	// only what a read would answer differently (as the embedded store
	// does), while hash also covers the derived facts around it.
	value     any
	valueHash string
}

// relRow is one relationship: its type, its ends and its properties.
type relRow struct {
	Type  string         `json:"t"`
	From  string         `json:"f"`
	To    string         `json:"o"`
	Props map[string]any `json:"p"`
}

// The relationship-only units' key prefixes and the derived relationship
// of stance spans.
const (
	stanceUnit = "stance:"
	spanUnit   = "spans:"
	// relHeld is (Actor)-[:HELD {position, from, until, asOf, claims,
	// claimDates, note}]->(Point|Plan): an effective stance over a
	// stretch of time (peacegraph.StanceSpan), so that "as of a date" is
	// a range lookup.
	relHeld = "HELD"
	// relSeedChange is (Plan)-[:SEED_CHANGE {ord, status, revised,
	// evidence, note}]->(Point): what the seeds wrote of a revised point,
	// kept so the plan reads back as it was loaded.
	relSeedChange = "SEED_CHANGE"
)

// units turns a completed, valid dataset into the units of a load, in a
// fixed order: nodes by kind as the dataset lists them, then stances and
// spans.
func units(d *peacegraph.Dataset) []*unit {
	// The edges' evidence is the largest part of the work and needs only
	// the dataset: it is derived while the rows are built, and each
	// edge's row gets its evidence once both are done.
	evidenceDone := make(chan map[edgeKey][]string, 1)
	go func() {
		edges := d.Edges()
		evidence := make(map[edgeKey][]string, len(edges))
		for _, e := range edges {
			evidence[edgeKey{e.Type, e.Source, e.Target}] = e.Evidence
		}
		evidenceDone <- evidence
	}()
	type pending struct {
		props map[string]any
		edge  edgeKey
	}
	var edgeRows []pending
	var out []*unit
	var u *unit
	add := func(key, anchor string, kind peacegraph.Kind) {
		u = &unit{key: key, anchor: anchor, kind: kind, bucket: bucketOf(anchor)}
		out = append(out, u)
	}
	node := func(n peacegraph.Node, props map[string]any) {
		add(n.NodeID(), n.NodeID(), n.NodeKind())
		props["id"] = n.NodeID()
		props["searchText"] = searchText(n)
		u.node, u.label, u.value = props, string(n.NodeKind()), n
	}
	// rel adds a relationship to the current unit; edges of the graph
	// (peacegraph.RelationshipTypes) carry their evidence.
	rel := func(typ, from, to string, props map[string]any) {
		if props == nil {
			props = map[string]any{}
		}
		if isEdgeType(typ) {
			edgeRows = append(edgeRows, pending{props, edgeKey{typ, from, to}})
		}
		u.rels = append(u.rels, relRow{Type: typ, From: from, To: to, Props: props})
	}
	ord := func(i int) map[string]any { return map[string]any{"ord": i} }

	for _, a := range d.Actors {
		props := map[string]any{
			"name": a.Name, "kind": string(a.Kind), "role": opt(a.Role),
			"description": opt(a.Description), "aliases": list(a.Aliases),
			"sortKey": peacegraph.ActorKey(a),
		}
		ids, roles := make([]string, len(a.Affiliations)), make([]string, len(a.Affiliations))
		for i, f := range a.Affiliations {
			ids[i], roles[i] = f.ActorID, f.Role
		}
		props["affiliations"], props["affiliationRoles"] = ids, roles
		node(a, props)
		for i, f := range a.Affiliations {
			rel(peacegraph.RelAffiliatedWith, a.ID, f.ActorID, map[string]any{"ord": i, "role": opt(f.Role)})
		}
	}
	for _, p := range d.Plans {
		node(p, map[string]any{
			"title": p.Title, "summary": opt(p.Summary), "date": opt(string(p.Date)), "seq": p.Seq,
			"authors": list(p.AuthorIDs), "revises": opt(p.Revises), "accompanies": opt(p.Accompanies),
		})
		for i, id := range p.AuthorIDs {
			rel(peacegraph.RelAuthored, id, p.ID, ord(i))
		}
		if p.Revises != "" {
			rel(peacegraph.RelRevises, p.ID, p.Revises, ord(0))
		}
		if p.Accompanies != "" {
			rel(peacegraph.RelAccompanies, p.ID, p.Accompanies, ord(0))
		}
		for i, c := range p.Changes {
			to := c.PointID
			if to == "" && len(c.RevisedIDs) > 0 {
				to = c.RevisedIDs[0]
			}
			rel(relChanges, p.ID, to, changeProps(i, c))
		}
		for i, c := range p.SeedChanges {
			rel(relSeedChange, p.ID, c.PointID, changeProps(i, c))
		}
	}
	for _, p := range d.Points {
		node(p, map[string]any{
			"plan": p.PlanID, "number": p.Number, "title": p.Title,
			"summary": opt(p.Summary), "topic": p.Topic, "concession": p.Concession,
			"concededBy": list(p.ConcededByIDs), "sources": list(p.SourceIDs), "amends": opt(p.Amends),
		})
		rel(peacegraph.RelHasPoint, p.PlanID, p.ID, ord(p.Number))
		for i, id := range p.ConcededByIDs {
			rel(peacegraph.RelConcededBy, p.ID, id, ord(i))
		}
		for i, id := range p.SourceIDs {
			rel(peacegraph.RelReportedIn, p.ID, id, ord(i))
		}
		if p.Amends != "" {
			rel(peacegraph.RelAmends, p.ID, p.Amends, ord(0))
		}
	}
	for _, c := range d.Claims {
		props := map[string]any{
			"text": c.Text, "certainty": string(c.Certainty), "date": opt(string(c.Date)),
			"note": opt(c.Note), "sortKey": peacegraph.ClaimKey(c), "denies": list(c.Denies),
			"corroboratingSources": c.Corroboration.Sources, "corroboratingPublishers": c.Corroboration.Publishers,
			"earliest": opt(string(c.Corroboration.Earliest)), "earliestSource": opt(c.Corroboration.EarliestSourceID),
		}
		reviewProps(props, c.Reviews)
		citationProps(props, c)
		node(c, props)
		if c.ClaimantID != "" {
			// The claimant and the claim's sort key on the relationship
			// make a claimant's page a range of one index (read_claims.go).
			rel(peacegraph.RelClaimed, c.ClaimantID, c.ID, map[string]any{
				"ord": 0, "claimant": c.ClaimantID, "sortKey": peacegraph.ClaimKey(c),
			})
		}
		for i, id := range c.AboutIDs {
			rel(peacegraph.RelAbout, c.ID, id, ord(i))
		}
		for i, ct := range c.Citations {
			props := map[string]any{"ord": i, "quote": opt(ct.Quote)}
			if ct.HasOffsets() {
				props["start"], props["end"] = ct.Start, ct.End
			}
			rel(peacegraph.RelCites, c.ID, ct.SourceID, props)
		}
		for _, o := range c.Contradicts {
			// One relationship per pair, as Dataset.Edges draws it;
			// reads follow it both ways.
			if c.ID < o {
				rel(peacegraph.RelContradicts, c.ID, o, map[string]any{"ord": 0, "rules": list(c.ContradictionRules[o])})
			}
		}
	}
	for _, src := range d.Sources {
		node(src, map[string]any{
			"title": src.Title, "publisher": opt(src.Publisher), "url": opt(src.URL),
			"published": opt(string(src.Published)), "retrieved": opt(string(src.Retrieved)),
			"language": opt(src.Language), "text": opt(src.Text), "note": opt(src.Note),
			"republishes": opt(src.Republishes), "sortKey": peacegraph.SourceKey(src),
		})
	}
	for _, e := range d.Events {
		node(e, map[string]any{
			"title": e.Title, "summary": opt(e.Summary), "date": opt(string(e.Date)),
			"place": opt(e.Place), "sortKey": peacegraph.EventKey(e),
			"participants": list(e.ParticipantIDs), "evidence": list(e.EvidenceIDs),
		})
		for i, id := range e.ParticipantIDs {
			rel(peacegraph.RelParticipatedIn, id, e.ID, ord(i))
		}
		for i, id := range e.EvidenceIDs {
			rel(peacegraph.RelEvidencedBy, e.ID, id, ord(i))
		}
	}
	for _, x := range d.Disputes {
		node(x, map[string]any{
			"question": x.Question, "summary": opt(x.Summary), "note": opt(x.Note), "about": list(x.AboutIDs),
		})
		for i, id := range x.AboutIDs {
			rel(relConcerns, x.ID, id, ord(i))
		}
		for i, side := range x.Sides {
			u.sides = append(u.sides, map[string]any{
				"dispute": x.ID, "id": fmt.Sprintf("%s#side-%d", x.ID, i+1), "ord": i,
				"label": side.Label, "summary": opt(side.Summary), "claims": list(side.ClaimIDs),
			})
		}
	}

	// A current stance is a copy of the dataset's; the validator allows
	// one stance per actor, target and position, so that names it.
	current := map[string]bool{}
	for _, s := range peacegraph.CurrentStances(d.Stances) {
		current[stanceKey(s)] = true
	}
	for _, st := range d.Stances {
		add(stanceUnit+stanceKey(st), st.ActorID, peacegraph.KindStance)
		u.value = st
		props := stanceProps(st)
		props["current"] = current[stanceKey(st)]
		rel(string(st.Position), st.ActorID, st.TargetID, props)
	}
	var spanPair string
	for _, sp := range peacegraph.StanceSpans(byPair(d.Stances)) {
		st := sp.Stance
		if key := spansKey(st); key != spanPair {
			spanPair = key
			add(key, st.ActorID, "")
		}
		props := stanceProps(st)
		props["position"] = string(st.Position)
		props["from"], props["until"] = string(sp.From), opt(string(sp.Until))
		rel(relHeld, st.ActorID, st.TargetID, props)
	}
	evidence := <-evidenceDone
	for _, r := range edgeRows {
		r.props["evidence"] = list(evidence[r.edge])
	}
	parallel(len(out), func(i int) { out[i].hash = out[i].digest() })
	return out
}

// byPair orders stances by actor, target and position, so that the spans
// of an actor on a target, one unit, come in one order whatever the order
// of the seeds: an addition derives them from the held stances and the
// added ones, in another order than a whole load reads them.
func byPair(stances []*peacegraph.Stance) []*peacegraph.Stance {
	out := slices.Clone(stances)
	slices.SortFunc(out, func(a, b *peacegraph.Stance) int {
		return cmp.Or(strings.Compare(a.ActorID, b.ActorID), strings.Compare(a.TargetID, b.TargetID),
			strings.Compare(string(a.Position), string(b.Position)))
	})
	return out
}

// edgeKey names an edge of Dataset.Edges by its type and ends, so that a
// load finds each relationship's evidence without building a string.
type edgeKey struct{ typ, from, to string }

// parallel calls f for every index below n, spread over the processors:
// hashing every unit of a large dataset is most of a load's own work.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/1000))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// valueDigest fills in the digest of the unit's domain value, which only a
// unit the load writes needs: the report tells a changed value from a
// change of derived facts only, and the graph keeps it for the next load.
func (u *unit) valueDigest() {
	if u.value != nil && u.valueHash == "" {
		u.valueHash = digest(u.value)
	}
}

// stanceKey names a stance by actor, target and position.
func stanceKey(st *peacegraph.Stance) string {
	return st.ActorID + "|" + st.TargetID + "|" + string(st.Position)
}

// spansKey names the unit of the spans of the stance's actor on its
// target.
func spansKey(st *peacegraph.Stance) string {
	return spanUnit + st.ActorID + "|" + st.TargetID
}

// stanceProps are the properties a stance and a span share: claims and
// claimDates are the stance's evidence in its own order, aligned, where
// evidence (on stance relationships, as on every edge) is the edge's
// evidence in claim order.
func stanceProps(st *peacegraph.Stance) map[string]any {
	return map[string]any{
		"asOf": opt(string(st.AsOf)), "note": opt(st.Note),
		"claims": list(st.EvidenceIDs), "claimDates": dates(st.EvidenceDates),
	}
}

// changeProps are the properties of a CHANGES or SEED_CHANGE relationship.
func changeProps(i int, c peacegraph.PointChange) map[string]any {
	return map[string]any{
		"ord": i, "point": opt(c.PointID), "status": string(c.Status), "revised": list(c.RevisedIDs),
		"evidence": list(c.EvidenceIDs), "note": opt(c.Note),
	}
}

// citationProps stores what a claim refers to as aligned lists beside its
// relationships, which hold the same: a read of a node then reads its own
// properties and expands nothing, as the relationships are for walks and
// for Browser. Both are written in one unit, so they never disagree.
func citationProps(props map[string]any, c *peacegraph.Claim) {
	props["claimant"], props["about"] = opt(c.ClaimantID), list(c.AboutIDs)
	n := len(c.Citations)
	sources, quotes := make([]string, n), make([]string, n)
	starts, ends := make([]int64, n), make([]int64, n)
	for i, ct := range c.Citations {
		sources[i], quotes[i], starts[i], ends[i] = ct.SourceID, ct.Quote, int64(ct.Start), int64(ct.End)
	}
	props["citeSources"], props["citeQuotes"], props["citeStarts"], props["citeEnds"] = sources, quotes, starts, ends
	// A contradiction's rules are few short names, joined: a property
	// holds no list of lists.
	rules := make([]string, len(c.Contradicts))
	for i, o := range c.Contradicts {
		rules[i] = strings.Join(c.ContradictionRules[o], ",")
	}
	props["contradicts"], props["contradictionRules"] = list(c.Contradicts), rules
}

// reviewProps stores a claim's reviews as aligned lists, since a property
// cannot hold a list of maps; Browser shows who reviewed a claim.
func reviewProps(props map[string]any, rs []peacegraph.Review) {
	n := len(rs)
	reviewers, ratings, explanations, rdates, urls := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	values, best, worst := make([]int64, n), make([]int64, n), make([]int64, n)
	for i, r := range rs {
		reviewers[i], ratings[i], explanations[i], rdates[i], urls[i] = r.Reviewer, r.Rating, r.Explanation, string(r.Date), r.URL
		values[i], best[i], worst[i] = int64(r.RatingValue), int64(r.BestRating), int64(r.WorstRating)
	}
	props["reviewers"], props["reviewRatings"], props["reviewExplanations"] = reviewers, ratings, explanations
	props["reviewDates"], props["reviewUrls"] = rdates, urls
	props["reviewRatingValues"], props["reviewBestRatings"], props["reviewWorstRatings"] = values, best, worst
}

// digest hashes what the unit writes: its label, node properties,
// relationships and sides, each map in key order, so equal units hash
// equal whatever order their maps were built in. It encodes the rows'
// plain values itself rather than through encoding/json, which spent most
// of a large load's time on reflection and map sorting.
func (u *unit) digest() string {
	h := hashers.Get().(*hasher)
	defer hashers.Put(h)
	h.buf = h.buf[:0]
	h.str(u.label)
	h.value(u.node)
	h.tag('r', len(u.rels))
	for _, r := range u.rels {
		h.str(r.Type)
		h.str(r.From)
		h.str(r.To)
		h.value(r.Props)
	}
	h.tag('s', len(u.sides))
	for _, side := range u.sides {
		h.value(side)
	}
	sum := sha256.Sum256(h.buf)
	return hex.EncodeToString(sum[:16])
}

// hashers reuse their buffers across units.
var hashers = sync.Pool{New: func() any { return &hasher{buf: make([]byte, 0, 4096)} }}

// hasher encodes values unambiguously, to be hashed at once: every value
// starts with a tag byte, and strings and lists with their length.
type hasher struct {
	buf  []byte
	keys []string
}

func (h *hasher) tag(t byte, n int) {
	h.buf = binary.AppendVarint(append(h.buf, t), int64(n))
}

func (h *hasher) str(s string) {
	h.tag('"', len(s))
	h.buf = append(h.buf, s...)
}

// value hashes one property value or row. The types are those units
// build; any other is a bug and panics, as a failed JSON encoding did.
func (h *hasher) value(v any) {
	switch v := v.(type) {
	case nil:
		h.tag('0', 0)
	case string:
		h.str(v)
	case bool:
		n := 0
		if v {
			n = 1
		}
		h.tag('b', n)
	case int:
		h.tag('i', v)
	case int64:
		h.tag('i', int(v))
	case []string:
		h.tag('[', len(v))
		for _, x := range v {
			h.str(x)
		}
	case []int64:
		h.tag('[', len(v))
		for _, x := range v {
			h.tag('i', int(x))
		}
	case map[string]any:
		start := len(h.keys)
		for k := range v {
			h.keys = append(h.keys, k)
		}
		keys := h.keys[start:]
		slices.Sort(keys)
		h.tag('{', len(keys))
		for _, k := range keys {
			h.str(k)
			h.value(v[k])
		}
		h.keys = h.keys[:start]
	default:
		panic(fmt.Sprintf("neo4j: hashing a unit: a value of type %T", v))
	}
}

// digest hashes the JSON of a plain value.
func digest(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Rows and domain values are plain data; a failure is a bug.
		panic("neo4j: hashing a unit: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// isEdgeType reports whether typ is one of the graph's edges, which paths
// and neighbourhoods follow and which carry their evidence.
func isEdgeType(typ string) bool { return edgeTypes[typ] }

// edgeTypes is peacegraph.RelationshipTypes as a set, made once: a load
// asks it for every relationship it writes.
var edgeTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range peacegraph.RelationshipTypes() {
		m[t] = true
	}
	return m
}()

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

// dates stores a stance's evidence dates as text, "" for an undated claim,
// so that the list stays aligned with the evidence.
func dates(ds []peacegraph.Date) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = string(d)
	}
	return out
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
