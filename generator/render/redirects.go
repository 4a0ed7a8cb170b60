package render

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"formatlas/generator/site"
)

// Paths of the files that let a server and a reader follow renamed pages, and
// compare two builds.
const (
	RedirectsPath = "_redirects"    // Netlify's redirect rules
	ManifestPath  = "manifest.json" // every output file and a hash of its bytes
)

// RedirectView is the page left at a former URL: a meta refresh, which works
// offline too, and a plain link.
type RedirectView struct {
	Page
	Target string // relative to this page
}

// redirectPages plans a page at each alias of a format or lesson.
func (p *planner) redirectPages() []page {
	var pages []page
	add := func(from, to, title string) {
		pages = append(pages, page{path: from, template: "redirect", view: RedirectView{Page: p.frame(from, title), Target: relURL(from, to)}})
	}
	for _, f := range p.s.Formats {
		for _, a := range f.Aliases {
			add("formats/"+a+".html", FormatPath(f), f.Name)
		}
	}
	for _, l := range p.s.Lessons {
		for _, a := range l.Aliases {
			add("lessons/"+a+".html", LessonPath(l), l.Title)
		}
	}
	return pages
}

// redirectsFile tells Netlify to answer each former URL with a 301.
func redirectsFile(s *site.Site) File {
	var b bytes.Buffer
	b.WriteString("# Former URLs of renamed formats and lessons (aliases in content/).\n")
	for _, f := range s.Formats {
		for _, a := range f.Aliases {
			fmt.Fprintf(&b, "/formats/%s.html /%s 301\n", a, FormatPath(f))
		}
	}
	for _, l := range s.Lessons {
		for _, a := range l.Aliases {
			fmt.Fprintf(&b, "/lessons/%s.html /%s 301\n", a, LessonPath(l))
		}
	}
	return File{Path: RedirectsPath, Data: b.Bytes()}
}

// manifest maps every file of the build to the SHA-256 of its bytes, so two
// builds can be compared without reading them. files must be sorted.
func manifest(files []digest) File {
	type entry struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
		Size   int    `json:"size"`
	}
	entries := make([]entry, len(files))
	for i, f := range files {
		entries[i] = entry{f.path, hex.EncodeToString(f.sum[:]), f.size}
	}
	data, _ := json.MarshalIndent(struct {
		Files []entry `json:"files"`
	}{entries}, "", " ")
	return File{Path: ManifestPath, Data: append(data, '\n')}
}
