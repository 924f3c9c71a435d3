//go:build unix

package benchtest

import (
	"syscall"
	"time"
)

// CPUTime is the processor time the process has used, user and system:
// on a machine shared with other work, it measures a read where the
// elapsed time measures the machine.
func CPUTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return -1
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
