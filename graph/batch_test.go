package graph

import (
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"gopkg.in/yaml.v3"
)

// TestEveryLevelIsKnown checks the schema against batch.go: a batch field
// finds every parent of its level only if each field between it and the
// nearest list is a batch field (which records its results) or a plain
// field that plainChildren reads. A field missing from both would not
// break an answer, only split a level into one Store call per parent, so
// this finds it before a query does. It also keeps plainChildren to the
// fields that need it.
func TestEveryLevelIsKnown(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	batchFields := mustBatchFields(t, "../gqlgen.yml")

	objects := func(name string) []string {
		def := schema.Types[name]
		switch {
		case def == nil:
			return nil
		case def.Kind == ast.Object:
			return []string{name}
		case def.Kind == ast.Interface || def.Kind == ast.Union:
			var out []string
			for _, d := range schema.GetPossibleTypes(def) {
				out = append(out, d.Name)
			}
			return out
		}
		return nil
	}
	var types []*ast.Definition
	for _, def := range schema.Types {
		if def.Kind == ast.Object && !strings.HasPrefix(def.Name, "__") {
			types = append(types, def)
		}
	}
	root := func(name string) bool { return name == "Query" || name == "Mutation" || name == "Subscription" }

	// needs: the types that hold a batch field, or lead to one.
	needs := map[string]bool{}
	for f := range batchFields {
		needs[strings.Split(f, ".")[0]] = true
	}
	// inList: the types whose objects can sit in a list.
	inList := map[string]bool{}
	for _, def := range types {
		for _, f := range def.Fields {
			if f.Type.Elem != nil {
				for _, o := range objects(f.Type.Name()) {
					inList[o] = true
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, def := range types {
			for _, f := range def.Fields {
				for _, o := range objects(f.Type.Name()) {
					if needs[o] && !needs[def.Name] && !root(def.Name) {
						needs[def.Name], changed = true, true
					}
					if inList[def.Name] && !inList[o] {
						inList[o], changed = true, true
					}
				}
			}
		}
	}

	required := map[string]bool{}
	for _, def := range types {
		if !inList[def.Name] || root(def.Name) {
			continue
		}
		for _, f := range def.Fields {
			name := def.Name + "." + f.Name
			if batchFields[name] || !slices.ContainsFunc(objects(f.Type.Name()), func(o string) bool { return needs[o] }) {
				continue
			}
			required[name] = true
			if plainChildren[name] == nil {
				t.Errorf("%s leads to batch fields from inside a list but is neither a batch field nor in plainChildren", name)
			}
		}
	}
	var extra []string
	for name := range plainChildren {
		if !required[name] {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("plainChildren has fields no level needs: %v", extra)
	}
	if len(required) == 0 {
		t.Fatal("no plain field leads to a batch field: the check found nothing to check")
	}
}

// mustBatchFields returns the fields gqlgen.yml makes batch resolvers, as
// "Type.field".
func mustBatchFields(t *testing.T, path string) map[string]bool {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Models map[string]struct {
			Fields map[string]struct {
				Batch bool `yaml:"batch"`
			} `yaml:"fields"`
		} `yaml:"models"`
	}
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]bool{}
	for typ, m := range cfg.Models {
		for field, f := range m.Fields {
			if f.Batch {
				out[typ+"."+field] = true
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s names no batch field", path)
	}
	return out
}

// TestNodeFieldsAreBatchFields checks nodeRefs against gqlgen.yml: every
// field that names nodes is a batch field, and the batch fields that are
// not are the ones that make another read first (their IDs, a page,
// stances) or answer from the request's plans.
func TestNodeFieldsAreBatchFields(t *testing.T) {
	batchFields := mustBatchFields(t, "../gqlgen.yml")
	others := []string{
		"Actor.claims", "Actor.events", "Actor.members", "Actor.mentionedIn", "Actor.stanceHistory", "Actor.stances",
		"Claim.contradictedBy", "DisputeSide.sources",
		"Plan.companions", "Plan.points", "Plan.revisions", "Plan.stances",
		"Point.amendedBy", "Point.claims", "Point.stances",
		"Source.claims",
	}
	for name := range nodeRefs {
		if !batchFields[name] {
			t.Errorf("%s is in nodeRefs but not a batch field in gqlgen.yml", name)
		}
	}
	var got []string
	for name := range batchFields {
		if _, ok := nodeRefs[name]; !ok {
			got = append(got, name)
		}
	}
	sort.Strings(got)
	if !slices.Equal(got, others) {
		t.Errorf("batch fields that name no nodes:\n got  %v\n want %v", got, others)
	}
}
