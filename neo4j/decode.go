package neo4j

import (
	"encoding/json"

	"github.com/peacegraph/peacegraph"
)

// nodeMap projects the node bound to n into what decodeNode reads: its
// labels and its domain value. The graph's properties and relationships
// are for Cypher and Neo4j Browser; the value is kept whole as JSON (the
// json property) because much of it is derived by Dataset.Complete and has
// no graph shape (corroboration, contradiction rules, plan changes,
// reviews), and reading it back whole is what makes both stores give
// identical answers.
const nodeMap = `CASE WHEN n IS NULL THEN null ELSE {labels: labels(n), json: n.json} END`

// encodeValue is the json property of a node or stance.
func encodeValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Domain values are plain data; a failure here is a bug.
		panic("neo4j: encoding a domain value: " + err.Error())
	}
	return string(b)
}

// decodeNode turns a nodeMap projection back into a domain node; nil for a
// missing node or one this version cannot read.
func decodeNode(v any) peacegraph.Node {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	data := []byte(str(m["json"]))
	for _, l := range strs(m["labels"]) {
		var n peacegraph.Node
		switch peacegraph.Kind(l) {
		case peacegraph.KindActor:
			n = &peacegraph.Actor{}
		case peacegraph.KindPlan:
			n = &peacegraph.Plan{}
		case peacegraph.KindPoint:
			n = &peacegraph.Point{}
		case peacegraph.KindClaim:
			n = &peacegraph.Claim{}
		case peacegraph.KindSource:
			n = &peacegraph.Source{}
		case peacegraph.KindEvent:
			n = &peacegraph.Event{}
		case peacegraph.KindDispute:
			n = &peacegraph.Dispute{}
		default:
			continue
		}
		if json.Unmarshal(data, n) != nil {
			return nil
		}
		return n
	}
	return nil
}

// decodeStance reads a stance relationship's json property.
func decodeStance(v any) *peacegraph.Stance {
	s := &peacegraph.Stance{}
	if json.Unmarshal([]byte(str(v)), s) != nil {
		return nil
	}
	return s
}

// str reads a string property; a missing one is "".
func str(v any) string {
	s, _ := v.(string)
	return s
}

// num reads an integer property; a missing one is def.
func num(v any, def int) int {
	if n, ok := v.(int64); ok {
		return int(n)
	}
	return def
}

// strs reads a list of strings; an empty list is nil.
func strs(v any) []string {
	xs, _ := v.([]any)
	if len(xs) == 0 {
		return nil
	}
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, str(x))
	}
	return out
}
