package schemaorg_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/internal/exporttest"
	"github.com/peacegraph/peacegraph/internal/neo4jtest"
	"github.com/peacegraph/peacegraph/schemaorg"
	"github.com/peacegraph/peacegraph/storetest"
)

// wireReport is the fixture's wire story: cited by c-leak, and republished
// by the Daily Echo page that c-fair cites.
const wireReport = `{
  "@type": "CreativeWork",
  "url": "https://example.org/wire/plan-leaked",
  "name": "Plan leaked, wire reports",
  "publisher": {"@type": "Organization", "name": "Morning Wire"},
  "datePublished": "2025-11-20"
}`

// The export of each fixture claim, worked out by hand from testdata/seeds.
var wantDocuments = map[string]string{
	// No review: a Claim, one appearance per citation in citation order.
	// The first appearance is the wire report that the cited Daily Echo
	// page republishes, which no citation quotes.
	"c-fair": `{
	  "@context": "https://schema.org",
	  "@type": "Claim",
	  "@id": "urn:peacegraph:claim:c-fair",
	  "text": "Alice Arden says the plan is \"fair\" to all parties.",
	  "author": {"@type": "Person", "@id": "urn:peacegraph:actor:alice-envoy", "name": "Alice Arden"},
	  "datePublished": "2025-11-21",
	  "appearance": [
	    {
	      "@type": "CreativeWork",
	      "url": "https://example.net/ledger/plan?part=1&lang=en",
	      "name": "“The plan in full” & what it means",
	      "publisher": {"@type": "Organization", "name": "Daily Ledger"},
	      "datePublished": "2025-11-22",
	      "text": "the plan is fair to everyone"
	    },
	    {
	      "@type": "CreativeWork",
	      "url": "https://example.com/echo/envoy-plan-fair",
	      "name": "Envoy: the plan is fair",
	      "publisher": {"@type": "Organization", "name": "Daily Echo"},
	      "datePublished": "2025-11-21",
	      "text": "“fair to everyone”"
	    }
	  ],
	  "firstAppearance": ` + wireReport + `
	}`,
	// One review: the ClaimReview, with the claim as itemReviewed. No
	// claimant: the outlet's own reporting has no author.
	"c-leak": `{
	  "@context": "https://schema.org",
	  "@type": "ClaimReview",
	  "claimReviewed": "The plan was leaked before its presentation.",
	  "itemReviewed": {
	    "@type": "Claim",
	    "@id": "urn:peacegraph:claim:c-leak",
	    "text": "The plan was leaked before its presentation.",
	    "datePublished": "2025-11-20",
	    "appearance": [` + wireReport + `],
	    "firstAppearance": ` + wireReport + `
	  },
	  "author": {"@type": "Organization", "name": "Example Checks"},
	  "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1, "alternateName": "Unproven"},
	  "datePublished": "2025-11-24",
	  "url": "https://example.org/checks/plan-leak",
	  "reviewBody": "Only one outlet reports the leak."
	}`,
	// Two reviews: an @graph of ClaimReviews in seed order; a verdict with
	// no scale has no numbers. Undated: no datePublished, no first
	// appearance; a government claimant is a GovernmentOrganization.
	"c-denial": `{
	  "@context": "https://schema.org",
	  "@graph": [
	    {
	      "@type": "ClaimReview",
	      "claimReviewed": "Redland denies that the plan was leaked.",
	      "itemReviewed": {
	        "@type": "Claim",
	        "@id": "urn:peacegraph:claim:c-denial",
	        "text": "Redland denies that the plan was leaked.",
	        "author": {"@type": "GovernmentOrganization", "@id": "urn:peacegraph:actor:red-state", "name": "Redland"},
	        "appearance": [{"@type": "CreativeWork", "name": "Undated memo"}]
	      },
	      "author": {"@type": "Organization", "name": "Example Checks"},
	      "reviewRating": {"@type": "Rating", "alternateName": "Needs context"},
	      "datePublished": "2025-11-25",
	      "reviewBody": "The denial does not address the text itself."
	    },
	    {
	      "@type": "ClaimReview",
	      "claimReviewed": "Redland denies that the plan was leaked.",
	      "itemReviewed": {
	        "@type": "Claim",
	        "@id": "urn:peacegraph:claim:c-denial",
	        "text": "Redland denies that the plan was leaked.",
	        "author": {"@type": "GovernmentOrganization", "@id": "urn:peacegraph:actor:red-state", "name": "Redland"},
	        "appearance": [{"@type": "CreativeWork", "name": "Undated memo"}]
	      },
	      "author": {"@type": "Organization", "name": "Second Look"},
	      "reviewRating": {"@type": "Rating", "ratingValue": 3, "bestRating": 3, "worstRating": 1, "alternateName": "Accurate"}
	    }
	  ]
	}`,
	// An organization claimant is an Organization.
	"c-alliance": `{
	  "@context": "https://schema.org",
	  "@type": "Claim",
	  "@id": "urn:peacegraph:claim:c-alliance",
	  "text": "The North Alliance backs a ceasefire.",
	  "author": {"@type": "Organization", "@id": "urn:peacegraph:actor:north-alliance", "name": "North Alliance"},
	  "appearance": [{"@type": "CreativeWork", "name": "Undated memo"}]
	}`,
}

