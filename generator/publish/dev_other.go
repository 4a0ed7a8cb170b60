//go:build !unix

package publish

// mountedByDevice cannot tell a mount point here: the swap renames.
func mountedByDevice(dir string) bool { return false }
