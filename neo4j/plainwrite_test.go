package neo4j

import (
	"context"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
)

// WritePlain lets BenchmarkLoadFromNothing write the floor it holds a
// load against.
var WritePlain = (*Store).writePlain

// writePlain writes the graph that a load of d writes into an empty one,
// in the plainest way Cypher allows: the load's own statements for nodes,
// relationships and dispute sides, in transactions of loadBatch rows, each
// committed on its own, run by `writers` sessions side by side. It makes
// no plan, takes no lock, stages nothing and switches nothing into view:
// readers see the graph half-written, and a failure leaves it so. It is
// no way to load, only the floor of what this Neo4j takes for this graph.
// It returns how long making the rows took before the first write.
func (s *Store) writePlain(ctx context.Context, d *peacegraph.Dataset, writers int) (time.Duration, error) {
	started := time.Now()
	if err := peacegraph.CheckDataset(d); err != nil {
		return 0, err
	}
	us := units(d)
	parallel(len(us), func(i int) { us[i].valueDigest() })
	nodes := map[string][]any{}
	for _, u := range us {
		if u.node != nil {
			nodes[u.label] = append(nodes[u.label], nodeParams(u))
		}
	}
	prepared := time.Since(started)

	var mu sync.Mutex
	elements := map[string]string{}
	var tasks []batch
	for _, k := range nodeKinds {
		tasks = append(tasks, s.batches(createStatements[k], nodes[k], func(records []*neo4j.Record) {
			mu.Lock()
			defer mu.Unlock()
			for _, r := range records {
				elements[str(r.Values[0])] = str(r.Values[1])
			}
		})...)
	}
	if _, err := s.writeBatches(ctx, writers, tasks); err != nil {
		return prepared, err
	}

	element := func(key string) (string, error) { return elements[key], nil }
	rels := map[string][]any{}
	var sides []any
	for _, u := range us {
		for _, r := range u.rels {
			row := relParams(u, r)
			row["from"], row["to"] = elements[r.From], elements[r.To]
			rels[r.Type] = append(rels[r.Type], row)
		}
		for _, side := range u.sides {
			row, _ := sideParams(u.key, side, element)
			sides = append(sides, row)
		}
	}
	tasks = nil
	for _, t := range relOrder {
		tasks = append(tasks, s.batches(relStatements[t], rels[t], nil)...)
	}
	tasks = append(tasks, s.batches(createSides, sides, nil)...)
	if _, err := s.writeBatches(ctx, writers, tasks); err != nil {
		return prepared, err
	}
	return prepared, s.waitForSearchIndex(ctx)
}
