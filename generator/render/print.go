package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"strings"

	"formatlas/generator/diag"
	"formatlas/generator/internal/bufpool"
	"formatlas/generator/internal/par"
	"formatlas/generator/site"
)

// PrintView is the print edition: the whole atlas on one page, every link an
// anchor on that page.
type PrintView struct {
	Page
	// FormatHTML is each format's article. A build renders the articles with
	// the format pages, on every core, and streams them into the page.
	FormatHTML []template.HTML
	Countries  []PrintCountry
	Lessons    []LessonView
	Matrix     MatrixView
	Sources    SourcesView
}

// PrintCountry is a row of the print edition's table of countries.
type PrintCountry struct {
	Country  CountryRef
	Anchor   string // its row's id
	NATO, EU string
	// Formats links each of its formats, with the role, separated by
	// commas. It is made in Go, as the matrix cells are: at 10,000 formats
	// the table holds some 200,000 of these links.
	Formats template.HTML
}

// printCountry is the row of c in the print edition's table of countries.
func (p *planner) printCountry(c *site.Country) PrintCountry {
	v := PrintCountry{Country: p.countryRef(PrintPath, c), Anchor: CountryAnchor(c), NATO: p.status(c.NATO, p.s.NATO), EU: p.status(c.EU, p.s.EU)}
	var b strings.Builder
	for i, m := range c.Memberships {
		if i > 0 {
			b.WriteString(", ")
		}
		f := p.formatRef(PrintPath, m.Format)
		b.WriteString(`<a href="`)
		b.WriteString(escapeText(f.Href))
		b.WriteString(`">`)
		b.WriteString(escapeText(cmp.Or(f.Abbr, f.Name)))
		b.WriteString(`</a> (`)
		b.WriteString(escapeText(roles[m.Role].Label))
		b.WriteString(`)`)
	}
	v.Formats = template.HTML(b.String())
	return v
}

// printEdition plans print.html but its format articles, which are planned
// and rendered with the format pages and streamed into it in order.
func (p *planner) printEdition() (PrintView, converted) {
	pp := p.printPlanner()
	v := PrintView{Page: pp.frame(PrintPath, "The whole atlas"), Matrix: pp.matrix(), Sources: pp.sources()}
	for i := range v.Sources.Sources { // on paper, the bibliography needs no back-links
		v.Sources.Sources[i].CitedBy, v.Sources.Sources[i].CitedByLessons = nil, nil
	}
	countries := byName(p.s.Countries)
	v.Countries = make([]PrintCountry, len(countries))
	par.Do(len(countries), func(i int) { v.Countries[i] = pp.printCountry(countries[i]) })
	var all converted
	for _, l := range p.s.Lessons {
		lp := *pp
		lp.idPrefix = ArticlePrefix(LessonAnchor(l))
		src, _ := lp.commentary(l.CommentaryPath) // an error is reported with the lesson's page
		lv, conv := lp.lesson(l, src)
		v.Lessons = append(v.Lessons, lv)
		all.links = append(all.links, conv.links...)
		all.errs = append(all.errs, conv.errs...)
	}
	return v, all
}

// articlesMark stands for the format articles in the rendered frame of the
// print edition: no page holds a NUL byte.
const articlesMark = "\x00articles\x00"

// printFrame renders the print edition around its format articles: the
// bytes before them and the bytes after.
func (t templates) printFrame(v PrintView) (before, after []byte, err error) {
	v.FormatHTML = []template.HTML{articlesMark}
	var buf bytes.Buffer
	err = t.execute(&buf, "print", v)
	if n := bytes.Count(buf.Bytes(), []byte(articlesMark)); n != 1 && err == nil {
		err = &diag.Error{Pos: diag.Position{Path: "templates/print.html"},
			Msg: fmt.Sprintf("the print edition shows .FormatHTML %d times; it must show it once, in a range", n)}
	}
	before, after, _ = bytes.Cut(buf.Bytes(), []byte(articlesMark))
	return before, after, err
}

// article renders a format's article of the print edition.
func (t templates) article(v FormatView) ([]byte, error) {
	return bufpool.Render(func(buf *bytes.Buffer) error {
		return t["print"].ExecuteTemplate(buf, "printformat", v)
	})
}
