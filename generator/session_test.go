package generator_test

import (
	"bytes"
	"strings"
	"testing"

	"formatlas/generator"
)

// TestSessionPagesEqualBuild re-renders every commentary's page of the real
// site page by page, as serve does after an edit, and holds each equal to
// the page of the whole build.
func TestSessionPagesEqualBuild(t *testing.T) {
	fsys := realFS(t)
	s, err := generator.NewSession(fsys, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	built := map[string][]byte{}
	for _, f := range s.Files {
		built[f.Path] = f.Data
	}
	var paths []string
	for _, f := range s.Site.Formats {
		if f.CommentaryPath != "" {
			paths = append(paths, f.CommentaryPath)
		}
	}
	for _, l := range s.Site.Lessons {
		if l.CommentaryPath != "" {
			paths = append(paths, l.CommentaryPath)
		}
	}
	if len(paths) < 20 {
		t.Fatalf("only %d commentaries", len(paths))
	}
	pages, err := s.RenderCommentary(fsys, paths)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(paths) {
		t.Fatalf("%d pages for %d commentaries", len(pages), len(paths))
	}
	for _, p := range pages {
		if !bytes.Equal(p.Data, built[p.Path]) {
			t.Errorf("%s re-rendered differs from the build's", p.Path)
		}
	}
	if _, err := s.RenderCommentary(fsys, []string{"content/formats/jef.toml"}); err == nil {
		t.Error("a record taken for a commentary")
	}
}

// TestDraftEqualsBuild edits records of the real site (a format's members
// and summary, a lesson's summary, a country's name), each on its own, and
// makes a Draft of the edit as serve does: every file the draft gives is
// the one a full build of the edited site makes, and it gives every page
// but the home page, which states the offline archive's size, and the print
// edition. Pages the edit changes are named, so that a draft that gave the
// pages as they were would fail. The session's model, whose records the
// drafts share where they were not edited, is left as it was.
func TestDraftEqualsBuild(t *testing.T) {
	fsys := realFS(t)
	s, err := generator.NewSession(fsys, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	model := modelHash(s.Site)
	defer func() {
		if modelHash(s.Site) != model {
			t.Error("the drafts changed the session's model")
		}
	}()
	before := map[string][]byte{}
	for _, f := range s.Files {
		before[f.Path] = f.Data
	}
	for _, e := range []struct {
		file, old, new string
		changed        []string // pages the edit changes
	}{
		{"content/formats/jef.toml", `member  = ["DNK",`, `member  = ["POL", "DNK",`,
			[]string{"formats/jef.html", "countries/pol.html", "countries/index.html", "matrix.html"}},
		{"content/formats/jef.toml", `summary  = "A UK-led`, `summary  = "An edited, UK-led`,
			[]string{"formats/jef.html", "formats/index.html"}},
		{"content/lessons/bilateralization-of-partnerships.toml", `summary = "When NATO`, `summary = "Edited: when NATO`,
			[]string{"lessons/bilateralization-of-partnerships.html", "lessons/index.html"}},
		{"content/countries.toml", `name = "Poland"`, `name = "Polska"`,
			[]string{"countries/pol.html", "formats/nato.html", "countries/index.html"}},
	} {
		t.Run(e.file+": "+e.new, func(t *testing.T) {
			orig := fsys[e.file].Data
			defer func() { // the session is told of the undoing too, as serve would be
				fsys[e.file].Data = orig
				if _, err := s.Edit(fsys, []string{e.file}); err != nil {
					t.Fatal(err)
				}
			}()
			if !bytes.Contains(orig, []byte(e.old)) {
				t.Fatalf("%s has no %q", e.file, e.old)
			}
			fsys[e.file].Data = bytes.Replace(orig, []byte(e.old), []byte(e.new), 1)
			d, err := s.Edit(fsys, []string{e.file})
			if err != nil {
				t.Fatal(err)
			}
			built, err := generator.Check(fsys, generator.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var left []string // what only the full build gives
			for _, f := range built.Files {
				data, ok := d.File(f.Path)
				switch {
				case !ok:
					left = append(left, f.Path)
				case !bytes.Equal(data, f.Data):
					t.Errorf("%s: the draft's differs from the full build's", f.Path)
				}
				if !ok && strings.HasSuffix(f.Path, ".html") && f.Path != "index.html" && f.Path != "print.html" {
					t.Errorf("%s: a page the draft does not give", f.Path)
				}
				if !ok && strings.HasPrefix(f.Path, "assets/") {
					t.Errorf("%s: a stylesheet or script the draft does not give", f.Path)
				}
			}
			for _, p := range e.changed {
				if data, ok := d.File(p); !ok || bytes.Equal(data, before[p]) {
					t.Errorf("%s: the edit does not change it (or the draft does not give it)", p)
				}
			}
			if _, ok := d.File("formats/no-such-format.html"); ok {
				t.Error("the draft gives a page the site lacks")
			}
			t.Logf("left to the full build: %s", strings.Join(left, " "))
		})
	}
}

// TestDraftProblems: an edit that breaks a record makes no draft, and
// reports what check reports; so does one of a file that is no record of
// the session's site.
func TestDraftProblems(t *testing.T) {
	fsys := realFS(t)
	s, err := generator.NewSession(fsys, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const jef = "content/formats/jef.toml"
	fsys[jef].Data = bytes.Replace(fsys[jef].Data, []byte(`member  = ["DNK",`), []byte(`member  = ["XYZ", "DNK",`), 1)
	d, err := s.Edit(fsys, []string{jef})
	_, checked := generator.Check(fsys, generator.Options{})
	if d != nil || err == nil || checked == nil || err.Error() != checked.Error() {
		t.Errorf("a broken record: draft %v, error\n%v\nwant check's:\n%v", d != nil, err, checked)
	}
	for _, p := range []string{"content/site.toml", "content/formats/new.toml", "templates/format.html"} {
		if _, err := s.Edit(fsys, []string{p}); err == nil || !strings.Contains(err.Error(), "not a record or commentary of the site") {
			t.Errorf("an edit of %s: %v", p, err)
		}
	}
}
