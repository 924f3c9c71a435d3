package peacegraph

import (
	"errors"
)

// InvalidDataset returns the error a Store's Load gives for a dataset that
// breaks rules: its code is EINVALID (ErrorCode and ErrorMessage see it as
// a domain error listing every problem), and the Problems stay reachable
// with errors.As, so a loader can still point at each seed line.
func InvalidDataset(ps Problems) error {
	return &invalidDatasetError{
		err:      &Error{Code: EINVALID, Field: "dataset", Message: ps.Error()},
		problems: ps,
	}
}

// invalidDatasetError joins the domain error and the problems behind it.
type invalidDatasetError struct {
	err      *Error
	problems Problems
}

func (e *invalidDatasetError) Error() string { return e.err.Error() }

// Unwrap exposes both the *Error and the Problems to errors.As.
func (e *invalidDatasetError) Unwrap() []error { return []error{e.err, e.problems} }

// CheckDataset completes and validates d, returning nil or the EINVALID
// error of InvalidDataset. Stores call it at the start of Load.
func CheckDataset(d *Dataset) error {
	if d == nil {
		return FieldErrorf(EINVALID, "dataset", "no dataset given")
	}
	d.Complete()
	err := d.Validate()
	if err == nil {
		return nil
	}
	var ps Problems
	if errors.As(err, &ps) {
		return InvalidDataset(ps)
	}
	return &Error{Code: EINVALID, Field: "dataset", Message: err.Error()}
}
