package webannotation_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The W3C test suite's schemas (testdata/wpt/annotation-model, see
// testdata/README.md) name each other by bare file name ("id.json",
// "annotations.json#/definitions/..."), as the suite's runner registers
// them, so every file is added under one base whatever its folder.
const (
	suiteDir  = "testdata/wpt/annotation-model"
	schemaURL = "https://wpt.invalid/annotation-model/"
)

// notPinned are the assertions a pinned .test file lists that the copy
// does not hold, with what checks the same thing instead.
var notPinned = map[string]string{
	// An embedded page carries no @context of its own; the collection's
	// is checked by collection-musts.json.
	"collections/pages/5.2-pageContextValidated.json": "collection-musts.json",
}

// Validator checks documents against the suite's must-assertions.
type Validator struct {
	// Annotation, Collection and Page are the assertions an annotation,
	// a collection and a page (embedded in its collection) must pass,
	// by name.
	Annotation, Collection, Page map[string]*jsonschema.Schema
	// TextQuote, TextPosition, Selected and TextualBody are definitions
	// of the suite that the musts do not reach (draft-04 ignores the
	// keywords beside a $ref, so a Specific Resource is detected by its
	// source alone): each selector, a target's selectors as a whole and
	// the body are checked against them directly.
	TextQuote, TextPosition, Selected, TextualBody, Motivation *jsonschema.Schema
}

// MustValidator compiles the pinned suite with a draft-04 compiler that
// asserts formats (the suite's ids and IRIs are "format": "uri").
func MustValidator(tb testing.TB) *Validator {
	tb.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	add := func(file string) {
		f, err := os.Open(file)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			tb.Fatalf("%s: %v", file, err)
		}
		if err := c.AddResource(schemaURL+filepath.Base(file), doc); err != nil {
			tb.Fatalf("%s: %v", file, err)
		}
	}
	err := filepath.WalkDir(suiteDir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".json") {
			add(p)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	add("testdata/collection-musts.json")
	compile := func(name string) *jsonschema.Schema {
		s, err := c.Compile(schemaURL + name)
		if err != nil {
			tb.Fatalf("compiling %s: %v", name, err)
		}
		return s
	}
	// The .test files say which assertions make up each check.
	musts := func(test string) map[string]*jsonschema.Schema {
		var t struct{ Assertions []string }
		b, err := os.ReadFile(filepath.Join(suiteDir, test))
		if err != nil {
			tb.Fatal(err)
		}
		if err := json.Unmarshal(b, &t); err != nil {
			tb.Fatalf("%s: %v", test, err)
		}
		if len(t.Assertions) == 0 {
			tb.Fatalf("%s lists no assertion", test)
		}
		out := map[string]*jsonschema.Schema{}
		for _, a := range t.Assertions {
			if instead, ok := notPinned[a]; ok {
				out[instead] = compile(instead)
				continue
			}
			if _, err := os.Stat(filepath.Join(suiteDir, a)); err != nil {
				tb.Fatalf("%s lists %s, which is not pinned: %v", test, a, err)
			}
			out[a] = compile(path.Base(a))
		}
		return out
	}
	return &Validator{
		Annotation: musts("annotations/annotationMusts.test"),
		// None of collectionMusts.test's assertion files is pinned;
		// collection-musts.json states them from their definitions.
		Collection:   map[string]*jsonschema.Schema{"collection-musts.json": compile("collection-musts.json")},
		Page:         musts("collections/pages/pageMusts.test"),
		TextQuote:    compile("specificResource.json#/definitions/textQuoteSelectorDetected"),
		TextPosition: compile("specificResource.json#/definitions/textPositionSelectorDetected"),
		Selected:     compile("specificResource.json#/definitions/selectorDetected"),
		TextualBody:  compile("bodyTarget.json#/definitions/textualBodyFound"),
		Motivation:   compile("annotations.json#/definitions/motivationRecognizedIfPresent"),
	}
}

