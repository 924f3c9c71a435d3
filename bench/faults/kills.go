package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// kills loads into Neo4j and kills each load with SIGKILL at several
// moments, in both directions (the seeds replaced by a set ten times their
// size, and back): after each kill the graph must be the one before the
// load, which a dry run of that set shows (it would change nothing).
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
	unchanged := func(set string) (bool, error) {
		out, err := run(10*time.Minute, env, bin, "load", "--dry-run", "--log-level", "warn", set)
		return strings.Contains(out, "would change: no changes"), err
	}
	fmt.Println("## Loads killed with SIGKILL (Neo4j)")
	fmt.Println()
	fmt.Println("| load | killed after | the graph after the kill |")
	fmt.Println("|---|---|---|")
	var problems []string
	for _, step := range []struct{ from, to, name string }{
		{"seeds", large, "the seeds replaced by 10 times their size"},
		{large, "seeds", "10 times the seeds replaced by the seeds"},
	} {
		for _, after := range []time.Duration{500 * time.Millisecond, 2 * time.Second, 5 * time.Second} {
			if _, err := run(15*time.Minute, env, bin, "load", "--prune", "--log-level", "warn", step.from); err != nil {
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
				same, err := unchanged(step.from)
				switch {
				case err != nil:
					return err
				case same:
					state = "as before the load"
				default:
					state = "CHANGED"
					problems = append(problems, fmt.Sprintf("%s, killed after %s: the graph is no longer the set before the load", step.name, after))
				}
			}
			fmt.Printf("| %s | %s | %s |\n", step.name, after, state)
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
