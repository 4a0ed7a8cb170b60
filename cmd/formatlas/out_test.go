package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildRefusesOut runs build with each --out that would delete what no
// build made, on real directories: each exits 2, says why, and leaves every
// file as it was. --force replaces a folder of someone else's, and nothing
// lets a build replace the site.
func TestBuildRefusesOut(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	layFixture(t, site)
	must(t, os.MkdirAll(filepath.Join(site, ".git"), 0o755))
	must(t, os.WriteFile(filepath.Join(site, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644))
	notes := filepath.Join(root, "notes.txt")
	must(t, os.WriteFile(notes, []byte("my notes"), 0o644))
	www := filepath.Join(root, "www")
	must(t, os.MkdirAll(www, 0o755))
	must(t, os.WriteFile(filepath.Join(www, "index.html"), []byte("my site"), 0o644))
	before := snapshot(t, root)

	t.Chdir(site)
	for _, tc := range []struct {
		out   string
		force bool
		want  string
	}{
		{site, true, "is the site directory"},
		{".", false, "is the site directory"},
		{root, true, "holds the site directory"},
		{"..", false, "holds the site directory"},
		{"content", true, "inside the site's content/"},
		{"content/formats", false, "inside the site's content/"},
		{"templates/new", false, "inside the site's templates/"},
		{"static", false, "inside the site's static/"},
		{".git", true, "inside the site's .git/"},
		{notes, true, "is a file, not a directory"},
		{www, false, "is not empty and is not a formatlas build"},
	} {
		args := []string{"build", "--site", site, "--out", tc.out}
		if tc.force {
			args = append(args, "--force")
		}
		code, _, stderr := formatlas(t, args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("build --out %s (force %v): exit %d, %q; want 2 and one line with %q", tc.out, tc.force, code, stderr, tc.want)
		}
		if after := snapshot(t, root); after != before {
			t.Fatalf("build --out %s changed files:\n%s", tc.out, after)
		}
	}

	// the default public/ inside the site is fine, and so is building it again
	for range 2 {
		if code, _, stderr := formatlas(t, "build", "--site", site); code != 0 {
			t.Fatalf("build into public/: exit %d: %s", code, stderr)
		}
	}
	must(t, os.WriteFile(filepath.Join(site, "public", "mine.txt"), []byte("mine"), 0o644))
	code, _, stderr := formatlas(t, "build", "--site", site)
	if code != 2 || !strings.Contains(stderr, "holds 1 file that no formatlas build made, such as mine.txt") {
		t.Errorf("a file of mine in public/: exit %d, %q", code, stderr)
	}
	if code, _, stderr := formatlas(t, "build", "--site", site, "--out", www, "--force"); code != 0 {
		t.Fatalf("build --out www --force: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(www, "manifest.json")); err != nil {
		t.Error("the forced build is not in www/")
	}
}

// snapshot is every path and file of dir with its bytes, as one string.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	must(t, filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(rel)
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b.WriteString(" " + string(data))
		}
		b.WriteByte('\n')
		return nil
	}))
	return b.String()
}

// TestErrorsCannotForgeLogLines builds a site with a file whose name holds a
// newline and a workflow command: every problem stays on its own line, so no
// line of the output but check's own annotations starts with "::".
func TestErrorsCannotForgeLogLines(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	layFixture(t, site)
	name := "x\n::error file=README.md,line=1::forged\r::warning::forged.toml"
	must(t, os.WriteFile(filepath.Join(site, "content", "formats", name), []byte("name = 1\n"), 0o644))
	for _, args := range [][]string{
		{"build", "--site", site, "--out", filepath.Join(t.TempDir(), "public")},
		{"check", "--site", site},
		{"check", "--site", site, "--format", "github"},
	} {
		code, stdout, stderr := formatlas(t, args...)
		if code != 1 {
			t.Fatalf("%v: exit %d", args, code)
		}
		lines := strings.Split(strings.ReplaceAll(stdout+stderr, "\r", "\n"), "\n")
		for _, line := range lines {
			if strings.HasPrefix(line, "::warning") || strings.HasPrefix(line, "::error file=README.md") ||
				strings.HasPrefix(line, "::") && args[len(args)-1] != "github" {
				t.Errorf("%v printed a line that starts a workflow command: %q", args[0:2], line)
			}
		}
		if !strings.Contains(stdout+stderr, `"content/formats/x\n::error file=README.md,line=1::forged\r::warning::forged.toml"`) && args[len(args)-1] != "github" {
			t.Errorf("%v does not name the file quoted:\n%s%s", args[0:2], stdout, stderr)
		}
	}
}
