package generator_test

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"testing"
	"testing/fstest"
)

// repoRoot is the repository, from this package's directory.
const repoRoot = ".."

// fixtureFS is a site directory made of testdata/<name>/content with the
// repository's own templates/ and static/, so golden tests cover the real theme.
func fixtureFS(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	copyTree(t, m, os.DirFS(path.Join(repoRoot, "testdata", name)), "content")
	repo := os.DirFS(repoRoot)
	copyTree(t, m, repo, "templates")
	copyTree(t, m, repo, "static")
	return m
}

// realFS is the repository's own site directory.
func realFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	repo := os.DirFS(repoRoot)
	for _, dir := range []string{"content", "templates", "static"} {
		copyTree(t, m, repo, dir)
	}
	return m
}

func copyTree(t testing.TB, m fstest.MapFS, src fs.FS, dir string) {
	t.Helper()
	err := fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		m[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// reversedFS lists every directory in reverse order, to show that output does
// not depend on the order in which files are read.
type reversedFS struct{ fs.FS }

func (r reversedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.FS, name)
	slices.Reverse(entries)
	return entries, err
}

func (r reversedFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(r.FS, name) }
