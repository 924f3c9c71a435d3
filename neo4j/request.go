package neo4j

import (
	"context"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

var _ peacegraph.RequestScoper = (*Store)(nil)

// requestReads is the session one request's reads share. It opens on the
// first read, so a request that reads nothing costs nothing; each
// statement runs in it as an auto-commit read, whose RUN and PULL go out
// together: one round trip, where a transaction would add one for BEGIN
// (the driver waits for it) and one to end. A transaction would buy a
// request nothing more: Neo4j reads at read-committed isolation inside
// one as outside, and a load changes the graph in one transaction, so
// each statement sees the graph before it or after it, never half of it.
// The statements take turns, since a session runs one at a time; once
// anything fails in it, the request's later reads go back to a managed
// transaction each, which the driver retries; but once Neo4j could not be
// reached at all (unreachable), every later read of the request fails at
// once with that error, rather than wait out the connect timeout again.
type requestReads struct {
	mu      sync.Mutex
	session neo4j.SessionWithContext
	broken  bool
	failed  error
}

type requestReadsKey struct{}

// BeginRequest implements peacegraph.RequestScoper: the request's reads
// share one session, each statement one round trip, instead of a session
// and a managed transaction (its begin and its commit) per statement. The
// end it returns closes the session in the background: closing is work
// the answer need not wait for. Close waits for it.
func (s *Store) BeginRequest(ctx context.Context) (context.Context, func()) {
	rr := &requestReads{}
	end := func() {
		rr.mu.Lock()
		rr.broken = true
		session := rr.session
		rr.session = nil
		rr.mu.Unlock()
		if session == nil {
			return
		}
		s.ending.Add(1)
		go func() {
			defer s.ending.Done()
			_ = session.Close(context.WithoutCancel(ctx))
		}()
	}
	return context.WithValue(ctx, requestReadsKey{}, rr), end
}

// readInRequest runs a statement in the request's session; ok is false
// when the request has none (or it broke), and the caller reads alone;
// err, with ok, is the request's answer.
func (s *Store) readInRequest(ctx context.Context, cypher string, params map[string]any) (records []*neo4j.Record, summary neo4j.ResultSummary, ok bool, err error) {
	rr, _ := ctx.Value(requestReadsKey{}).(*requestReads)
	if rr == nil {
		return nil, nil, false, nil
	}
	rr.mu.Lock()
	defer rr.mu.Unlock()
	switch {
	case rr.failed != nil:
		return nil, nil, true, rr.failed
	case rr.broken:
		return nil, nil, false, nil
	}
	if rr.session == nil {
		rr.session = s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead, BookmarkManager: s.bookmarks})
	}
	result, err := rr.session.Run(ctx, cypher, params)
	if err == nil {
		records, err = result.Collect(ctx)
	}
	if err == nil && s.profile {
		summary, err = result.Consume(ctx)
	}
	if err != nil {
		// The session is of no more use; a retry alone may still
		// answer (the error may be transient, or a pooled connection
		// found dead when Neo4j restarted), else it is the answer.
		rr.broken = true
		if unreachable(err) {
			rr.failed = s.mapError(err)
			return nil, nil, true, rr.failed
		}
		return nil, nil, false, nil
	}
	return records, summary, true, nil
}
