package memory

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/storetest"
)

// TestIndexedReadsAnswerAsScans puts many queries of every read that the
// indexes serve to the store and to the reference scan, on the test
// fixtures and the real seeds twice over (so that the equal dates and
// names of the two copies interleave), and wants identical answers:
// reflect.DeepEqual, so even a nil list where the scan gave an empty one
// fails.
func TestIndexedReadsAnswerAsScans(t *testing.T) {
	sets := []struct {
		name string
		data func(testing.TB) *peacegraph.Dataset
	}{
		{"Fixture", func(testing.TB) *peacegraph.Dataset { return storetest.Fixture() }},
		{"SmallFixture", func(testing.TB) *peacegraph.Dataset { return storetest.SmallFixture() }},
		{"RecordFixture", func(testing.TB) *peacegraph.Dataset { return storetest.RecordFixture() }},
		{"Empty", func(testing.TB) *peacegraph.Dataset { return &peacegraph.Dataset{} }},
		{"OddText", func(testing.TB) *peacegraph.Dataset { return oddText() }},
		{"SeedsTwice", func(tb testing.TB) *peacegraph.Dataset { return replicatedSeeds(tb, 2) }},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			d := set.data(t)
			s := New()
			if err := s.Load(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			c, _ := peacegraph.CloneDataset(d)
			if err := peacegraph.CheckDataset(c); err != nil {
				t.Fatal(err)
			}
			r := newReference(c)
			t.Run("Actors", func(t *testing.T) { compareActors(t, s, r) })
			t.Run("Claims", func(t *testing.T) { compareClaims(t, s, r) })
			t.Run("Stances", func(t *testing.T) { compareStances(t, s, r) })
			t.Run("Points", func(t *testing.T) { comparePoints(t, s, r) })
			t.Run("Disputes", func(t *testing.T) { compareDisputes(t, s, r) })
			t.Run("Search", func(t *testing.T) { compareSearch(t, s, r) })
			t.Run("Graph", func(t *testing.T) { compareGraph(t, s, r) })
		})
	}
}

// oddText is the fixture with texts that test how the search index splits
// words: letters whose lower case is longer or shorter in UTF-8, a letter
// number that is not a letter, digits of other scripts, bytes that are not
// UTF-8, and words glued by punctuation.
func oddText() *peacegraph.Dataset {
	d := storetest.Fixture()
	d.Actors[0].Name = "Straße İstanbul ΣΊΣΥΦΟΣ"
	d.Actors[0].Aliases = append(d.Actors[0].Aliases, "Ⅻ-Kelvin\u212a", "\xff\xfeabc\xc3")
	d.Actors[1].Description = "١٢٣ digits, 600,000 troops; co-operation/ceasefire"
	d.Claims[0].Text = "Ǆungla ǅ ǆ and ﬁnal ﬃ ligatures"
	return d
}

// same fails the test unless the store's answer and error are the
// reference's.
func same(t *testing.T, what string, got, want any, gotErr, wantErr error) {
	t.Helper()
	if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("%s: error %v, want %v", what, gotErr, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got %s\nwant %s", what, show(got), show(want))
	}
}

func show(v any) string {
	s := fmt.Sprintf("%#v", v)
	if len(s) > 600 {
		s = s[:600] + "…"
	}
	return s
}

// cursors are the afters a page query is tried with: none, the key of
// each of a few items of its list (first, middle, last), keys just before
// them, beyond every item, and one the API never issued.
func cursors[T any](items []T, key func(T) string) []string {
	out := []string{"", "not-a-cursor", peacegraph.EncodeCursor(""), peacegraph.EncodeCursor("\U0010FFFF")}
	for _, i := range []int{0, len(items) / 2, len(items) - 1} {
		if i >= 0 && i < len(items) {
			k := key(items[i])
			out = append(out, peacegraph.EncodeCursor(k), peacegraph.EncodeCursor(k[:len(k)-1]))
		}
	}
	return out
}

var firsts = []int{-1, 0, 2, 1 << 40}