// AnnotationErrors returns every assertion a (with its @context) fails.
func (v *Validator) AnnotationErrors(a any) []error {
	errs := each(v.Annotation, a)
	m, _ := a.(map[string]any)
	if err := v.TextualBody.Validate(m["body"]); err != nil {
		errs = append(errs, err)
	}
	if err := v.Motivation.Validate(a); err != nil {
		errs = append(errs, err)
	}
	if target, ok := m["target"].(map[string]any); ok {
		if err := v.Selected.Validate(target); err != nil {
			errs = append(errs, err)
		}
		selectors, _ := target["selector"].([]any)
		for _, s := range selectors {
			schema := v.TextQuote
			if s.(map[string]any)["type"] == "TextPositionSelector" {
				schema = v.TextPosition
			}
			if err := schema.Validate(s); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errs
}

// CollectionErrors returns every assertion a collection, and its
// embedded page, fail. A collection of no annotation has no page, as the
// model allows, and the page's assertions (which want a page) are left
// out for it.
func (v *Validator) CollectionErrors(c any) []error {
	errs := each(v.Collection, c)
	if m, _ := c.(map[string]any); m["first"] != nil {
		errs = append(errs, each(v.Page, c)...)
	}
	return errs
}

func each(schemas map[string]*jsonschema.Schema, v any) []error {
	var errs []error
	for name, s := range schemas {
		if err := s.Validate(v); err != nil {
			errs = append(errs, errors.New(name+": "+err.Error()))
		}
	}
	return errs
}

// mustParse parses JSON text as the validator reads it.
func mustParse(tb testing.TB, text string) any {
	tb.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
	if err != nil {
		tb.Fatalf("%v\n%s", err, text)
	}
	return v
}

// validAnnotation is an annotation of the shape the export gives.
const validAnnotation = `{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "id": "urn:peacegraph:citation:c-x:0",
  "type": "Annotation",
  "motivation": "describing",
  "body": {"id": "urn:peacegraph:claim:c-x", "type": "TextualBody", "value": "X said so.", "format": "text/plain"},
  "target": {
    "type": "SpecificResource",
    "source": "https://example.org/a",
    "selector": [
      {"type": "TextQuoteSelector", "exact": "so", "prefix": "said ", "suffix": "."},
      {"type": "TextPositionSelector", "start": 7, "end": 9}
    ]
  }
}`

// TestTheSuiteRejectsWhatTheModelForbids holds the checks to failing:
// an annotation that breaks one of the model's rules fails the validator.
func TestTheSuiteRejectsWhatTheModelForbids(t *testing.T) {
	v := MustValidator(t)
	if errs := v.AnnotationErrors(mustParse(t, validAnnotation)); len(errs) > 0 {
		t.Fatalf("the valid example fails: %v", errs)
	}
	broken := map[string]func(a map[string]any){
		"NoContext":            func(a map[string]any) { delete(a, "@context") },
		"OtherContext":         func(a map[string]any) { a["@context"] = "https://schema.org" },
		"NoID":                 func(a map[string]any) { delete(a, "id") },
		"RelativeID":           func(a map[string]any) { a["id"] = "citation-0" },
		"WrongType":            func(a map[string]any) { a["type"] = "Annotations" },
		"NoTarget":             func(a map[string]any) { delete(a, "target") },
		"TargetNotAnIRI":       func(a map[string]any) { a["target"] = "a page" },
		"BodyAndBodyValue":     func(a map[string]any) { a["bodyValue"] = "X said so." },
		"BodyWithoutValue":     func(a map[string]any) { delete(a["body"].(map[string]any), "value") },
		"UnknownMotivation":    func(a map[string]any) { a["motivation"] = "evidencing" },
		"CreatedNotADateTime":  func(a map[string]any) { a["created"] = "2025-11-21" },
		"SelectorWithoutExact": func(a map[string]any) { delete(selector(a, 0), "exact") },
		"NegativeStart":        func(a map[string]any) { selector(a, 1)["start"] = json.Number("-1") },
		"UnknownSelector":      func(a map[string]any) { selector(a, 0)["type"] = "TextQuote" },
	}
	for name, breakIt := range broken {
		t.Run(name+"Fails", func(t *testing.T) {
			a := mustParse(t, validAnnotation).(map[string]any)
			breakIt(a)
			if errs := v.AnnotationErrors(a); len(errs) == 0 {
				t.Errorf("no assertion fails")
			}
		})
	}

	collection := func(first string) string {
		return `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x", "type": "AnnotationCollection",
		  "label": "x", "total": 1` + first + `}`
	}
	page := `, "first": {"id": "urn:x:page:0", "type": "AnnotationPage", "partOf": "urn:x", "startIndex": 0, "items": [` + validAnnotation + `]}, "last": "urn:x:page:0"`
	if errs := v.CollectionErrors(mustParse(t, collection(page))); len(errs) > 0 {
		t.Fatalf("the valid collection fails: %v", errs)
	}
	for name, doc := range map[string]string{
		"TotalWithoutFirst":  collection(""),
		"WrongType":          strings.Replace(collection(page), `"AnnotationCollection"`, `"Collection"`, 1),
		"PageOfNoAnnotation": strings.Replace(collection(page), `"type": "Annotation",`, `"type": "Note",`, 1),
		"NegativeStartIndex": strings.Replace(collection(page), `"startIndex": 0`, `"startIndex": -1`, 1),
		"PartOfNotAnIRI":     strings.Replace(collection(page), `"partOf": "urn:x"`, `"partOf": "x"`, 1),
	} {
		t.Run("Collection"+name+"Fails", func(t *testing.T) {
			if errs := v.CollectionErrors(mustParse(t, doc)); len(errs) == 0 {
				t.Errorf("no assertion fails:\n%s", doc)
			}
		})
	}
}

func selector(a map[string]any, i int) map[string]any {
	return a["target"].(map[string]any)["selector"].([]any)[i].(map[string]any)
}
