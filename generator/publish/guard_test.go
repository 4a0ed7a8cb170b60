package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRelation holds the --out rule over every relation of two paths.
func TestRelation(t *testing.T) {
	site := filepath.FromSlash("/work/site")
	for _, tc := range []struct {
		out  string
		want string // a word of the message, "" for allowed
	}{
		{"/work/site", "is the site directory"},
		{"/work", "holds the site directory"},
		{"/", "holds the site directory"},
		{"/work/site/public", ""},
		{"/work/site/public/deep", ""},
		{"/work/site/content", "content/"},
		{"/work/site/content/formats", "content/"},
		{"/work/site/templates/x", "templates/"},
		{"/work/site/static", "static/"},
		{"/work/site/.git/x", ".git/"},
		{"/work/site-public", ""}, // a sibling whose name starts like the site's
		{"/work/public", ""},
		{"/work/site/contents", ""}, // not content/
		{"/elsewhere", ""},
	} {
		parts := map[string]string{}
		for _, p := range siteParts {
			parts[p] = filepath.Join(site, p)
		}
		got := relation(site, filepath.FromSlash(tc.out), parts)
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("relation(%s, %s) = %q, want %q", site, tc.out, got, tc.want)
		}
	}
}

// TestCheckOutSymlinks follows links on both sides: a link cannot hide that
// --out is the site or lies inside it.
func TestCheckOutSymlinks(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	mkdirs(t, filepath.Join(site, "content", "formats"), filepath.Join(root, "www"))
	symlink(t, site, filepath.Join(root, "link-to-site"))
	symlink(t, filepath.Join(site, "content"), filepath.Join(root, "link-to-content"))
	symlink(t, filepath.Join(root, "www"), filepath.Join(site, "public-link"))
	shared := filepath.Join(root, "shared-static")
	mkdirs(t, shared)
	symlink(t, shared, filepath.Join(site, "static")) // the site's static/ is a link to a folder elsewhere
	symlink(t, filepath.Join(root, "nowhere"), filepath.Join(root, "dangling"))
	for _, tc := range []struct {
		site, out string
		refused   bool
	}{
		{site, filepath.Join(root, "link-to-site"), true},
		{filepath.Join(root, "link-to-site"), site, true},
		{filepath.Join(root, "link-to-site"), filepath.Join(site, "public"), false},
		{site, filepath.Join(root, "link-to-content", "new"), true},
		{site, filepath.Join(root, "link-to-site", "content", "formats"), true},
		{site, filepath.Join(site, "public-link"), false}, // an empty folder elsewhere
		{site, filepath.Join(root, "link-to-site", ".."), true},
		{site, filepath.Join(site, "static", "new"), true},
		{site, shared, true},
		{site, filepath.Join(shared, "img"), true},
		{site, filepath.Join(root, "dangling"), true},
	} {
		err := CheckOut(tc.site, tc.out, true)
		var oe *OutError
		if tc.refused != errors.As(err, &oe) {
			t.Errorf("CheckOut(%s, %s) = %v, want refused %v", tc.site, tc.out, err, tc.refused)
		}
	}
}

// TestCheckOutExisting refuses what a build would have to delete of the
// user's, unless forced.
func TestCheckOutExisting(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "file.txt")
	write(t, file, "notes")
	www := filepath.Join(root, "www")
	write(t, filepath.Join(www, "index.html"), "someone's site")
	built := filepath.Join(root, "built")
	must(t, Write(built, build("v1"), Options{}))
	withExtra := filepath.Join(root, "extra")
	must(t, Write(withExtra, build("v1"), Options{}))
	write(t, filepath.Join(withExtra, "formats", "notes.txt"), "mine")
	emptyDir := filepath.Join(root, "empty")
	mkdirs(t, emptyDir)
	withEmptyDir := filepath.Join(root, "emptysub")
	must(t, Write(withEmptyDir, build("v1"), Options{}))
	mkdirs(t, filepath.Join(withEmptyDir, "drafts"))
	badManifest := filepath.Join(root, "bad-manifest")
	write(t, filepath.Join(badManifest, ManifestPath), `{"files": [{"path": "x"}]}`)

	for _, tc := range []struct {
		out          string
		force        bool
		want         string
		stillRefused bool // with force too
	}{
		{file, false, "is a file, not a directory", true},
		{www, false, "is not empty and is not a formatlas build (it has no manifest.json)", false},
		{withExtra, false, "holds 1 file that no formatlas build made, such as formats/notes.txt", false},
		{withEmptyDir, false, "such as drafts", false},
		{badManifest, false, "is not a formatlas build", false},
		{built, false, "", false},
		{emptyDir, false, "", false},
		{filepath.Join(root, "new", "public"), false, "", false},
	} {
		err := CheckOut("", tc.out, false)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("CheckOut(%s) = %v, want %q", tc.out, err, tc.want)
		}
		if err := CheckOut("", tc.out, true); (err != nil) != tc.stillRefused {
			t.Errorf("CheckOut(%s, force) = %v, want refused %v", tc.out, err, tc.stillRefused)
		}
	}
	// refused means untouched: a build does not even start
	err := Write(www, build("v2"), Options{})
	if !strings.Contains(errString(err), "not a formatlas build") || read(t, filepath.Join(www, "index.html")) != "someone's site" {
		t.Errorf("Write into someone's folder: %v", err)
	}
	must(t, Write(www, build("v2"), Options{Force: true}))
	if got := read(t, filepath.Join(www, "index.html")); got != "v2" {
		t.Errorf("forced build: index.html is %q", got)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func mkdirs(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		must(t, os.MkdirAll(d, 0o755))
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	must(t, os.Symlink(target, link))
}

func write(t *testing.T, path, data string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, []byte(data), 0o644))
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	return string(data)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestOutErrorIsOneLine: a file name in the refusal cannot start a line of
// its own (a CI workflow command).
func TestOutErrorIsOneLine(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	must(t, Write(out, build("v1"), Options{}))
	write(t, filepath.Join(out, "a\n::error file=README.md::forged"), "x")
	err := CheckOut("", out, false)
	if err == nil || strings.ContainsAny(err.Error(), "\n\r") || !strings.Contains(err.Error(), `a\n::error`) {
		t.Errorf("CheckOut = %q, want one line naming the file escaped", err)
	}
}
