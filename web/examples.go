package web

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// Example is one of the README's questions, as the playground opens it: a
// tab named by the question, holding its query.
type Example struct {
	Name  string `json:"name"`
	Query string `json:"query"`
}

// examplesSection is the README section the examples come from.
const examplesSection = "## Questions you can ask"

var boldLead = regexp.MustCompile(`^\*\*(.+?)\*\*`)

// ParseExamples reads the examples out of the README: every graphql code
// block of its section "Questions you can ask", each named by the bold
// question written before it. `go generate ./web` writes them to
// assets/examples.json; a test fails when that file and the README differ.
func ParseExamples(readme []byte) ([]Example, error) {
	var out []Example
	in, code := false, false
	var name string
	var query strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(readme))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			in = line == examplesSection
		case !in:
		case code && line == "```":
			code = false
			if name == "" {
				return nil, fmt.Errorf("a graphql block of %q has no bold question before it", examplesSection)
			}
			out = append(out, Example{Name: name, Query: strings.TrimSpace(query.String())})
			name = ""
		case code:
			query.WriteString(line + "\n")
		case line == "```graphql":
			code = true
			query.Reset()
		default:
			if m := boldLead.FindStringSubmatch(line); m != nil {
				name = strings.TrimSuffix(strings.TrimSpace(m[1]), ":")
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no graphql blocks in %q", examplesSection)
	}
	return out, sc.Err()
}
