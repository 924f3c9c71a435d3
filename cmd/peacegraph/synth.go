package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/loaders"
	"github.com/peacegraph/peacegraph/synth"
)

// Synth writes a generated seed set of a given scale (docs/synth.md).
func (m *Main) Synth(ctx context.Context, args []string) error {
	cfg := synth.Config{Scale: 1, Seed: 1, MaxScale: synth.DefaultMaxScale}
	var out string
	var force bool
	var articles int
	_, err := m.parse("synth", args, func(fs *flag.FlagSet) {
		fs.IntVar(&cfg.Scale, "scale", cfg.Scale, "size as a multiple of the real record (1 is about the size of seeds/)")
		fs.Int64Var(&cfg.Seed, "seed", cfg.Seed, "selects the content; the same scale and seed write the same files")
		fs.StringVar(&out, "out", "", "directory to write the set to: new or empty (required)")
		fs.BoolVar(&force, "force", false, "replace a set synth wrote to --out before")
		fs.IntVar(&articles, "articles", 0, "also write this many additional articles (articles/), each one source and 10 claims")
		fs.IntVar(&cfg.MaxScale, "max-scale", cfg.MaxScale, "largest --scale accepted, a guard against filling memory and disk")
	}, 0)
	if err != nil {
		return err
	}
	switch {
	case out == "":
		return usageError{errors.New("--out is required: the directory to write the set to")}
	case articles < 0:
		return usageError{fmt.Errorf("--articles %d: it must be 0 or more", articles)}
	}
	if err := cfg.Validate(); err != nil {
		return usageError{message(err)}
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		if !force {
			return fmt.Errorf("%s is not empty: choose a new or empty directory, or --force to replace a set synth wrote there", out)
		}
		if err := synth.Clear(out); err != nil {
			return message(err)
		}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}

	start := time.Now()
	d, err := synth.Generate(cfg)
	if err != nil {
		return err
	}
	if err := synth.Write(out, d); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	for k := 1; k <= articles; k++ {
		a, err := synth.NewArticle(cfg, k)
		if err != nil {
			return err
		}
		if err := synth.WriteArticle(out, a); err != nil {
			return fmt.Errorf("writing article %d to %s: %w", k, out, err)
		}
		a.AddTo(d)
	}
	elapsed := time.Since(start)
	files, size, err := synth.Size(out)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%s: wrote %s: %s (%d files, %.1f MB, %.1fs)\n",
		out, cfg, loaders.Summarize(d), files, float64(size)/1e6, elapsed.Seconds())
	return nil
}

// message drops the code from a domain error: on a command line the
// sentence says it all.
func message(err error) error {
	if peacegraph.ErrorCode(err) == peacegraph.EINTERNAL {
		return err
	}
	return errors.New(peacegraph.ErrorMessage(err))
}
