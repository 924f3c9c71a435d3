package peacegraph

import (
	"errors"
	"fmt"
)

// Error codes. They are the whole vocabulary of failures the API shows its
// users; every other error is internal and reaches users only as
// "internal error" (the full text goes to the log).
const (
	ENOTFOUND    = "not_found"   // the named thing does not exist
	EINVALID     = "invalid"     // the caller's input breaks a rule
	ECONFLICT    = "conflict"    // the write clashes with what is stored
	EUNAVAILABLE = "unavailable" // a backing service cannot be reached
	EINTERNAL    = "internal"    // a bug or an unexpected failure
)

// Error is a domain error: a code a program can branch on and a message a
// person can read. Field names the argument or seed field at fault, where
// there is one, so API clients can point at it.
type Error struct {
	Code    string
	Message string
	Field   string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("peacegraph: %s: %s: %s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("peacegraph: %s: %s", e.Code, e.Message)
}

// Errorf returns a domain error with the given code and message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns a domain error about one named field or argument.
func FieldErrorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first domain error in err's chain,
// EINTERNAL for any other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the message of the first domain error in err's chain,
// and "internal error" for any other error, so internals never leak.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return "internal error"
	}
}
