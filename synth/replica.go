package synth

import (
	"fmt"
	"strings"
	"time"

	"github.com/peacegraph/peacegraph"
)

// A replica is one copy of the real record's shape: its own parties, plan
// and versions, sources, claims, stances, events and disputes, in the
// proportions of seeds/. A set of scale N is N replicas, each linked to
// the one before it (an affiliation, claims about its parties), so the
// graph is one connected whole rather than N islands.

// span is how many days a replica's record covers: dates are spread over
// months, so stance histories and as-of queries have ground to cover.
const span = 180

type replica struct {
	n    int    // 1-based number of the replica
	tag  string // "r3", the suffix that keeps IDs unique across replicas
	r    *rng
	name *namer
	base time.Time
	pubs []string
	d    *peacegraph.Dataset

	govs, orgs, people []*peacegraph.Actor
	capitals           []string
	cities             []string
	region             string
	// names fills templates with the replica's parties (fill).
	names *strings.Replacer
	// prevForum is the forum of the replica before this one (itself when
	// the set has one replica), which the link between replicas goes to.
	prevForum string
	// prevActors are actors of the previous replica that two of this
	// replica's claims are about.
	prevActors []string

	main, versionA, versionB, document *peacegraph.Plan
	points                             map[int]*peacegraph.Point // the main plan's, by number
	amending                           []*peacegraph.Point
	// companion accompanies main (Plan.Accompanies).
	companion *peacegraph.Plan

	sources []*genSource
	claims  []*genClaim
	seq     int // claims made so far
}

// genSource is a source with the day its story broke, which claims of the
// same days cite.
type genSource struct {
	*peacegraph.Source
	day int
	// text marks the sources whose full text is stored.
	text bool
}

// genClaim is a claim with what its text is composed from: its day (-1
// when undated) and the words of its claimant or source that a citation
// quotes.
type genClaim struct {
	*peacegraph.Claim
	day    int
	saying string
	// speaker is how a stored text introduces the words: the claimant's
	// name and role, or "" for the outlet's own reporting.
	speaker string
	// sentence, when set, is how a stored text prints the claim, with
	// {saying} where its words go, in quotation marks.
	sentence string
}

// The roster: fixed positions in each replica's lists, so that the plan,
// its points and the stances can name who plays which part.
const (
	govA        = 0 // the party asked to make most concessions
	govB        = 1 // the other party to the war
	govM        = 2 // the mediator whose envoys draft the plan
	govAllyLead = 3 // first of the allies (3..8 are in the bloc)

	orgBloc       = 0
	orgAlliance   = 1
	orgPartners   = 2
	orgPresidency = 3 // of B
	orgForeignB   = 4
	orgForeignM   = 5
	orgSecurityA  = 6
	orgParliament = 7 // of M
	orgForum      = 8 // the body that links replicas
	orgEnergyB    = 9
	orgIntelA     = 10
	orgRelief     = 11

	// People, by their place in the list of actors.go.
	headA, headB       = 0, 1
	envoyM             = 3
	envoyB             = 5
	foreignA, foreignB = 6, 7
	secretaryM         = 8
	spokesPresidency   = 9
	spokesForeignB     = 10
	defenceA           = 13
	allyLeader1        = 18
	senator1, senator2 = 22, 23
	aideB              = 24
	pressM             = 26
)

func newReplica(cfg Config, n int, pubs []string) *replica {
	r := newRNG(cfg.Seed, uint64(n))
	w := &replica{
		n:    n,
		tag:  fmt.Sprintf("r%d", n),
		r:    r,
		name: &namer{r: r, used: map[string]bool{}},
		base: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*((n-1)%104)),
		d:    &peacegraph.Dataset{},
	}
	w.pubs = sample(newRNG(cfg.Seed, uint64(n)|1<<61), pubs, 110)
	prev := n - 1
	if prev < 1 {
		prev = cfg.Scale
	}
	w.prevForum, w.prevActors = linkTo(cfg, prev)
	return w
}

// build makes the whole replica, in an order where everything a part
// refers to already exists.
func (w *replica) build() *peacegraph.Dataset {
	w.actors()
	w.link()
	w.makeSources()
	w.plans()
	w.record()
	w.storeTexts()
	w.citeAll()
	for _, c := range w.claims {
		w.d.Claims = append(w.d.Claims, c.Claim)
	}
	for _, s := range w.sources {
		w.d.Sources = append(w.d.Sources, s.Source)
	}
	return w.d
}

// linkTo returns the IDs in replica n that the next replica links to: its
// forum, and two of its parties. They are made by the first steps of the
// replica alone (its main random stream starts with the actors), so no
// replica needs another to be built.
func linkTo(cfg Config, n int) (forum string, actors []string) {
	w := &replica{n: n, tag: fmt.Sprintf("r%d", n), d: &peacegraph.Dataset{}}
	w.r = newRNG(cfg.Seed, uint64(n))
	w.name = &namer{r: w.r, used: map[string]bool{}}
	w.actors()
	return w.orgs[orgForum].ID, []string{w.govs[govA].ID, w.people[headB].ID}
}

func (w *replica) id(parts ...string) string {
	s := ""
	for _, p := range parts {
		if p = slug(p); p != "" {
			if s != "" {
				s += "-"
			}
			s += p
		}
	}
	return s + "-" + w.tag
}

// date is the day'th day of the replica's record.
func (w *replica) date(day int) peacegraph.Date {
	if day < 0 {
		return ""
	}
	return peacegraph.Date(w.base.AddDate(0, 0, day).Format(peacegraph.DateLayout))
}

// longDate is a date as an article writes it: "14 March 2024".
func (w *replica) longDate(day int) string {
	return w.base.AddDate(0, 0, day).Format("2 January 2006")
}
