package main_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// chromium is Debian's headless browser, which the test set-up installs.
const chromium = "/usr/bin/chromium"

// MustBrowser starts headless Chromium that can resolve no host but
// 127.0.0.1, and records every URL a page asks for. Without Chromium the
// test is skipped, unless CI=true, where it fails.
func MustBrowser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s: %v (CI=true: the browser tests need Debian's chromium)", chromium, err)
		}
		t.Skipf("%s not found (apt-get install chromium)", chromium)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1400, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel)
	var mu sync.Mutex
	var urls []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("start %s: %v", chromium, err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("start %s: %v", chromium, err)
	}
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
}

// screenshotDir is where the browser tests leave their screenshots for a
// person to look at: PEACEGRAPH_SCREENSHOTS, or a folder in the temp dir.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("PEACEGRAPH_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "peacegraph-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// MustServeSeeds serves the real seeds on the embedded store and returns
// the server's base URL.
func MustServeSeeds(t *testing.T) string {
	t.Helper()
	return MustServeSet(t, seeds)
}

// MustServeSet serves the seed set in dir on the embedded store, with env
// added to a clean environment, and returns the server's base URL once it
// is ready; the server stops with the test.
func MustServeSet(t *testing.T, dir string, env ...string) string {
	t.Helper()
	addr := MustFreeAddr(t)
	cmd := exec.Command(bin, "serve", "--addr", addr, "--seeds", dir, "--log-level", "warn")
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	MustWaitReady(t, base+"/readyz")
	return base
}

// mustOnlyAsk fails the test when the pages asked any host but base.
func mustOnlyAsk(t *testing.T, base string, urls []string) {
	t.Helper()
	for _, u := range urls {
		if !strings.HasPrefix(u, base+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			t.Errorf("a page asked %s, another host than the server", u)
		}
	}
}

func mustScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(screenshotDir(t), name)
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

func TestPlaygroundInABrowser(t *testing.T) {
	base := MustServeSeeds(t)
	ctx, requested := MustBrowser(t)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`.graphiql-tab`)),
	); err != nil {
		t.Fatalf("the playground did not open: %v", err)
	}
	tabs, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.graphiql-tab').length`))
	if err != nil {
		t.Fatal(err)
	}
	// The first tab holds the README's first question: run it.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.graphiql-execute-button`))); err != nil {
		t.Fatalf("run the first question: %v", err)
	}
	result, err := chromedp.Run(ctx, chromedp.Poll[string](
		// The whole answer, from the result editor (CodeMirror draws only
		// the lines in view).
		`(() => { const cm = document.querySelector('.result-window .CodeMirror'); const s = cm && cm.CodeMirror ? cm.CodeMirror.getValue() : ''; return s.includes('concessions') ? s : ''; })()`))
	if err != nil {
		t.Fatalf("no answer shown: %v", err)
	}
	mustScreenshot(t, ctx, "playground.png")
	if tabs < 6 {
		t.Errorf("%d tabs, want one per README question (6 or more)", tabs)
	}
	for _, want := range []string{`"concessions"`, `"onTheTwentieth"`, `"position"`} {
		if !strings.Contains(result, want) {
			t.Errorf("the answer shown lacks %s:\n%s", want, result)
		}
	}
	mustOnlyAsk(t, base, requested())
}

// TestExplorerInABrowser draws the neighbourhood of kirill-dmitriev, opens
// his stance on the plan from the keyboard, and follows its first quote
// into the source, where the quoted words are marked, verbatim, at their
// offsets.
func TestExplorerInABrowser(t *testing.T) {
	base := MustServeSeeds(t)
	ctx, requested := MustBrowser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/explore?center=kirill-dmitriev"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-drawn="true"]`)),
	); err != nil {
		t.Fatalf("the explorer drew nothing: %v", err)
	}
	drawn, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[peacegraphExplorer.nodes().length, peacegraphExplorer.edges().length]`))
	if err != nil {
		t.Fatal(err)
	}
	if drawn[0] < 10 || drawn[1] < 10 {
		t.Errorf("drew %d nodes and %d edges around kirill-dmitriev, want his neighbourhood", drawn[0], drawn[1])
	}
	// The stance's evidence, reached from the keyboard: its button in
	// Dmitriev's panel, focused, and Enter.
	const edge = "SUPPORTS:kirill-dmitriev->us-28-point-plan"
	if err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS(`#panel button[data-edge="`+edge+`"]`)),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS(`#panel .claim blockquote`)),
	); err != nil {
		t.Fatalf("the stance's evidence did not show: %v", err)
	}
	mustScreenshot(t, ctx, "explorer.png")
	ev, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => {
		const a = [...document.querySelectorAll('#panel .claim a')].find((a) => a.getAttribute('href').startsWith('/sources/'));
		const q = a.closest('.meta').previousElementSibling.textContent;
		return { href: a ? a.getAttribute('href') : '', quote: q, claim: a.closest('.claim').dataset.claim };
	})()`))
	if err != nil || ev["href"] == "" {
		t.Fatalf("no link from the evidence into its source (%v): %v", err, ev)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+ev["href"]),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"] mark.current`)),
	); err != nil {
		t.Fatalf("the source page did not mark the quote: %v", err)
	}
	marked, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('mark.current').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if marked != ev["quote"] {
		t.Errorf("marked %q in the source, the claim %s quotes %q", marked, ev["claim"], ev["quote"])
	}
	mustScreenshot(t, ctx, "source.png")
	mustOnlyAsk(t, base, requested())
}

