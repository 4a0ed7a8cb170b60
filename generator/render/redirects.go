package render

import (
	"bytes"
	"fmt"

	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// RedirectsPath is Netlify's redirect rules, which let a server follow
// renamed pages.
const RedirectsPath = "_redirects"

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
func redirectsFile(s *site.Site) publish.File {
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
	return publish.File{Path: RedirectsPath, Data: b.Bytes()}
}
