package atom_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/atom"
	"github.com/peacegraph/peacegraph/graph"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/schemaorg"
	"github.com/peacegraph/peacegraph/server"
	"github.com/peacegraph/peacegraph/storetest"
	"github.com/peacegraph/peacegraph/web"
)

// schema is RFC 4287's RELAX NG schema (testdata/README.md).
const schema = "testdata/atom.rnc"

// MustServer serves the store as the binary does: the feed beside the
// claim export and the pages its links lead to.
func MustServer(t *testing.T, s peacegraph.Store, limits peacegraph.ChangeLimits) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer((&server.Server{
		Store:       s,
		GraphQL:     graph.NewHandler(s, zerolog.Nop()),
		ClaimExport: &schemaorg.Handler{Store: s, Log: zerolog.Nop()},
		Web:         web.Handler(),
		Changes:     &atom.Handler{Store: s, Limits: limits, Log: zerolog.Nop()},
		Log:         zerolog.Nop(),
	}).Handler())
	t.Cleanup(srv.Close)
	return srv
}

// MustGet gets path with the Host header host ("" keeps the server's)
// and returns the response's status, content type and body.
func MustGet(t *testing.T, srv *httptest.Server, path, host string) (int, string, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header.Get("Content-Type"), body
}

// MustFeed gets a feed, requires 200 with the Atom media type, a
// well-formed document and one that jing finds valid against RFC 4287's
// schema, and decodes it.
func MustFeed(t *testing.T, srv *httptest.Server, path, host string) (*atom.Feed, []byte) {
	t.Helper()
	status, ctype, body := MustGet(t, srv, path, host)
	if status != http.StatusOK || !strings.HasPrefix(ctype, "application/atom+xml") {
		t.Fatalf("GET %s: %d %s: %s", path, status, ctype, body)
	}
	MustWellFormed(t, body)
	MustValidAtom(t, body)
	var f atom.Feed
	if err := xml.Unmarshal(body, &f); err != nil {
		t.Fatalf("decode the feed: %v", err)
	}
	return &f, body
}

// MustWellFormed reads every token of doc.
func MustWellFormed(t *testing.T, doc []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, doc)
		}
	}
}

// MustValidAtom validates doc with jing against RFC 4287's schema. Without
// jing the test is skipped, unless CI=true, where it fails: `make test`
// installs it.
func MustValidAtom(t *testing.T, doc []byte) {
	t.Helper()
	if err := jing(t, doc); err != nil {
		t.Fatalf("the feed is not valid Atom: %v\n%s", err, doc)
	}
}

// jing runs jing on doc, returning what it reports.
func jing(t *testing.T, doc []byte) error {
	t.Helper()
	path, err := exec.LookPath("jing")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("jing: %v (CI=true: the feed tests need Debian's jing; make test installs it)", err)
		}
		t.Skipf("jing not found (apt-get install jing; make test installs it): %v", err)
	}
	file := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(path, "-c", schema, file)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		// Debian's jing warns on stderr of optional jars it lacks; only
		// the lines naming the document are findings.
		var found []string
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.Contains(line, file) {
				found = append(found, strings.TrimPrefix(line, file))
			}
		}
		return errors.New(strings.Join(append(found, err.Error()), "\n"))
	}
	return nil
}

func ids(f *atom.Feed) []string {
	var out []string
	for _, e := range f.Entries {
		out = append(out, e.ID)
	}
	return out
}

