package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// formatlas runs the command line in-process and returns its exit status and output.
func formatlas(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &Env{Stdout: &stdout, Stderr: &stderr})
	return code, stdout.String(), stderr.String()
}

func TestHelp(t *testing.T) {
	code, out, _ := formatlas(t, "help")
	if code != 0 || !strings.Contains(out, "build") {
		t.Errorf("help: exit %d, output %q", code, out)
	}
	code, out, _ = formatlas(t, "help", "build")
	if code != 0 || !strings.Contains(out, "-site") || !strings.Contains(out, "-out") {
		t.Errorf("help build: exit %d, output %q", code, out)
	}
	code, _, errOut := formatlas(t, "build", "-h")
	if code != 0 || !strings.Contains(errOut, "usage: formatlas build") {
		t.Errorf("build -h: exit %d, stderr %q", code, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nonsense"}, {"build", "--no-such-flag"}, {"build", "extra"}, {"help", "nonsense"}} {
		if code, _, _ := formatlas(t, args...); code != 2 {
			t.Errorf("formatlas %v: exit %d, want 2", args, code)
		}
	}
}

func TestBuildRealSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, _, errOut := formatlas(t, "build", "--site", "../..", "--out", out)
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	for _, p := range []string{"index.html", "formats/jef.html", "countries/fin.html", "matrix.html", "manifest.json"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Error(err)
		}
	}
}

func TestBuildContentErrorExitsOne(t *testing.T) {
	site := t.TempDir()
	for _, dir := range []string{"content/formats", "templates/partials"} {
		if err := os.MkdirAll(filepath.Join(site, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(site, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/site.toml", "title = \"T\"\n")
	write("content/countries.toml", "")
	write("content/sources.toml", "")
	write("content/formats/x.toml", "name = \"X\"\ncategory = \"nope\"\n")
	code, _, errOut := formatlas(t, "build", "--site", site, "--out", filepath.Join(site, "public"))
	want := "content/formats/x.toml:2:12: category \"nope\" is not one of"
	if code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, errOut, want)
	}
	if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
		t.Error("a failed build wrote its output")
	}
}

// TestAsOfAfterReview: a build shown at a date after the content's as_of
// warns on stderr, saying when the content was last reviewed, and succeeds;
// at an earlier date it says nothing.
func TestAsOfAfterReview(t *testing.T) {
	dir := t.TempDir()
	layFixture(t, dir)
	code, _, errOut := formatlas(t, "build", "--site", dir, "--out", filepath.Join(dir, "public"), "--as-of", "2030-01-01")
	want := "formatlas: warning: showing 2030-01-01, after 2021-02-01, when the content was last reviewed"
	if code != 0 || !strings.HasPrefix(errOut, want) {
		t.Errorf("exit %d, stderr %q; want 0 and %q", code, errOut, want)
	}
	code, _, errOut = formatlas(t, "build", "--site", dir, "--out", filepath.Join(dir, "public"), "--as-of", "2019")
	if code != 0 || strings.Contains(errOut, "warning") {
		t.Errorf("exit %d, stderr %q; want 0 and no warning", code, errOut)
	}
}
