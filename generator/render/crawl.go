package render

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// crawlerFiles writes sitemap.xml, listing every HTML page but 404.html at its
// absolute URL under baseURL, and robots.txt pointing at it. Without a
// base_url there can be no absolute URLs, so there is no sitemap.
func crawlerFiles(baseURL string, pages []File) []File {
	robots := "User-agent: *\nAllow: /\n"
	if baseURL == "" {
		return []File{{Path: RobotsPath, Data: []byte(robots)}}
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, f := range pages {
		if !strings.HasSuffix(f.Path, ".html") || f.Path == NotFoundPath {
			continue
		}
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(baseURL+f.Path))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	robots += "Sitemap: " + baseURL + SitemapPath + "\n"
	return []File{{Path: SitemapPath, Data: b.Bytes()}, {Path: RobotsPath, Data: []byte(robots)}}
}
