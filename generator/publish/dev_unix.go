//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"syscall"
)

// mountedByDevice reports whether dir lies on another device than its
// parent, as the root of a mounted file system does.
func mountedByDevice(dir string) bool {
	a, errA := os.Lstat(dir)
	b, errB := os.Lstat(filepath.Dir(dir))
	if errA != nil || errB != nil || !a.IsDir() {
		return false
	}
	sa, okA := a.Sys().(*syscall.Stat_t)
	sb, okB := b.Sys().(*syscall.Stat_t)
	return okA && okB && sa.Dev != sb.Dev
}
