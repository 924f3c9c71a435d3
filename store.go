package peacegraph

import (
	"context"
)

// Store holds the graph and answers every read the API makes. Two
// implementations exist, memory.Store and neo4j.Store, and storetest.Run
// holds both to the same answers.
//
// Reads are shaped so that Neo4j answers each with one Cypher query, and so
// that the API asks once for every parent of a level of a query: lookups
// take many IDs at once and return results aligned with the IDs asked for.
//
// Every list has one defined order, the same in every store:
//   - actors: by Name, then ID (affiliations keep their seed order);
//   - plans: by Seq (load order); points: by plan Seq, then Number;
//   - claims, events and sources: by date (Claim.Date, Event.Date,
//     Source.Published) ascending, undated last, then ID;
//   - stances: by actor Name, actor ID, target ID, then Position;
//   - disputes: by ID;
//   - search hits: by score descending, then Kind, then ID.
//
// Errors: every method may return EUNAVAILABLE when the backing service
// cannot be reached, and EINTERNAL for anything unexpected.
type Store interface {
	// Load makes the store hold exactly the dataset: nodes not in it are
	// removed, the rest written. It is atomic (on any error the store is
	// unchanged) and idempotent. It completes and validates the dataset
	// first and returns EINVALID (wrapping Problems) when it breaks a rule.
	// ReportTo receives what it changed, per kind; reloading the dataset a
	// store already holds changes, and writes, nothing. With Adding, d
	// holds only new sources, claims, events and stances (ReadAddition
	// says which), and the store holds the union of what it held and d,
	// as a Load of the union would leave it; a d that is no such addition
	// gives ErrNotAddition and changes nothing.
	Load(ctx context.Context, d *Dataset, opts ...LoadOption) error

	// SeedDigest returns the digest of the seed files the store holds
	// (FromSeeds), "" when it cannot vouch for one: the last load was
	// given none, or anything but a load that kept digests changed the
	// store since. A dry run or a failed load leaves it as it was.
	SeedDigest(ctx context.Context) (string, error)

	// Ping returns nil when the store can answer reads.
	Ping(ctx context.Context) error

	// Nodes returns the node of each ID, aligned with ids; nil where an ID
	// is unknown. It never returns ENOTFOUND.
	Nodes(ctx context.Context, ids []string) ([]Node, error)

	// Actors lists actors, optionally of one kind, a page at a time.
	// EINVALID for a bad cursor or a negative First.
	Actors(ctx context.Context, q ActorQuery) (*ActorPage, error)

	// Members returns, for each actor ID, the IDs of the actors affiliated
	// with it (the inverse of Affiliations), in actor order, aligned with
	// ids.
	Members(ctx context.Context, ids []string) ([][]string, error)

	// Plans lists all plans by Seq.
	Plans(ctx context.Context) ([]*Plan, error)

	// Revisions returns, for each plan ID, the IDs of the plans that
	// revise it, by Seq, aligned with ids.
	Revisions(ctx context.Context, ids []string) ([][]string, error)

	// Companions returns, for each plan ID, the IDs of the plans that
	// accompany it (Plan.Accompanies), by Seq, aligned with ids; an
	// unknown ID has none. It returns no error of its own beyond
	// EUNAVAILABLE and EINTERNAL.
	Companions(ctx context.Context, ids []string) ([][]string, error)

	// Amenders returns, for each point ID, the IDs of the points of later
	// plans that amend it, by their plan's Seq, then Number, aligned with
	// ids.
	Amenders(ctx context.Context, ids []string) ([][]string, error)

	// DefaultPlan returns the plan loaded first (the lowest Seq) among
	// those that accompany no other (peacegraph.DefaultPlan), which a plan
	// argument left out means; nil when no plan is loaded. It costs one
	// plan however many there are.
	DefaultPlan(ctx context.Context) (*Plan, error)

	// Points returns, for each plan ID, its points that pass the filter,
	// aligned with planIDs. An empty plan ID means the default plan; an
	// unknown one has no points. Where the context's Includes ask, the
	// actors conceding the points and the plans themselves (those of the
	// IDs that name a plan) go to its Related, and so do the points'
	// stances (Includes.PointStances: what Stances answers for that
	// filter with the points as targets, in its order).
	Points(ctx context.Context, planIDs []string, f PointFilter) ([][]*Point, error)

	// PointByNumber returns a plan's point by number ("" plan: the default
	// plan). ENOTFOUND when the plan or the point does not exist, with the
	// field "plan" or "number" (NoPlanError, NoPointError).
	PointByNumber(ctx context.Context, planID string, number int) (*Point, error)

	// Stances lists the stances that pass the filter. Without f.All they
	// are the effective stances as of f.AsOf (docs/rules.md,
	// EffectiveStances: each a copy with only the evidence counted and
	// AsOf recomputed), chosen before the position filter applies; with
	// f.All, every stance as stored. Either way StanceFilter.Apply gives
	// the answer from the stances of the filter's actors and targets.
	// With f.Point, the errors are PointByNumber's.
	Stances(ctx context.Context, f StanceFilter) ([]*Stance, error)

	// Claims answers many claim queries at once, aligned with qs; each is
	// one page of a connection. EINVALID for a bad cursor or a negative
	// First.
	Claims(ctx context.Context, qs []ClaimQuery) ([]*ClaimPage, error)

	// Contradictions returns, for each claim ID, the IDs of the claims that
	// contradict it (symmetric), in claim order, aligned with ids.
	Contradictions(ctx context.Context, ids []string) ([][]string, error)

	// Sources lists all sources.
	Sources(ctx context.Context) ([]*Source, error)

	// Events lists all events.
	Events(ctx context.Context) ([]*Event, error)

	// ActorEvents returns, for each actor ID, the IDs of the events it took
	// part in, in event order, aligned with ids.
	ActorEvents(ctx context.Context, ids []string) ([][]string, error)

	// Search finds nodes whose names, aliases, titles, summaries, claim
	// texts or quotes contain the query's words, case-insensitively.
	// Matching, scores and snippets follow the rules of SearchNodes.
	// EINVALID for text without words or a negative First.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)

	// Path returns a shortest undirected connection from one node to
	// another of at most maxHops hops; nil when there is none. Among
	// shortest paths it returns the one whose list of node IDs sorts first,
	// and for each hop the relationship type that sorts first, with the
	// evidence of the relationships of that type joining the two nodes
	// (both directions united, in claim order). ENOTFOUND
	// when either node does not exist; EINVALID when maxHops < 1.
	Path(ctx context.Context, from, to string, maxHops int) ([]PathStep, error)

	// Neighbourhood returns the part of the graph around q.Center: the
	// nodes reached within q.Depth hops over relationships of q.Types (all
	// types when empty), ordered by distance, then Kind, then ID, cut to
	// the first q.MaxNodes (0: no cap; Truncated says whether any node was
	// cut), and the relationships of those types between the nodes kept,
	// by ID, each with its evidence. ENOTFOUND when the center does not
	// exist; EINVALID for a negative depth or cap, or an unknown
	// relationship type (NeighbourhoodQuery.Check).
	Neighbourhood(ctx context.Context, q NeighbourhoodQuery) (*GraphView, error)

	// Disputes returns the disputes about a plan or any of its points, by
	// ID; planID "" returns every dispute, an unknown plan none.
	Disputes(ctx context.Context, planID string) ([]*Dispute, error)

	// Changes returns what changed in the record from q.Since to q.Until,
	// day by day (docs/rules.md, "What changed since a day"): the answer
	// of ChangeDays on a ChangeRecord read from index ranges, each cut at
	// q.Limits.Entries plus one. EINVALID, naming the argument, for a bad
	// range (ChangeQuery.Check, Resolve) or one that holds more than the
	// limits allow (ChangeDays).
	Changes(ctx context.Context, q ChangeQuery) ([]*ChangeDay, error)

	// Close releases the store's resources.
	Close() error
}

