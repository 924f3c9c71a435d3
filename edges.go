package peacegraph

import (
	"cmp"
	"slices"
	"strings"
)

// The relationship types of the graph. They are the Neo4j relationship
// types too, so the names read the same in the API and in Neo4j Browser.
const (
	RelAffiliatedWith = "AFFILIATED_WITH" // (Actor)->(Actor)
	RelAuthored       = "AUTHORED"        // (Actor)->(Plan)
	RelHasPoint       = "HAS_POINT"       // (Plan)->(Point)
	RelConcededBy     = "CONCEDED_BY"     // (Point)->(Actor)
	RelReportedIn     = "REPORTED_IN"     // (Point)->(Source)
	RelRevises        = "REVISES"         // (Plan)->(Plan)
	RelAccompanies    = "ACCOMPANIES"     // (Plan)->(Plan): a companion document to its plan
	RelAmends         = "AMENDS"          // (Point)->(Point)
	RelClaimed        = "CLAIMED"         // (Actor)->(Claim)
	RelAbout          = "ABOUT"           // (Claim)->(Actor|Point|Plan)
	RelCites          = "CITES"           // (Claim)->(Source)
	RelContradicts    = "CONTRADICTS"     // (Claim)->(Claim), both ways
	RelParticipatedIn = "PARTICIPATED_IN" // (Actor)->(Event)
	RelEvidencedBy    = "EVIDENCED_BY"    // (Event)->(Claim)
	// Stances are relationships named by their Position:
	// (Actor)-[:SUPPORTS|OPPOSES|CONDITIONAL|UNDECIDED]->(Point|Plan).
)

// Edge is one relationship of the graph, as visualizations draw it.
type Edge struct {
	// ID is stable: TYPE:source->target.
	ID     string
	Source string
	Target string
	Type   string
	// Evidence are the claims that attest the edge, in claim order (date,
	// undated last, then ID), by the rules of docs/rules.md; empty for an
	// edge that records background rather than something reported.
	Evidence []string
}

// GraphView is a set of nodes and the edges between them.
type GraphView struct {
	Nodes []Node
	Edges []Edge
	// Truncated is true when nodes within reach were left out to keep
	// within the query's MaxNodes.
	Truncated bool
}

// NeighbourhoodQuery asks for the part of the graph around a node.
type NeighbourhoodQuery struct {
	// Center is the node to start from.
	Center string
	// Depth is how many hops to go; 0 is the center alone.
	Depth int
	// Types are the relationship types to follow (RelationshipTypes);
	// empty follows all.
	Types []string
	// MaxNodes caps the number of nodes returned; 0 means no cap.
	MaxNodes int
}

// RelationshipTypes lists every relationship type of the graph, sorted.
func RelationshipTypes() []string {
	return []string{
		RelAbout, RelAccompanies, RelAffiliatedWith, RelAmends, RelAuthored, RelCites, RelClaimed,
		RelConcededBy, string(Conditional), RelContradicts, RelEvidencedBy, RelHasPoint,
		string(Opposes), RelParticipatedIn, RelReportedIn, RelRevises, string(Supports),
		string(Undecided),
	}
}

// Check validates the query: EINVALID for a negative depth or cap, or an
// unknown relationship type (the message lists the valid ones).
func (q NeighbourhoodQuery) Check() error {
	if q.Depth < 0 {
		return FieldErrorf(EINVALID, "depth", "depth must not be negative, got %d", q.Depth)
	}
	if q.MaxNodes < 0 {
		return FieldErrorf(EINVALID, "maxNodes", "maxNodes must not be negative, got %d", q.MaxNodes)
	}
	valid := RelationshipTypes()
	for _, t := range q.Types {
		if !contains(valid, t) {
			return FieldErrorf(EINVALID, "types", "%q is not a relationship type; the types are %s", t, strings.Join(valid, ", "))
		}
	}
	return nil
}

// Follows reports whether the query follows relationships of type t.
func (q NeighbourhoodQuery) Follows(t string) bool {
	return len(q.Types) == 0 || contains(q.Types, t)
}

func newEdge(typ, source, target string) Edge {
	return Edge{ID: typ + ":" + source + "->" + target, Source: source, Target: target, Type: typ}
}

