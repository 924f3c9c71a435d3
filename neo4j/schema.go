package neo4j

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// nodeLabel is carried by every node of the graph besides its kind's
// label, so that a lookup by ID across kinds (node(id:), paths) uses one
// unique index.
const nodeLabel = "Node"

// fulltextIndex is the full-text index Search fetches candidates from.
const fulltextIndex = "node_text"

// schema is applied at every Open. Each statement is idempotent (IF NOT
// EXISTS), so opening a store against an existing database changes
// nothing.
var schema = []string{
	"CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT point_id IF NOT EXISTS FOR (n:Point) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT dispute_id IF NOT EXISTS FOR (n:Dispute) REQUIRE n.id IS UNIQUE",
	// One lock node, however many loads merge it at once.
	"CREATE CONSTRAINT load_lock_id IF NOT EXISTS FOR (n:PeacegraphLoad) REQUIRE n.id IS UNIQUE",
	// Staged nodes are found by element ID, and an index on their label
	// would cost the switch that brings them into view (staging.go).
	"DROP INDEX staged_id IF EXISTS",
	// A load reads back the units of the buckets that changed
	// (buckets.go).
	"CREATE INDEX node_bucket IF NOT EXISTS FOR (n:Node) ON (n.bucket)",
	// The sort keys make every paged list an index-ordered range scan.
	"CREATE INDEX actor_sort IF NOT EXISTS FOR (n:Actor) ON (n.sortKey)",
	"CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)",
	"CREATE INDEX plan_seq IF NOT EXISTS FOR (n:Plan) ON (n.seq)",
	"CREATE INDEX plan_date IF NOT EXISTS FOR (n:Plan) ON (n.date)",
	"CREATE INDEX point_plan_number IF NOT EXISTS FOR (n:Point) ON (n.plan, n.number)",
	"CREATE INDEX claim_sort IF NOT EXISTS FOR (n:Claim) ON (n.sortKey)",
	"CREATE INDEX claim_certainty IF NOT EXISTS FOR (n:Claim) ON (n.certainty)",
	"CREATE INDEX source_sort IF NOT EXISTS FOR (n:Source) ON (n.sortKey)",
	"CREATE INDEX event_sort IF NOT EXISTS FOR (n:Event) ON (n.sortKey)",
	// A claimant's claims in claim order, as one range of an index.
	"CREATE INDEX claimed_claimant_sort IF NOT EXISTS FOR ()-[r:CLAIMED]-() ON (r.claimant, r.sortKey)",
	// The stance spans that start on the days a change query asks for.
	"CREATE INDEX held_from IF NOT EXISTS FOR ()-[r:HELD]-() ON (r.from)",
	// searchText holds exactly the fields Search looks in (names, aliases,
	// titles, summaries, claim texts, quotes) and not, say, a source's
	// full text, so that candidates match what the ranking scores.
	// An index of an earlier schema, over fewer labels, gives way to it.
	// It is eventually consistent: a transaction hands its changes to the
	// index after it commits rather than holding them, which is what lets
	// a large load's last transaction bring thousands of nodes into view
	// within Neo4j's transaction memory; a load waits for the index to
	// catch up before it returns (awaitSearchIndex).
	"DROP INDEX node_search IF EXISTS",
	"DROP INDEX search_text IF EXISTS",
	"CREATE FULLTEXT INDEX node_text IF NOT EXISTS FOR (n:Actor|Plan|Point|Claim|Source|Event|Dispute) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: true}}",
	// New indexes populate in the background; wait, so that the first
	// query after Open already sees them.
	"CALL db.awaitIndexes(300)",
}

// awaitSearchIndex waits until the full-text index holds every committed
// change, so that a search right after a load finds what it wrote.
const awaitSearchIndex = "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()"

// applySchema runs each schema statement in its own transaction, since
// Neo4j does not mix schema changes with other work in one.
// alreadyThere are the codes Neo4j gives when a schema rule being created
// exists already, or an equivalent one does.
var alreadyThere = map[string]bool{
	"Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists": true,
	"Neo.ClientError.Schema.IndexAlreadyExists":                true,
	"Neo.ClientError.Schema.ConstraintAlreadyExists":           true,
}

func (s *Store) applySchema(ctx context.Context) error {
	for _, stmt := range schema {
		s.queries.Add(1)
		_, err := neo4j.ExecuteQuery(ctx, s.driver, stmt, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
		var neoErr *neo4j.Neo4jError
		if errors.As(err, &neoErr) && alreadyThere[neoErr.Code] {
			// Another process (a second server, a load) created the
			// same index or constraint at the same moment: IF NOT
			// EXISTS checks before it creates, not atomically.
			continue
		}
		if err != nil {
			return s.mapError(err)
		}
	}
	return nil
}
