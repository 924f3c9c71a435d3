package main

import "syscall"

// childAttr makes the kernel send SIGTERM to a server the benchmark
// started when the benchmark itself dies, so that no server outlives it.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