// Edges derives every relationship of a dataset, sorted by ID, each with
// its evidence (docs/rules.md). The memory store walks these; the Neo4j
// store writes them as relationships. A contradiction is one edge, from the
// claim whose ID sorts first.
func (d *Dataset) Edges() []Edge {
	order := claimOrder(d.Claims)
	about := claimsAbout(d.Claims)
	// aboutBoth is the evidence of a background edge: the claims about
	// both of its ends.
	aboutBoth := func(a, b string) []string {
		var ids []string
		for _, c := range about[a] {
			if contains(c.AboutIDs, b) {
				ids = append(ids, c.ID)
			}
		}
		return ids
	}
	aboutOne := func(a string) []string {
		var ids []string
		for _, c := range about[a] {
			ids = append(ids, c.ID)
		}
		return ids
	}
	var es []Edge
	add := func(typ, source, target string, evidence []string) {
		e := newEdge(typ, source, target)
		e.Evidence = evidence
		es = append(es, e)
	}
	for _, a := range d.Actors {
		for _, f := range a.Affiliations {
			add(RelAffiliatedWith, a.ID, f.ActorID, aboutBoth(a.ID, f.ActorID))
		}
	}
	for _, p := range d.Plans {
		for _, id := range p.AuthorIDs {
			add(RelAuthored, id, p.ID, aboutBoth(id, p.ID))
		}
		if p.Revises != "" {
			add(RelRevises, p.ID, p.Revises, aboutBoth(p.ID, p.Revises))
		}
		if p.Accompanies != "" {
			add(RelAccompanies, p.ID, p.Accompanies, aboutBoth(p.ID, p.Accompanies))
		}
	}
	for _, p := range d.Points {
		add(RelHasPoint, p.PlanID, p.ID, aboutOne(p.ID))
		for _, id := range p.ConcededByIDs {
			add(RelConcededBy, p.ID, id, aboutOne(p.ID))
		}
		for _, id := range p.SourceIDs {
			add(RelReportedIn, p.ID, id, aboutOne(p.ID))
		}
		if p.Amends != "" {
			add(RelAmends, p.ID, p.Amends, aboutBoth(p.ID, p.Amends))
		}
	}
	for _, c := range d.Claims {
		own := []string{c.ID}
		if c.ClaimantID != "" {
			add(RelClaimed, c.ClaimantID, c.ID, own)
		}
		for _, id := range c.AboutIDs {
			add(RelAbout, c.ID, id, own)
		}
		seen := map[string]bool{}
		for _, ct := range c.Citations {
			if !seen[ct.SourceID] {
				add(RelCites, c.ID, ct.SourceID, own)
				seen[ct.SourceID] = true
			}
		}
		for _, o := range c.Contradicts {
			if c.ID < o {
				add(RelContradicts, c.ID, o, []string{c.ID, o})
			}
		}
	}
	for _, s := range d.Stances {
		add(string(s.Position), s.ActorID, s.TargetID, s.EvidenceIDs)
	}
	claims := make(map[string]*Claim, len(d.Claims))
	for _, c := range d.Claims {
		claims[c.ID] = c
	}
	// involving is the evidence of a participation: the event's claims
	// that name the participant (as claimant or subject), or all of them
	// when none does, so every participation still leads to a claim.
	involving := func(e *Event, actorID string) []string {
		var ids []string
		for _, id := range e.EvidenceIDs {
			if c, ok := claims[id]; ok && (c.ClaimantID == actorID || contains(c.AboutIDs, actorID)) {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			return e.EvidenceIDs
		}
		return ids
	}
	for _, e := range d.Events {
		for _, id := range e.ParticipantIDs {
			add(RelParticipatedIn, id, e.ID, involving(e, id))
		}
		for _, id := range e.EvidenceIDs {
			add(RelEvidencedBy, e.ID, id, []string{id})
		}
	}
	return dedupeEdges(sortedByID(es), order)
}

// sortedByID sorts edges by ID, edges of one ID in the order they were
// added, as dedupeEdges unites them. It sorts their positions, not the
// edges: a stable sort moves edges about far more, and was the largest
// part of listing the edges of a large dataset.
func sortedByID(es []Edge) []Edge {
	perm := make([]int, len(es))
	for i := range perm {
		perm[i] = i
	}
	slices.SortFunc(perm, func(a, b int) int {
		if c := strings.Compare(es[a].ID, es[b].ID); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out := make([]Edge, len(es))
	for i, p := range perm {
		out[i] = es[p]
	}
	return out
}

// dedupeEdges merges edges with one ID (an ID listed twice in the seeds),
// uniting their evidence, and puts each edge's evidence in claim order.
func dedupeEdges(es []Edge, order map[string]int) []Edge {
	out := es[:0]
	for i, e := range es {
		if i > 0 && e.ID == es[i-1].ID {
			last := &out[len(out)-1]
			last.Evidence = append(append([]string(nil), last.Evidence...), e.Evidence...)
			continue
		}
		out = append(out, e)
	}
	for i := range out {
		out[i].Evidence = inClaimOrder(out[i].Evidence, order)
	}
	return out
}
