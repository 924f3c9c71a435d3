package neo4j

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

// codedError gives a driver error a domain code while keeping the driver's
// error in the chain: users see only the domain message, the log sees both.
type codedError struct {
	domain *peacegraph.Error
	cause  error
}

func (e *codedError) Error() string   { return e.domain.Error() + ": " + e.cause.Error() }
func (e *codedError) Unwrap() []error { return []error{e.domain, e.cause} }

func wrap(domain *peacegraph.Error, cause error) error {
	if cause == nil {
		return domain
	}
	return &codedError{domain: domain, cause: cause}
}

// mapError turns what the driver returns into a domain error. It is the one
// place that knows the driver's error types and Neo4j's status codes.
func (s *Store) mapError(err error) error {
	if err == nil {
		return nil
	}
	var domain *peacegraph.Error
	if errors.As(err, &domain) || errors.Is(err, peacegraph.ErrNotAddition) {
		// Already the domain's word; an addition refused in its last
		// transaction (another load came first) too.
		return err
	}
	unavailable := func(format string, args ...any) error {
		return wrap(peacegraph.Errorf(peacegraph.EUNAVAILABLE, format, args...), err)
	}
	var (
		neoErr   *neo4j.Neo4jError
		connErr  *neo4j.ConnectivityError
		authErr  *neo4j.InvalidAuthenticationError
		tokenErr *neo4j.TokenExpiredError
		limitErr *neo4j.TransactionExecutionLimit
		usageErr *neo4j.UsageError
		netErr   net.Error
	)
	switch {
	case errors.As(err, &limitErr):
		// The driver gave up retrying; what it retried is the last
		// error, which this error does not unwrap to. Whatever that
		// was, retries ran out: the service is not answering.
		if n := len(limitErr.Errors); n > 0 {
			if last := s.mapError(limitErr.Errors[n-1]); peacegraph.ErrorCode(last) != peacegraph.EINTERNAL {
				return wrap(peacegraph.Errorf(peacegraph.ErrorCode(last), "%s", peacegraph.ErrorMessage(last)), err)
			}
		}
		return unavailable("cannot reach Neo4j at %s", s.uri)
	case poolError(err):
		return unavailable("no connection to Neo4j at %s could be had in time", s.uri)
	case errors.Is(err, context.DeadlineExceeded):
		return unavailable("Neo4j at %s did not answer in time", s.uri)
	case errors.Is(err, context.Canceled):
		return unavailable("the request to Neo4j was cancelled")
	case errors.As(err, &connErr), errors.As(err, &netErr):
		return unavailable("cannot reach Neo4j at %s", s.uri)
	case errors.As(err, &authErr), errors.As(err, &tokenErr):
		return unavailable("Neo4j at %s refused the credentials", s.uri)
	case errors.As(err, &neoErr):
		return s.mapNeo4jError(neoErr, err)
	case errors.As(err, &usageErr):
		return wrap(peacegraph.Errorf(peacegraph.EINTERNAL, "neo4j: the driver was misused"), err)
	}
	return wrap(peacegraph.Errorf(peacegraph.EINTERNAL, "neo4j: unexpected error"), err)
}

// poolError reports whether err is the driver's word that its connection
// pool could not give a connection in time (or is full, or closed). Those
// types are internal to the driver, so only their names can be matched.
func poolError(err error) bool {
	for err != nil {
		switch fmt.Sprintf("%T", err) {
		case "*errorutil.PoolTimeout", "*errorutil.PoolFull", "*errorutil.PoolClosed":
			return true
		}
		err = errors.Unwrap(err)
	}
	return false
}

// mapNeo4jError maps a status code sent by the server.
func (s *Store) mapNeo4jError(e *neo4j.Neo4jError, err error) error {
	code := func(c, format string, args ...any) error {
		return wrap(peacegraph.Errorf(c, format, args...), err)
	}
	switch {
	case e.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
		return code(peacegraph.ECONFLICT, "the write clashes with data already in Neo4j: %s", e.Msg)
	case e.Code == "Neo.ClientError.Database.DatabaseNotFound":
		return code(peacegraph.EUNAVAILABLE, "Neo4j at %s has no database %q", s.uri, s.db)
	case strings.HasPrefix(e.Code, "Neo.ClientError.Security."):
		return code(peacegraph.EUNAVAILABLE, "Neo4j at %s refused access: %s", s.uri, e.Msg)
	case strings.HasPrefix(e.Code, "Neo.TransientError."),
		strings.HasPrefix(e.Code, "Neo.ClientError.Cluster."),
		e.Code == "Neo.ClientError.Transaction.TransactionTimedOut",
		e.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration":
		return code(peacegraph.EUNAVAILABLE, "Neo4j at %s is busy or unavailable", s.uri)
	case strings.HasPrefix(e.Code, "Neo.ClientError.Statement."):
		return code(peacegraph.EINVALID, "Neo4j rejected the request: %s", e.Msg)
	}
	return code(peacegraph.EINTERNAL, "neo4j: %s", e.Code)
}

// unreachable reports whether err says Neo4j could not be reached at all:
// a connection could not be opened (refused, or no answer within the
// connect timeout), none could be had from the pool, or the server did not
// answer in time; not that a pooled connection was found dead, which a new
// one mends. The driver's error types do not unwrap to their causes, so
// they are opened here.
func unreachable(err error) bool {
	for _, e := range causes(err) {
		var op *net.OpError
		var ne net.Error
		switch {
		case errors.As(e, &op) && op.Op == "dial",
			errors.As(e, &ne) && ne.Timeout(),
			errors.Is(e, context.DeadlineExceeded),
			poolError(e):
			return true
		}
	}
	return false
}

// causes returns err and what the driver's errors hold inside them: a
// connectivity error's inner error and the last error of a retried
// transaction.
func causes(err error) []error {
	var out []error
	for err != nil && len(out) < 16 {
		out = append(out, err)
		var connErr *neo4j.ConnectivityError
		var limitErr *neo4j.TransactionExecutionLimit
		switch {
		case errors.As(err, &limitErr) && len(limitErr.Errors) > 0:
			err = limitErr.Errors[len(limitErr.Errors)-1]
		case errors.As(err, &connErr):
			err = connErr.Inner
		default:
			return out
		}
	}
	return out
}