func compareActors(t *testing.T, s *Store, r *reference) {
	for _, kind := range []peacegraph.ActorKind{"", peacegraph.ActorPerson, peacegraph.ActorGovernment, peacegraph.ActorOrganization, "NOBODY"} {
		for _, after := range cursors(r.actors, peacegraph.ActorKey) {
			for _, first := range firsts {
				q := peacegraph.ActorQuery{Kind: kind, First: first, After: after}
				got, err := s.Actors(t.Context(), q)
				want, wantErr := r.actorPage(q)
				var gp page[*peacegraph.Actor]
				if got != nil {
					gp = page[*peacegraph.Actor]{items: got.Actors, total: got.TotalCount, hasNext: got.HasNextPage}
				}
				same(t, fmt.Sprintf("Actors(%+v)", q), gp, want, err, wantErr)
			}
		}
	}
}

// claimFilters are every single-field filter on a value of the data, one
// of each field on nothing, and the combinations of each claim's own
// values, which select at least that claim.
func claimFilters(r *reference) []peacegraph.ClaimFilter {
	fs := []peacegraph.ClaimFilter{{}, {Claimant: "nobody"}, {About: "nothing"}, {Source: "nowhere"}, {Certainty: "NONE"},
		{Claimant: "nobody", About: "nothing"}}
	seen := map[peacegraph.ClaimFilter]bool{}
	add := func(f peacegraph.ClaimFilter) {
		if !seen[f] {
			seen[f] = true
			fs = append(fs, f)
		}
	}
	for _, c := range sample(r.claims, 100) {
		add(peacegraph.ClaimFilter{Claimant: c.ClaimantID})
		add(peacegraph.ClaimFilter{Certainty: c.Certainty})
		for _, id := range c.AboutIDs {
			add(peacegraph.ClaimFilter{About: id})
			add(peacegraph.ClaimFilter{About: id, Claimant: c.ClaimantID})
			add(peacegraph.ClaimFilter{About: id, Certainty: c.Certainty})
		}
		for _, ct := range c.Citations {
			add(peacegraph.ClaimFilter{Source: ct.SourceID})
			add(peacegraph.ClaimFilter{Source: ct.SourceID, Claimant: c.ClaimantID})
			if len(c.AboutIDs) > 0 {
				add(peacegraph.ClaimFilter{Source: ct.SourceID, About: c.AboutIDs[0], Claimant: c.ClaimantID, Certainty: c.Certainty})
				add(peacegraph.ClaimFilter{Source: ct.SourceID, About: c.AboutIDs[0], Certainty: peacegraph.Denied})
			}
		}
	}
	return fs
}

func compareClaims(t *testing.T, s *Store, r *reference) {
	for _, f := range claimFilters(r) {
		var list []*peacegraph.Claim
		for _, c := range r.claims {
			if f.Match(c) {
				list = append(list, c)
			}
		}
		for _, after := range cursors(list, peacegraph.ClaimKey) {
			for _, first := range firsts {
				q := peacegraph.ClaimQuery{Filter: f, First: first, After: after}
				got, err := s.Claims(t.Context(), []peacegraph.ClaimQuery{q})
				want, wantErr := r.claimPage(q)
				var gp page[*peacegraph.Claim]
				if err == nil {
					gp = page[*peacegraph.Claim]{items: got[0].Claims, total: got[0].TotalCount, hasNext: got[0].HasNextPage}
				}
				same(t, fmt.Sprintf("Claims(%+v)", q), gp, want, err, wantErr)
			}
		}
	}
}

