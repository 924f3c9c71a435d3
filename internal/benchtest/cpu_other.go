//go:build !unix

package benchtest

import "time"

// CPUTime is unknown here; the benchmark then reports no CPU time.
func CPUTime() time.Duration { return -1 }
