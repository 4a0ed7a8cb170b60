package generator_test

import (
	stdhtml "html"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"

	"formatlas/generator/publish"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// headTags are the <meta> and <link> elements of an HTML page, each as its
// attributes, and its <title>'s text.
func headTags(page []byte) (tags []map[string]string, title string) {
	l := html.NewLexer(parse.NewInputBytes(page))
	var cur map[string]string
	inTitle := false
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return tags, title
		case html.StartTagToken:
			name := string(l.Text())
			inTitle = name == "title"
			cur = nil
			if name == "meta" || name == "link" {
				cur = map[string]string{"": name}
				tags = append(tags, cur)
			}
		case html.AttributeToken:
			if cur != nil {
				v := string(l.AttrVal())
				cur[string(l.AttrKey())] = stdhtml.UnescapeString(strings.Trim(v, `"'`))
			}
		case html.TextToken:
			if inTitle {
				title += stdhtml.UnescapeString(string(data))
			}
		case html.EndTagToken:
			inTitle = false
		}
	}
}

// find is the value of attribute want of the first tag whose attribute key
// has value val.
func find(tags []map[string]string, key, val, want string) string {
	for _, t := range tags {
		if t[key] == val {
			return t[want]
		}
	}
	return ""
}

// Every record page (format, country, lesson, free page) has a meta
// description of its own, from its record; every page but 404.html a
// canonical link to its address under base_url, with Open Graph tags that
// agree with it; and a build without base_url has neither.
func TestPageMetadata(t *testing.T) {
	files := mustGenerate(t, realFS(t))
	seen := map[string]string{}
	pages := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		tags, title := headTags(f.Data)
		if find(tags, "http-equiv", "refresh", "content") != "" {
			continue // a redirect of a former id
		}
		desc := find(tags, "name", "description", "content")
		canonical := find(tags, "rel", "canonical", "href")
		if f.Path == "404.html" {
			if canonical != "" {
				t.Errorf("404.html has a canonical link %s", canonical)
			}
			continue
		}
		pages++
		u, err := url.Parse(canonical)
		if err != nil || u.Scheme != "https" || u.Host != "formatlas.netlify.app" || u.Path != "/"+f.Path {
			t.Errorf("%s: canonical link %q, want https://formatlas.netlify.app/%s", f.Path, canonical, f.Path)
		}
		for prop, want := range map[string]string{"og:url": canonical, "og:description": desc, "og:type": "website",
			"og:site_name": "Atlas of Security Cooperation Formats", "og:title": strings.Split(title, " · ")[0]} {
			if got := find(tags, "property", prop, "content"); got != want || got == "" {
				t.Errorf("%s: %s is %q, want %q", f.Path, prop, got, want)
			}
		}
		dir := path.Dir(f.Path)
		if dir == "formats" || dir == "countries" || dir == "lessons" || dir == "pages" {
			if strings.HasSuffix(f.Path, "index.html") {
				continue
			}
			if other, dup := seen[desc]; dup || desc == "" {
				t.Errorf("%s: its description %q is empty or also %s's", f.Path, desc, other)
			}
			seen[desc] = f.Path
			if strings.Contains(desc, "A cross-linked guide") {
				t.Errorf("%s: the site's description, not its record's: %q", f.Path, desc)
			}
		}
	}
	if pages < 100 || len(seen) < 100 {
		t.Errorf("only %d pages and %d record pages checked", pages, len(seen))
	}

	// a page left at a former id names the page it moved to as canonical
	for _, f := range mustGenerate(t, fixtureFS(t, "site-small")) {
		if f.Path == "formats/nordic.html" {
			tags, _ := headTags(f.Data)
			if got := find(tags, "rel", "canonical", "href"); got != "https://example.org/atlas/formats/nb.html" {
				t.Errorf("formats/nordic.html, moved to nb.html: canonical %q", got)
			}
		}
	}

	// without base_url, no canonical link nor Open Graph
	m := fixtureFS(t, "site-small")
	site := string(m["content/site.toml"].Data)
	if !strings.Contains(site, "base_url") {
		t.Fatal("site-small has no base_url to take away")
	}
	var kept []string
	for _, line := range strings.Split(site, "\n") {
		if !strings.HasPrefix(line, "base_url") {
			kept = append(kept, line)
		}
	}
	m["content/site.toml"].Data = []byte(strings.Join(kept, "\n"))
	for _, f := range mustGenerate(t, m) {
		if strings.HasSuffix(f.Path, ".html") && (strings.Contains(string(f.Data), `rel="canonical"`) || strings.Contains(string(f.Data), `property="og:`)) {
			t.Errorf("%s: a canonical link or Open Graph without base_url", f.Path)
		}
	}
}

// The highlighting stylesheet is linked from a page if and only if the
// page has highlighted code (site-small's JEF commentary has a fenced
// block); the print edition links it beside the article that has some.
func TestCodeStyleOnlyWithCode(t *testing.T) {
	with := 0
	for _, f := range mustGenerate(t, fixtureFS(t, "site-small")) {
		if !strings.HasSuffix(f.Path, ".html") || f.Path == publish.OfflinePath {
			continue
		}
		page := string(f.Data)
		links, code := strings.Contains(page, `/chroma.`) || strings.Contains(page, `"assets/chroma.`), strings.Contains(page, `class="chroma"`)
		if links != code {
			t.Errorf("%s: links the highlighting stylesheet: %v; has highlighted code: %v", f.Path, links, code)
		}
		if code {
			with++
		}
	}
	if with < 2 {
		t.Errorf("%d pages with code, want the JEF's page and the print edition", with)
	}
}

