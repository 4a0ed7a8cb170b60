// Package publish puts a build on disk without ever losing a file: the
// build is written into a fresh work directory and swapped in whole for the
// previous output, which is replaced only when a formatlas build made it.
//
// The swap, step by step (each step a name for fault injection in tests):
//
//	unmark      the work directory's marker is removed: it is now a finished build
//	exchange    on Linux, renameat2(RENAME_EXCHANGE) swaps the work directory and
//	            the output in one step, so the output always exists
//	remove-old  the previous output, now at the work directory's name, is renamed
//	            to a .trash name in one step
//	removing    and then removed
//
// Elsewhere, or on a file system without the exchange, the output is renamed
// aside (aside) and the work directory renamed in its place (rename-in): the
// output is missing between the two. A first build only renames (rename).
//
// An output that is a mount point cannot be renamed. There the work directory
// is made inside it and the swap replaces its contents (see contents.go),
// which is not atomic.
//
// A build killed at any step leaves its work directories behind; the next
// build into the same output removes them, and only them, and puts back a
// previous output that two renames had left aside. Builds into the outputs
// of one folder take turns, by a lock on the folder (on Linux), so that no
// build removes another's work.
package publish

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"

	"formatlas/generator/internal/bufpool"
	"formatlas/generator/internal/par"
)

// Options are the user's say in what an output may replace.
type Options struct {
	// Site is the site directory on disk, which the output may not replace
	// or lie inside; "" when the site is not on disk.
	Site string
	// Force replaces a non-empty output directory that is not a formatlas
	// build, or holds files that its manifest does not list.
	Force bool
}

// Write puts files into the directory out atomically, as a Dir does.
func Write(out string, files []File, opts Options) error {
	d, err := Open(out, opts)
	if err != nil {
		return err
	}
	errs := make([]error, len(files))
	par.Do(len(files), func(i int) { errs[i] = d.Put(files[i]) })
	if err := errors.Join(errs...); err != nil {
		d.Abort()
		return err
	}
	return d.Commit()
}

// Dir is a Sink that writes a fresh work directory for the output.
// Commit swaps it in; Abort removes it and leaves the output as it was.
//
// A file whose bytes equal those of the same path in the previous output is
// hard-linked from there instead: creating a file costs this machine's disk
// about 0.75 ms when it is busy, a link about 0.015 ms, so a rebuild writes
// only what changed, and the previous output stays untouched until the swap.
type Dir struct {
	out, tmp string
	hadOut   bool     // whether there is a previous output to link from
	contents bool     // out is a mount point: the swap replaces its contents
	made     sync.Map // directories created so far
	unlock   func()   // releases the lock of the output's folder

	// step is called before each step of the swap; a test panics in it to
	// stop the swap there, as a kill would.
	step func(name string)
	// exchange swaps two directories in one step, or returns errNoExchange.
	exchange func(a, b string) error
}

// Open checks that out may be replaced (CheckOut), removes what killed builds
// into out left behind, and creates the work directory.
func Open(out string, opts Options) (*Dir, error) {
	if err := CheckOut(opts.Site, out, opts.Force); err != nil {
		return nil, err
	}
	real, err := resolve(out)
	if err != nil {
		return nil, err
	}
	return open(real, isMountPoint(real))
}

func open(out string, contents bool) (*Dir, error) {
	d := &Dir{out: out, contents: contents, step: func(string) {}, exchange: exchangeDirs}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	// One build at a time into the outputs of one folder: the sweep and the
	// swap rename and remove work directories that another would be using.
	unlock, err := lockDir(filepath.Dir(out))
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", filepath.Dir(out), err)
	}
	d.unlock = unlock
	if err := sweep(out); err != nil {
		unlock()
		return nil, fmt.Errorf("removing what an interrupted build left: %w", err)
	}
	_, err = os.Lstat(out)
	d.hadOut = err == nil
	parent, pattern := filepath.Dir(out), sideWorkPrefix(filepath.Base(out))+"*"
	if contents {
		parent, pattern = out, innerNewPrefix+"*"
	}
	if d.tmp, err = os.MkdirTemp(parent, pattern); err != nil {
		unlock()
		return nil, err
	}
	if err := cmp.Or(os.Chmod(d.tmp, 0o755), mark(d.tmp)); err != nil {
		d.Abort()
		return nil, err
	}
	return d, nil
}

