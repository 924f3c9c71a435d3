package neo4j_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/memory"
	"github.com/peacegraph/peacegraph/synth"
)

// TestLoadAtScale loads a generated record of PEACEGRAPH_SCALE_TEST times
// the seeds with the real command, then the same files again (found
// unchanged, none read), then the same set compared whole (--full), then
// the set plus one article (its files alone read, as an addition), then
// the set without it. After each load the graph
// answers as the embedded store loaded with the same set; and before each,
// a `peacegraph load` of the same step killed with SIGKILL half-way leaves
// the graph as it was. It runs only when asked (make test-scale), since at
// 1000 it takes many minutes and several GiB; at 10 it takes about a
// minute.
func TestLoadAtScale(t *testing.T) {
	scale, _ := strconv.Atoi(os.Getenv("PEACEGRAPH_SCALE_TEST"))
	if scale < 1 {
		t.Skip("set PEACEGRAPH_SCALE_TEST to a scale (e.g. 10 or 1000) to run it (make test-scale)")
	}
	driver := MustDriver(t)
	bin := mustBuild(t)
	cfg := synth.Config{Scale: scale, Seed: 1}
	dir := filepath.Join(t.TempDir(), "set")
	base, err := synth.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := synth.Write(dir, base); err != nil {
		t.Fatal(err)
	}
	article, err := synth.NewArticle(cfg, 1)
	if err != nil {
		t.Fatal(err)
	}
	plus := mustGenerate(t, cfg)
	article.AddTo(plus)

	MustWipe(t, driver)
	// The other tests share the database and wipe it in one transaction:
	// leave it empty for them.
	t.Cleanup(func() { MustWipe(t, driver) })
	neo := MustOpen(t)
	empty := mustGraphState(t, driver)

	// From nothing: killed while it stages, then killed in its last
	// transaction, then whole.
	killLoad(t, bin, dir, driver, empty, atStatement(3))
	killLoad(t, bin, dir, driver, empty, inLastTransaction(func() string {
		return stagedNode(t, driver)
	}))
	first := runLoad(t, bin, dir)
	entities := mustEntities(t, driver)
	t.Logf("scale %d from nothing: %d entities (nodes and relationships) in %.1fs of Load (%.0f entities/s), %.1fs for the command; %s",
		scale, entities, first.load.Seconds(), float64(entities)/first.load.Seconds(), first.elapsed.Seconds(), first.changes)
	wantAnswers(t, neo, base, article)
	loaded := mustGraphState(t, driver)

	// The same set again: the graph holds a load of these very files,
	// so none is read; and compared whole (--full), there is nothing to
	// write.
	same := runLoad(t, bin, dir)
	if !same.unchanged || same.changes != "no changes (0 write statements)" {
		t.Errorf("reloading the same files: %q (found them unchanged: %v), want them found unchanged and no writes", same.changes, same.unchanged)
	}
	t.Logf("scale %d unchanged reload: %.2fs for the command, no file read", scale, same.elapsed.Seconds())
	killLoad(t, bin, dir, driver, loaded, atMessage("planned the load"), "--full")
	again := runLoad(t, bin, dir, "--full")
	if again.unchanged || again.changes != "no changes (0 write statements)" {
		t.Errorf("reloading the same set whole: %q, want no changes and no writes", again.changes)
	}
	t.Logf("scale %d unchanged reload compared whole: %.2fs of Load", scale, again.load.Seconds())
	if again.read != 0 || again.whole {
		t.Errorf("an unchanged reload read %d units' hashes (whole: %v), want none", again.read, again.whole)
	}
	if got := mustGraphState(t, driver); !slices.Equal(got, loaded) {
		t.Errorf("an unchanged reload changed the graph:\n%s", firstDiff(got, loaded))
	}

	// Plus one article; the last transaction is held up at the article's
	// claimant, a node of the graph it writes to, and killed there.
	if err := synth.WriteArticle(dir, article); err != nil {
		t.Fatal(err)
	}
	killLoad(t, bin, dir, driver, loaded, inLastTransactionAt(2))
	added := runLoad(t, bin, dir)
	t.Logf("scale %d plus one article: %.2fs for the command, %.2fs of Load (%s); %s", scale, added.elapsed.Seconds(), added.load.Seconds(), added.phases, added.changes)
	wantFewRead(t, "adding an article", added, entities)
	if !added.addition {
		t.Error("adding an article read the whole set, want only its files read and loaded as an addition")
	}
	if !strings.HasPrefix(added.changes, "Claim +10 ~0 -0") || !strings.Contains(added.changes, "Source +1 ~0 -0") {
		t.Errorf("adding an article: %q, want 10 claims and a source added", added.changes)
	}
	wantAnswers(t, neo, plus, article)
	if whole := runLoad(t, bin, dir, "--full"); whole.changes != "no changes (0 write statements)" {
		t.Errorf("the set plus the article compared whole after the addition: %q, want no changes and no writes: the addition wrote otherwise than a whole load", whole.changes)
	}
	withArticle := mustGraphState(t, driver)

	// Minus the article again.
	for _, f := range article.Files() {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	killLoad(t, bin, dir, driver, withArticle, inLastTransactionAt(2))
	removed := runLoad(t, bin, dir)
	t.Logf("scale %d minus the article: %.2fs of Load (%s); %s", scale, removed.load.Seconds(), removed.phases, removed.changes)
	wantFewRead(t, "removing the article", removed, entities)
	if !strings.HasPrefix(removed.changes, "Claim +0 ~0 -10") || !strings.Contains(removed.changes, "Source +0 ~0 -1") {
		t.Errorf("removing the article: %q, want 10 claims and a source removed", removed.changes)
	}
	wantAnswers(t, neo, mustGenerate(t, cfg), article)
	if got := mustGraphState(t, driver); !slices.Equal(got, loaded) {
		t.Errorf("the set minus the article differs from the set loaded before it:\n%s", firstDiff(got, loaded))
	}
}

// wantFewRead checks that a load of a small change read back the hashes of
// the buckets it touches, not the graph: fewer than 1% of its entities.
func wantFewRead(t *testing.T, what string, run loadRun, entities int64) {
	t.Helper()
	if run.whole || int64(run.read)*100 >= entities {
		t.Errorf("%s read %d units' hashes (whole: %v) of a graph of %d entities; want fewer than 1%%", what, run.read, run.whole, entities)
	}
}

// mustBuild builds the peacegraph command for the test to run and kill.
func mustBuild(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "peacegraph")
	build := exec.Command("go", "build", "-o", bin, "../cmd/peacegraph")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatalf("building peacegraph: %v", err)
	}
	return bin
}

