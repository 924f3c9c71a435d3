package neo4j

import (
	"context"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
)

// DefaultDatabase is the database used when Config.Database is empty; it is
// the one database every Neo4j Community server has.
const DefaultDatabase = "neo4j"

// Config says how to reach Neo4j. An empty Username means no
// authentication, as on a development server.
type Config struct {
	URI      string
	Username string
	Password string
	// Database is named on every query, so a server's default database
	// setting never decides where the graph goes.
	Database string
	// Profile runs every read under PROFILE and counts its db hits into
	// the request's peacegraph.QueryStats: for benchmarks and tests that
	// measure what a request costs, never for production, since PROFILE
	// makes every statement slower.
	Profile bool
	// LoadBatch is how many rows (nodes and relationships) one
	// transaction of a large load writes (DefaultLoadBatch when 0). A load
	// that writes more is staged (staging.go), so that no transaction
	// outgrows Neo4j's transaction memory limit.
	LoadBatch int
	// LoadSessions is how many sessions write a staged load's batches
	// side by side (DefaultLoadSessions when 0).
	LoadSessions int
	// ConnectTimeout bounds opening a connection and waiting for one
	// from the pool (DefaultConnectTimeout when 0). RetryTime is how long
	// the driver retries a transaction that failed for a transient reason;
	// 0 means it does not. The driver's own defaults, 1 minute and 30
	// seconds with a pause of about a second before each retry, make a
	// request during an outage hang for most of a minute and then look
	// like a bug; a request fails fast as unavailable instead (its client
	// may retry), and no retries queue up to slow the recovery. A load,
	// which nobody waits on answer by answer, retries.
	ConnectTimeout time.Duration
	RetryTime      time.Duration
}

// DefaultConnectTimeout is the default of Config.ConnectTimeout: with no
// retries, a request during an outage is answered unavailable within a
// second.
const DefaultConnectTimeout = 800 * time.Millisecond

// livenessCheckAfter is how long a pooled connection may sit idle before
// the driver checks it is alive before use: after Neo4j restarts, every
// pooled connection is dead, and without the check each would fail one
// request. Under load connections are reused long before this.
const livenessCheckAfter = 5 * time.Second

// DefaultLoadBatch keeps each transaction that stages a large load at a
// few hundred MiB (about 320 for 20,000 claims or sources), well under
// what the project's own Neo4j allows one transaction.
const DefaultLoadBatch = 20000

// DefaultLoadSessions stages a large load on two sessions. Each
// statement runs on one Neo4j thread; with one session, Neo4j's second
// core waits while a transaction commits or the next batch's rows
// travel. Two made a load of 1000 times the seeds 5 to 10% faster than
// one, side by side on a 2-core machine (make bench-load). Two staging
// transactions at once hold about twice what one does (DefaultLoadBatch),
// within the 2.5 GiB the project's Neo4j allows all transactions together.
const DefaultLoadSessions = 2

// Store is a peacegraph.Store on Neo4j. It is safe for concurrent use; a
// process needs only one, since the driver inside pools its connections.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	uri    string
	log    zerolog.Logger
	// bookmarks chain every session of the store, so that a read after a
	// load sees that load even where a cluster routes it to a follower.
	bookmarks    neo4j.BookmarkManager
	profile      bool
	loadBatch    int
	loadSessions int
	// queries counts the Cypher statements sent, so tests can show that a
	// request costs a bounded number of them.
	queries atomic.Int64
	// nodeMaps are the node projections of the selections seen.
	nodeMaps nodeMaps
	// ending counts the request sessions being closed in the
	// background, which Close waits for.
	ending sync.WaitGroup
}

var _ peacegraph.Store = (*Store)(nil)

// Open connects to Neo4j, checks that it answers, and applies the schema
// (constraints and indexes) idempotently. It returns EUNAVAILABLE, naming
// the URI, when the server cannot be reached.
func Open(ctx context.Context, cfg Config, log zerolog.Logger) (*Store, error) {
	if cfg.URI == "" {
		return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "NEO4J_URI", "a Neo4j URI is required")
	}
	if cfg.Database == "" {
		cfg.Database = DefaultDatabase
	}
	token := neo4j.NoAuth()
	if cfg.Username != "" {
		token = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	shown := ShownURI(cfg.URI)
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	cfg.RetryTime = max(cfg.RetryTime, 0)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, token, func(c *config.Config) {
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout
		c.MaxTransactionRetryTime = cfg.RetryTime
		c.ConnectionLivenessCheckTimeout = livenessCheckAfter
	})
	if err != nil {
		return nil, wrap(peacegraph.FieldErrorf(peacegraph.EINVALID, "NEO4J_URI", "%s is not a Neo4j URI", shown), err)
	}
	s := &Store{
		driver: driver, db: cfg.Database, uri: shown, log: log.With().Str("store", "neo4j").Logger(),
		bookmarks:    neo4j.NewBookmarkManager(neo4j.BookmarkManagerConfig{}),
		profile:      cfg.Profile,
		loadBatch:    cfg.LoadBatch,
		loadSessions: cfg.LoadSessions,
	}
	if s.loadBatch <= 0 {
		s.loadBatch = DefaultLoadBatch
	}
	if s.loadSessions <= 0 {
		s.loadSessions = DefaultLoadSessions
	}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		mapped := s.mapError(err)
		if peacegraph.ErrorCode(mapped) == peacegraph.EINTERNAL {
			// Whatever kept the driver from connecting, the store is
			// not there to use.
			mapped = wrap(peacegraph.Errorf(peacegraph.EUNAVAILABLE, "cannot reach Neo4j at %s", shown), err)
		}
		return nil, mapped
	}
	if err := s.applySchema(ctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	s.log.Debug().Str("uri", shown).Str("database", cfg.Database).Msg("connected to Neo4j")
	return s, nil
}

// Ping implements peacegraph.Store: nil when the store's database answers
// a read, which is more than the server being up (the database may be
// missing, or stopped).
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.read(ctx, "RETURN 1", nil)
	return err
}

// Close implements peacegraph.Store. It waits for the request scopes
// still ending in the background (BeginRequest) before it closes the
// driver.
func (s *Store) Close() error {
	s.ending.Wait()
	return s.driver.Close(context.Background())
}

// QueryCount returns how many Cypher statements the store has sent since it
// was opened (schema statements included), so tests and metrics can see
// what a request costs.
func (s *Store) QueryCount() int64 { return s.queries.Load() }

// ShownURI is a Neo4j URI as errors, logs and commands show it: a
// password it carries (bolt://user:secret@host) is shown as xxxxx, since
// errors reach readiness answers and logs.
func ShownURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "the URI given (it does not parse)"
	}
	return u.Redacted()
}
