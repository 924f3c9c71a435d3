// Command peacegraph serves the negotiation knowledge graph over GraphQL,
// and loads and validates its seed files.
//
// Usage:
//
//	peacegraph serve    [flags]        serve the API (GraphQL at /graphql, playground at /)
//	peacegraph load     [flags] [DIR]  validate the seeds in DIR and write them to the store
//	peacegraph validate [flags] [DIR]  check the seeds in DIR and report every problem
//	peacegraph synth    [flags] --out DIR  write a generated seed set of any scale
//
// Without NEO4J_URI the graph lives in an embedded store that serve loads
// from the seed directory at start.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // the command ran and failed, or found problems
	exitUsage = 2 // the command line was wrong
)

const usage = `peacegraph: a knowledge graph of a negotiation, served over GraphQL.

Usage:
  peacegraph serve    [flags]        serve the API (GraphQL at /graphql, playground at /)
  peacegraph load     [flags] [DIR]  validate the seeds in DIR (default seeds) and write what changed to the store
                                     (--dry-run: print the change only; --prune: allow large removals)
  peacegraph validate [flags] [DIR]  check the seeds in DIR (default seeds); exit status 1 on any problem
  peacegraph synth    [flags] --out DIR  write a generated seed set, --scale times the real record's size
  peacegraph version                 print the version, commit and Go of this build

Run 'peacegraph COMMAND -h' for a command's flags. Configuration comes from
the environment (PEACEGRAPH_ADDR, PEACEGRAPH_SEEDS, NEO4J_URI, NEO4J_USERNAME,
NEO4J_PASSWORD, NEO4J_DATABASE, LOG_LEVEL, LOG_FORMAT); flags win.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: it returns the exit status, so tests
// can call it.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	m := &Main{Config: ConfigFromEnv(getenv), Stdout: stdout, Stderr: stderr}
	var cmd func(context.Context, []string) error
	switch args[0] {
	case "serve":
		cmd = m.Serve
	case "load":
		cmd = m.Load
	case "validate":
		cmd = m.Validate
	case "synth":
		cmd = m.Synth
	case "version":
		cmd = m.Version
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "peacegraph: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	err := cmd(ctx, args[1:])
	defer m.Close()
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "peacegraph %s: %v\n", args[0], ue.err)
		return exitUsage
	case errors.Is(err, errReported):
		return exitFail
	default:
		fmt.Fprintf(stderr, "peacegraph %s: %v\n", args[0], err)
		return exitFail
	}
}

// usageError marks a wrong command line, for exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// errReported means the failure was already printed in full.
var errReported = errors.New("reported")
