package render

import (
	"bytes"
	"errors"
	"formatlas/generator/internal/bufpool"
	"formatlas/generator/internal/par"
	"html/template"

	"formatlas/generator/site"
)

// PrintView is the print edition: the whole atlas on one page, every link an
// anchor on that page.
type PrintView struct {
	Page
	Formats []FormatView
	// FormatHTML is each format's article, rendered in parallel before the
	// page itself: at thousands of formats one template run would be serial.
	FormatHTML []template.HTML
	Countries  []CountryView
	Lessons    []LessonView
	Matrix     MatrixView
	Sources    SourcesView
}

// printEdition plans print.html, with the format articles planned with the
// format pages.
func (p *planner) printEdition() (PrintView, converted) {
	pp := p.printPlanner()
	v := PrintView{Page: pp.frame(PrintPath, "The whole atlas"), Matrix: pp.matrix(), Sources: pp.sources()}
	for i := range v.Sources.Sources { // on paper, the bibliography needs no back-links
		v.Sources.Sources[i].CitedBy, v.Sources.Sources[i].CitedByLessons = nil, nil
	}
	index := make(map[*site.Format]int, len(p.s.Formats))
	for i, f := range p.s.Formats {
		index[f] = i
	}
	var convs []converted
	for _, f := range sortedFormats(p.s.Formats) {
		printed := p.printed[index[f]]
		v.Formats = append(v.Formats, printed.view)
		convs = append(convs, printed.conv)
	}
	for _, c := range byName(p.s.Countries) {
		v.Countries = append(v.Countries, pp.country(c))
	}
	for _, l := range p.s.Lessons {
		lp := *pp
		lp.idPrefix = LessonAnchor(l) + "-"
		lv, conv := lp.lesson(l)
		v.Lessons = append(v.Lessons, lv)
		convs = append(convs, conv)
	}
	var all converted
	for _, c := range convs {
		all.links = append(all.links, c.links...)
		all.errs = append(all.errs, c.errs...)
	}
	return v, all
}

// renderPrintFormats renders each format's article of the print edition on
// every core, with the template "printformat".
func (t templates) renderPrintFormats(v *PrintView) error {
	v.FormatHTML = make([]template.HTML, len(v.Formats))
	errs := make([]error, len(v.Formats))
	par.Do(len(v.Formats), func(i int) {
		data, err := bufpool.Render(func(buf *bytes.Buffer) error {
			return t["print"].ExecuteTemplate(buf, "printformat", v.Formats[i])
		})
		v.FormatHTML[i], errs[i] = template.HTML(data), err
	})
	return errors.Join(errs...)
}
