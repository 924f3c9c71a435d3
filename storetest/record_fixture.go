package storetest

import (
	"github.com/peacegraph/peacegraph"
)

// RecordFixture returns Fixture with what the later rules of the record
// need, each case worked out by hand: a change of position (Bob Brandt
// supports the plan on 21 November and opposes it on 24 November), two
// positions on one day (Alice Arden supports the plan and is undecided on
// 21 November), a denial, a chain of republications, a publisher spelt two
// ways, recorded plan changes, and disputes.
func RecordFixture() *peacegraph.Dataset {
	d := Fixture()
	d.Sources = append(d.Sources,
		&peacegraph.Source{ID: "report-daily-copy", Title: "Leaked plan reported (syndicated)", Publisher: "Evening Echo",
			Published: "2025-11-21", Republishes: "report-daily"},
		&peacegraph.Source{ID: "report-daily-copy-2", Title: "Leaked plan reported (copied again)", Publisher: "Weekly Echo",
			Published: "2025-11-22", Republishes: "report-daily-copy"},
		// The same publisher as article-full, spelt differently.
		&peacegraph.Source{ID: "ledger-digest", Title: "Digest of the week", Publisher: "  daily LEDGER ",
			Published: "2025-11-20"},
	)
	d.Claims = append(d.Claims,
		&peacegraph.Claim{ID: "c-bob-doubts", Text: "Bob Brandt says the plan cannot work.", ClaimantID: "bob-minister",
			AboutIDs: []string{"peace-plan"}, Certainty: peacegraph.Stated, Date: "2025-11-24",
			Citations: []peacegraph.Citation{{SourceID: "report-daily-copy"}}},
		&peacegraph.Claim{ID: "c-alice-unsure", Text: "Alice Arden says the plan needs more work.", ClaimantID: "alice-envoy",
			AboutIDs: []string{"peace-plan"}, Certainty: peacegraph.Stated, Date: "2025-11-21",
			Citations: []peacegraph.Citation{{SourceID: "report-daily-copy"}}},
		&peacegraph.Claim{ID: "c-no-info", Text: "The observer says there is no official information on a leak.",
			ClaimantID: "zed-observer", AboutIDs: []string{"peace-plan"}, Certainty: peacegraph.Denied, Date: "2025-11-22",
			Citations: []peacegraph.Citation{
				{SourceID: "report-daily-copy-2"}, {SourceID: "report-daily-copy"},
				{SourceID: "article-full", Quote: "Envoy Alice Arden"}, {SourceID: "ledger-digest"},
			},
			Denies: []string{"c-leak"},
			Reviews: []peacegraph.Review{{Reviewer: "Ledger Fact Check", Rating: "Unproven", RatingValue: 2, BestRating: 5,
				WorstRating: 1, Explanation: "No document has been published.", Date: "2025-11-25", URL: "https://factcheck.example/leak"}}},
		&peacegraph.Claim{ID: "c-cap-800", Text: "The revised plan raises the army cap to 800,000.",
			AboutIDs: []string{"revised-2"}, Certainty: peacegraph.Reported, Date: "2025-11-23",
			Citations: []peacegraph.Citation{{SourceID: "report-daily-copy"}}},
		&peacegraph.Claim{ID: "c-amnesty-dropped", Text: "The North Alliance says its revision leaves out the amnesty.",
			ClaimantID: "north-alliance", AboutIDs: []string{"peace-plan-revised", "peace-plan", "peace-plan-3"},
			Certainty: peacegraph.Stated, Date: "2025-11-23",
			Citations: []peacegraph.Citation{{SourceID: "report-daily-copy"}}},
	)
	d.Stances = append(d.Stances,
		&peacegraph.Stance{ActorID: "bob-minister", TargetID: "peace-plan", Position: peacegraph.Opposes,
			EvidenceIDs: []string{"c-bob-doubts"}},
		&peacegraph.Stance{ActorID: "alice-envoy", TargetID: "peace-plan", Position: peacegraph.Undecided,
			EvidenceIDs: []string{"c-alice-unsure"}},
	)
	for _, p := range d.Plans {
		if p.ID == "peace-plan-revised" {
			p.SeedChanges = []peacegraph.PointChange{
				{PointID: "peace-plan-3", Status: peacegraph.ChangeDropped, EvidenceIDs: []string{"c-amnesty-dropped"}},
				{PointID: "peace-plan-1", Status: peacegraph.ChangeUnknown, EvidenceIDs: []string{"c-leak"},
					Note: "Only the leak mentions it."},
			}
		}
	}
	d.Disputes = []*peacegraph.Dispute{
		{ID: "d-leak", Question: "Was the plan leaked?", Summary: "Reports of a leak are denied.",
			AboutIDs: []string{"peace-plan"},
			Sides: []peacegraph.DisputeSide{
				{Label: "Leaked", ClaimIDs: []string{"c-leak"}},
				{Label: "Not leaked", Summary: "Redland and the observer deny it.", ClaimIDs: []string{"c-denial", "c-no-info"}},
			}},
		{ID: "d-cap", Question: "Does Carol Cruz accept the army cap?", AboutIDs: []string{"revised-2"},
			Sides: []peacegraph.DisputeSide{
				{Label: "Accepts", ClaimIDs: []string{"c-accept", "c-cap-support"}},
				{Label: "Rejects", ClaimIDs: []string{"c-reject"}},
			},
			Note: "One side rests on an undated memo."},
		{ID: "d-observer", Question: "Who does the observer speak for?", AboutIDs: []string{"zed-observer"},
			Sides: []peacegraph.DisputeSide{
				{Label: "Herself", ClaimIDs: []string{"c-no-info"}},
				{Label: "Redland", ClaimIDs: []string{"c-denial"}},
			}},
	}
	return d
}
