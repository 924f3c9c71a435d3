package memory_test

import (
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/memory"
	"github.com/peacegraph/peacegraph/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) peacegraph.Store { return memory.New() })
}
