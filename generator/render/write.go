package render

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"

	"formatlas/generator/internal/par"
)

// Write puts files into the directory out atomically: it writes a fresh
// directory beside out and swaps it in at the end. If anything fails, out is
// left as it was and the fresh directory is removed.
func Write(out string, files []File) (err error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := writeTree(tmp, files); err != nil {
		return err
	}
	return swap(tmp, out)
}

// writeTree creates every directory first, then writes the files in parallel.
func writeTree(root string, files []File) error {
	var dirs []string
	for _, f := range files {
		if d := path.Dir(f.Path); d != "." {
			dirs = append(dirs, d)
		}
	}
	slices.Sort(dirs)
	for _, d := range slices.Compact(dirs) {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
	}
	errs := make([]error, len(files))
	par.Do(len(files), func(i int) {
		errs[i] = os.WriteFile(filepath.Join(root, filepath.FromSlash(files[i].Path)), files[i].Data, 0o644)
	})
	return errors.Join(errs...)
}

// swap replaces out with tmp. The old tree is moved aside first and removed
// only once the new one is in place, so a failed rename restores it.
func swap(tmp, out string) error {
	old := tmp + ".old"
	_, statErr := os.Lstat(out)
	hadOld := statErr == nil
	if hadOld {
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("moving the previous output aside: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if hadOld {
			os.Rename(old, out)
		}
		return err
	}
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}