func mustGenerate(t *testing.T, cfg synth.Config) *peacegraph.Dataset {
	t.Helper()
	d, err := synth.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// loadRun is what a finished `peacegraph load` said.
type loadRun struct {
	// changes is what it printed after "changes: ".
	changes string
	// load is how long the store's Load took, elapsed the whole command.
	load, elapsed time.Duration
	// phases are the durations the load logged, for the figures.
	phases string
	// read is how many units' hashes the load read back, whole whether
	// it read the graph whole (buckets.go).
	read  int
	whole bool
	// unchanged: the load found the graph holding these very files and
	// read none.
	unchanged bool
	// addition: the load read only the files added since the last and
	// loaded them as an addition (peacegraph.Adding).
	addition bool
}

var changesLine = regexp.MustCompile(`: changes: (.*)\n`)

// loadCommand is `peacegraph load --prune dir` on the test database (its
// first load replaces what the last test left), logging JSON at debug
// level, which is where the kill points are read from.
func loadCommand(bin, dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, append(append([]string{"load", "--prune", "--log-format", "json", "--log-level", "debug"}, args...), dir)...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "NEO4J_URI=" + testConfig().URI,
		"NEO4J_USERNAME=" + testConfig().Username, "NEO4J_PASSWORD=" + testConfig().Password, "NEO4J_DATABASE=" + testConfig().Database}
	return cmd
}

