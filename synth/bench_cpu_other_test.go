//go:build !unix

package synth_test

import "time"

// cpuTime is unknown here; the benchmark then reports no CPU time.
func cpuTime() time.Duration { return -1 }
