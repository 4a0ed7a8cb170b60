package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// The names of work directories. Beside the output, a build works in
// .<out>.formatlas-<random>, and the fallback swap moves the previous output
// to that name plus .old. Inside an output that is a mount point, it works in
// .formatlas-new-<random> and keeps the previous manifest in
// .formatlas-old-<random> until the swap is done.
const (
	innerPrefix    = ".formatlas-"
	innerNewPrefix = innerPrefix + "new-"
	innerOldPrefix = innerPrefix + "old-"
	// markerName marks a work directory whose build has not finished. The
	// build holds a lock on it, so a build running at the same time into
	// the same output leaves it alone.
	markerName = ".formatlas-unfinished"
)

func sideWorkPrefix(base string) string { return "." + base + ".formatlas-" }

// legacyWork matches the work directories of formatlas builds before this
// scheme (.public.new-123 and .public.new-123.old), which a killed build left.
func legacyWork(base string) *regexp.Regexp {
	return regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `\.new-[0-9]+(\.old)?$`)
}

// isWorkDir reports whether name, a top-level entry of an output, is a work
// directory of a build into it.
func isWorkDir(name string) bool { return strings.HasPrefix(name, innerPrefix) && name != markerName }

// sweep removes the work directories that interrupted builds into out left,
// beside it and inside it, and nothing else: a directory is removed only if
// it has a work directory's name and is empty, unfinished (its marker not
// locked by a running build) or a finished build (it has a manifest).
func sweep(out string) error {
	parent, base := filepath.Dir(out), filepath.Base(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	legacy := legacyWork(base)
	var errs []error
	for _, e := range entries {
		name := e.Name()
		dir := filepath.Join(parent, name)
		switch {
		case !e.IsDir():
		case legacy.MatchString(name):
			errs = append(errs, os.RemoveAll(dir))
		case strings.HasPrefix(name, sideWorkPrefix(base)) && abandoned(dir):
			errs = append(errs, os.RemoveAll(dir))
		}
	}
	inner, err := os.ReadDir(out)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, e := range inner {
		if dir := filepath.Join(out, e.Name()); e.IsDir() && isWorkDir(e.Name()) && !locked(dir) {
			errs = append(errs, os.RemoveAll(dir))
		}
	}
	return errors.Join(errs...)
}

// abandoned reports whether dir, named as a work directory, is one that no
// running build uses.
func abandoned(dir string) bool {
	if _, err := os.Lstat(filepath.Join(dir, markerName)); err == nil {
		return !locked(dir)
	}
	if _, err := os.Lstat(filepath.Join(dir, ManifestPath)); err == nil {
		return true
	}
	empty, err := isEmpty(dir)
	return err == nil && empty
}

// mark creates the marker of the work directory dir and locks it until the
// returned function is called.
func mark(dir string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, markerName), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// locked reports whether a running build holds the marker of dir.
func locked(dir string) bool {
	f, err := os.Open(filepath.Join(dir, markerName))
	if err != nil {
		return false
	}
	defer f.Close()
	return !tryLock(f)
}