func TestClaimExport(t *testing.T) {
	neo4jtest.EachStore(t, Seeds(FixtureSeeds), func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s)
		for id, want := range wantDocuments {
			t.Run(id+"IsItsDocument", func(t *testing.T) {
				res := exporttest.MustGet(t, srv, "/claims/"+id+".jsonld")
				if res.Status != 200 || res.ContentType != schemaorg.ContentType {
					t.Fatalf("status %d, content type %q, want 200 %s\n%s", res.Status, res.ContentType, schemaorg.ContentType, res.Body)
				}
				if got, want := MustJSON(t, res.Body), MustJSON(t, []byte(want)); !reflect.DeepEqual(got, want) {
					t.Errorf("document:\n%s\nwant:\n%s", res.Body, mustIndent(t, want))
				}
			})
		}

		errorCases := []struct {
			name, path string
			status     int
			code       string
		}{
			{"UnknownClaimIsNotFound", "/claims/no-such-claim.jsonld", 404, peacegraph.ENOTFOUND},
			{"NodeThatIsNoClaimIsNotFound", "/claims/alice-envoy.jsonld", 404, peacegraph.ENOTFOUND},
			{"PathWithoutExtensionIsNotFound", "/claims/c-fair", 404, peacegraph.ENOTFOUND},
			{"OtherExtensionIsNotFound", "/claims/c-fair.json", 404, peacegraph.ENOTFOUND},
			{"UpperCaseIDIsBadInput", "/claims/C-Fair.jsonld", 400, peacegraph.EINVALID},
			{"DoubleHyphenIsBadInput", "/claims/c--fair.jsonld", 400, peacegraph.EINVALID},
			{"EmptyIDIsBadInput", "/claims/.jsonld", 400, peacegraph.EINVALID},
		}
		for _, tc := range errorCases {
			t.Run(tc.name, func(t *testing.T) {
				exporttest.WantError(t, srv, tc.path, tc.status, tc.code)
			})
		}
	})
}