// The small things: a source with neither author nor publisher starts with
// its title, not its date; a lesson beside a format is labelled by its kind
// in the singular; the note box is for blocks, never a span.
func TestSmallThings(t *testing.T) {
	m := fixtureFS(t, "site-small")
	m["content/sources.toml"].Data = append(m["content/sources.toml"].Data, []byte("\n[[source]]\nid = \"dated\"\ntitle = \"An Untitled Author's Work\"\ndate = \"2015-11\"\n")...)
	byPath := map[string]string{}
	for _, f := range mustGenerate(t, m) {
		byPath[f.Path] = string(f.Data)
	}
	if entry := `<li id="src-dated"><cite>An Untitled Author&#39;s Work</cite> (November 2015).`; !strings.Contains(byPath["sources.html"], entry) {
		t.Errorf("sources.html lacks %s", entry)
	}
	if strings.Contains(byPath["sources.html"], `<span class="author"></span>`) {
		t.Error("sources.html has an empty author")
	}
	found := false
	for p, page := range byPath {
		if strings.Contains(page, `<span class="kind">(Risks)</span>`) || strings.Contains(page, `<span class="kind">(Success factors)</span>`) {
			t.Errorf("%s labels one lesson by its kind's plural", p)
		}
		found = found || strings.Contains(page, `<span class="kind">(Risk)</span>`)
		if strings.Contains(page, `<span class="note">`) {
			t.Errorf("%s has a span in the note box's class", p)
		}
	}
	if !found {
		t.Error("no page labels a lesson (Risk)")
	}
}

var (
	tocEntryRE = regexp.MustCompile(`<a href="(#[^"]*)">([^<]*)</a>`)
	tagRE      = regexp.MustCompile(`<[^>]*>|^[^>]*>`)
)

// A page with more than four sections (its <h2>s) has a table of contents
// whose links reach them, and a page with four or fewer has none.
func TestTableOfContents(t *testing.T) {
	with := 0
	for _, f := range mustGenerate(t, realFS(t)) {
		dir := path.Dir(f.Path)
		if !strings.HasSuffix(f.Path, ".html") || (dir != "formats" && dir != "lessons" && dir != "pages") || path.Base(f.Path) == "index.html" {
			continue
		}
		page := string(f.Data)
		main := page[strings.Index(page, "<main"):]
		sections := strings.Count(main, "<h2") - strings.Count(main, `<h2 id="page-toc-title"`)
		nav, has := "", strings.Contains(page, `<nav class="page-toc"`)
		if has {
			nav = page[strings.Index(page, `<nav class="page-toc"`):]
			nav = nav[:strings.Index(nav, "</nav>")]
			with++
		}
		if has != (sections > 4) {
			t.Errorf("%s: %d sections, a table of contents: %v", f.Path, sections, has)
		}
		// each entry reaches its section, whose heading reads as the entry
		// does: the titles the view gives the contents are the templates'
		for _, entry := range tocEntryRE.FindAllStringSubmatch(nav, -1) {
			at := strings.Index(page, ` id="`+strings.TrimPrefix(entry[1], "#")+`"`)
			if at < 0 {
				t.Errorf("%s: the table of contents links %s, which the page lacks", f.Path, entry[1])
				continue
			}
			heading := tagRE.ReplaceAllString(page[at:min(len(page), at+400)], "")
			if !strings.Contains(heading, stdhtml.UnescapeString(entry[2])) {
				t.Errorf("%s: the contents call %s %q, its heading does not", f.Path, entry[1], entry[2])
			}
		}
	}
	if with == 0 {
		t.Error("no page has a table of contents")
	}
}

// The navigation marks the section a page belongs to: a format's page is
// one of Formats, a picture's of Pictures, another order of the matrix of
// the Matrix; and the page itself where it is in the navigation.
func TestNavigationSection(t *testing.T) {
	byPath := map[string]string{}
	for _, f := range mustGenerate(t, realFS(t)) {
		byPath[f.Path] = string(f.Data)
	}
	for p, want := range map[string]string{
		"formats/jef.html":      `<a href="index.html" aria-current="true">Formats</a>`,
		"countries/fin.html":    `<a href="index.html" aria-current="true">Countries</a>`,
		"lessons/three-ds.html": `<a href="index.html" aria-current="true">Lessons</a>`,
		"overlaps.html":         `<a href="pictures.html" aria-current="true">Pictures</a>`,
		"maps.html":             `<a href="pictures.html" aria-current="true">Pictures</a>`,
		"matrix-az.html":        `<a href="matrix.html" aria-current="true">Matrix</a>`,
		"matrix.html":           `<a href="matrix.html" aria-current="page">Matrix</a>`,
		"data/index.html":       `<a href="index.html" aria-current="page">Data</a>`,
	} {
		page, ok := byPath[p]
		if !ok || !strings.Contains(page, want) {
			t.Errorf("%s lacks %s", p, want)
		}
		header := page[:strings.Index(page, "</header>")]
		if n := strings.Count(header, "aria-current="); n != 1 {
			t.Errorf("%s marks %d items of the navigation, want 1", p, n)
		}
	}
}
