package loaders

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// location is where one entity (a node or a stance) was written: the line
// of its list entry and the line of each field, so that a problem found
// later in the dataset can be reported where it has to be fixed.
type location struct {
	file string
	line int
	// fields maps a field path as Dataset.Validate names it ("about[1]",
	// "citations[0].quote") to its line; nil when no locations are
	// recorded (the first reading of Read).
	fields map[string]int
	// bad holds the fields whose value had the wrong type. They were
	// already reported as syntax errors, so what Validate says about the
	// value left empty in their place is noise. Most entities have none,
	// so it is made on the first.
	bad map[string]bool
}

// mark records that field was reported as having the wrong type.
func (l *location) mark(field string) {
	if l.fields == nil {
		return // nothing is recorded on this reading
	}
	if l.bad == nil {
		l.bad = make(map[string]bool)
	}
	l.bad[field] = true
}

// lineOf returns the line of field, else of the nearest enclosing field
// ("citations[1]" for "citations[1].quote", then "citations"), else of the
// entity: a missing field is reported where its entity starts.
func (l *location) lineOf(field string) int {
	for f := field; f != ""; f = parentField(f) {
		if line, ok := l.fields[f]; ok {
			return line
		}
	}
	return l.line
}

// reported says whether field, or a field enclosing it, was already
// reported as having the wrong type.
func (l *location) reported(field string) bool {
	for f := field; f != ""; f = parentField(f) {
		if l.bad[f] {
			return true
		}
	}
	return false
}

// parentField strips the last ".name" or "[i]" of a field path.
func parentField(f string) string {
	i := strings.LastIndexAny(f, ".[")
	if i < 0 {
		return ""
	}
	return f[:i]
}

// scope decodes the fields of one entity of one file, recording their lines
// and reporting wrong types and unknown fields.
type scope struct {
	r   *reader
	loc *location
}

// key is a field the format defines, with what to do with its value.
type key struct {
	name   string
	decode func(v *yaml.Node)
}

// fields walks a mapping, calling each known field's decoder; prefix is the
// path of the mapping within the entity ("citations[0]."), what names it in
// messages ("a claim"). It reports a node that is not a mapping, unknown
// keys and keys given twice, and returns false when n is not a mapping.
func (s scope) fields(prefix string, n *yaml.Node, what string, known []key) bool {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		s.fail(n.Line, strings.TrimSuffix(prefix, "."), RuleSyntax, "%s must be a mapping of fields, not %s", what, describe(n))
		return false
	}
	// An entry has a dozen keys at most: finding a repeated one by a scan
	// of those before it costs less than a map per entry. A mapping with
	// many keys, which only a mistake makes, gets a map.
	var seen map[string]int
	if len(n.Content) > 64 {
		seen = make(map[string]int)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		first, repeated := seen[name]
		if seen == nil {
			first, repeated = earlierKey(n.Content[:i], name)
		} else if !repeated {
			seen[name] = k.Line
		}
		if repeated {
			s.fail(k.Line, prefix+name, RuleSyntax, "%q is given twice in %s (first on line %d)", name, what, first)
			continue
		}
		f, ok := lookup(known, name)
		if !ok {
			s.fail(k.Line, prefix+name, RuleUnknownField, "%s has no field %q (it has %s)", what, name, names(known))
			continue
		}
		if s.loc.fields != nil {
			s.loc.fields[prefix+name] = k.Line
		}
		f.decode(v)
	}
	return true
}

// earlierKey returns the line of the first key called name among the
// key-value pairs of content.
func earlierKey(content []*yaml.Node, name string) (int, bool) {
	for i := 0; i+1 < len(content); i += 2 {
		if content[i].Value == name {
			return content[i].Line, true
		}
	}
	return 0, false
}

func lookup(known []key, name string) (key, bool) {
	for _, f := range known {
		if f.name == name {
			return f, true
		}
	}
	return key{}, false
}

func names(known []key) string {
	s := make([]string, len(known))
	for i, f := range known {
		s[i] = f.name
	}
	return strings.Join(s, ", ")
}

// fail reports a problem on a line of the scope's file; a syntax problem
// also marks the field, so Validate's view of its empty value is dropped.
func (s scope) fail(line int, field, rule, format string, args ...any) {
	if rule == RuleSyntax && field != "" {
		s.loc.mark(field)
	}
	s.r.fail(s.loc.file, line, field, rule, format, args...)
}

// str decodes a scalar as text. Any scalar is accepted, so that dates
// (which YAML resolves as timestamps when unquoted) and numbers in names
// keep exactly the characters written; null is "".
func (s scope) str(field string, n *yaml.Node) string {
	v := deref(n)
	switch {
	case v.Kind != yaml.ScalarNode:
		s.fail(n.Line, field, RuleSyntax, "%s must be text, not %s", field, describe(v))
		return ""
	case v.Tag == "!!null":
		return ""
	}
	return v.Value
}

// strs decodes a list of scalars, recording the line of each item as
// field[i]. Null is an empty list.
func (s scope) strs(field string, n *yaml.Node) []string {
	items := s.list(field, n)
	if len(items) == 0 {
		return nil
	}
	out := make([]string, 0, len(items))
	for i, item := range items {
		if v := deref(item); v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			out = append(out, v.Value) // what str returns, without naming the field
			continue
		}
		out = append(out, s.str(fmt.Sprintf("%s[%d]", field, i), item))
	}
	return out
}

// list returns the items of a sequence, recording the line of each as
// field[i]. Null is an empty list; anything else is a syntax problem.
func (s scope) list(field string, n *yaml.Node) []*yaml.Node {
	v := deref(n)
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return nil
	case v.Kind != yaml.SequenceNode:
		s.fail(n.Line, field, RuleSyntax, "%s must be a list, not %s", field, describe(v))
		return nil
	}
	if s.loc.fields != nil {
		for i, item := range v.Content {
			s.loc.fields[fmt.Sprintf("%s[%d]", field, i)] = item.Line
		}
	}
	return v.Content
}

// integer decodes a whole number; null is 0.
func (s scope) integer(field string, n *yaml.Node) int {
	v := deref(n)
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return 0
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if i, err := strconv.Atoi(strings.ReplaceAll(v.Value, "_", "")); err == nil {
			return i
		}
	}
	s.fail(n.Line, field, RuleSyntax, "%s must be a whole number, not %s", field, describe(v))
	return 0
}

// boolean decodes true or false; null is false.
func (s scope) boolean(field string, n *yaml.Node) bool {
	v := deref(n)
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return false
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		var b bool
		if err := v.Decode(&b); err == nil {
			return b
		}
	}
	s.fail(n.Line, field, RuleSyntax, "%s must be true or false, not %s", field, describe(v))
	return false
}

// deref follows an alias to the node it names, so anchors work anywhere.
func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// describe names what a node holds, for messages about wrong types.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return strconv.Quote(n.Value)
	}
	return "nothing"
}