// TestExplorerDateControl: on the Kremlin's neighbourhood, the date control
// replays its stance on the plan: SUPPORTS now (25 November), UNDECIDED
// as of 22 November; the stance matrix shows it as a grid.
func TestExplorerDateControl(t *testing.T) {
	base := MustServeSeeds(t)
	ctx, requested := MustBrowser(t)
	stances := func() []string {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`peacegraphExplorer.edges().filter((e) => e.data('source') === 'kremlin' && e.data('target') === 'us-28-point-plan').map((e) => e.data('type'))`))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/explore?center=kremlin"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-drawn="true"]`)),
	); err != nil {
		t.Fatalf("the explorer drew nothing: %v", err)
	}
	if now := stances(); len(now) != 1 || now[0] != "SUPPORTS" {
		t.Errorf("the Kremlin on the plan now: %v, want [SUPPORTS]", now)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const d = document.getElementById('asof'); d.value = '2025-11-22'; d.dispatchEvent(new Event('change')); return true; })()`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`body[data-asof="2025-11-22"]`))); err != nil {
		t.Fatalf("the date control did not replay: %v", err)
	}
	if then := stances(); len(then) != 1 || then[0] != "UNDECIDED" {
		t.Errorf("the Kremlin on the plan as of 22 November: %v, want [UNDECIDED]", then)
	}
	mustScreenshot(t, ctx, "explorer-as-of.png")
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#matrix`)),
		chromedp.WaitVisible(chromedp.CSS(`#panel table.matrix td.SUPPORTS`)),
	); err != nil {
		t.Fatalf("no stance matrix: %v", err)
	}
	mustScreenshot(t, ctx, "stance-matrix.png")
	mustOnlyAsk(t, base, requested())
}

// frontendLibs is where `make frontends` installs the drawing libraries.
const frontendLibs = "../../scripts/frontends/node_modules"

// TestFrontEndsDrawTheGraphUnchanged gives the output of graph, as the API
// answers it, to Cytoscape.js, vis-network and NVL, each loaded from its
// npm package by a page of another origin (which CORS lets call the API),
// and counts what they drew.
func TestFrontEndsDrawTheGraphUnchanged(t *testing.T) {
	if _, err := os.Stat(frontendLibs); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s: %v (CI=true: run make frontends)", frontendLibs, err)
		}
		t.Skipf("%s not installed: make frontends", frontendLibs)
	}
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/cytoscape.js":
			http.ServeFile(w, r, filepath.Join(frontendLibs, "cytoscape/dist/cytoscape.min.js"))
		case "/vis-network.js":
			http.ServeFile(w, r, filepath.Join(frontendLibs, "vis-network/standalone/umd/vis-network.min.js"))
		case "/nvl.js":
			http.ServeFile(w, r, filepath.Join(frontendLibs, "../dist/nvl.js"))
		default:
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<!DOCTYPE html><html><body>
<div id="cy" style="width:600px;height:400px"></div><div id="vis" style="width:600px;height:400px"></div>
<div id="nvl" style="width:600px;height:400px"></div>
<script src="/cytoscape.js"></script><script src="/vis-network.js"></script><script src="/nvl.js"></script></body></html>`)
		}
	}))
	defer page.Close()

	api := MustServeSet(t, seeds, "PEACEGRAPH_CORS_ORIGINS="+page.URL)

	ctx, requested := MustBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(page.URL+"/")); err != nil {
		t.Fatal(err)
	}
	drawn, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]int](`(async () => {
		const res = await fetch('`+api+`/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ query: '{ graph(center: "kirill-dmitriev", depth: 2) { nodes { id } edges { id } cytoscape visNetwork nvl } }' }) });
		const g = (await res.json()).data.graph;
		const cy = cytoscape({ container: document.getElementById('cy'), elements: g.cytoscape, headless: false });
		const net = new vis.Network(document.getElementById('vis'), g.visNetwork, { physics: false });
		const nvl = new NVL(document.getElementById('nvl'), g.nvl.nodes, g.nvl.relationships,
			{ disableTelemetry: true, disableWebWorkers: true, renderer: 'canvas' });
		return { nodes: g.nodes.length, edges: g.edges.length,
			cyNodes: cy.nodes().length, cyEdges: cy.edges().length,
			visNodes: Object.keys(net.body.nodes).filter((id) => !id.startsWith('edgeId:')).length,
			visEdges: Object.keys(net.body.edges).length,
			nvlNodes: nvl.getNodes().length, nvlEdges: nvl.getRelationships().length };
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("drawing the graph: %v", err)
	}
	t.Logf("drawn: %v", drawn)
	if drawn["nodes"] < 10 {
		t.Fatalf("the API gave %d nodes", drawn["nodes"])
	}
	for _, lib := range []string{"cy", "vis", "nvl"} {
		if drawn[lib+"Nodes"] != drawn["nodes"] || drawn[lib+"Edges"] != drawn["edges"] {
			t.Errorf("%s drew %d nodes and %d edges, the API gave %d and %d", lib, drawn[lib+"Nodes"], drawn[lib+"Edges"], drawn["nodes"], drawn["edges"])
		}
	}
	for _, u := range requested() {
		if !strings.HasPrefix(u, page.URL+"/") && !strings.HasPrefix(u, api+"/") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the page asked %s", u)
		}
	}
}
