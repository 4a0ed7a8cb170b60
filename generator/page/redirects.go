package page

import (
	"strings"

	"formatlas/generator/export"
	"formatlas/generator/page/view"
)

// redirectPages plans a page at each alias of a format or lesson.
func (p *Planner) redirectPages() []Page {
	var pages []Page
	add := func(from, to, title string) {
		frame := p.site.Frame(from, title)
		if frame.URL != "" {
			frame.URL = p.s.BaseURL + to // the canonical page is the one it moved to
		}
		pages = append(pages, Page{Path: from, Template: "redirect",
			View: view.RedirectView{Page: frame, Target: view.RelURL(from, to)}})
	}
	for _, f := range p.s.Formats {
		for _, a := range f.Aliases {
			add(view.AliasPath("formats", a), view.FormatPath(f), f.Name)
		}
	}
	for _, l := range p.s.Lessons {
		for _, a := range l.Aliases {
			add(view.AliasPath("lessons", a), view.LessonPath(l), l.Title)
		}
	}
	return pages
}

// dataPage documents each export: its format and its fields.
func (p *Planner) dataPage() view.DataView {
	from := view.DataPath
	v := view.DataView{Page: p.site.Frame(from, "Data"), ContentDate: p.s.AsOf.Human(),
		Licence: p.s.Licence, LicenceURL: p.s.LicenceURL, LicenceText: p.s.LicenceStatement,
		Citation: export.Cite(p.s).Text(), BibTeX: view.RelURL(from, export.BibTeXPath), RIS: view.RelURL(from, export.RISPath)}
	for _, d := range export.Docs() {
		name := strings.TrimPrefix(d.Path, "data/")
		v.Files = append(v.Files, view.DataFileView{Name: name, Href: view.RelURL(from, d.Path), Anchor: view.DataFileAnchor(name),
			Format: d.Format, About: d.About, Fields: d.Fields})
	}
	return v
}
