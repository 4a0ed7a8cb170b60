package publish

import (
	"errors"
	"fmt"
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
// .formatlas-old-<random> until the swap is done. A work directory to be
// deleted is first renamed with .trash added, in one step, so that a build
// killed halfway through deleting it leaves a name that says so.
const (
	innerNewPrefix = ".formatlas-new-"
	innerOldPrefix = ".formatlas-old-"
	trashSuffix    = ".trash"
	oldSuffix      = ".old"
	// markerName marks a work directory whose build has not finished.
	markerName = ".formatlas-unfinished"
)

func sideWorkPrefix(base string) string { return "." + base + ".formatlas-" }

// legacyWork matches the work directories of formatlas builds before this
// scheme (.public.new-123456789 and the same with .old), which killed builds
// left: os.MkdirTemp's random part is a 32-bit number.
func legacyWork(base string) *regexp.Regexp {
	return regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `\.new-[0-9]{6,10}(\.old)?$`)
}

// isWorkDir reports whether name, a top-level entry of an output, is a work
// directory of a build into it.
func isWorkDir(name string) bool {
	return strings.HasPrefix(name, innerNewPrefix) || strings.HasPrefix(name, innerOldPrefix)
}

// sweep removes what interrupted builds into out left, beside it and inside
// it, and nothing else; the caller holds the lock of out's folder. An output
// that a fallback swap killed between its two renames is put back first.
func sweep(out string) error {
	parent, base := filepath.Dir(out), filepath.Base(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	if err := restore(out, entries); err != nil {
		return err
	}
	legacy, prefix := legacyWork(base), sideWorkPrefix(base)
	var errs []error
	for _, e := range entries {
		name := e.Name()
		dir := filepath.Join(parent, name)
		switch {
		case !e.IsDir():
		case legacy.MatchString(name),
			strings.HasPrefix(name, prefix) && strings.HasSuffix(name, trashSuffix),
			strings.HasPrefix(name, prefix) && abandoned(dir):
			errs = append(errs, remove(dir))
		}
	}
	inner, err := os.ReadDir(out)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, e := range inner {
		if e.IsDir() && isWorkDir(e.Name()) {
			errs = append(errs, remove(filepath.Join(out, e.Name())))
		}
	}
	return errors.Join(errs...)
}

// restore puts back the previous output that a fallback swap had moved
// aside (<work>.old) when it was killed before renaming the new one in.
func restore(out string, entries []fs.DirEntry) error {
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	prefix := sideWorkPrefix(filepath.Base(out))
	for _, e := range entries {
		name := e.Name()
		old := filepath.Join(filepath.Dir(out), name)
		if e.IsDir() && strings.HasPrefix(name, prefix) && strings.HasSuffix(name, oldSuffix) && isBuild(old) {
			if err := os.Rename(old, out); err != nil {
				return fmt.Errorf("putting back the previous output: %w", err)
			}
			return nil
		}
	}
	return nil
}

// remove deletes the work directory dir: renamed to a .trash name first,
// in one step, then removed.
func remove(dir string) error {
	trash := dir
	if !strings.HasSuffix(dir, trashSuffix) {
		trash = dir + trashSuffix
		if err := os.Rename(dir, trash); err != nil {
			return err
		}
	}
	return os.RemoveAll(trash)
}

// abandoned reports whether dir, named as a work directory, is one: an
// unfinished build (it has the marker), a finished one (a formatlas
// manifest) or an empty folder. No build is running into the same output:
// the caller holds its lock.
func abandoned(dir string) bool {
	if _, err := os.Lstat(filepath.Join(dir, markerName)); err == nil {
		return true
	}
	if isBuild(dir) {
		return true
	}
	empty, err := isEmpty(dir)
	return err == nil && empty
}

// isBuild reports whether dir holds a formatlas build's manifest.
func isBuild(dir string) bool {
	_, err := readManifest(filepath.Join(dir, ManifestPath))
	return err == nil
}

// mark creates the marker of the work directory dir.
func mark(dir string) error {
	f, err := os.OpenFile(filepath.Join(dir, markerName), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	return f.Close()
}
