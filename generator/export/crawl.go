// Package export writes the files of a build that are data, not pages: the
// exports of data/ in JSON and CSV, the search index, _redirects for
// renamed pages, and sitemap.xml and robots.txt for crawlers.
package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"

	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// Paths of the files for crawlers, and of Netlify's redirect rules.
const (
	SitemapPath   = "sitemap.xml"
	RobotsPath    = "robots.txt"
	RedirectsPath = "_redirects"
)

// Crawler writes sitemap.xml, listing each of pages (the pages a crawler
// should index) at its absolute URL under baseURL, and robots.txt pointing
// at it. Without a base_url there can be no absolute URLs, so there is no
// sitemap.
func Crawler(baseURL string, pages []string) []publish.File {
	robots := "User-agent: *\nAllow: /\n"
	if baseURL == "" {
		return []publish.File{{Path: RobotsPath, Data: []byte(robots)}}
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	paths := slices.Sorted(slices.Values(pages))
	for _, p := range paths {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(baseURL+p))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	robots += "Sitemap: " + baseURL + SitemapPath + "\n"
	return []publish.File{{Path: SitemapPath, Data: b.Bytes()}, {Path: RobotsPath, Data: []byte(robots)}}
}

// Redirects tells Netlify to answer each former URL with a 301.
func Redirects(s *site.Site) publish.File {
	var b bytes.Buffer
	b.WriteString("# Former URLs of renamed formats and lessons (aliases in content/).\n")
	for _, f := range s.Formats {
		for _, a := range f.Aliases {
			fmt.Fprintf(&b, "/%s /%s 301\n", view.AliasPath("formats", a), view.FormatPath(f))
		}
	}
	for _, l := range s.Lessons {
		for _, a := range l.Aliases {
			fmt.Fprintf(&b, "/%s /%s 301\n", view.AliasPath("lessons", a), view.LessonPath(l))
		}
	}
	return publish.File{Path: RedirectsPath, Data: b.Bytes()}
}
