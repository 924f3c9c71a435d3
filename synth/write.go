package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/peacegraph/peacegraph"
)

// PerFile is how many entries one written file holds (plans hold their
// points too, so PlansPerFile is smaller). The loader parses a file into
// a tree before it decodes it, so files of bounded size keep its memory
// bounded whatever the scale.
const (
	PerFile      = 500
	PlansPerFile = 50
)

// Marker is the file Write leaves in a directory it wrote, so that Clear
// removes only a set it made. Its name starts with a dot, so the loader
// skips it.
const Marker = ".peacegraph-synth"

// Write writes d to dir in the seed format that loaders read
// (docs/seed-format.md): actors/, sources/, plans/, claims/, stances/,
// events/ and disputes/ hold numbered files of entries in dataset order
// (so the first plan read is d's first plan), and texts/<source-id>.txt
// the stored texts. dir must be empty or not exist yet. d may be
// completed or not: only what the seeds write is written, so what was
// derived is derived again when the files are read.
func Write(dir string, d *peacegraph.Dataset) error {
	if err := emptyDir(dir); err != nil {
		return err
	}
	files, err := render(d)
	if err != nil {
		return err
	}
	files = append(files, file{Marker, func() string {
		return "This directory was written by peacegraph synth; 'peacegraph synth --force' replaces it.\n"
	}})
	return writeFiles(dir, files)
}

// file is one file to write: its slash-separated path in the directory
// and what renders its content, so that files are rendered in parallel
// and each is dropped once written.
type file struct {
	name    string
	content func() string
}

// emptyDir makes dir, or checks that it holds nothing.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return peacegraph.FieldErrorf(peacegraph.ECONFLICT, "out", "%s is not empty: write a set into an empty or new directory", dir)
	}
	return nil
}

// Clear removes a set that Write wrote to dir, and anything added to it
// since (articles). It refuses a directory without Marker, so that it can
// never remove a directory of someone's own.
func Clear(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return peacegraph.FieldErrorf(peacegraph.ECONFLICT, "out",
				"%s is not empty and was not written by synth (it has no %s file): choose an empty or new directory", dir, Marker)
		}
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// render returns every file of d.
func render(d *peacegraph.Dataset) ([]file, error) {
	var files []file
	chunks(&files, "actors", d.Actors, PerFile, writeActor)
	for _, s := range d.Sources {
		if s.Text == "" {
			continue
		}
		if !peacegraph.ValidID(s.ID) {
			return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "sources", "source %q: a source with a stored text needs a valid ID, which names its text file", s.ID)
		}
		text := s.Text
		files = append(files, file{textFile(s.ID), func() string { return text }})
	}
	chunks(&files, "sources", d.Sources, PerFile, writeSource)
	points := make(map[string][]*peacegraph.Point)
	plans := make(map[string]bool, len(d.Plans))
	for _, p := range d.Plans {
		plans[p.ID] = true
	}
	for _, pt := range d.Points {
		if !plans[pt.PlanID] {
			return nil, peacegraph.FieldErrorf(peacegraph.EINVALID, "points", "point %q: its plan %q is not in the dataset, and a point is written inside its plan", pt.ID, pt.PlanID)
		}
		points[pt.PlanID] = append(points[pt.PlanID], pt)
	}
	chunks(&files, "plans", d.Plans, PlansPerFile, func(e *emitter, p *peacegraph.Plan) { writePlan(e, p, points[p.ID]) })
	chunks(&files, "claims", d.Claims, PerFile, writeClaim)
	chunks(&files, "stances", d.Stances, PerFile, writeStance)
	chunks(&files, "events", d.Events, PerFile, writeEvent)
	chunks(&files, "disputes", d.Disputes, PerFile, writeDispute)
	return files, nil
}

// textFile is where a source's stored text is written.
func textFile(id string) string { return "texts/" + id + ".txt" }

// chunks adds files of at most per items each, numbered, in the
// directory named for their section. Numbers are zero-padded so that the
// loader's lexical order is the dataset's order.
func chunks[T any](files *[]file, section string, items []T, per int, entry func(*emitter, T)) {
	n := (len(items) + per - 1) / per
	width := max(6, len(fmt.Sprint(n)))
	for i := 0; i < n; i++ {
		part := items[i*per : min(len(items), (i+1)*per)]
		*files = append(*files, file{fmt.Sprintf("%s/%0*d.yaml", section, width, i+1), func() string {
			e := &emitter{}
			e.b.WriteString("# Written by peacegraph synth: a generated set, not the record.\n")
			e.b.WriteString(section + ":\n")
			for _, x := range part {
				entry(e, x)
			}
			return e.b.String()
		}})
	}
}

func writeActor(e *emitter, a *peacegraph.Actor) {
	e.field(-2, "id", a.ID)
	e.text(4, "name", a.Name)
	e.field(4, "kind", string(a.Kind))
	e.text(4, "role", a.Role)
	e.text(4, "description", a.Description)
	e.list(4, "aliases", a.Aliases, true)
	if len(a.Affiliations) > 0 {
		e.b.WriteString("    affiliations:\n")
		for _, f := range a.Affiliations {
			if f.Role == "" {
				e.b.WriteString("      - " + scalar(f.ActorID) + "\n")
				continue
			}
			e.field(-6, "actor", f.ActorID)
			e.text(8, "role", f.Role)
		}
	}
}

func writeSource(e *emitter, s *peacegraph.Source) {
	e.field(-2, "id", s.ID)
	e.text(4, "title", s.Title)
	e.text(4, "publisher", s.Publisher)
	e.text(4, "url", s.URL)
	e.field(4, "published", string(s.Published))
	e.field(4, "retrieved", string(s.Retrieved))
	e.field(4, "language", s.Language)
	if s.Text != "" {
		e.field(4, "text_file", textFile(s.ID))
	}
	e.text(4, "note", s.Note)
	e.field(4, "republishes", s.Republishes)
}

