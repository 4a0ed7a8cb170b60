package diff

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// gitRepo makes a repository whose commit holds sub/content/site.toml, then
// changes that file in the working tree. It returns the repository.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is missing")
	}
	repo := t.TempDir()
	site := filepath.Join(repo, "sub", "content", "site.toml")
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.org"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	write(t, site, "title = \"committed\"\n")
	git("add", "-A")
	git("commit", "-q", "-m", "first")
	write(t, site, "title = \"edited\"\n")
	return repo
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOpenRevision opens a commit from a folder inside the repository: the
// site is that folder as committed, and release removes the checkout.
func TestOpenRevision(t *testing.T) {
	repo := gitRepo(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	fsys, release, err := Open(context.Background(), filepath.Join(repo, "sub"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	data, err := fs.ReadFile(fsys, "content/site.toml")
	if got, want := string(data), "title = \"committed\"\n"; err != nil || got != want {
		t.Errorf("content/site.toml at HEAD: %q, %v; want %q", got, err, want)
	}
	release()
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("release left %v in the temporary directory", left)
	}
	if data, _ := os.ReadFile(filepath.Join(repo, "sub", "content", "site.toml")); string(data) != "title = \"edited\"\n" {
		t.Errorf("Open changed the working tree: %q", data)
	}
}

// TestOpenDirectory opens a directory as it is, and writes nothing.
func TestOpenDirectory(t *testing.T) {
	repo := gitRepo(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	fsys, release, err := Open(context.Background(), repo, filepath.Join(repo, "sub"))
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if data, _ := fs.ReadFile(fsys, "content/site.toml"); string(data) != "title = \"edited\"\n" {
		t.Errorf("content/site.toml of the directory: %q", data)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("opening a directory wrote %v", left)
	}
}

func TestOpenUnknown(t *testing.T) {
	repo := gitRepo(t)
	_, _, err := Open(context.Background(), repo, "no-such-revision")
	var unknown *UnknownError
	if !errors.As(err, &unknown) || err.Error() != `"no-such-revision" is neither a site directory nor a git revision` {
		t.Errorf("Open of an unknown revision: %v", err)
	}
}

func TestUntarRefusesEscape(t *testing.T) {
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	tw.WriteHeader(&tar.Header{Name: "../evil", Typeflag: tar.TypeReg, Mode: 0o644})
	tw.Close()
	dir := t.TempDir()
	err := untar(&b, dir)
	if want := `git archive holds a path that leaves its folder: "../evil"`; err == nil || err.Error() != want {
		t.Errorf("untar: %v, want %q", err, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "..", "evil")); err == nil {
		t.Error("untar wrote outside its folder")
	}
}
