package neo4j

import (
	"strings"
	"unicode"

	"github.com/peacegraph/peacegraph"
)

// newWriteSet turns a completed, valid dataset into the rows of each
// statement of a load.
func newWriteSet(d *peacegraph.Dataset) *writeSet {
	w := &writeSet{kinds: map[string]any{}}
	// Every relationship carries the evidence of its edge (Dataset.Edges):
	// the claims that attest it, which paths and neighbourhoods show.
	evidence := map[string][]string{}
	for _, e := range d.Edges() {
		evidence[e.ID] = e.Evidence
	}
	rels := map[string][]map[string]any{}
	rel := func(typ, from, to string, ord int, props map[string]any) {
		if props == nil {
			props = map[string]any{}
		}
		props["evidence"] = list(evidence[typ+":"+from+"->"+to])
		rels[typ] = append(rels[typ], map[string]any{"from": from, "to": to, "ord": ord, "props": props})
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
			rel(peacegraph.RelAffiliatedWith, a.ID, f.ActorID, i, map[string]any{"role": opt(f.Role)})
		}
	}
	for _, p := range d.Plans {
		plans = append(plans, node(p, map[string]any{
			"id": p.ID, "title": p.Title, "summary": opt(p.Summary), "date": opt(string(p.Date)),
			"seq": p.Seq,
		}))
		for i, id := range p.AuthorIDs {
			rel(peacegraph.RelAuthored, id, p.ID, i, nil)
		}
		if p.Revises != "" {
			rel(peacegraph.RelRevises, p.ID, p.Revises, 0, nil)
		}
	}
	for _, p := range d.Points {
		points = append(points, node(p, map[string]any{
			"id": p.ID, "plan": p.PlanID, "number": p.Number, "title": p.Title,
			"summary": opt(p.Summary), "topic": p.Topic, "concession": p.Concession,
		}))
		rel(peacegraph.RelHasPoint, p.PlanID, p.ID, p.Number, nil)
		for i, id := range p.ConcededByIDs {
			rel(peacegraph.RelConcededBy, p.ID, id, i, nil)
		}
		for i, id := range p.SourceIDs {
			rel(peacegraph.RelReportedIn, p.ID, id, i, nil)
		}
		if p.Amends != "" {
			rel(peacegraph.RelAmends, p.ID, p.Amends, 0, nil)
		}
	}
	for _, c := range d.Claims {
		claims = append(claims, node(c, map[string]any{
			"id": c.ID, "text": c.Text, "certainty": string(c.Certainty), "date": opt(string(c.Date)),
			"note": opt(c.Note), "sortKey": peacegraph.ClaimKey(c),
			"denies": list(c.Denies), "reviewers": reviewers(c.Reviews),
			"corroboratingSources": c.Corroboration.Sources, "corroboratingPublishers": c.Corroboration.Publishers,
			"earliest": opt(string(c.Corroboration.Earliest)), "earliestSource": opt(c.Corroboration.EarliestSourceID),
		}))
		if c.ClaimantID != "" {
			rel(peacegraph.RelClaimed, c.ClaimantID, c.ID, 0, nil)
		}
		for i, id := range c.AboutIDs {
			rel(peacegraph.RelAbout, c.ID, id, i, nil)
		}
		for i, ct := range c.Citations {
			props := map[string]any{"quote": opt(ct.Quote)}
			if ct.HasOffsets() {
				props["start"], props["end"] = ct.Start, ct.End
			}
			rel(peacegraph.RelCites, c.ID, ct.SourceID, i, props)
		}
		for _, o := range c.Contradicts {
			// One relationship per pair, as Dataset.Edges draws it;
			// reads follow it both ways.
			if c.ID < o {
				rel(peacegraph.RelContradicts, c.ID, o, 0, map[string]any{"rules": list(c.ContradictionRules[o])})
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
		rel(string(st.Position), st.ActorID, st.TargetID, i, map[string]any{
			"asOf": opt(string(st.AsOf)), "note": opt(st.Note),
			"evidenceDates": dates(st.EvidenceDates),
			"json":          encodeValue(st),
		})
	}
	for _, e := range d.Events {
		events = append(events, node(e, map[string]any{
			"id": e.ID, "title": e.Title, "summary": opt(e.Summary), "date": opt(string(e.Date)),
			"place": opt(e.Place), "sortKey": peacegraph.EventKey(e),
		}))
		for i, id := range e.ParticipantIDs {
			rel(peacegraph.RelParticipatedIn, id, e.ID, i, nil)
		}
		for i, id := range e.EvidenceIDs {
			rel(peacegraph.RelEvidencedBy, e.ID, id, i, nil)
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
	for _, typ := range peacegraph.RelationshipTypes() {
		w.rels = append(w.rels, batch{relStatements[typ], rels[typ]})
	}
	recordRows(d, w)
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

// reviewers lists who reviewed a claim, for Browser; the reviews
// themselves are in the claim's json.
func reviewers(rs []peacegraph.Review) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.Reviewer)
	}
	return out
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
