package generator_test

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"formatlas/generator/export"
	"formatlas/generator/page/view"
)

// TestSitemap checks that sitemap.xml lists every page but 404.html and the
// redirects of former URLs exactly
// once, at its absolute URL under base_url, and that robots.txt points to it.
func TestSitemap(t *testing.T) {
	const base = "https://example.org/atlas/"
	files := mustGenerate(t, fixtureFS(t, "site-small"))
	want := map[string]bool{}
	var sitemap, robots []byte
	for _, f := range files {
		switch {
		case f.Path == export.SitemapPath:
			sitemap = f.Data
		case f.Path == export.RobotsPath:
			robots = f.Data
		case strings.HasSuffix(f.Path, ".html") && f.Path != view.NotFoundPath && !bytes.Contains(f.Data, []byte(`http-equiv="refresh"`)):
			want[base+f.Path] = true
		}
	}
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(sitemap, &set); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, u := range set.URLs {
		if seen[u.Loc] {
			t.Errorf("%s is listed twice", u.Loc)
		}
		seen[u.Loc] = true
		if !want[u.Loc] {
			t.Errorf("%s is not a page of the site", u.Loc)
		}
	}
	for u := range want {
		if !seen[u] {
			t.Errorf("%s is missing from the sitemap", u)
		}
	}
	if len(want) < 15 {
		t.Errorf("only %d pages: the fixture lost its pages", len(want))
	}
	if !strings.Contains(string(robots), "Sitemap: "+base+"sitemap.xml\n") {
		t.Errorf("robots.txt does not point to the sitemap:\n%s", robots)
	}
}

var citeRE = regexp.MustCompile(`class="cite" href="([^"]*)"`)

// TestCitationsResolve checks that citations on format, country and lesson
// pages link to an entry of the bibliography (that the entry exists is
// TestLinksResolve's job, over every link).
func TestCitationsResolve(t *testing.T) {
	files := mustGenerate(t, realFS(t))
	kinds := map[string]int{}
	for _, f := range files {
		for _, m := range citeRE.FindAllStringSubmatch(string(f.Data), -1) {
			want := "sources.html#src-"
			if f.Path == view.PrintPath {
				want = "#src-" // the print edition carries its own bibliography
			}
			if !strings.HasPrefix(m[1], want) && !strings.Contains(m[1], "/"+want) {
				t.Errorf("%s: citation %s does not link to the bibliography", f.Path, m[1])
			}
			kinds[strings.SplitN(f.Path, "/", 2)[0]]++
		}
	}
	for _, kind := range []string{"formats", "countries", "lessons"} {
		if kinds[kind] == 0 {
			t.Errorf("no citations on %s pages", kind)
		}
	}
}
