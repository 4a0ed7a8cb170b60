//go:build !linux

package publish

import "os"

// exchangeDirs has no one-step swap outside Linux: the swap renames twice.
func exchangeDirs(a, b string) error { return errNoExchange }

func isMountPoint(dir string) bool { return mountedByDevice(dir) }

// Outside Linux no lock is taken: builds into one output at the same time
// may remove each other's work directories.
func lockFile(f *os.File) error { return nil }

func tryLock(f *os.File) bool { return true }
