package neo4j

import (
	"context"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

var _ peacegraph.RequestScoper = (*Store)(nil)

// requestTx is the read transaction one request's reads share. It opens on
// the first read, so a request that reads nothing costs nothing; its
// statements take turns, since a transaction runs one at a time; and once
// anything fails in it, the request's later reads go back to a managed
// transaction each, which the driver retries; but once Neo4j could not be
// reached at all (unreachable), every later read of the request fails at
// once with that error, rather than wait out the connect timeout again.
type requestTx struct {
	mu      sync.Mutex
	session neo4j.SessionWithContext
	tx      neo4j.ExplicitTransaction
	broken  bool
	failed  error
}

type requestTxKey struct{}

// BeginRequest implements peacegraph.RequestScoper: the request's reads
// run in one read transaction, each statement one round trip, instead of
// a session and a managed transaction (and its commit) per statement. The
// end it returns closes the transaction in the background: closing is a
// round trip the answer need not wait for. Close waits for it.
func (s *Store) BeginRequest(ctx context.Context) (context.Context, func()) {
	rt := &requestTx{}
	end := func() {
		rt.mu.Lock()
		rt.broken = true
		tx, session := rt.tx, rt.session
		rt.tx, rt.session = nil, nil
		rt.mu.Unlock()
		if session == nil {
			return
		}
		s.ending.Add(1)
		go func() {
			defer s.ending.Done()
			bg := context.WithoutCancel(ctx)
			if tx != nil {
				// A read transaction has nothing to commit; closing it
				// rolls it back, which costs the server nothing.
				_ = tx.Close(bg)
			}
			_ = session.Close(bg)
		}()
	}
	return context.WithValue(ctx, requestTxKey{}, rt), end
}

// readInRequest runs a statement in the request's transaction; ok is false
// when the request has none (or it broke), and the caller reads alone;
// err, with ok, is the request's answer.
func (s *Store) readInRequest(ctx context.Context, cypher string, params map[string]any) (records []*neo4j.Record, summary neo4j.ResultSummary, ok bool, err error) {
	rt, _ := ctx.Value(requestTxKey{}).(*requestTx)
	if rt == nil {
		return nil, nil, false, nil
	}
	rt.mu.Lock()
	defer rt.mu.Unlock()
	switch {
	case rt.failed != nil:
		return nil, nil, true, rt.failed
	case rt.broken:
		return nil, nil, false, nil
	}
	if rt.tx == nil {
		rt.session = s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead, BookmarkManager: s.bookmarks})
		tx, err := rt.session.BeginTransaction(ctx)
		if err != nil {
			rt.broken = true
			if unreachable(err) {
				rt.failed = s.mapError(err)
				return nil, nil, true, rt.failed
			}
			// A pooled connection found dead (Neo4j restarted): a
			// read alone takes another.
			return nil, nil, false, nil
		}
		rt.tx = tx
	}
	result, err := rt.tx.Run(ctx, cypher, params)
	if err == nil {
		records, err = result.Collect(ctx)
	}
	if err == nil && s.profile {
		summary, err = result.Consume(ctx)
	}
	if err != nil {
		// The transaction is of no more use; a retry alone may still
		// answer (the error may be transient), else it is the answer.
		rt.broken = true
		if unreachable(err) {
			rt.failed = s.mapError(err)
			return nil, nil, true, rt.failed
		}
		return nil, nil, false, nil
	}
	return records, summary, true, nil
}
