package load

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"formatlas/generator/diag"
)

// site is a minimal valid site directory, with files replaced or added.
func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		SiteFile:                 {Data: []byte("title = \"T\"\nbase_url = \"https://example.org/atlas/\"\n")},
		CountriesFile:            {Data: []byte("[[country]]\ncode = \"GBR\"\nname = \"UK\"\n")},
		SourcesFile:              {Data: []byte("[[source]]\nid = \"s\"\ntitle = \"S\"\n")},
		FormatsDir + "/jef.toml": {Data: []byte("name = \"JEF\"\ncategory = \"flexible\"\nstatus = \"active\"\nsources = [\"s\"]\n")},
	}
	for name, data := range files {
		if strings.HasSuffix(name, "/") {
			fsys[strings.TrimSuffix(name, "/")] = &fstest.MapFile{Mode: fs.ModeDir | 0o755}
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// problems loads fsys and returns its problems, one a string.
func problems(t *testing.T, fsys fstest.MapFS) (*Content, []string) {
	t.Helper()
	c, err := Load(fsys)
	if err == nil {
		return c, nil
	}
	list, ok := err.(diag.List)
	if !ok {
		t.Fatalf("error of type %T: %v", err, err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Error())
	}
	return c, out
}

func wantProblems(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNoCountries(t *testing.T) {
	for _, src := range []string{"", "# the countries come later\n\n", "\ufeff"} {
		c, got := problems(t, site(map[string]string{CountriesFile: src}))
		wantProblems(t, got, "content/countries.toml:1:1: no countries: the file holds no [[country]] entries; every format's members refer to them")
		if !c.Broken {
			t.Errorf("%q: content not marked broken", src)
		}
	}
	c, got := problems(t, site(map[string]string{SourcesFile: "# none yet\n"}))
	wantProblems(t, got, "content/sources.toml:1:1: no sources: the file holds no [[source]] entries; every format, event and lesson cites them")
	if !c.Broken {
		t.Error("no sources: content not marked broken")
	}
}

func TestPageLineEndings(t *testing.T) {
	for _, src := range []string{
		"+++\ntitle = \"About\"\n+++\n## Heading\n",
		"+++\r\ntitle = \"About\"\r\n+++\r\n## Heading\r\n",
		"+++\ntitle = \"About\"\n+++", // no body, and no final newline
	} {
		c, got := problems(t, site(map[string]string{PagesDir + "/about.md": src}))
		wantProblems(t, got)
		if len(c.Pages) != 1 || c.Pages[0].Title != "About" {
			t.Fatalf("%q: pages %+v", src, c.Pages)
		}
		// The body keeps the front matter's three lines, blank.
		if body := c.Pages[0].Body; !bytes.HasPrefix(body, []byte("\n\n\n")) || bytes.HasPrefix(body, []byte("\n\n\n\n")) {
			t.Errorf("%q: body %q", src, body)
		}
	}
	_, got := problems(t, site(map[string]string{PagesDir + "/about.md": "+++\r\ntitle = \"About\"\r\nname = 1\r\n+++\r\n"}))
	wantProblems(t, got, `content/pages/about.md:3:1: unknown key "name"`)
	_, got = problems(t, site(map[string]string{PagesDir + "/about.md": "+++\r\ntitle = \"About\"\r\n++\r\n"}))
	wantProblems(t, got, "content/pages/about.md:1:1: front matter is not closed by a +++ line")
}

// TestControlCharacters: records and pages are checked as they load, and
// commentaries, read where they are rendered, by CheckMarkdown.
func TestControlCharacters(t *testing.T) {
	fsys := site(map[string]string{
		FormatsDir + "/jef.toml": "name = \"J\aEF\"\ncategory = \"flexible\" # \x01 \x02\nstatus = \"active\"\nsources = [\"s\"]\n",
		FormatsDir + "/jef.md":   "## Heading\n\ttabs,\r\nand CRLF are text\x00\n\x1b[1m",
		PagesDir + "/about.md":   "+++\ntitle = \"A\x7fbout\"\n+++\nform\ffeed\n",
	})
	c, got := problems(t, fsys)
	wantProblems(t, got,
		"content/formats/jef.toml:1:10: a control character U+0007 in the text; remove it",
		"content/formats/jef.toml:2:25: a control character U+0001 in the text; remove it",
		"content/pages/about.md:4:5: a control character U+000C in the text; remove it",
	)
	if len(c.Formats) != 1 || c.Formats[0].CommentaryPath != FormatsDir+"/jef.md" {
		t.Fatalf("formats %+v", c.Formats)
	}
	wantProblems(t, diagLines(CheckMarkdown(fsys, c.CommentaryPaths())),
		"content/formats/jef.md:3:18: a control character U+0000 in the text; remove it",
		"content/formats/jef.md:4:1: a control character U+001B in the text; remove it",
	)
}

func TestFilesNotRead(t *testing.T) {
	_, got := problems(t, site(map[string]string{
		FormatsDir + "/#jef.md#":    "",
		FormatsDir + "/.jef.md.swp": "",
		FormatsDir + "/jef.md~":     "",
		FormatsDir + "/.#jef.md":    "",
		PagesDir + "/about.md~":     "",
		"content/site.toml~":        "",
		"content/.git/":             "",
	}))
	wantProblems(t, got)

	_, got = problems(t, site(map[string]string{
		FormatsDir + "/nb.md/notes.md": "",
		LessonsDir + "/drafts/":        "",
		PagesDir + "/old/":             "",
		"content/format/x.toml":        "",
		"content/site.tml":             "",
		"content/notes.txt":            "",
	}))
	const holds = "content/ holds site.toml, countries.toml, sources.toml and the folders formats, lessons and pages"
	wantProblems(t, got,
		`content/format: unexpected folder: `+holds+` (did you mean "formats"?)`,
		"content/formats/nb.md: a folder where records belong: content/formats holds <id>.toml and <id>.md files only",
		"content/lessons/drafts: a folder where records belong: content/lessons holds <id>.toml and <id>.md files only",
		"content/notes.txt:1:1: unexpected file: "+holds,
		"content/pages/old: a folder where pages belong: content/pages holds <slug>.md files only",
		`content/site.tml:1:1: unexpected file: `+holds+` (did you mean "site.toml"?)`,
	)
}

func TestBaseURLProblem(t *testing.T) {
	for u, want := range map[string]string{
		"https://example.org/atlas/":          "",
		"http://localhost:8080/":              "",
		"example.org/atlas/":                  "is not an absolute http(s) URL",
		"/atlas/":                             "is not an absolute http(s) URL",
		"ftp://example.org/":                  "is not an absolute http(s) URL",
		"https:///atlas/":                     "is not an absolute http(s) URL",
		"https://example.org/atlas":           "must end with a slash",
		"https://example.org/my atlas/":       "holds a space or a control character",
		"https://example.org/atlas/\n":        "holds a space or a control character",
		"https://example.org/\nDisallow: /\n": "holds a space or a control character",
		" https://example.org/":               "holds a space or a control character",
	} {
		got := BaseURLProblem(u)
		if want == "" && got != "" || !strings.HasPrefix(got, want) {
			t.Errorf("BaseURLProblem(%q) = %q, want %q...", u, got, want)
		}
	}
	_, got := problems(t, site(map[string]string{SiteFile: "title = \"T\"\n# base_url = \"example.org/\"\nbase_url = \"example.org/\"\n"}))
	wantProblems(t, got, `content/site.toml:3:12: base_url "example.org/" is not an absolute http(s) URL with a host, such as "https://example.org/atlas/"`)
}

func TestReservedIDs(t *testing.T) {
	const format = "name = \"F\"\ncategory = \"flexible\"\nstatus = \"active\"\nsources = [\"s\"]\n"
	const lesson = "title = \"L\"\nkind = \"risk\"\nsummary = \"S\"\nsources = [\"s\"]\n"
	c, got := problems(t, site(map[string]string{
		FormatsDir + "/index.toml": format,
		FormatsDir + "/jef.toml":   format + "aliases = [\"jef-old\", \"index\"] # not \"index\"\n",
		LessonsDir + "/index.toml": lesson,
		LessonsDir + "/speed.toml": lesson + "aliases = [\n  \"index\",\n]\n",
	}))
	wantProblems(t, got,
		`content/formats/index.toml:1:1: format id "index" (from the file name) is taken: formats/index.html is the list of formats; rename the file`,
		`content/formats/jef.toml:5:23: alias "index" is taken: formats/index.html is the list of formats, and cannot redirect to one format; remove it`,
		`content/lessons/index.toml:1:1: lesson id "index" (from the file name) is taken: lessons/index.html is the list of lessons; rename the file`,
		`content/lessons/speed.toml:6:3: alias "index" is taken: lessons/index.html is the list of lessons, and cannot redirect to one lesson; remove it`,
	)
	if len(c.Formats) != 1 || len(c.Lessons) != 1 {
		t.Fatalf("%d formats and %d lessons, want the two named index left out", len(c.Formats), len(c.Lessons))
	}
	if a := c.Formats[0].Aliases; len(a) != 1 || a[0] != "jef-old" {
		t.Errorf("jef's aliases %q, want the reserved one left out", a)
	}
}

// openOnly is a file system with nothing but Open, as fs.Stat must fall
// back to opening with.
type openOnly struct{ fs.FS }

// TestRegularFSWithoutStat refuses a named pipe through a file system that
// cannot stat without opening, without opening it (which would block).
func TestRegularFSWithoutStat(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.toml"), []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := RegularFS(openOnly{os.DirFS(dir)})
	var se *SpecialFileError
	if _, err := fs.ReadFile(fsys, "pipe.toml"); !errors.As(err, &se) || se.Kind != "named pipe" {
		t.Errorf("reading the pipe: %v", err)
	}
	if data, err := fs.ReadFile(fsys, "ok.toml"); err != nil || string(data) != "x = 1\n" {
		t.Errorf("reading a file: %q, %v", data, err)
	}
}

// diagLines is each problem of err, a diag.List, as a line.
func diagLines(err error) []string {
	var out []string
	if list, ok := err.(diag.List); ok {
		for _, e := range list {
			out = append(out, e.Error())
		}
	}
	return out
}
