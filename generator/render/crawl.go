package render

import (
	"bytes"
	"encoding/xml"
	"sort"

	"formatlas/generator/publish"
)

// crawlerFiles writes sitemap.xml, listing every page but 404.html and the
// redirects of former URLs at its absolute URL under baseURL, and robots.txt
// pointing at it. Without a base_url there can be no absolute URLs, so there
// is no sitemap.
func crawlerFiles(baseURL string, planned []page) []publish.File {
	robots := "User-agent: *\nAllow: /\n"
	if baseURL == "" {
		return []publish.File{{Path: RobotsPath, Data: []byte(robots)}}
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	paths := make([]string, 0, len(planned))
	for _, pg := range planned {
		if pg.template != "404" && pg.template != "redirect" {
			paths = append(paths, pg.path)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(baseURL+p))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	robots += "Sitemap: " + baseURL + SitemapPath + "\n"
	return []publish.File{{Path: SitemapPath, Data: b.Bytes()}, {Path: RobotsPath, Data: []byte(robots)}}
}
