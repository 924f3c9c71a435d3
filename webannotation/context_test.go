package webannotation_test

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph/webannotation"
)

// Terms are the terms the pinned anno.jsonld context defines.
type Terms map[string]bool

// MustTerms reads the context's terms.
func MustTerms(tb testing.TB) Terms {
	tb.Helper()
	b, err := os.ReadFile("testdata/anno.jsonld")
	if err != nil {
		tb.Fatal(err)
	}
	var doc struct {
		Context map[string]json.RawMessage `json:"@context"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		tb.Fatal(err)
	}
	terms := Terms{}
	for k := range doc.Context {
		terms[k] = true
	}
	if len(terms) < 50 {
		tb.Fatalf("anno.jsonld defines %d terms; is it the model's context?", len(terms))
	}
	return terms
}

// Problems returns where v uses a word the context does not define: a key
// that is neither a term nor a JSON-LD keyword, or a value of type or
// motivation that is no term. (The context maps type to @type and
// motivation to an @vocab IRI, so a misspelt class or motivation would
// expand to a relative IRI, not to the model's.)
func (t Terms) Problems(v any) []string {
	var out []string
	var walk func(at string, v any)
	walk = func(at string, v any) {
		switch v := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if !t[k] && !strings.HasPrefix(k, "@") {
					out = append(out, fmt.Sprintf("%s: key %q is not a term of the context", at, k))
				}
				if k == "type" || k == "motivation" {
					if s, ok := v[k].(string); !ok || !t[s] {
						out = append(out, fmt.Sprintf("%s/%s: %v is not a term of the context", at, k, v[k]))
					}
				}
				walk(at+"/"+k, v[k])
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s/%d", at, i), x)
			}
		}
	}
	walk("", v)
	return out
}

func TestTheContextIsTheModels(t *testing.T) {
	terms := MustTerms(t)
	for _, want := range []string{"Annotation", "AnnotationCollection", "AnnotationPage", "TextualBody", "SpecificResource",
		"TextQuoteSelector", "TextPositionSelector", "Software", webannotation.Motivation} {
		if !terms[want] {
			t.Errorf("anno.jsonld does not define %q", want)
		}
	}
}

// TestAMisspeltTermIsAProblem holds the check to failing.
func TestAMisspeltTermIsAProblem(t *testing.T) {
	terms := MustTerms(t)
	if p := terms.Problems(mustParse(t, validAnnotation)); len(p) > 0 {
		t.Fatalf("the valid example has problems: %v", p)
	}
	for name, edit := range map[string][2]string{
		"Key":        {`"selector"`, `"selectors"`},
		"NestedKey":  {`"exact"`, `"Exact"`},
		"Type":       {`"TextQuoteSelector"`, `"TextQuoteSelecter"`},
		"Motivation": {`"describing"`, `"evidence"`},
		"SchemaOrg":  {`"value"`, `"text"`},
	} {
		t.Run(name, func(t *testing.T) {
			doc := strings.Replace(validAnnotation, edit[0], edit[1], 1)
			if p := terms.Problems(mustParse(t, doc)); len(p) != 1 {
				t.Errorf("%s → %s: problems %v, want one", edit[0], edit[1], p)
			}
		})
	}
}
