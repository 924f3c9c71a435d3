package loaders

import (
	"fmt"
	"sort"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// The rules only a loader can break, because they concern files rather than
// the dataset; every other rule name is one of peacegraph's Rule constants.
const (
	// RuleSyntax: the file is not YAML, or a value has the wrong type.
	RuleSyntax = "syntax"
	// RuleUnknownField: a key the seed format does not define, so that a
	// misspelt field never passes silently.
	RuleUnknownField = "unknown-field"
	// RuleMissingFile: a text_file (or the seed directory) cannot be read.
	RuleMissingFile = "missing-file"
)

// Error is one problem in a seed directory, placed at the line a person
// has to edit.
type Error struct {
	// File is the seed directory joined with the file's path inside it,
	// so it can be opened from where the command ran.
	File string
	// Line is 1-based; 0 when the problem concerns the whole file.
	Line int
	// Field is the field at fault relative to the entity on that line,
	// e.g. "citations[1].quote"; "" when there is none.
	Field   string
	Rule    string
	Message string
}

// Error formats the problem as file:line: field: message (rule), the form
// editors and terminals turn into a link to the line.
func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s (%s)", e.Message, e.Rule)
	return b.String()
}

// String is the same as Error, for printing a problem as a value.
func (e Error) String() string { return e.Error() }

// Errors is every problem found in a seed directory. Its code is EINVALID:
// errors.As finds a *peacegraph.Error in it, so peacegraph.ErrorCode works.
type Errors []Error

// Error lists the problems one per line, by file then line.
func (es Errors) Error() string {
	sorted := append(Errors(nil), es...)
	sorted.sort()
	lines := make([]string, len(sorted))
	for i, e := range sorted {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives the domain error behind the list, so callers branch on
// peacegraph.ErrorCode like for any other invalid input.
func (es Errors) Unwrap() error {
	return &peacegraph.Error{Code: peacegraph.EINVALID, Field: "seeds", Message: es.Error()}
}

// sort orders the problems by file then line, keeping the order in which
// problems on one line were found.
func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].File != es[j].File {
			return es[i].File < es[j].File
		}
		return es[i].Line < es[j].Line
	})
}
