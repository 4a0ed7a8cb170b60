package render

import (
	"formatlas/generator/internal/par"
)

// PrintView is the print edition: the whole atlas on one page, every link an
// anchor on that page.
type PrintView struct {
	Page
	Formats   []FormatView
	Countries []CountryView
	Lessons   []LessonView
	Matrix    MatrixView
	Sources   SourcesView
}

// printEdition plans print.html. Each document's ids get the prefix of its
// thing ("f-jef-purpose"), so that the many commentaries on one page never
// share an id; formats convert in parallel, each with its own planner copy.
func (p *planner) printEdition() (PrintView, converted) {
	pp := *p
	pp.inPage, pp.errs = true, nil
	v := PrintView{Page: pp.frame(PrintPath, "The whole atlas"), Matrix: pp.matrix(), Sources: pp.sources()}
	formats := sortedFormats(p.s.Formats)
	v.Formats = make([]FormatView, len(formats))
	convs := make([]converted, len(formats))
	par.Do(len(formats), func(i int) {
		fp := pp
		fp.idPrefix = FormatAnchor(formats[i]) + "-"
		v.Formats[i], convs[i] = fp.format(formats[i])
	})
	for _, c := range byName(p.s.Countries) {
		v.Countries = append(v.Countries, pp.country(c))
	}
	for _, l := range p.s.Lessons {
		lp := pp
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
