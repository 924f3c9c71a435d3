package neo4j_test

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestConformance holds the Neo4j store to the same answers as every other
// store.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) peacegraph.Store { return MustOpenEmpty(t) })
}
