package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitCheckBuild: init writes a starter atlas into a new directory,
// which check passes and build builds with the built-in theme; a second init
// there is refused and writes nothing.
func TestInitCheckBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "atlas")
	code, out, errOut := formatlas(t, "init", dir)
	if code != 0 || !strings.Contains(out, "formatlas serve") || !strings.Contains(out, "formatlas build") {
		t.Fatalf("init: exit %d, %q, %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "templates")); err == nil {
		t.Error("init wrote a theme: the site needs only content/")
	}
	if code, out, errOut := formatlas(t, "check", "--site", dir); code != 0 || !strings.Contains(out, "no problems in 2 formats") {
		t.Errorf("check of the starter: exit %d, %q, %q", code, out, errOut)
	}
	public := filepath.Join(dir, "public")
	if code, _, errOut := formatlas(t, "build", "--site", dir, "--out", public); code != 0 {
		t.Fatalf("build of the starter: exit %d, %q", code, errOut)
	}
	page, err := os.ReadFile(filepath.Join(public, "formats", "council.html"))
	if err != nil || !strings.Contains(string(page), "Example Council") {
		t.Errorf("the starter's format page: %v", err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "content", "site.toml"))
	if code, _, errOut := formatlas(t, "init", dir); code != 2 || !strings.Contains(errOut, "is not empty") {
		t.Errorf("init into a site: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "content", "site.toml")); string(after) != string(before) {
		t.Error("a refused init changed a file")
	}
	file := filepath.Join(dir, "content", "site.toml")
	for _, args := range [][]string{{"init", ""}, {"init", file}} {
		if code, _, errOut := formatlas(t, args...); code != 2 {
			t.Errorf("%q: exit %d, %q", args, code, errOut)
		}
	}
	empty := t.TempDir() // an existing empty directory is fine
	if code, _, errOut := formatlas(t, "init", empty); code != 0 {
		t.Errorf("init into an empty directory: exit %d, %q", code, errOut)
	}
}

// TestNotASite: in a directory without content/, each command that reads a
// site says so in one line and points to init.
func TestNotASite(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"check", "--site", dir}, {"build", "--site", dir, "--out", filepath.Join(dir, "public")}} {
		code, _, errOut := formatlas(t, args...)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "not a site directory") || !strings.Contains(errOut, "formatlas init") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("build in a directory that is no site wrote public/")
	}
}

// TestVersion: version and --version print the module version; under go
// test the build information has none, so it is (devel).
func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		code, out, _ := formatlas(t, arg)
		if code != 0 || !strings.HasPrefix(out, "formatlas ") || !strings.Contains(out, "(devel)") {
			t.Errorf("%s: exit %d, %q", arg, code, out)
		}
	}
}
