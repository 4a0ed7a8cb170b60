package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// replaceContents swaps the work directory, made inside the output, in for
// the output's contents, for an output that is a mount point and cannot be
// renamed. It is not atomic: while it runs, the output holds part of the
// previous build and part of the new one. At every step the output's
// manifest.json is the previous build's or the new one's, and the manifest
// of the other is kept in a work directory, so a build interrupted here is
// still known as formatlas's own by the next, which finishes the job.
//
//	keep-manifest  the previous manifest is linked into .formatlas-old-<random>
//	clear          every top-level entry of the output but the manifest and the
//	               work directories is removed
//	move-in        the new build's entries are renamed into the output, the
//	               manifest last, over the previous one
//	cleanup        the work directories are removed
func (d *Dir) replaceContents() error {
	d.step("keep-manifest")
	old, err := os.MkdirTemp(d.out, innerOldPrefix+"*")
	if err != nil {
		return err
	}
	err = os.Link(filepath.Join(d.out, ManifestPath), filepath.Join(old, ManifestPath))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	d.step("clear")
	if err := d.clearOutput(); err != nil {
		return fmt.Errorf("clearing the previous output: %w", err)
	}
	d.step("move-in")
	if err := d.moveIn(); err != nil {
		return fmt.Errorf("moving the new output in: %w", err)
	}
	d.step("cleanup")
	return errors.Join(remove(d.tmp), remove(old))
}

// clearOutput removes the previous build's entries from the output.
func (d *Dir) clearOutput() error {
	entries, err := os.ReadDir(d.out)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if name := e.Name(); name != ManifestPath && !isWorkDir(name) {
			if err := os.RemoveAll(filepath.Join(d.out, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// moveIn renames the work directory's entries into the output, the manifest
// last.
func (d *Dir) moveIn() error {
	entries, err := os.ReadDir(d.tmp)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if name := e.Name(); name != ManifestPath && name != markerName {
			if err := os.Rename(filepath.Join(d.tmp, name), filepath.Join(d.out, name)); err != nil {
				return err
			}
		}
	}
	err = os.Rename(filepath.Join(d.tmp, ManifestPath), filepath.Join(d.out, ManifestPath))
	if errors.Is(err, fs.ErrNotExist) { // a build of files alone, as in tests
		return nil
	}
	return err
}
