package memory

import (
	"cmp"
	"slices"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// snapshot is one loaded dataset with the indexes every read needs. It is
// built once by Load and never changed afterwards, which is what lets
// readers use it without holding a lock.
//
// The indexes are what make a read cost in proportion to its answer
// rather than to the data: every list a query can ask for is kept in the
// order the API returns it, so a read looks up its list and cuts its page.
// Index lists hold positions (int32) into the sorted lists rather than
// pointers: half the memory, and ascending positions are the list's order.
type snapshot struct {
	// data is the completed dataset the snapshot indexes, which an
	// addition extends.
	data  *peacegraph.Dataset
	nodes map[string]peacegraph.Node
	// all holds every node, by ID; the search index refers to them by
	// position.
	all    []peacegraph.Node
	search searchIndex

	actors       sorted[*peacegraph.Actor] // by ActorKey
	actorsByKind map[peacegraph.ActorKind][]int32

	plans []*peacegraph.Plan // by Seq
	// points maps a plan ID to its points, by Number.
	points map[string][]*peacegraph.Point

	claims            sorted[*peacegraph.Claim] // by ClaimKey
	claimsByClaimant  map[string][]int32
	claimsByAbout     map[string][]int32
	claimsBySource    map[string][]int32
	claimsByCertainty map[peacegraph.Certainty][]int32

	sources []*peacegraph.Source // by SourceKey
	events  []*peacegraph.Event  // by EventKey

	stances []*peacegraph.Stance // by actor name, actor ID, target ID, position
	// stancesByActor and stancesByTarget index stances.
	stancesByActor, stancesByTarget map[string][]int32
	// effective are the effective stances with no date limit
	// (peacegraph.EffectiveStances of every stance), in stance order, and
	// effectiveByActor and effectiveByTarget index them: the stances most
	// reads ask for, decided once instead of on every read.
	effective                           []*peacegraph.Stance
	effectiveByActor, effectiveByTarget map[string][]int32

	disputes []*peacegraph.Dispute // by ID
	// disputesAbout maps every ID a dispute names in AboutIDs, and the
	// plan of every point it names, to the disputes, by ID.
	disputesAbout map[string][]*peacegraph.Dispute
	// changes is what change queries read (changes.go).
	changes *changeIndex

	members        map[string][]string // actor ID -> member actor IDs, in actor order
	actorEvents    map[string][]string // actor ID -> event IDs, in event order
	contradictions map[string][]string // claim ID -> claim IDs, in claim order
	revisions      map[string][]string // plan ID -> IDs of the plans revising it, by Seq
	companions     map[string][]string // plan ID -> IDs of the plans accompanying it, by Seq
	amenders       map[string][]string // point ID -> IDs of the points amending it, by plan Seq, then Number

	edges []peacegraph.Edge // by ID
	// adj maps a node to its neighbours, sorted by ID, each with the
	// relationship type that sorts first among the edges joining them.
	adj map[string][]neighbour
	// out and in map a node to the edges it is the source, or the
	// target, of, as positions in edges, ascending: so the edges of a node
	// are found in both, and every edge once in out.
	out, in map[string][]int32
}

// neighbour is one node next to another and how they are joined.
type neighbour struct {
	id       string
	relation string
	// evidence attests the edges of that relationship type between the
	// two, in claim order.
	evidence []string
}

// newSnapshot indexes a completed, valid dataset. Every step is a sort or
// a pass over the data, so building takes O(n log n) in its size.
func newSnapshot(d *peacegraph.Dataset) *snapshot {
	s := &snapshot{
		data:    d,
		nodes:   d.Nodes(),
		actors:  newSorted(d.Actors, peacegraph.ActorKey),
		plans:   slices.Clone(d.Plans),
		points:  make(map[string][]*peacegraph.Point),
		claims:  newSorted(nilIfEmpty(d.Claims), peacegraph.ClaimKey),
		sources: newSorted(d.Sources, peacegraph.SourceKey).items,
		events:  newSorted(d.Events, peacegraph.EventKey).items,
		edges:   d.Edges(),
	}
	s.all = make([]peacegraph.Node, 0, len(s.nodes))
	for _, n := range s.nodes {
		s.all = append(s.all, n)
	}
	slices.SortFunc(s.all, func(a, b peacegraph.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
	s.search = newSearchIndex(s.all)

	s.actorsByKind = make(map[peacegraph.ActorKind][]int32)
	for i, a := range s.actors.items {
		s.actorsByKind[a.Kind] = append(s.actorsByKind[a.Kind], int32(i))
	}
	slices.SortStableFunc(s.plans, func(a, b *peacegraph.Plan) int { return cmp.Compare(a.Seq, b.Seq) })
	for _, p := range d.Points {
		s.points[p.PlanID] = append(s.points[p.PlanID], p)
	}
	for _, ps := range s.points {
		slices.SortFunc(ps, func(a, b *peacegraph.Point) int { return cmp.Compare(a.Number, b.Number) })
	}
	s.indexClaims()
	s.indexStances(d.Stances)
	s.indexDisputes(d.Disputes, d.Points)
	s.changes = newChangeIndex(s, d.Stances)
	s.indexLists()
	s.indexEdges()
	return s
}

// nilIfEmpty turns an empty list into nil: the claim scan these indexes
// replace gave no page at all, not an empty one, when there were no claims.
func nilIfEmpty[T any](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

// indexClaims lists the claims of each claimant, subject, cited source and
// certainty, each list in claim order.
func (s *snapshot) indexClaims() {
	s.claimsByClaimant = make(map[string][]int32)
	s.claimsByAbout = make(map[string][]int32)
	s.claimsBySource = make(map[string][]int32)
	s.claimsByCertainty = make(map[peacegraph.Certainty][]int32)
	for i, c := range s.claims.items {
		pos := int32(i)
		if c.ClaimantID != "" {
			s.claimsByClaimant[c.ClaimantID] = append(s.claimsByClaimant[c.ClaimantID], pos)
		}
		for _, id := range c.AboutIDs {
			s.claimsByAbout[id] = appendPos(s.claimsByAbout[id], pos)
		}
		for _, ct := range c.Citations {
			s.claimsBySource[ct.SourceID] = appendPos(s.claimsBySource[ct.SourceID], pos)
		}
		s.claimsByCertainty[c.Certainty] = append(s.claimsByCertainty[c.Certainty], pos)
	}
}

// indexStances sorts the stances, decides the effective ones without a
// date limit, and indexes both by actor and by target.
func (s *snapshot) indexStances(stances []*peacegraph.Stance) {
	name := make(map[string]string, len(s.actors.items))
	for _, a := range s.actors.items {
		name[a.ID] = a.Name
	}
	s.stances = slices.Clone(stances)
	slices.SortFunc(s.stances, func(a, b *peacegraph.Stance) int {
		return cmp.Or(
			strings.Compare(name[a.ActorID], name[b.ActorID]),
			strings.Compare(a.ActorID, b.ActorID),
			strings.Compare(a.TargetID, b.TargetID),
			cmp.Compare(a.Position, b.Position),
		)
	})
	s.stancesByActor, s.stancesByTarget = indexStanceList(s.stances)
	s.effective = peacegraph.EffectiveStances(s.stances, "")
	s.effectiveByActor, s.effectiveByTarget = indexStanceList(s.effective)
}

func indexStanceList(stances []*peacegraph.Stance) (byActor, byTarget map[string][]int32) {
	byActor, byTarget = make(map[string][]int32), make(map[string][]int32)
	for i, st := range stances {
		byActor[st.ActorID] = append(byActor[st.ActorID], int32(i))
		byTarget[st.TargetID] = append(byTarget[st.TargetID], int32(i))
	}
	return byActor, byTarget
}

// indexDisputes sorts the disputes by ID and files each under every ID it
// is about and the plan of every point among them, which is what
// peacegraph.DisputesAbout tests one dispute at a time.
func (s *snapshot) indexDisputes(disputes []*peacegraph.Dispute, points []*peacegraph.Point) {
	planOf := make(map[string]string, len(points))
	for _, p := range points {
		if _, ok := planOf[p.ID]; !ok {
			planOf[p.ID] = p.PlanID
		}
	}
	s.disputes = slices.Clone(disputes)
	slices.SortFunc(s.disputes, func(a, b *peacegraph.Dispute) int { return strings.Compare(a.ID, b.ID) })
	s.disputesAbout = make(map[string][]*peacegraph.Dispute)
	file := func(key string, d *peacegraph.Dispute) {
		if l := s.disputesAbout[key]; len(l) == 0 || l[len(l)-1] != d {
			s.disputesAbout[key] = append(l, d)
		}
	}
	for _, d := range s.disputes {
		for _, id := range d.AboutIDs {
			file(id, d)
			if plan, ok := planOf[id]; ok {
				file(plan, d)
			}
		}
	}
}

// indexLists builds the ID lists answered by lookup: members, events of an
// actor, contradictions, revisions, companions and amendments.
func (s *snapshot) indexLists() {
	// Plans are in Seq order, so each plan's revisions are too.
	s.revisions = make(map[string][]string)
	s.companions = make(map[string][]string)
	var points []*peacegraph.Point
	for _, p := range s.plans {
		if p.Revises != "" {
			s.revisions[p.Revises] = append(s.revisions[p.Revises], p.ID)
		}
		if p.Accompanies != "" {
			s.companions[p.Accompanies] = append(s.companions[p.Accompanies], p.ID)
		}
		points = append(points, s.points[p.ID]...)
	}
	s.amenders = make(map[string][]string)
	for id, list := range peacegraph.Amendments(s.plans, points) {
		for _, p := range list {
			s.amenders[id] = append(s.amenders[id], p.ID)
		}
	}
	s.members = make(map[string][]string)
	s.actorEvents = make(map[string][]string)
	s.contradictions = make(map[string][]string)
	for _, a := range s.actors.items {
		for _, f := range a.Affiliations {
			s.members[f.ActorID] = appendNew(s.members[f.ActorID], a.ID)
		}
	}
	for _, e := range s.events {
		for _, id := range e.ParticipantIDs {
			s.actorEvents[id] = appendNew(s.actorEvents[id], e.ID)
		}
	}
	for _, c := range s.claims.items {
		for _, o := range c.Contradicts {
			s.contradictions[o] = appendNew(s.contradictions[o], c.ID)
		}
	}
}

// indexEdges builds the neighbour lists and the edges out of and into
// every node.
func (s *snapshot) indexEdges() {
	rank := make(map[string]int, len(s.claims.items))
	for i, c := range s.claims.items {
		rank[c.ID] = i
	}
	s.adj = adjacency(s.edges, rank)
	s.out, s.in = make(map[string][]int32), make(map[string][]int32)
	for i, e := range s.edges {
		s.out[e.Source] = append(s.out[e.Source], int32(i))
		s.in[e.Target] = append(s.in[e.Target], int32(i))
	}
}

// mergeClaims unites two lists of claim IDs in claim order (rank).
func mergeClaims(a, b []string, rank map[string]int) []string {
	out := slices.Clone(a)
	for _, id := range b {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.SortFunc(out, func(x, y string) int { return cmp.Compare(rank[x], rank[y]) })
	return out
}

// appendNew appends id unless it is already last: the lists are built in
// order, so a repeat can only be the previous entry.
func appendNew(list []string, id string) []string {
	if len(list) > 0 && list[len(list)-1] == id {
		return list
	}
	return append(list, id)
}

// adjacency turns the edges into an undirected neighbour list. Two nodes
// joined by edges of one type both ways (two actors affiliated with each
// other) get the evidence of both, in claim order. It numbers the nodes in
// ID order, sorts one list of both ends of every edge by node, neighbour,
// type and edge, and keeps the first type of each pair.
func adjacency(edges []peacegraph.Edge, rank map[string]int) map[string][]neighbour {
	number := make(map[string]int32)
	var ids []string
	for _, e := range edges {
		for _, id := range []string{e.Source, e.Target} {
			if _, ok := number[id]; !ok {
				number[id] = 0
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	for i, id := range ids {
		number[id] = int32(i)
	}
	type end struct {
		node, other, edge int32
	}
	ends := make([]end, 0, 2*len(edges))
	for i, e := range edges {
		if e.Source == e.Target {
			continue
		}
		s, t := number[e.Source], number[e.Target]
		ends = append(ends, end{s, t, int32(i)}, end{t, s, int32(i)})
	}
	slices.SortFunc(ends, func(a, b end) int {
		return cmp.Or(cmp.Compare(a.node, b.node), cmp.Compare(a.other, b.other),
			strings.Compare(edges[a.edge].Type, edges[b.edge].Type), cmp.Compare(a.edge, b.edge))
	})
	adj := make(map[string][]neighbour, len(ids))
	for i := 0; i < len(ends); {
		node := ends[i].node
		j := i
		for j < len(ends) && ends[j].node == node {
			j++
		}
		ns := make([]neighbour, 0, j-i)
		for k := i; k < j; k++ {
			e := &edges[ends[k].edge]
			n := neighbour{id: ids[ends[k].other], relation: e.Type, evidence: e.Evidence}
			last := len(ns) - 1
			switch {
			case last < 0 || ns[last].id != n.id:
				ns = append(ns, n)
			case ns[last].relation == n.relation:
				ns[last].evidence = mergeClaims(ns[last].evidence, n.evidence, rank)
			}
		}
		adj[ids[node]] = ns
		i = j
	}
	return adj
}
