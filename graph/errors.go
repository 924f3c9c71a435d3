package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/httperror"
)

// The extensions.code values the API gives for domain errors. Errors that
// gqlgen raises itself keep their own codes (GRAPHQL_PARSE_FAILED,
// GRAPHQL_VALIDATION_FAILED, COMPLEXITY_LIMIT_EXCEEDED,
// PERSISTED_QUERY_NOT_FOUND).
const (
	CodeBadUserInput = "BAD_USER_INPUT"
	CodeNotFound     = "NOT_FOUND"
	CodeConflict     = "CONFLICT"
	CodeUnavailable  = "SERVICE_UNAVAILABLE"
	CodeInternal     = "INTERNAL_SERVER_ERROR"
)

// UnavailableMessage is what users read when the store cannot be reached.
const UnavailableMessage = httperror.UnavailableMessage

// extensionCode maps a domain error code to extensions.code.
func extensionCode(code string) string {
	switch code {
	case peacegraph.EINVALID:
		return CodeBadUserInput
	case peacegraph.ENOTFOUND:
		return CodeNotFound
	case peacegraph.ECONFLICT:
		return CodeConflict
	case peacegraph.EUNAVAILABLE:
		return CodeUnavailable
	}
	return CodeInternal
}

// presentError shows domain errors with their code and message, and every
// other error as "internal error": a store's or driver's error text can
// name hosts, queries or data a user must not see, so it goes to the log
// only.
func presentError(base zerolog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		var domain *peacegraph.Error
		switch {
		case errors.Is(err, errTooLarge) || errors.Is(err, errTimeout) || errors.Is(err, context.DeadlineExceeded):
			// A request stopped by a limit: stoppedResponse replaces
			// the answer with one error that says which.
			out := withPath(ctx, gqlErr)
			out.Message = err.Error()
			out.Extensions = map[string]any{"code": CodeTimeout}
			if errors.Is(err, errTooLarge) {
				out.Extensions["code"] = CodeTooLarge
			}
			return out
		case errors.As(err, &domain) && domain.Code == peacegraph.EUNAVAILABLE:
			// What cannot be reached, and why, is the operator's business:
			// the message would name hosts and ports.
			logger(ctx, base).Warn().Err(err).Str("path", gqlErr.Path.String()).Msg("store unavailable in GraphQL request")
			out := withPath(ctx, gqlErr)
			out.Message = UnavailableMessage
			out.Extensions = map[string]any{"code": CodeUnavailable}
			return out
		case domain != nil && domain.Code != peacegraph.EINTERNAL:
			out := withPath(ctx, gqlErr)
			out.Message = domain.Message
			out.Extensions = map[string]any{"code": extensionCode(domain.Code)}
			if arg := argumentOf(domain, gqlErr.Path, out.Path); arg != "" {
				out.Extensions["argument"] = arg
			}
			return out
		case gqlErr.Err == nil && domain == nil:
			// Raised by gqlgen itself (parse, validation, complexity, APQ):
			// its message speaks of the request, never of internals.
			return gqlErr
		}
		logger(ctx, base).Error().Err(err).Str("path", gqlErr.Path.String()).Msg("internal error in GraphQL request")
		out := withPath(ctx, gqlErr)
		out.Message = "internal error"
		out.Extensions = map[string]any{"code": CodeInternal}
		return out
	}
}

// pointError is the API's error for a point a store did not find by number,
// whichever store answered: the store's field tells whether the plan or
// the point is missing, and the words are the domain's (NoPlanError,
// NoPointError), the number named by argument, the argument that carries
// it. Other errors pass unchanged.
func pointError(ctx context.Context, err error, planID string, number int, argument string) error {
	var e *peacegraph.Error
	if !errors.As(err, &e) || e.Code != peacegraph.ENOTFOUND {
		return err
	}
	if e.Field != "number" {
		return peacegraph.NoPlanError(planID)
	}
	if planID == "" {
		p, err := defaultPlan(ctx)
		if err != nil {
			return err
		}
		if p != nil {
			planID = p.ID
		}
	}
	out := peacegraph.NoPointError(planID, number)
	out.Field = argument
	return out
}

// withPath returns a fresh error at the response path of the field being
// resolved. Errors raised while reading an argument carry the argument's
// path; the argument is named in extensions.argument instead, so that the
// path stays a path into the response, as clients expect.
func withPath(ctx context.Context, e *gqlerror.Error) *gqlerror.Error {
	out := &gqlerror.Error{Err: e.Err, Message: e.Message, Path: e.Path, Locations: e.Locations, Rule: e.Rule}
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		out.Path = fc.Path()
		if len(out.Locations) == 0 && fc.Field.Field != nil && fc.Field.Position != nil {
			out.Locations = []gqlerror.Location{{Line: fc.Field.Position.Line, Column: fc.Field.Position.Column}}
		}
	}
	return out
}

// argumentOf names the argument at fault: the one the domain error names,
// or else the one whose value gqlgen was reading when the error arose (its
// path is the field's path plus the argument's name).
func argumentOf(e *peacegraph.Error, errPath, fieldPath ast.Path) string {
	if e.Field != "" {
		return e.Field
	}
	if len(errPath) > len(fieldPath) {
		if name, ok := errPath[len(fieldPath)].(ast.PathName); ok {
			return string(name)
		}
	}
	return ""
}

// recoverPanic turns a panic in a resolver into an error the presenter
// shows as "internal error" and logs with the stack.
func recoverPanic(ctx context.Context, r any) error {
	return fmt.Errorf("panic in resolver: %v\n%s", r, debug.Stack())
}

// logger prefers the request's logger (which carries the request ID) over
// the handler's.
func logger(ctx context.Context, base zerolog.Logger) *zerolog.Logger {
	if l := zerolog.Ctx(ctx); l.GetLevel() != zerolog.Disabled {
		return l
	}
	return &base
}