func compareStances(t *testing.T, s *Store, r *reference) {
	var actors, targets []string
	dates := []peacegraph.Date{"", "1999-01-01", "2099-12-31"}
	for _, st := range r.stances {
		actors = append(actors, st.ActorID)
		targets = append(targets, st.TargetID)
		dates = append(dates, st.EvidenceDates...)
		dates = append(dates, st.AsOf)
	}
	actors, targets = sample(uniq(actors), 15), sample(uniq(targets), 15)
	dates = sample(uniq(dates), 10)
	filters := []peacegraph.StanceFilter{{}, {ActorIDs: []string{"nobody"}}, {TargetIDs: []string{"nothing"}},
		{ActorIDs: actors, TargetIDs: targets}, {TargetIDs: targets}, {ActorIDs: actors}}
	for _, a := range actors {
		filters = append(filters, peacegraph.StanceFilter{ActorIDs: []string{a}}, peacegraph.StanceFilter{ActorIDs: []string{a, a, "nobody"}})
	}
	for _, id := range targets {
		filters = append(filters, peacegraph.StanceFilter{TargetIDs: []string{id}}, peacegraph.StanceFilter{TargetIDs: []string{id, targets[0], id}})
	}
	for _, st := range sample(r.stances, 15) {
		filters = append(filters, peacegraph.StanceFilter{ActorIDs: []string{st.ActorID}, TargetIDs: []string{st.TargetID}},
			peacegraph.StanceFilter{ActorIDs: []string{st.ActorID}, TargetIDs: targets},
			peacegraph.StanceFilter{ActorIDs: actors, TargetIDs: []string{st.TargetID}})
	}
	for _, f := range filters {
		for _, all := range []bool{false, true} {
			for _, asOf := range dates {
				for _, pos := range []peacegraph.Position{"", peacegraph.Supports, peacegraph.Opposes, peacegraph.Conditional, peacegraph.Undecided} {
					f := f
					f.All, f.AsOf, f.Position = all, asOf, pos
					got, err := s.Stances(t.Context(), f)
					same(t, fmt.Sprintf("Stances(%+v)", f), got, r.stancesOf(f), err, nil)
				}
			}
		}
	}
}

// sample returns about n items of xs, spread evenly, first and last
// included.
func sample[T any](xs []T, n int) []T {
	if len(xs) <= n {
		return xs
	}
	var out []T
	step := len(xs) / n
	for i := 0; i < len(xs); i += step {
		out = append(out, xs[i])
	}
	return append(out, xs[len(xs)-1])
}