func TestClaimExportOfTheSeeds(t *testing.T) {
	neo4jtest.EachStore(t, Seeds(storetest.SeedsDir(t)), func(t *testing.T, s peacegraph.Store) {
		srv := MustServer(t, s)
		res := exporttest.MustGet(t, srv, "/claims/dmitriev-russian-position-heard.jsonld")
		if res.Status != 200 {
			t.Fatalf("status %d\n%s", res.Status, res.Body)
		}
		var got schemaorg.Claim
		if err := json.Unmarshal(res.Body, &got); err != nil {
			t.Fatal(err)
		}

		t.Run("IsAClaimWithoutVerdict", func(t *testing.T) {
			if got.Context != schemaorg.Context || got.Type != "Claim" || got.ID != schemaorg.ClaimURN+"dmitriev-russian-position-heard" {
				t.Errorf("@context %q, @type %q, @id %q", got.Context, got.Type, got.ID)
			}
		})
		t.Run("AuthorIsDmitriev", func(t *testing.T) {
			want := &schemaorg.Agent{Type: "Person", ID: schemaorg.ActorURN + "kirill-dmitriev", Name: "Kirill Dmitriev"}
			if !reflect.DeepEqual(got.Author, want) {
				t.Errorf("author = %+v, want %+v", got.Author, want)
			}
			if got.DatePublished != "2025-11-18" {
				t.Errorf("datePublished = %q, want 2025-11-18", got.DatePublished)
			}
		})
		t.Run("AppearsInTheArticleWithItsQuote", func(t *testing.T) {
			if len(got.Appearance) < 2 {
				t.Fatalf("appearance = %+v, want one per citation (at least 2)", got.Appearance)
			}
			a := got.Appearance[0]
			if !strings.HasPrefix(a.Name, "Trump’s 28-Point Ukraine Plan in Full") || !strings.Contains(a.Text, "really being heard") {
				t.Errorf("first appearance = %+v, want the article quoting “really being heard”", a)
			}
		})
	})
}

// TestClaimExportOfTheRecordFixture exports the stores' record fixture's
// reviewed claim: the observer's denial, carried by a republication chain
// and by a digest whose publisher is spelt with stray spaces.
func TestClaimExportOfTheRecordFixture(t *testing.T) {
	neo4jtest.EachStore(t, func(testing.TB) *peacegraph.Dataset { return storetest.RecordFixture() }, func(t *testing.T, s peacegraph.Store) {
		res := exporttest.MustGet(t, MustServer(t, s), "/claims/c-no-info.jsonld")
		if res.Status != 200 {
			t.Fatalf("status %d\n%s", res.Status, res.Body)
		}
		digest := `{"@type":"CreativeWork","name":"Digest of the week","publisher":{"@type":"Organization","name":"daily LEDGER"},"datePublished":"2025-11-20"}`
		want := `{
		  "@context": "https://schema.org",
		  "@type": "ClaimReview",
		  "claimReviewed": "The observer says there is no official information on a leak.",
		  "itemReviewed": {
		    "@type": "Claim",
		    "@id": "urn:peacegraph:claim:c-no-info",
		    "text": "The observer says there is no official information on a leak.",
		    "author": {"@type": "Person", "@id": "urn:peacegraph:actor:zed-observer", "name": "Alice"},
		    "datePublished": "2025-11-22",
		    "appearance": [
		      {"@type":"CreativeWork","name":"Leaked plan reported (copied again)","publisher":{"@type":"Organization","name":"Weekly Echo"},"datePublished":"2025-11-22"},
		      {"@type":"CreativeWork","name":"Leaked plan reported (syndicated)","publisher":{"@type":"Organization","name":"Evening Echo"},"datePublished":"2025-11-21"},
		      {"@type":"CreativeWork","url":"https://example.org/plan","name":"The plan in full","publisher":{"@type":"Organization","name":"Daily Ledger"},"datePublished":"2025-11-21","text":"Envoy Alice Arden"},
		      ` + digest + `
		    ],
		    "firstAppearance": ` + digest + `
		  },
		  "author": {"@type": "Organization", "name": "Ledger Fact Check"},
		  "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1, "alternateName": "Unproven"},
		  "datePublished": "2025-11-25",
		  "url": "https://factcheck.example/leak",
		  "reviewBody": "No document has been published."
		}`
		if got, want := MustJSON(t, res.Body), MustJSON(t, []byte(want)); !reflect.DeepEqual(got, want) {
			t.Errorf("document:\n%s\nwant:\n%s", res.Body, mustIndent(t, want))
		}
	})
}

func mustIndent(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
