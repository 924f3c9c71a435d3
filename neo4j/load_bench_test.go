package neo4j_test

// A benchmark of a load from nothing against the floor of what the same
// Neo4j takes for the same graph. Each repetition loads a generated set
// into an emptied graph with Store.Load, staging on one session and on
// two, and writes the same nodes and relationships plainly into an
// emptied graph, by one session and by two (WritePlain: the load's own
// statements, each batch committed on its own, with no plan, lock,
// staging or switch into view). The order of the four turns with each
// repetition, so that none always meets the server cold, and each must
// leave a graph of the same shape. It replaces the graph of the test
// database:
//
//	make bench-load                          # 100 times the seeds, 2 repetitions
//	make bench-load BENCH_LOAD_SCALES=1000
//
// It prints each run and reports medians: nodes and relationships a
// second for each (for a plain write, of its writing alone), and each
// load's time over the plain write's on as many sessions.

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/benchtest"
	"github.com/peacegraph/peacegraph/loaders"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
)

// loadWriter is one way of writing the set into an empty graph: Store.Load
// (plain false) or WritePlain, on a number of sessions.
type loadWriter struct {
	plain    bool
	sessions int
}

var loadWriters = []loadWriter{{false, 1}, {false, 2}, {true, 1}, {true, 2}}

func (w loadWriter) String() string {
	name := "Load"
	if w.plain {
		name = "plain"
	}
	if w.sessions == 1 {
		return name + ", 1 session"
	}
	return fmt.Sprintf("%s, %d sessions", name, w.sessions)
}

// write writes d into the graph of the store that stores gives for its
// number of sessions, and returns how long it spent making rows before
// its first write (-1: not known).
func (w loadWriter) write(ctx context.Context, stores func(sessions int) *pgneo4j.Store, d *peacegraph.Dataset) (time.Duration, error) {
	s := stores(w.sessions)
	if w.plain {
		return pgneo4j.WritePlain(s, ctx, d, w.sessions)
	}
	return -1, s.Load(ctx, d)
}

func BenchmarkLoadFromNothing(b *testing.B) {
	reps := 2
	if env := os.Getenv("PEACEGRAPH_BENCH_REPS"); env != "" {
		n, err := strconv.Atoi(env)
		if err != nil || n < 1 {
			b.Fatalf("PEACEGRAPH_BENCH_REPS=%q is not a number of repetitions (1 or more)", env)
		}
		reps = n
	}
	driver := MustDriver(b)
	for _, scale := range benchtest.Scales(b) {
		b.Run(fmt.Sprintf("scale=%d", scale), func(b *testing.B) {
			dir, _ := benchtest.WriteSet(b, scale)
			open := map[int]*pgneo4j.Store{}
			stores := func(sessions int) *pgneo4j.Store {
				if open[sessions] == nil {
					cfg := testConfig()
					cfg.LoadSessions = sessions
					open[sessions] = mustOpenWith(b, cfg)
				}
				return open[sessions]
			}
			took := make([][]time.Duration, len(loadWriters))
			var shape string
			var count int64
			for b.Loop() {
				for rep := range reps {
					for i := range loadWriters {
						w := (i + rep) % len(loadWriters)
						// A dataset of its own for each write: a load
						// completes the one it is given.
						d, err := loaders.Read(dir)
						if err != nil {
							b.Fatal(err)
						}
						MustWipe(b, driver)
						start := time.Now()
						before, err := loadWriters[w].write(b.Context(), stores, d)
						elapsed := time.Since(start)
						if err != nil {
							b.Fatalf("%s: %v", loadWriters[w].String(), err)
						}
						got, entities := graphShape(b, driver)
						if shape == "" {
							shape = got
						} else if got != shape {
							b.Fatalf("%s left a graph of another shape:\n%s\nwhere the first writer left:\n%s", loadWriters[w].String(), got, shape)
						}
						line := fmt.Sprintf("scale %d, run %d, %-19s %7.1f s, %8.0f a second", scale, rep+1, loadWriters[w].String()+":", elapsed.Seconds(), float64(entities)/elapsed.Seconds())
						if before >= 0 {
							// The floor is the writes alone.
							elapsed -= before
							line += fmt.Sprintf("; %.1f s making the rows, then %.1f s writing, %.0f a second", before.Seconds(), elapsed.Seconds(), float64(entities)/elapsed.Seconds())
						}
						took[w] = append(took[w], elapsed)
						fmt.Println(line)
						count = entities
					}
				}
			}
			// ns/op would be the time of every repetition together.
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(float64(count), "entities")
			for i, w := range loadWriters {
				b.ReportMetric(float64(count)/median(took[i]).Seconds(), metricName(w.String()))
			}
			for i, w := range loadWriters {
				for j, p := range loadWriters {
					if !w.plain && p.plain && w.sessions == p.sessions {
						b.ReportMetric(median(took[i]).Seconds()/median(took[j]).Seconds(), fmt.Sprintf("load/plain-%d", w.sessions))
					}
				}
			}
		})
	}
}

// metricName is a writer's name as a benchmark unit, which may hold no
// spaces.
func metricName(name string) string {
	out := []rune{}
	for _, r := range name {
		switch r {
		case ' ':
			out = append(out, '-')
		case ',':
		default:
			out = append(out, r)
		}
	}
	return string(out) + "-entities/s"
}

// graphShape counts the graph's nodes, its nodes by label and its
// relationships by type, leaving out the load lock, which only Load
// writes. It returns the counts as text, and how many nodes and
// relationships there are.
func graphShape(b *testing.B, driver neo4j.DriverWithContext) (string, int64) {
	b.Helper()
	nodes := MustRun(b, driver, "MATCH (n) WHERE NOT n:PeacegraphLoad RETURN count(n)", nil)[0].Values[0].(int64)
	labels, _ := countsOf(MustRun(b, driver, "MATCH (n) WHERE NOT n:PeacegraphLoad UNWIND labels(n) AS l RETURN l, count(*)", nil))
	types, rels := countsOf(MustRun(b, driver, "MATCH ()-[r]->() RETURN type(r), count(*)", nil))
	return fmt.Sprintf("%d nodes\n%s%s", nodes, labels, types), nodes + rels
}

// countsOf turns records of a name and a count into sorted lines, and
// sums the counts.
func countsOf(records []*neo4j.Record) (string, int64) {
	lines := make([]string, 0, len(records))
	var sum int64
	for _, r := range records {
		n := r.Values[1].(int64)
		sum += n
		lines = append(lines, fmt.Sprintf("%v %d\n", r.Values[0], n))
	}
	slices.Sort(lines)
	return strings.Join(lines, ""), sum
}
