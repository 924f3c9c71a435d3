package loaders

import (
	"context"
	"fmt"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// Summary counts what a Load wrote, per kind.
type Summary struct {
	Actors  int
	Plans   int
	Points  int
	Claims  int
	Sources int
	Stances int
	Events  int
	// Disputes counts the contested questions.
	Disputes int
}

// Summarize counts the entities of a dataset.
func Summarize(d *peacegraph.Dataset) *Summary {
	return &Summary{
		Actors:   len(d.Actors),
		Plans:    len(d.Plans),
		Points:   len(d.Points),
		Claims:   len(d.Claims),
		Sources:  len(d.Sources),
		Stances:  len(d.Stances),
		Events:   len(d.Events),
		Disputes: len(d.Disputes),
	}
}

// Empty reports whether the dataset holds nothing at all.
func (s *Summary) Empty() bool { return *s == Summary{} }

// String reads like "12 actors, 1 plan, 28 points, ...", for a command to
// print after loading.
func (s *Summary) String() string {
	parts := []string{
		count(s.Actors, "actor"),
		count(s.Plans, "plan"),
		count(s.Points, "point"),
		count(s.Claims, "claim"),
		count(s.Sources, "source"),
		count(s.Stances, "stance"),
		count(s.Events, "event"),
	}
	if s.Disputes > 0 {
		// Left out when there are none, as most seed sets have none.
		parts = append(parts, count(s.Disputes, "dispute"))
	}
	return strings.Join(parts, ", ")
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Load reads and validates the seed directory, then makes s hold exactly
// that dataset. When the seeds have any problem it returns Read's Errors
// and s is not touched; the store's own Load is atomic, so a failure
// there leaves the store as it was too.
func Load(ctx context.Context, s peacegraph.Store, dir string) (*Summary, error) {
	d, err := Read(dir)
	if err != nil {
		return nil, err
	}
	if err := s.Load(ctx, d); err != nil {
		return nil, err
	}
	return Summarize(d), nil
}