// runLoad runs a load to its end and fails the test unless it succeeds.
func runLoad(t *testing.T, bin, dir string, args ...string) loadRun {
	t.Helper()
	cmd := loadCommand(bin, dir, args...)
	var stdout strings.Builder
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var run loadRun
	var phases []string
	var tail []string
	sc := bufio.NewScanner(stderr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line struct {
			Message string  `json:"message"`
			Took    float64 `json:"took"`
			Read    int     `json:"read"`
			Whole   bool    `json:"whole"`
		}
		_ = json.Unmarshal(sc.Bytes(), &line)
		switch line.Message {
		case "loaded dataset into Neo4j":
			run.load = time.Duration(line.Took * float64(time.Millisecond))
		case "planned the load", "staged the nodes the load adds", "wrote the load's last transaction":
			phases = append(phases, fmt.Sprintf("%s %.2fs", line.Message, line.Took/1000))
		case "read the graph's hashes":
			run.read, run.whole = line.Read, line.Whole
			phases = append(phases, fmt.Sprintf("read %d units' hashes", line.Read))
		case "planned the addition":
			run.read, run.addition = line.Read, true
			phases = append(phases, fmt.Sprintf("planned the addition %.2fs, reading %d units' hashes", line.Took/1000, line.Read))
		case "the graph in Neo4j already holds the dataset":
			run.load = time.Duration(line.Took * float64(time.Millisecond))
		case "the store holds these very seed files; nothing to load":
			run.unchanged = true
		}
		if line.Message != "write statement" {
			tail = append(tail, sc.Text())
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("peacegraph load %s: %v\n%s\n%s", dir, err, strings.Join(tail, "\n"), stdout.String())
	}
	run.elapsed = time.Since(start)
	run.phases = strings.Join(phases, ", ")
	if m := changesLine.FindStringSubmatch(stdout.String()); m != nil {
		run.changes = m[1]
	} else {
		t.Fatalf("peacegraph load printed no changes:\n%s", stdout.String())
	}
	return run
}

// killPoint decides when a running load is killed: it is handed each line
// the load logs and returns true to kill it there, with what to undo once
// the load is dead (nil for nothing).
type killPoint func(t *testing.T, driver neo4j.DriverWithContext, line logLine) (bool, func())

type logLine struct {
	Message string `json:"message"`
}

// atStatement kills the load once it has run n write statements.
func atStatement(n int) killPoint {
	seen := 0
	return func(t *testing.T, _ neo4j.DriverWithContext, line logLine) (bool, func()) {
		if line.Message == "write statement" {
			seen++
		}
		return seen >= n, nil
	}
}

// atMessage kills the load when it logs msg.
func atMessage(msg string) killPoint {
	return func(_ *testing.T, _ neo4j.DriverWithContext, line logLine) (bool, func()) {
		return line.Message == msg, nil
	}
}

// inLastTransaction kills the load inside its last transaction, while
// that transaction has written part of the change: when the load says it
// begins it, the test locks the node id() names, which one of the
// transaction's statements writes (a property or a label of it), in a
// transaction of its own, waits until that statement is blocked on the
// lock, and kills the load there.
func inLastTransaction(id func() string) killPoint {
	return func(t *testing.T, driver neo4j.DriverWithContext, line logLine) (bool, func()) {
		if line.Message != "writing the load's last transaction" {
			return false, nil
		}
		ctx := t.Context()
		session := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: testConfig().Database})
		tx, err := session.BeginTransaction(ctx)
		if err != nil {
			t.Fatal(err)
		}
		release := func() {
			_ = tx.Rollback(context.Background())
			_ = session.Close(context.Background())
		}
		node := id()
		res, err := tx.Run(ctx, "MATCH (n) WHERE n.id = $id SET n.lockedByTest = true RETURN count(n)", map[string]any{"id": node})
		var rec *neo4j.Record
		if err == nil {
			rec, err = res.Single(ctx)
		}
		if err != nil || rec.Values[0].(int64) != 1 {
			release()
			t.Fatalf("locking %s: %v", node, err)
		}
		// Only a statement that waits is a point before the commit: a
		// transaction that waits in its commit (Closing) has been told to
		// commit, and does once the lock goes, killed client or not.
		deadline := time.Now().Add(5 * time.Minute)
		for time.Now().Before(deadline) {
			recs := MustRun(t, driver, "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*)", nil)
			if recs[0].Values[0].(int64) > 0 {
				return true, release
			}
			time.Sleep(50 * time.Millisecond)
		}
		release()
		t.Fatalf("the load's last transaction never waited on %s, which the test locked", node)
		return false, nil
	}
}

