package peacegraph

import (
	"sort"
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
}

// GraphView is a set of nodes and the edges between them.
type GraphView struct {
	Nodes []Node
	Edges []Edge
}

func newEdge(typ, source, target string) Edge {
	return Edge{ID: typ + ":" + source + "->" + target, Source: source, Target: target, Type: typ}
}

// Edges derives every relationship of a dataset, sorted by ID. The memory
// store walks these; the Neo4j store writes them as relationships. A
// contradiction is one edge, from the claim whose ID sorts first.
func (d *Dataset) Edges() []Edge {
	var es []Edge
	for _, a := range d.Actors {
		for _, f := range a.Affiliations {
			es = append(es, newEdge(RelAffiliatedWith, a.ID, f.ActorID))
		}
	}
	for _, p := range d.Plans {
		for _, id := range p.AuthorIDs {
			es = append(es, newEdge(RelAuthored, id, p.ID))
		}
		if p.Revises != "" {
			es = append(es, newEdge(RelRevises, p.ID, p.Revises))
		}
	}
	for _, p := range d.Points {
		es = append(es, newEdge(RelHasPoint, p.PlanID, p.ID))
		for _, id := range p.ConcededByIDs {
			es = append(es, newEdge(RelConcededBy, p.ID, id))
		}
		for _, id := range p.SourceIDs {
			es = append(es, newEdge(RelReportedIn, p.ID, id))
		}
		if p.Amends != "" {
			es = append(es, newEdge(RelAmends, p.ID, p.Amends))
		}
	}
	for _, c := range d.Claims {
		if c.ClaimantID != "" {
			es = append(es, newEdge(RelClaimed, c.ClaimantID, c.ID))
		}
		for _, id := range c.AboutIDs {
			es = append(es, newEdge(RelAbout, c.ID, id))
		}
		seen := map[string]bool{}
		for _, ct := range c.Citations {
			if !seen[ct.SourceID] {
				es = append(es, newEdge(RelCites, c.ID, ct.SourceID))
				seen[ct.SourceID] = true
			}
		}
		for _, o := range c.Contradicts {
			if c.ID < o {
				es = append(es, newEdge(RelContradicts, c.ID, o))
			}
		}
	}
	for _, s := range d.Stances {
		es = append(es, newEdge(string(s.Position), s.ActorID, s.TargetID))
	}
	for _, e := range d.Events {
		for _, id := range e.ParticipantIDs {
			es = append(es, newEdge(RelParticipatedIn, id, e.ID))
		}
		for _, id := range e.EvidenceIDs {
			es = append(es, newEdge(RelEvidencedBy, e.ID, id))
		}
	}
	sort.Slice(es, func(i, j int) bool { return es[i].ID < es[j].ID })
	return dedupeEdges(es)
}

func dedupeEdges(es []Edge) []Edge {
	out := es[:0]
	for i, e := range es {
		if i > 0 && e.ID == es[i-1].ID {
			continue
		}
		out = append(out, e)
	}
	return out
}