// Put writes f into the work directory. It may be called from several
// goroutines at once.
//
// A file is only ever created, never opened again: the first file at a path
// may be a hard link into the previous output, which writing through would
// change. A second file at one path is dropped here; the build reports it
// and fails.
func (d *Dir) Put(f File) error {
	dst, err := d.dest(f.Path)
	if err != nil {
		return err
	}
	if old := filepath.Join(d.out, filepath.FromSlash(f.Path)); d.hadOut && sameBytes(old, f.Data) {
		if err := os.Link(old, dst); err == nil || errors.Is(err, fs.ErrExist) {
			return nil
		}
	}
	w, err := d.create(dst)
	if w == nil {
		return err
	}
	_, err = w.Write(f.Data)
	return cmp.Or(err, w.Close())
}

// Create opens the file at the slash-separated path p of the work
// directory for writing, as a stream. For a second file at one path it
// returns a writer that discards, as Put does.
func (d *Dir) Create(p string) (io.WriteCloser, error) {
	dst, err := d.dest(p)
	if err != nil {
		return nil, err
	}
	switch w, err := d.create(dst); {
	case err != nil:
		return nil, err
	case w == nil:
		return discard{}, nil
	default:
		return w, nil
	}
}

// create makes the file dst, which must not exist yet; it returns no file
// and no error when dst exists.
func (d *Dir) create(dst string) (*os.File, error) {
	w, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, nil
	}
	return w, err
}

// discard takes the bytes of a second file at one path.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
func (discard) Close() error                { return nil }

// dest is where the file at p goes, its directory made.
func (d *Dir) dest(p string) (string, error) {
	dst := filepath.Join(d.tmp, filepath.FromSlash(p))
	if dir := path.Dir(p); dir != "." {
		if _, done := d.made.Load(dir); !done {
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return "", err
			}
			d.made.Store(dir, true)
		}
	}
	return dst, nil
}

// Commit swaps the work directory in for the output.
func (d *Dir) Commit() error {
	d.step("unmark")
	if err := os.Remove(filepath.Join(d.tmp, markerName)); err != nil {
		d.Abort()
		return err
	}
	var err error
	if d.contents {
		err = d.replaceContents()
	} else {
		err = d.swap()
	}
	if err != nil {
		d.Abort()
		return err
	}
	d.unlock()
	return nil
}

// Abort removes the work directory.
func (d *Dir) Abort() {
	if _, err := os.Lstat(d.tmp); err == nil {
		remove(d.tmp)
	}
	d.unlock()
}

// swap puts the work directory in the output's place. The previous output
// is removed only once the new one is in place, so a failed step restores it.
func (d *Dir) swap() error {
	if !d.hadOut {
		d.step("rename")
		return os.Rename(d.tmp, d.out)
	}
	d.step("exchange")
	switch err := d.exchange(d.tmp, d.out); {
	case err == nil:
		d.step("remove-old")
		return d.removeOld(d.tmp) // the previous output, now at the work directory's name
	case !errors.Is(err, errNoExchange):
		return fmt.Errorf("swapping in the new output: %w", err)
	}
	old := d.tmp + oldSuffix
	d.step("aside")
	if err := os.Rename(d.out, old); err != nil {
		return fmt.Errorf("moving the previous output aside: %w", err)
	}
	d.step("rename-in")
	if err := os.Rename(d.tmp, d.out); err != nil {
		os.Rename(old, d.out)
		return err
	}
	d.step("remove-old")
	return d.removeOld(old)
}

// removeOld deletes the previous output at dir, renamed to a .trash name
// first (step "removing" between the two), so that a build killed while
// deleting it leaves a name that the next one removes.
func (d *Dir) removeOld(dir string) error {
	trash := dir + trashSuffix
	if err := os.Rename(dir, trash); err != nil {
		return err
	}
	d.step("removing")
	return os.RemoveAll(trash)
}

// sameBytes reports whether the regular file at path holds exactly data.
func sameBytes(path string, data []byte) bool {
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	same := false
	bufpool.Use(func(buf *bytes.Buffer) error { // a build compares every page it makes again
		buf.Grow(len(data) + bytes.MinRead)
		_, err := buf.ReadFrom(f)
		same = err == nil && bytes.Equal(buf.Bytes(), data)
		return nil
	})
	return same
}
