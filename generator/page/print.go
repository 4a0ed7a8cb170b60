package page

import (
	"cmp"
	"html/template"
	"strings"

	"formatlas/generator/internal/par"
	"formatlas/generator/page/matrix"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
)

// PrintView is the print edition: the whole atlas on one page, every link an
// anchor on that page.
type PrintView struct {
	view.Page
	// FormatHTML is each format's article. A build renders the articles with
	// the format pages, on every core, and streams them into the page.
	FormatHTML []template.HTML
	Countries  []PrintCountry
	Lessons    []view.LessonView
	Matrix     matrix.View
	Sources    view.SourcesView
}

// PrintCountry is a row of the print edition's table of countries.
type PrintCountry struct {
	Country  view.CountryRef
	Anchor   string   // its row's id
	Statuses []string // its standing in each status format
	// Formats links each of its formats, with the role, separated by
	// commas. It is made in Go, as the matrix cells are: at 10,000 formats
	// the table holds some 200,000 of these links.
	Formats template.HTML
}

// printCountry is the row of c in the print edition's table of countries.
func (p *Planner) printCountry(c *site.Country) PrintCountry {
	v := PrintCountry{Country: p.print.CountryRef(view.PrintPath, c), Anchor: view.CountryAnchor(c),
		Statuses: view.Statuses(p.s, c)}
	var b strings.Builder
	for i, ms := range c.Memberships {
		if i > 0 {
			b.WriteString(", ")
		}
		f := p.print.FormatRef(view.PrintPath, ms.Format)
		b.WriteString(`<a href="`)
		b.WriteString(view.EscapeText(f.Href))
		b.WriteString(`">`)
		b.WriteString(view.EscapeText(cmp.Or(f.Abbr, f.Name)))
		b.WriteString(`</a> (`)
		b.WriteString(view.EscapeText(view.Role(p.s, ms.Role).Label))
		b.WriteString(`)`)
	}
	v.Formats = template.HTML(b.String())
	return v
}

// PrintEdition plans print.html but its format articles, which are planned
// and rendered with the format pages (FormatPage) and streamed into it in
// order. The lessons' Markdown reports its links and errors.
func (p *Planner) PrintEdition() (PrintView, Converted) {
	v := PrintView{Page: p.print.Frame(view.PrintPath, "The whole atlas"), Matrix: p.matrix.Print(p.print), Sources: p.sources(p.print)}
	for i := range v.Sources.Sources { // on paper, the bibliography needs no back-links
		v.Sources.Sources[i].CitedBy, v.Sources.Sources[i].CitedByLessons = nil, nil
	}
	countries := view.ByName(p.s.Countries)
	v.Countries = make([]PrintCountry, len(countries))
	par.Do(len(countries), func(i int) { v.Countries[i] = p.printCountry(countries[i]) })
	var all Converted
	for _, l := range p.s.Lessons {
		src, _ := p.Commentary(l.CommentaryPath) // an error is reported with the lesson's page
		lv, conv := p.printLesson(l, src)
		v.Lessons = append(v.Lessons, lv)
		all.Links = append(all.Links, conv.Links...)
		all.Errs = append(all.Errs, conv.Errs...)
	}
	return v, all
}
