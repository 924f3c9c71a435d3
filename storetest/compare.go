package storetest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/peacegraph/peacegraph"
)

// expected returns the fixture as a store must hold it: completed, with
// offsets, stance dates, plan order and symmetric contradictions filled in.
func expected() *peacegraph.Dataset {
	d := Fixture()
	d.Complete()
	return d
}

// Same is reflect.DeepEqual except that a nil slice or map equals an
// empty one: a store that reads lists back from a database cannot tell them
// apart, and nothing in the domain does either. Tests that compare two
// stores' answers use it.
func Same(a, b any) bool {
	return sameReflect(reflect.ValueOf(a), reflect.ValueOf(b))
}

func sameReflect(a, b reflect.Value) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameReflect(a.Elem(), b.Elem())
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameReflect(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !b.MapIndex(k).IsValid() || !sameReflect(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameReflect(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	default:
		return a.Interface() == b.Interface()
	}
}

// wantSame fails the test when got and want differ (see Same).
func wantSame(tb testing.TB, what string, got, want any) {
	tb.Helper()
	if !Same(got, want) {
		tb.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

// wantIDs fails the test when two lists of IDs differ; nil and empty are
// the same list.
func wantIDs(tb testing.TB, what string, got, want []string) {
	tb.Helper()
	if !slices.Equal(got, want) {
		tb.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// idsOf returns the IDs of nodes, "" for a nil node.
func idsOf[N peacegraph.Node](nodes []N) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		if !reflect.ValueOf(&n).Elem().IsNil() {
			out[i] = n.NodeID()
		}
	}
	return out
}
