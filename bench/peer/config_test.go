package main

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func envOf(kv map[string]string) func(string) string {
	return func(k string) string { return kv[k] }
}

func TestConfigDefaults(t *testing.T) {
	c, err := parseConfig(nil, envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.scales, []int{1, 10, 100}) || c.reps != 3 || c.window != 3*time.Second ||
		c.clients != 8 || c.neo4jURI != "bolt://127.0.0.1:7687" {
		t.Errorf("defaults: %+v", c)
	}
	if !reflect.DeepEqual(c.queries, []string{"Q1", "Q2", "Q3", "Q4", "Q5"}) {
		t.Errorf("queries %v", c.queries)
	}
}

func TestConfigFromEnvironmentAndFlags(t *testing.T) {
	c, err := parseConfig([]string{"-reps", "5"}, envOf(map[string]string{
		"BENCH_SCALES": "1,1000", "BENCH_QUERIES": "q3 Q1,q3", "BENCH_REPS": "2", "NEO4J_URI": "bolt://localhost:7697",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.scales, []int{1, 1000}) || !reflect.DeepEqual(c.queries, []string{"Q3", "Q1"}) || c.reps != 5 {
		t.Errorf("got scales %v, queries %v, reps %d", c.scales, c.queries, c.reps)
	}
}

func TestConfigRejects(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"BENCH_SCALES": "1 x"}, nil, `scale "x"`},
		{nil, []string{"-scales", ","}, "at least one scale"},
		{map[string]string{"BENCH_REPS": "-1"}, nil, "BENCH_REPS"},
		{map[string]string{"BENCH_WINDOW": "0s"}, nil, "BENCH_WINDOW"},
		{map[string]string{"BENCH_CLIENTS": "0"}, nil, "BENCH_CLIENTS"},
		{map[string]string{"BENCH_QUERIES": "Q6"}, nil, `unknown query "Q6"`},
		{map[string]string{"NEO4J_URI": "bolt://192.168.1.2:7687"}, nil, "loopback"},
		{map[string]string{"NEO4J_URI": "http://127.0.0.1:7474"}, nil, "scheme"},
	} {
		_, err := parseConfig(tc.args, envOf(tc.env))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v %v: got error %v, want one saying %q", tc.env, tc.args, err, tc.want)
		}
	}
}

func TestUsesTestDatabase(t *testing.T) {
	for uri, want := range map[string]bool{
		"bolt://127.0.0.1:7687": true, "bolt://localhost": true, "bolt://127.0.0.1:7697": false,
	} {
		if got := usesTestDatabase(uri); got != want {
			t.Errorf("%s: got %v, want %v", uri, got, want)
		}
	}
}