func uniq[T cmp.Ordered](xs []T) []T {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

func comparePoints(t *testing.T, s *Store, r *reference) {
	plans := []string{"", "no-such-plan"}
	maxNumber := 0
	for _, p := range r.plans {
		plans = append(plans, p.ID)
	}
	topics := []string{"", "nothing"}
	for _, ps := range r.points {
		for _, p := range ps {
			topics = append(topics, p.Topic)
			maxNumber = max(maxNumber, p.Number)
		}
	}
	yes, no := true, false
	for _, topic := range uniq(topics) {
		for _, conc := range []*bool{nil, &yes, &no} {
			f := peacegraph.PointFilter{Concession: conc}
			if topic != "" {
				f.Topic = &topic
			}
			got, err := s.Points(t.Context(), plans, f)
			same(t, fmt.Sprintf("Points(%v, %v, %v)", plans, topic, conc), got, r.pointsOf(plans, f), err, nil)
		}
	}
	for _, plan := range plans {
		for n := -1; n <= maxNumber+1; n++ {
			got, err := s.PointByNumber(t.Context(), plan, n)
			want := r.pointByNumber(plan, n)
			if want == nil {
				if peacegraph.ErrorCode(err) != peacegraph.ENOTFOUND {
					t.Fatalf("PointByNumber(%q, %d) = %v, %v; want ENOTFOUND", plan, n, got, err)
				}
				continue
			}
			same(t, fmt.Sprintf("PointByNumber(%q, %d)", plan, n), got, want, err, nil)
		}
	}
}

func compareDisputes(t *testing.T, s *Store, r *reference) {
	ids := []string{"", "no-such-plan"}
	for _, n := range r.all {
		ids = append(ids, n.NodeID())
	}
	for _, id := range ids {
		got, err := s.Disputes(t.Context(), id)
		same(t, fmt.Sprintf("Disputes(%q)", id), got, r.disputesOf(id), err, nil)
	}
}

// searchTexts are the words of every node's label, pairs of them, their
// beginnings and middles (a query word matches inside a word too), with
// other cases, and texts that match nothing or are no query at all.
func searchTexts(r *reference) []string {
	texts := []string{"", "!!!", "zqxjv", "600,000", "a", "e", "KYIV", "Kyiv Moscow", "plan point", "ü", "Ⅻ",
		"straße", "STRASSE", "istanbul", "İSTANBUL", "σίσυφος", "ΣΊΣ", "kelvin", "k", "abc", "\xfeab", "١٢", "operation",
		"co-operation", "ǆungla", "Ǆ", "final", "ﬁnal", "ﬃ", "ligatures ﬁnal"}
	for _, n := range sample(r.all, 8) {
		words := strings.FieldsFunc(n.Label(), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		for j, w := range words[:min(3, len(words))] {
			texts = append(texts, w, strings.ToUpper(w))
			if rs := []rune(w); len(rs) > 3 {
				texts = append(texts, string(rs[:2]), string(rs[1:len(rs)-1]))
			}
			if j > 0 {
				texts = append(texts, words[j-1]+" "+w)
			}
		}
	}
	return uniq(texts)
}

func compareSearch(t *testing.T, s *Store, r *reference) {
	texts, found := searchTexts(r), 0
	for _, text := range texts {
		// The reference ranks all hits once; a smaller First is its head.
		all, wantErr := r.search(peacegraph.SearchQuery{Text: text, First: 1 << 40})
		if len(all) > 0 {
			found++
		}
		for _, first := range []int{0, 3, 1 << 40} {
			q := peacegraph.SearchQuery{Text: text, First: first}
			got, err := s.Search(t.Context(), q)
			var want []peacegraph.SearchHit
			if wantErr == nil {
				want = all[:min(first, len(all))]
			}
			same(t, fmt.Sprintf("Search(%+v)", q), got, want, err, wantErr)
		}
		q := peacegraph.SearchQuery{Text: text, First: -1}
		got, err := s.Search(t.Context(), q)
		want, wantErr := r.search(q)
		same(t, fmt.Sprintf("Search(%+v)", q), got, want, err, wantErr)
	}
	// Most texts come from the nodes, so most must find something, or the
	// comparison above compared empty answers.
	if len(r.all) > 0 && found < len(texts)/3 {
		t.Errorf("only %d of %d search texts found anything", found, len(texts))
	}
}

// compareGraph tries paths and neighbourhoods around a sample of nodes.
func compareGraph(t *testing.T, s *Store, r *reference) {
	var ids []string
	for _, n := range sample(r.all, 12) {
		ids = append(ids, n.NodeID())
	}
	for _, from := range ids {
		for _, to := range ids {
			for _, hops := range []int{1, 3} {
				got, err := s.Path(t.Context(), from, to, hops)
				same(t, fmt.Sprintf("Path(%q, %q, %d)", from, to, hops), got, r.path(from, to, hops), err, nil)
			}
		}
	}
	typeSets := [][]string{nil, {peacegraph.RelClaimed}, {peacegraph.RelAbout, peacegraph.RelCites, string(peacegraph.Supports)}}
	for _, center := range ids {
		for depth := range 4 {
			for _, types := range typeSets {
				for _, maxNodes := range []int{0, 1, 5, 40} {
					q := peacegraph.NeighbourhoodQuery{Center: center, Depth: depth, Types: types, MaxNodes: maxNodes}
					got, err := s.Neighbourhood(t.Context(), q)
					same(t, fmt.Sprintf("Neighbourhood(%+v)", q), got, r.neighbourhood(q), err, nil)
				}
			}
		}
	}
}

// TestLowerCaseKeepsWordRunes checks what the search index rests on:
// lower-casing a letter gives a letter and a digit a digit, so a query
// word lies inside one token of a field.
func TestLowerCaseKeepsWordRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if l := unicode.ToLower(r); !unicode.IsLetter(l) && !unicode.IsDigit(l) {
				t.Errorf("ToLower(%U) = %U, neither letter nor digit", r, l)
			}
		}
	}
}
