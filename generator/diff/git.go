package diff

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// UnknownError is an argument that names neither a site directory nor a git
// revision: a mistake on the command line rather than in a site.
type UnknownError struct{ Arg string }

func (e *UnknownError) Error() string {
	return fmt.Sprintf("%q is neither a site directory nor a git revision", e.Arg)
}

// Open opens arg as a site directory: arg itself when it is a directory, or
// else git revision arg of repoDir (a repository or a folder in one), written
// into a temporary directory with git archive, never touching the work tree.
// The file system cannot be left (os.Root refuses paths and symlinks that
// escape it); release closes it and removes what Open wrote.
func Open(ctx context.Context, repoDir, arg string) (fsys fs.FS, release func(), err error) {
	dir, remove := arg, func() {}
	if info, err := os.Stat(arg); err != nil || !info.IsDir() {
		tmp, err := checkoutRevision(ctx, repoDir, arg)
		if err != nil {
			return nil, nil, err
		}
		dir, remove = tmp, func() { os.RemoveAll(tmp) }
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		remove()
		return nil, nil, fmt.Errorf("site directory: %w", err)
	}
	return root.FS(), func() { root.Close(); remove() }, nil
}

// checkoutRevision writes revision rev of the folder repoDir, a git
// repository or a folder in one, into a new temporary directory with git
// archive, which reads the folder's part of the tree and nothing else.
func checkoutRevision(ctx context.Context, repoDir, rev string) (string, error) {
	git := func(args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, "git", append([]string{"-C", repoDir}, args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
		}
		return out, nil
	}
	if _, err := git("rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return "", &UnknownError{Arg: rev}
	}
	archive, err := git("archive", "--format=tar", rev)
	if err != nil {
		return "", err
	}
	root, err := os.MkdirTemp("", "formatlas-diff-*")
	if err != nil {
		return "", err
	}
	if err := untar(bytes.NewReader(archive), root); err != nil {
		os.RemoveAll(root)
		return "", err
	}
	return root, nil
}

// untar writes the regular files and directories of a tar stream under dir.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !fs.ValidPath(h.Name) && !fs.ValidPath(strings.TrimSuffix(h.Name, "/")) {
			return fmt.Errorf("git archive holds a path that leaves its folder: %q", h.Name)
		}
		dst := filepath.Join(dir, filepath.FromSlash(h.Name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := writeFile(dst, tr); err != nil {
				return err
			}
		}
	}
}

// writeFile writes r to a new file at path, making its folder.
func writeFile(path string, r io.Reader) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
