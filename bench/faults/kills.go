package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// kills loads into Neo4j and kills each load with SIGKILL at a fifth,
// two fifths, three and four fifths of the time the whole load takes, in
// both directions (the seeds replaced by a set ten times their
// size, and back): after each kill the graph must be the one before the
// load, or the new one whole when the kill came after the load committed,
// which a dry run of that set shows (it would change nothing).
func kills(bin string) error {
	uri := neo4jURI()
	env := neo4jEnv(uri)
	dir, err := os.MkdirTemp("", "peacegraph-faults")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	large := filepath.Join(dir, "synth-10")
	if _, err := run(5*time.Minute, nil, bin, "synth", "--scale", "10", "--out", large); err != nil {
		return err
	}
	// holds reports whether the graph is set's, as a dry run of it shows.
	holds := func(set string) (bool, error) {
		out, err := run(10*time.Minute, env, bin, "load", "--dry-run", "--prune", "--log-level", "warn", set)
		return strings.Contains(out, "would change: no changes"), err
	}
	fmt.Println("## Loads killed with SIGKILL (Neo4j)")
	fmt.Println()
	fmt.Println("| load | killed after | the graph after the kill |")
	fmt.Println("|---|---|---|")
	var problems []string
	loadFrom := func(set string) error {
		_, err := run(15*time.Minute, env, bin, "load", "--prune", "--log-level", "warn", set)
		return err
	}
	for _, step := range []struct{ from, to, name string }{
		{"seeds", large, "the seeds replaced by 10 times their size"},
		{large, "seeds", "10 times the seeds replaced by the seeds"},
	} {
		// How long the whole load takes, so that the kills fall inside it.
		if err := loadFrom(step.from); err != nil {
			return err
		}
		start := time.Now()
		if err := loadFrom(step.to); err != nil {
			return err
		}
		whole := time.Since(start)
		for _, share := range []float64{0.2, 0.4, 0.6, 0.8} {
			after := time.Duration(share * float64(whole))
			if err := loadFrom(step.from); err != nil {
				return err
			}
			cmd := exec.Command(bin, "load", "--prune", "--log-level", "warn", step.to)
			cmd.Env = append(cleanEnv(), env...)
			if err := cmd.Start(); err != nil {
				return err
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			state := ""
			select {
			case <-done:
				state = "finished before the kill"
			case <-time.After(after):
				_ = cmd.Process.Kill()
				<-done
				before, err := holds(step.from)
				if err != nil {
					return err
				}
				loaded, err := holds(step.to)
				if err != nil {
					return err
				}
				switch {
				case before:
					state = "as before the load"
				case loaded:
					// Killed after its last transaction committed.
					state = "the new set, whole (the load had committed)"
				default:
					state = "NEITHER the set before nor the set loaded"
					problems = append(problems, fmt.Sprintf("%s, killed after %s: the graph is neither set", step.name, after))
				}
			}
			fmt.Printf("| %s (whole load %s) | %s | %s |\n", step.name, whole.Round(100*time.Millisecond), after.Round(10*time.Millisecond), state)
		}
	}
	fmt.Println()
	if _, err := run(15*time.Minute, env, bin, "load", "--prune", "--log-level", "warn", "seeds"); err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}
