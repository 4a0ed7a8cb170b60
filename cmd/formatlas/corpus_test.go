package main

import (
	"bytes"
	"flag"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/tools/txtar"
)

var updateCorpus = flag.Bool("update-corpus", false, "rewrite the want files of testdata/bad (check every position by hand!)")

const repoRoot = "../.."

// TestBadInputCorpus runs `formatlas check` on each case of testdata/bad. A
// case is a txtar archive laid over the fixture site testdata/site-small (with
// the repository's templates/ and static/), written to a real directory:
//
//	-- <path> --          a file to add or replace
//	-- delete <path> --   a file to remove
//	-- symlink <path> --  a symlink to the body's first line
//	-- mkfifo <path> --   a named pipe
//	-- socket <path> --   a Unix socket
//	-- args --            check's arguments (default: none)
//	-- absent --          strings no built HTML page may contain (then the case is also built)
//	-- want --            "exit N", then check's stdout and stderr, exactly
func TestBadInputCorpus(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "bad", "*.txtar"))
	if err != nil || len(paths) < 30 {
		t.Fatalf("the corpus has %d cases, want at least 30 (%v)", len(paths), err)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			runCase(t, p)
		})
	}
}

func runCase(t *testing.T, archive string) {
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(t.TempDir(), "site")
	layFixture(t, site)
	var args []string
	var want, absent *txtar.File
	for i := range ar.Files {
		f := &ar.Files[i]
		switch name := f.Name; {
		case name == "want":
			want = f
		case name == "args":
			args = strings.Fields(string(f.Data))
		case name == "absent":
			absent = f
		case strings.HasPrefix(name, "delete "):
			must(t, os.Remove(filepath.Join(site, strings.TrimPrefix(name, "delete "))))
		case strings.HasPrefix(name, "mkfifo "):
			must(t, syscall.Mkfifo(filepath.Join(site, strings.TrimPrefix(name, "mkfifo ")), 0o644))
		case strings.HasPrefix(name, "socket "):
			makeSocket(t, filepath.Join(site, strings.TrimPrefix(name, "socket ")))
		case strings.HasPrefix(name, "symlink "):
			link := filepath.Join(site, strings.TrimPrefix(name, "symlink "))
			must(t, os.MkdirAll(filepath.Dir(link), 0o755))
			must(t, os.Symlink(strings.TrimSpace(string(f.Data)), link))
		default:
			dst := filepath.Join(site, name)
			must(t, os.MkdirAll(filepath.Dir(dst), 0o755))
			must(t, os.WriteFile(dst, f.Data, 0o644))
		}
	}
	if want == nil {
		t.Fatal("no want file")
	}
	code, stdout, stderr := formatlas(t, append([]string{"check", "--site", site}, args...)...)
	got := "exit " + string(rune('0'+code)) + "\n" + stdout + stderr
	if *updateCorpus {
		want.Data = []byte(got)
		must(t, os.WriteFile(archive, txtar.Format(ar), 0o644))
		return
	}
	if got != string(want.Data) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want.Data)
	}
	if absent != nil {
		checkAbsent(t, site, absent.Data)
	}
}

// makeSocket leaves a Unix socket at path, its listener closed.
func makeSocket(t *testing.T, path string) {
	t.Helper()
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	must(t, err)
	l.SetUnlinkOnClose(false)
	must(t, l.Close())
}

// checkAbsent builds the case and asserts no HTML page contains any line of absent.
func checkAbsent(t *testing.T, site string, absent []byte) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := formatlas(t, "build", "--site", site, "--out", out); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		data, err := os.ReadFile(p)
		for _, line := range strings.Split(strings.TrimSpace(string(absent)), "\n") {
			if bytes.Contains(data, []byte(line)) {
				t.Errorf("%s contains %q", p, line)
			}
		}
		return err
	})
	must(t, err)
	if pages == 0 {
		t.Fatal("the build wrote no pages")
	}
}

// layFixture copies the fixture content and the repository's theme into dir.
func layFixture(t *testing.T, dir string) {
	t.Helper()
	copyDir(t, filepath.Join(repoRoot, "testdata", "site-small", "content"), filepath.Join(dir, "content"))
	copyDir(t, filepath.Join(repoRoot, "templates"), filepath.Join(dir, "templates"))
	copyDir(t, filepath.Join(repoRoot, "static"), filepath.Join(dir, "static"))
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	must(t, filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	}))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
