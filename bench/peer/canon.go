package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// canonical turns any answer (decoded GraphQL JSON, or the values the
// Neo4j driver returns) into plain JSON values: maps, lists, strings,
// float64, bools and nil, so that answers of different systems compare
// with reflect.DeepEqual.
func canonical(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// unwrap strips the wrappers of GraphQL connections, which peacegraph and
// the peer use in different places: an object whose only field is edges
// becomes the list of its edges; an edge whose only field is node becomes
// the node; an edge's properties (the peer's relationship properties) move
// into the edge, beside its (aliased) node.
func unwrap(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = unwrap(e)
		}
		return out
	case map[string]any:
		if edges, ok := x["edges"].([]any); ok && len(x) == 1 {
			out := make([]any, len(edges))
			for i, e := range edges {
				out[i] = unwrapEdge(e)
			}
			return out
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = unwrap(e)
		}
		return out
	}
	return v
}

func unwrapEdge(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return unwrap(v)
	}
	if node, ok := m["node"]; ok && len(m) == 1 {
		return unwrap(node)
	}
	out := map[string]any{}
	for k, e := range m {
		if props, ok := e.(map[string]any); ok && k == "properties" {
			for pk, pv := range props {
				out[pk] = unwrap(pv)
			}
			continue
		}
		out[k] = unwrap(e)
	}
	return out
}

// follow walks a path of field names from v; "0" takes the first element
// of a list, and gives null for an empty list (the peer answers a lookup
// by ID with a list, peacegraph with an object or null).
func follow(v any, path []string) (any, error) {
	for i, p := range path {
		switch x := v.(type) {
		case nil:
			return nil, nil
		case map[string]any:
			next, ok := x[p]
			if !ok {
				return nil, fmt.Errorf("answer has no field %q at %s", p, strings.Join(path[:i], "."))
			}
			v = next
		case []any:
			n, err := strconv.Atoi(p)
			if err != nil {
				return nil, fmt.Errorf("answer has a list at %s, want field %q", strings.Join(path[:i], "."), p)
			}
			if n >= len(x) {
				return nil, nil
			}
			v = x[n]
		default:
			return nil, fmt.Errorf("answer has a %T at %s, want an object or a list", v, strings.Join(path[:i], "."))
		}
	}
	return v, nil
}

// diff lists the differences of two canonical trees, one per line with
// its path, at most max of them.
func diff(a, b any, nameA, nameB string, max int) []string {
	var out []string
	var walk func(path string, a, b any)
	add := func(format string, args ...any) {
		if len(out) < max {
			out = append(out, fmt.Sprintf(format, args...))
		} else if len(out) == max {
			out = append(out, "... (more differences)")
		}
	}
	walk = func(path string, a, b any) {
		if len(out) > max {
			return
		}
		am, aMap := a.(map[string]any)
		bm, bMap := b.(map[string]any)
		if aMap && bMap {
			keys := map[string]bool{}
			for k := range am {
				keys[k] = true
			}
			for k := range bm {
				keys[k] = true
			}
			sorted := make([]string, 0, len(keys))
			for k := range keys {
				sorted = append(sorted, k)
			}
			sort.Strings(sorted)
			for _, k := range sorted {
				av, inA := am[k]
				bv, inB := bm[k]
				switch {
				case !inA:
					add("%s.%s: only %s has it: %s", path, k, nameB, short(bv))
				case !inB:
					add("%s.%s: only %s has it: %s", path, k, nameA, short(av))
				default:
					walk(path+"."+k, av, bv)
				}
			}
			return
		}
		al, aList := a.([]any)
		bl, bList := b.([]any)
		if aList && bList {
			n := min(len(al), len(bl))
			for i := 0; i < n; i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), al[i], bl[i])
			}
			if len(al) != len(bl) {
				add("%s: %s has %d items, %s has %d", path, nameA, len(al), nameB, len(bl))
				for i := n; i < len(al); i++ {
					add("%s[%d]: only %s: %s", path, i, nameA, short(al[i]))
				}
				for i := n; i < len(bl); i++ {
					add("%s[%d]: only %s: %s", path, i, nameB, short(bl[i]))
				}
			}
			return
		}
		if !reflect.DeepEqual(a, b) {
			add("%s: %s has %s, %s has %s", path, nameA, short(a), nameB, short(b))
		}
	}
	walk("answer", a, b)
	return out
}

// short is a value's JSON, cut to a line.
func short(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	s := strings.TrimSpace(buf.String())
	if len(s) > 160 {
		s = s[:157] + "..."
	}
	return s
}

// isEmpty reports whether an answer has nothing in it: null or an empty
// list.
func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case []any:
		return len(x) == 0
	}
	return false
}