// TestJingFindsInvalidAtom makes sure the check can fail: a feed whose
// updated is a bare day, as the record dates things, is not Atom.
func TestJingFindsInvalidAtom(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>x</title><updated>2025-11-21</updated></feed>`
	if err := jing(t, []byte(doc)); err == nil {
		t.Fatal("jing accepted a feed whose updated has no time")
	}
	ok := strings.Replace(doc, "2025-11-21", "2025-11-21T00:00:00Z", 1)
	if err := jing(t, []byte(ok)); err != nil {
		t.Fatalf("jing refused a minimal valid feed: %v", err)
	}
}

// TestFeed reads the feed of the conformance fixture of changes on both
// stores: valid Atom, one entry per change with a stable id, each dated
// at the start of its day, quoting its evidence, and linking claims and
// sources a reader can follow.
func TestFeed(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return storetest.ChangesFixture() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, peacegraph.ChangeLimits{})
		f, _ := MustFeed(t, srv, "/changes.atom?since=2025-11-20", "")

		t.Run("one entry per change, newest day first, each with a stable id", func(t *testing.T) {
			want := []string{
				"urn:peacegraph:change:2025-11-23:claim:c-monitors",
				"urn:peacegraph:change:2025-11-23:plan:peace-plan-revised",
				"urn:peacegraph:change:2025-11-22:claim:c-cap-support",
				"urn:peacegraph:change:2025-11-22:stance:carol-leader:peace-plan-2:SUPPORTS",
				"urn:peacegraph:change:2025-11-22:dispute:was-the-plan-leaked:side-2",
				"urn:peacegraph:change:2025-11-21:claim:c-fair",
				"urn:peacegraph:change:2025-11-21:claim:c-heard",
				"urn:peacegraph:change:2025-11-21:claim:c-reject",
				"urn:peacegraph:change:2025-11-21:stance:alice-envoy:peace-plan:SUPPORTS",
				"urn:peacegraph:change:2025-11-21:stance:bob-minister:peace-plan:SUPPORTS",
				"urn:peacegraph:change:2025-11-21:stance:carol-leader:peace-plan-2:OPPOSES",
				"urn:peacegraph:change:2025-11-20:claim:c-denial",
				"urn:peacegraph:change:2025-11-20:claim:c-leak",
				"urn:peacegraph:change:2025-11-20:stance:red-state:peace-plan:CONDITIONAL",
				"urn:peacegraph:change:2025-11-20:dispute:was-the-plan-leaked:side-1",
				"urn:peacegraph:change:2025-11-20:plan:peace-plan",
			}
			if got := ids(f); !slices.Equal(got, want) {
				t.Errorf("entry ids:\n got %q\nwant %q", got, want)
			}
			again, _ := MustFeed(t, srv, "/changes.atom?since=2025-11-20", "feeds.example:8443")
			if !slices.Equal(ids(again), ids(f)) || again.ID != f.ID || again.Updated != f.Updated {
				t.Errorf("a second request, to another host, gave ids %q, feed %s updated %s; want %q, %s, %s",
					ids(again), again.ID, again.Updated, ids(f), f.ID, f.Updated)
			}
			narrow, _ := MustFeed(t, srv, "/changes.atom?since=2025-11-22&until=2025-11-22", "")
			if got := ids(narrow); !slices.Equal(got, want[2:5]) {
				t.Errorf("the entries of 2025-11-22 alone: %q, want %q", got, want[2:5])
			}
		})

		t.Run("the feed names itself, its author and its last day", func(t *testing.T) {
			if f.ID != "urn:peacegraph:changes" || f.Title.Body == "" || len(f.Authors) != 1 || f.Authors[0].Name != "peacegraph" {
				t.Errorf("feed id %q, title %q, authors %+v", f.ID, f.Title.Body, f.Authors)
			}
			if f.Updated != "2025-11-23T00:00:00Z" {
				t.Errorf("feed updated %s, want the start of its newest day", f.Updated)
			}
			host := strings.TrimPrefix(srv.URL, "http://")
			other, _ := MustFeed(t, srv, "/changes.atom?since=2025-11-20", "feeds.example:8443")
			for _, c := range []struct {
				feed *atom.Feed
				want string
			}{{f, "http://" + host + "/changes.atom?since=2025-11-20"}, {other, "http://feeds.example:8443/changes.atom?since=2025-11-20"}} {
				var self []string
				for _, l := range c.feed.Links {
					if l.Rel == "self" {
						self = append(self, l.Href)
					}
				}
				if !slices.Equal(self, []string{c.want}) {
					t.Errorf("self links %q, want %q", self, c.want)
				}
			}
		})

		t.Run("every entry is dated, titled, has content and a link to follow", func(t *testing.T) {
			for _, e := range f.Entries {
				day := strings.Split(e.ID, ":")[3]
				if e.Updated != day+"T00:00:00Z" {
					t.Errorf("%s: updated %s, want the start of %s", e.ID, e.Updated, day)
				}
				if e.Title.Body == "" || e.Content == nil || e.Content.Type != "text" || e.Content.Body == "" {
					t.Errorf("%s: title %q, content %+v", e.ID, e.Title.Body, e.Content)
				}
				alternates := 0
				for _, l := range e.Links {
					if l.Rel == "alternate" {
						alternates++
					}
					status, ctype, body := MustGet(t, srv, strings.TrimPrefix(l.Href, srv.URL), "")
					if status != http.StatusOK || !strings.HasPrefix(ctype, l.Type) {
						t.Errorf("%s: link %s (%s): %d %s: %.200s", e.ID, l.Href, l.Type, status, ctype, body)
					}
				}
				if alternates > 1 {
					t.Errorf("%s: %d alternate links, want at most one", e.ID, alternates)
				}
			}
		})

		t.Run("an entry quotes its evidence verbatim and links it", func(t *testing.T) {
			e := entry(t, f, "urn:peacegraph:change:2025-11-21:stance:alice-envoy:peace-plan:SUPPORTS")
			for _, want := range []string{"Alice Arden takes a position on", "SUPPORTS", "“the plan is fair to everyone.”", "The plan in full, Daily Ledger"} {
				if !strings.Contains(e.Content.Body, want) {
					t.Errorf("content %q does not hold %q", e.Content.Body, want)
				}
			}
			var hrefs []string
			for _, l := range e.Links {
				hrefs = append(hrefs, l.Rel+" "+strings.TrimPrefix(l.Href, srv.URL))
			}
			if want := []string{"alternate /claims/c-fair.jsonld", "related /sources/article-full"}; !slices.Equal(hrefs, want) {
				t.Errorf("links %q, want %q", hrefs, want)
			}
			moved := entry(t, f, "urn:peacegraph:change:2025-11-22:stance:carol-leader:peace-plan-2:SUPPORTS")
			if !strings.Contains(moved.Title.Body, "from OPPOSES to SUPPORTS") {
				t.Errorf("a move's title %q does not say from what to what", moved.Title.Body)
			}
		})
	})
}

func entry(t *testing.T, f *atom.Feed, id string) atom.Entry {
	t.Helper()
	for _, e := range f.Entries {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no entry %s among %q", id, ids(f))
	return atom.Entry{}
}

// TestFeedWindow checks the feed without since: the days ending at the
// latest day of the record, a week by default, or as many as days says.
func TestFeedWindow(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return storetest.ChangesFixture() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, peacegraph.ChangeLimits{})
		week, _ := MustFeed(t, srv, "/changes.atom", "")
		all, _ := MustFeed(t, srv, "/changes.atom?since=2025-11-17", "")
		if !slices.Equal(ids(week), ids(all)) {
			t.Errorf("the default week: %q, want the changes from 2025-11-17, %q", ids(week), ids(all))
		}
		last, _ := MustFeed(t, srv, "/changes.atom?days=1", "")
		if want := []string{"urn:peacegraph:change:2025-11-23:claim:c-monitors", "urn:peacegraph:change:2025-11-23:plan:peace-plan-revised"}; !slices.Equal(ids(last), want) {
			t.Errorf("days=1: %q, want %q", ids(last), want)
		}
		empty, _ := MustFeed(t, srv, "/changes.atom?since=2025-11-25&until=2025-11-30", "")
		if len(empty.Entries) != 0 || empty.Updated != "2025-11-30T00:00:00Z" {
			t.Errorf("a quiet week: %d entries, updated %s; want none, the last day asked", len(empty.Entries), empty.Updated)
		}
	})
}

// TestFeedBadInput checks that a bad argument is a 400 that names it, in
// the root package's words.
func TestFeedBadInput(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return storetest.ChangesFixture() }, func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s, peacegraph.ChangeLimits{Days: 10})
		for _, tt := range []struct{ query, argument, message string }{
			{"since=2025-13-01", "since", `since="2025-13-01" is not a date of the form YYYY-MM-DD`},
			{"since=2025-11-22&until=2025-11-21", "until", "until (2025-11-21) is before since (2025-11-22): the range runs from since to until, both included"},
			{"since=2025-11-01", "since", "from 2025-11-01 to 2025-11-23 (the latest day of the record) is 23 days; ask for at most 10 days at once"},
			{"days=0", "days", `days="0": want a whole number of days, 1 or more`},
		} {
			t.Run(tt.query, func(t *testing.T) {
				status, ctype, body := MustGet(t, srv, "/changes.atom?"+tt.query, "")
				var got struct {
					Error struct{ Code, Message, Argument string }
				}
				if err := json.Unmarshal(body, &got); err != nil || status != http.StatusBadRequest || ctype != "application/json" {
					t.Fatalf("%d %s: %s (%v)", status, ctype, body, err)
				}
				if got.Error.Code != peacegraph.EINVALID || got.Error.Argument != tt.argument || got.Error.Message != tt.message {
					t.Errorf("error %+v, want invalid, %s, %q", got.Error, tt.argument, tt.message)
				}
			})
		}
	})
}