// ActorQuery asks for one page of actors.
type ActorQuery struct {
	// Kind, when set, keeps only actors of that kind.
	Kind  ActorKind
	First int
	// After is the cursor of the last actor of the previous page, or "".
	After string
}

// ActorPage is one page of actors.
type ActorPage struct {
	Actors      []*Actor
	TotalCount  int
	HasNextPage bool
}

// ClaimQuery asks for one page of claims that pass a filter.
type ClaimQuery struct {
	Filter ClaimFilter
	First  int
	// After is the cursor of the last claim of the previous page, or "".
	After string
}

// ClaimPage is one page of claims.
type ClaimPage struct {
	Claims      []*Claim
	TotalCount  int
	HasNextPage bool
}

// SearchQuery asks for the best matches of a text.
type SearchQuery struct {
	Text  string
	First int
}

// SearchHit is one node that matches a search, with how well it matches.
type SearchHit struct {
	NodeID string
	Kind   Kind
	Score  float64
	// Snippet is the matching text with the match marked, where known.
	Snippet string
}

// PathStep is one hop of a path: the relationship crossed and the node it
// leads to.
type PathStep struct {
	Relation string
	NodeID   string
	// Evidence are the claims that attest the edge crossed (Edge.Evidence).
	Evidence []string
}

// RequestScoper is a Store that serves the reads of one request better
// together than apart: the Neo4j store runs them in one session, one
// round trip each. The API begins a scope per
// request where the store offers one.
type RequestScoper interface {
	// BeginRequest returns a context whose reads share one scope, and the
	// function that ends it; call it once the request has its answer. The
	// function may return before the scope's resources are released, in
	// the background; Close waits for them.
	BeginRequest(ctx context.Context) (context.Context, func())
}
