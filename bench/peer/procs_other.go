//go:build !linux

package main

import "syscall"

// childAttr: outside Linux there is no parent-death signal; the benchmark
// stops its servers itself, also on SIGINT and SIGTERM.
func childAttr() *syscall.SysProcAttr { return nil }
