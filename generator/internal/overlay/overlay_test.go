package overlay

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// site is a site directory over a theme of two folders: it replaces one
// template, adds a stylesheet, and has content the theme knows nothing of.
func site() FS {
	upper := fstest.MapFS{
		"content/site.toml":   {Data: []byte("site")},
		"templates/base.html": {Data: []byte("site base")},
		"static/site.css":     {Data: []byte("site css")},
	}
	templates := fstest.MapFS{
		"base.html":         {Data: []byte("theme base")},
		"home.html":         {Data: []byte("theme home")},
		"partials/nav.html": {Data: []byte("theme nav")},
	}
	static := fstest.MapFS{"style.css": {Data: []byte("theme css")}}
	return New(upper, map[string]fs.FS{"templates": templates, "static": static})
}

func TestOverlayFiles(t *testing.T) {
	o := site()
	for name, want := range map[string]string{
		"templates/base.html":         "site base",
		"templates/home.html":         "theme home",
		"templates/partials/nav.html": "theme nav",
		"static/style.css":            "theme css",
		"static/site.css":             "site css",
		"content/site.toml":           "site",
	} {
		if got, err := fs.ReadFile(o, name); err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := fs.ReadFile(o, "content/base.html"); err == nil {
		t.Error("a file outside the mounted folders came from the theme")
	}
	if st, err := fs.Stat(o, "templates/partials"); err != nil || !st.IsDir() {
		t.Errorf("templates/partials: %v, %v", st, err)
	}
}

func TestOverlayListings(t *testing.T) {
	o := site()
	names := func(dir string) string {
		es, err := fs.ReadDir(o, dir)
		if err != nil {
			return "error: " + err.Error()
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return strings.Join(out, " ")
	}
	for dir, want := range map[string]string{
		".":         "content static templates",
		"templates": "base.html home.html partials",
		"static":    "site.css style.css",
		"content":   "site.toml",
	} {
		if got := names(dir); got != want {
			t.Errorf("ReadDir(%s) = %q, want %q", dir, got, want)
		}
	}
	if got, _ := fs.Glob(o, "templates/*.html"); strings.Join(got, " ") != "templates/base.html templates/home.html" {
		t.Errorf("Glob: %v", got)
	}
	var walked []string
	if err := fs.WalkDir(o, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			walked = append(walked, p)
		}
		return err
	}); err != nil || strings.Join(walked, " ") != "static/site.css static/style.css" {
		t.Errorf("WalkDir(static): %v, %v", walked, err)
	}
	if _, err := fs.ReadDir(o, "nosuch"); err == nil {
		t.Error("a folder in neither system was listed")
	}
}

// TestOverlayIsAnFS holds the overlay to the io/fs contract, as
// testing/fstest checks it: opening, reading and listing every file and
// folder, the merged ones included.
func TestOverlayIsAnFS(t *testing.T) {
	if err := fstest.TestFS(site(), "content/site.toml", "templates/base.html", "templates/home.html",
		"templates/partials/nav.html", "static/site.css", "static/style.css"); err != nil {
		t.Error(err)
	}
	if _, err := site().Open("static/."); err == nil {
		t.Error("an invalid path was opened")
	}
}
