package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad JSON in test: %v", err)
	}
	return v
}

// The same claim page as peacegraph and as the peer answer it: after
// unwrap and follow, both are one tree.
func TestUnwrapGivesPeacegraphAndPeerOneTree(t *testing.T) {
	pg := decode(t, `{"claims": {"edges": [{"node": {"id": "c1", "citations": [{"quote": "q", "start": 1, "end": 2, "source": {"id": "s1"}}]}}]}}`)
	peer := decode(t, `{"actors": [{"claims": [{"id": "c1", "citations": {"edges": [{"properties": {"quote": "q", "start": 1, "end": 2}, "source": {"id": "s1"}}]}}]}]}`)
	got, err := follow(unwrap(peer), []string{"actors", "0", "claims"})
	if err != nil {
		t.Fatal(err)
	}
	want, err := follow(unwrap(pg), []string{"claims"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %s, want %s", short(got), short(want))
	}
	if short(want) != `[{"citations":[{"end":2,"quote":"q","source":{"id":"s1"},"start":1}],"id":"c1"}]` {
		t.Errorf("unwrapped tree %s", short(want))
	}
}

func TestUnwrapKeepsObjectsThatAreNotConnections(t *testing.T) {
	v := decode(t, `{"edges": [1], "nodes": [2]}`)
	if got := short(unwrap(v)); got != `{"edges":[1],"nodes":[2]}` {
		t.Errorf("got %s", got)
	}
}

func TestFollow(t *testing.T) {
	v := decode(t, `{"plans": [], "points": [{"n": 1}]}`)
	for _, tc := range []struct {
		path []string
		want string
	}{
		{[]string{"plans", "0"}, "null"},
		{[]string{"points", "0", "n"}, "1"},
		{[]string{"points"}, `[{"n":1}]`},
	} {
		got, err := follow(v, tc.path)
		if err != nil {
			t.Fatalf("%v: %v", tc.path, err)
		}
		if short(got) != tc.want {
			t.Errorf("%v: got %s, want %s", tc.path, short(got), tc.want)
		}
	}
	if _, err := follow(v, []string{"plan"}); err == nil || !strings.Contains(err.Error(), `no field "plan"`) {
		t.Errorf("missing field: got error %v", err)
	}
	if _, err := follow(v, []string{"points", "x"}); err == nil {
		t.Error("a field of a list: got no error")
	}
}

func TestDiffNamesEachDifferenceWithItsPath(t *testing.T) {
	a := decode(t, `{"points": [{"n": 1, "t": "a"}, {"n": 2}], "x": 1}`)
	b := decode(t, `{"points": [{"n": 1, "t": "b"}], "y": 1}`)
	got := diff(a, b, "A", "B", 20)
	want := []string{
		`answer.points[0].t: A has "a", B has "b"`,
		`answer.points: A has 2 items, B has 1`,
		`answer.points[1]: only A: {"n":2}`,
		`answer.x: only A has it: 1`,
		`answer.y: only B has it: 1`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d := diff(a, a, "A", "B", 20); len(d) != 0 {
		t.Errorf("equal trees: got %v", d)
	}
}

func TestDiffStopsAtMax(t *testing.T) {
	a := decode(t, `[1, 2, 3, 4]`)
	b := decode(t, `[5, 6, 7, 8]`)
	got := diff(a, b, "A", "B", 2)
	if len(got) != 3 || got[2] != "... (more differences)" {
		t.Errorf("got %v", got)
	}
}

// The peer's Q4 has one list per position; merged, they are in
// peacegraph's order: actor name, actor ID (the sortKey), then position.
func TestMergeStances(t *testing.T) {
	peer := decode(t, `[{"number": 6, "title": "t",
	  "SUPPORTS": [{"asOf": "2025-11-21", "actor": {"name": "B", "sortKey": "B\u0000b"}}],
	  "OPPOSES": [{"asOf": null, "actor": {"name": "A", "sortKey": "A\u0000a"}}, {"asOf": "2025-11-20", "actor": {"name": "B", "sortKey": "B\u0000b"}}],
	  "CONDITIONAL": [], "UNDECIDED": []}]`)
	b, err := json.Marshal(mergeStances(peer))
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	want := `[{"number":6,"stances":[` +
		`{"actor":{"name":"A"},"asOf":null,"position":"OPPOSES"},` +
		`{"actor":{"name":"B"},"asOf":"2025-11-20","position":"OPPOSES"},` +
		`{"actor":{"name":"B"},"asOf":"2025-11-21","position":"SUPPORTS"}],"title":"t"}]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCanonicalMakesDriverValuesJSON(t *testing.T) {
	got, err := canonical(map[string]any{"n": int64(3), "l": []any{"a", nil}, "b": true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"n": float64(3), "l": []any{"a", nil}, "b": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
}

// The peer's parameters keep Neo4j integers apart from JavaScript
// numbers, which reach Neo4j as floats.
func TestFromWire(t *testing.T) {
	got := fromWire(decode(t, `{"p": {"$int": "21"}, "f": 2, "s": "x", "l": [{"$int": "-3"}], "m": {"$int": "1", "other": 1}}`))
	want := map[string]any{
		"p": int64(21), "f": float64(2), "s": "x", "l": []any{int64(-3)},
		"m": map[string]any{"$int": "1", "other": float64(1)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
}