func writePlan(e *emitter, p *peacegraph.Plan, points []*peacegraph.Point) {
	e.field(-2, "id", p.ID)
	e.text(4, "title", p.Title)
	e.text(4, "summary", p.Summary)
	e.field(4, "date", string(p.Date))
	e.list(4, "authors", p.AuthorIDs, false)
	e.field(4, "revises", p.Revises)
	e.field(4, "accompanies", p.Accompanies)
	if len(points) > 0 {
		e.b.WriteString("    points:\n")
		for _, pt := range points {
			e.number(-6, "number", pt.Number)
			if pt.ID != fmt.Sprintf("%s-%d", p.ID, pt.Number) {
				e.field(8, "id", pt.ID)
			}
			e.text(8, "title", pt.Title)
			e.text(8, "summary", pt.Summary)
			e.field(8, "topic", pt.Topic)
			e.field(8, "concession", fmt.Sprint(pt.Concession))
			e.list(8, "conceded_by", pt.ConcededByIDs, false)
			e.list(8, "sources", pt.SourceIDs, false)
			e.field(8, "amends", pt.Amends)
		}
	}
	if len(p.SeedChanges) > 0 {
		e.b.WriteString("    changes:\n")
		for _, c := range p.SeedChanges {
			e.field(-6, "point", c.PointID)
			e.field(8, "status", string(c.Status))
			e.list(8, "evidence", c.EvidenceIDs, false)
			e.text(8, "note", c.Note)
		}
	}
}

func writeClaim(e *emitter, c *peacegraph.Claim) {
	e.field(-2, "id", c.ID)
	e.text(4, "text", c.Text)
	e.field(4, "claimant", c.ClaimantID)
	e.list(4, "about", c.AboutIDs, false)
	e.field(4, "certainty", string(c.Certainty))
	e.field(4, "date", string(c.Date))
	if len(c.Citations) > 0 {
		e.b.WriteString("    citations:\n")
		for _, ct := range c.Citations {
			e.field(-6, "source", ct.SourceID)
			e.text(8, "quote", ct.Quote)
		}
	}
	e.list(4, "contradicts", writtenContradictions(c), false)
	e.list(4, "denies", c.Denies, false)
	e.text(4, "note", c.Note)
	if len(c.Reviews) > 0 {
		e.b.WriteString("    reviews:\n")
		for _, r := range c.Reviews {
			e.text(-6, "reviewer", r.Reviewer)
			e.text(8, "rating", r.Rating)
			if r.RatingValue != 0 || r.BestRating != 0 || r.WorstRating != 0 {
				e.number(8, "rating_value", r.RatingValue)
				e.number(8, "best_rating", r.BestRating)
				e.number(8, "worst_rating", r.WorstRating)
			}
			e.text(8, "explanation", r.Explanation)
			e.field(8, "date", string(r.Date))
			e.text(8, "url", r.URL)
		}
	}
}

// writtenContradictions are the contradictions the seeds write: all of
// Contradicts before Complete, only the explicit ones after it (the rest
// follow from denials and stances).
func writtenContradictions(c *peacegraph.Claim) []string {
	if c.ContradictionRules == nil {
		return c.Contradicts
	}
	var out []string
	for _, o := range c.Contradicts {
		for _, r := range c.ContradictionRules[o] {
			if r == peacegraph.ContradictionExplicit {
				out = append(out, o)
			}
		}
	}
	return out
}

func writeStance(e *emitter, s *peacegraph.Stance) {
	e.field(-2, "actor", s.ActorID)
	e.field(4, "target", s.TargetID)
	e.field(4, "position", string(s.Position))
	e.list(4, "evidence", s.EvidenceIDs, false)
	e.text(4, "note", s.Note)
}

func writeEvent(e *emitter, ev *peacegraph.Event) {
	e.field(-2, "id", ev.ID)
	e.text(4, "title", ev.Title)
	e.text(4, "summary", ev.Summary)
	e.field(4, "date", string(ev.Date))
	e.text(4, "place", ev.Place)
	e.list(4, "participants", ev.ParticipantIDs, false)
	e.list(4, "evidence", ev.EvidenceIDs, false)
}

func writeDispute(e *emitter, d *peacegraph.Dispute) {
	e.field(-2, "id", d.ID)
	e.text(4, "question", d.Question)
	e.text(4, "summary", d.Summary)
	e.list(4, "about", d.AboutIDs, false)
	if len(d.Sides) > 0 {
		e.b.WriteString("    sides:\n")
		for _, s := range d.Sides {
			e.text(-6, "label", s.Label)
			e.text(8, "summary", s.Summary)
			e.list(8, "claims", s.ClaimIDs, false)
		}
	}
	e.text(4, "note", d.Note)
}

// writeFiles renders and writes files under dir, making directories as
// needed, on as many CPUs as there are. It returns the first error.
func writeFiles(dir string, files []file) error {
	dirs := make(map[string]bool)
	for _, f := range files {
		sub := filepath.Dir(filepath.Join(dir, filepath.FromSlash(f.name)))
		if !dirs[sub] {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
			dirs[sub] = true
		}
	}
	jobs := make(chan file)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range cap(errs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var first error
			for f := range jobs {
				if first != nil {
					continue
				}
				first = os.WriteFile(filepath.Join(dir, filepath.FromSlash(f.name)), []byte(f.content()), 0o644)
			}
			errs <- first
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Size is the number of bytes of the files under dir, for a command to
// report how large a set came out.
func Size(dir string) (files int, bytes int64, err error) {
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		files++
		bytes += info.Size()
		return nil
	})
	return files, bytes, err
}