// inLastTransactionAt kills the load once its last transaction has run n
// write statements. A small load's statements are few and short, and
// Neo4j takes the locks of a property change only when it commits, so a
// lock cannot hold one up before its commit as inLastTransaction does; the
// kill lands while the statements after the nth are sent, well before
// the commit is (the test would see the change otherwise).
func inLastTransactionAt(n int) killPoint {
	begun, seen := false, 0
	return func(_ *testing.T, _ neo4j.DriverWithContext, line logLine) (bool, func()) {
		switch line.Message {
		case "writing the load's last transaction":
			begun = true
		case "write statement":
			if begun {
				seen++
			}
		}
		return begun && seen >= n, nil
	}
}

// killLoad starts a load, kills it with SIGKILL where at says, and wants
// the graph as it was (want, from mustGraphState) afterwards.
func killLoad(t *testing.T, bin, dir string, driver neo4j.DriverWithContext, want []string, at killPoint, args ...string) {
	t.Helper()
	cmd := loadCommand(bin, dir, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	sc := bufio.NewScanner(stderr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line logLine
		_ = json.Unmarshal(sc.Bytes(), &line)
		kill, after := at(t, driver, line)
		if kill {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
			_ = cmd.Wait()
			if after != nil {
				after()
			}
			break
		}
	}
	if !killed {
		_ = cmd.Wait()
	}
	if !killed {
		t.Fatalf("the load ended before the point it was to be killed at")
	}
	// The server ends the killed client's transaction when it sees the
	// connection go; wait for that before looking.
	for range 600 {
		recs := MustRun(t, driver, "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN count(*)", nil)
		if recs[0].Values[0].(int64) == 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if got := mustGraphState(t, driver); !slices.Equal(got, want) {
		t.Errorf("a load killed half-way changed the graph:\n%s", firstDiff(got, want))
	}
}

// mustGraphState sums up the graph readers see: every node's ID, labels
// and hash, the count of relationships of each type among them, and the
// hash of every relationship-only unit. Staged nodes and the sides of
// staged disputes, which no read sees, and the load lock are left out. Two states are equal when the graphs
// hold the same units with the same content, as the hashes cover it.
func mustGraphState(t *testing.T, driver neo4j.DriverWithContext) []string {
	t.Helper()
	var lines []string
	for _, r := range MustRun(t, driver, `MATCH (n) WHERE NOT n:Staged AND NOT n:PeacegraphLoad
  AND NOT EXISTS { (:Staged)-[:HAS_SIDE]->(n) }
RETURN n.id AS id, labels(n) AS labels, n.hash AS hash`, nil) {
		lines = append(lines, fmt.Sprintf("node %v %s %v", r.Values[0], sorted(r.Values[1]), r.Values[2]))
	}
	for _, r := range MustRun(t, driver, `MATCH (a)-[r]->(b) WHERE NOT a:Staged AND NOT b:Staged
  AND NOT EXISTS { (:Staged)-[:HAS_SIDE]->(a) }
RETURN type(r) AS type, r.unit AS unit, r.hash AS hash, count(*) AS n`, nil) {
		lines = append(lines, fmt.Sprintf("rel %v %v %v %v", r.Values[0], r.Values[1], r.Values[2], r.Values[3]))
	}
	slices.Sort(lines)
	return lines
}

// mustEntities counts the graph's nodes and relationships.
func mustEntities(t *testing.T, driver neo4j.DriverWithContext) int64 {
	t.Helper()
	nodes, rels := MustCounts(t, driver)
	return nodes + rels
}

// stagedNode is the ID of a staged dispute: the last kind the last
// transaction brings into view, so that it has relabelled every other
// staged node when it reaches it.
func stagedNode(t *testing.T, driver neo4j.DriverWithContext) string {
	t.Helper()
	recs := MustRun(t, driver, "MATCH (n:Staged) WHERE n.question IS NOT NULL RETURN n.id LIMIT 1", nil)
	if len(recs) == 0 {
		t.Fatal("the load's last transaction began with nothing staged")
	}
	return recs[0].Values[0].(string)
}

// wantAnswers asks the Neo4j store and the embedded store loaded with d
// the same questions and wants the same answers: every list and count
// over the whole graph, every node of the article's replica and the
// article, and a sample of the rest, with their claims, contradictions,
// stances, paths and neighbourhoods.
func wantAnswers(t *testing.T, neo peacegraph.Store, d *peacegraph.Dataset, a *synth.Article) {
	t.Helper()
	mem := memory.New()
	MustLoad(t, mem, d)
	ctx := t.Context()
	ask := askBoth(t, neo, mem)
	// The article's replica is 1 (synth: article k is about replica
	// ((k-1) mod N)+1); its IDs end in -r1. The article's own nodes
	// start with article-1. Every 97th other ID makes the sample.
	nodes := d.Nodes()
	all := make([]string, 0, len(nodes))
	for id := range nodes {
		all = append(all, id)
	}
	slices.Sort(all)
	var ids, claims, actors []string
	for i, id := range all {
		n := nodes[id]
		if strings.HasSuffix(id, "-r1") || strings.Contains(id, "-r1-") || strings.HasPrefix(id, "article-") || i%97 == 0 {
			ids = append(ids, id)
			switch n.(type) {
			case *peacegraph.Claim:
				claims = append(claims, id)
			case *peacegraph.Actor:
				actors = append(actors, id)
			}
		}
	}
	for _, id := range []string{a.Source.ID, a.Claims[0].ID} {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		ask("Nodes "+chunk[0], func(s peacegraph.Store) (any, error) { return s.Nodes(ctx, chunk) })
		ask("Members "+chunk[0], func(s peacegraph.Store) (any, error) { return s.Members(ctx, chunk) })
		ask("ActorEvents "+chunk[0], func(s peacegraph.Store) (any, error) { return s.ActorEvents(ctx, chunk) })
	}
	ask("Contradictions", func(s peacegraph.Store) (any, error) { return s.Contradictions(ctx, claims) })
	ask("Plans", func(s peacegraph.Store) (any, error) { return s.Plans(ctx) })
	ask("Sources", func(s peacegraph.Store) (any, error) { return s.Sources(ctx) })
	ask("Events", func(s peacegraph.Store) (any, error) { return s.Events(ctx) })
	ask("Stances", func(s peacegraph.Store) (any, error) { return s.Stances(ctx, peacegraph.StanceFilter{}) })
	ask("Stances as of", func(s peacegraph.Store) (any, error) {
		return s.Stances(ctx, peacegraph.StanceFilter{AsOf: "2026-01-15"})
	})
	ask("Actors", func(s peacegraph.Store) (any, error) { return s.Actors(ctx, peacegraph.ActorQuery{First: 100}) })
	queries := []peacegraph.ClaimQuery{{First: 100}, {First: 100, Filter: peacegraph.ClaimFilter{Source: a.Source.ID}}}
	for _, c := range a.Claims {
		queries = append(queries,
			peacegraph.ClaimQuery{First: 100, Filter: peacegraph.ClaimFilter{Claimant: c.ClaimantID}},
			peacegraph.ClaimQuery{First: 100, Filter: peacegraph.ClaimFilter{About: firstOf(c.AboutIDs)}})
	}
	for _, id := range actors[:min(20, len(actors))] {
		queries = append(queries, peacegraph.ClaimQuery{First: 100, Filter: peacegraph.ClaimFilter{Claimant: id}})
	}
	ask("Claims", func(s peacegraph.Store) (any, error) { return s.Claims(ctx, queries) })
	ask("Search", func(s peacegraph.Store) (any, error) {
		return s.Search(ctx, peacegraph.SearchQuery{Text: firstWord(a.Claims[0].Text), First: 100})
	})
	for _, c := range a.Claims[:3] {
		ask("Path "+c.ID, func(s peacegraph.Store) (any, error) { return s.Path(ctx, c.ID, a.Source.ID, 4) })
		ask("Neighbourhood "+c.ID, func(s peacegraph.Store) (any, error) {
			return s.Neighbourhood(ctx, peacegraph.NeighbourhoodQuery{Center: c.ID, Depth: 1})
		})
	}
}

func firstOf(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}

// firstWord is the first word of a text of four letters or more, a word
// search finds.
func firstWord(text string) string {
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".,;:\"'“”‘’()")
		if len(w) >= 4 {
			return w
		}
	}
	return text
}
