package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// Version prints what the binary was built from: the module's version,
// the commit and its time (when built from a checkout), and the Go that
// built it, so that a bug report can say which peacegraph answered.
func (m *Main) Version(ctx context.Context, args []string) error {
	if _, err := m.parse("version", args, nil, 0); err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, versionLine())
	return nil
}

func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "peacegraph (no build information)"
	}
	version, commit, when, dirty := info.Main.Version, "", "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	line := "peacegraph " + version
	if commit != "" {
		line += " commit " + commit[:min(12, len(commit))]
		if dirty {
			line += " (modified)"
		}
		if when != "" {
			line += " of " + when
		}
	}
	return line + " " + info.GoVersion
}
