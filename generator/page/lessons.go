package page

import (
	"html/template"

	"formatlas/generator/markdown"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
)

// lessons is the lessons-learned summary: lessons grouped by kind, each with
// the formats that show it.
func (p *Planner) lessons() view.LessonsView {
	m := p.site
	v := view.LessonsView{Page: m.Frame(view.LessonsPath, "Lessons learned")}
	for _, l := range p.s.Lessons {
		if len(v.Kinds) == 0 || v.Kinds[len(v.Kinds)-1].Kind != l.Kind {
			v.Kinds = append(v.Kinds, view.LessonKindGroup{Kind: l.Kind, Label: p.s.Record.LessonKind(l.Kind).Label, Blurb: p.s.Record.LessonKind(l.Kind).Description,
				Anchor: view.KindAnchor(l.Kind)})
		}
		row := view.LessonRow{LessonRef: m.LessonRef(view.LessonsPath, l), Summary: l.Summary}
		for _, e := range l.Evidence {
			row.Formats = append(row.Formats, m.FormatRef(view.LessonsPath, e.Format))
		}
		g := &v.Kinds[len(v.Kinds)-1]
		g.Lessons = append(g.Lessons, row)
	}
	return v
}

// reservedLessonIDs are element ids the lesson template uses.
var reservedLessonIDs = []string{"top", "main", "summary", "evidence", "commentary", "sources", "footnotes", "site-search", "site-search-results", "page-toc-title"}

// Lesson plans the page of l, with the commentary src.
func (p *Planner) Lesson(l *site.Lesson, src []byte) (view.LessonView, Converted) {
	v := p.lessonFacts(p.site, l)
	html, conv := p.convert(markdown.Doc{Path: l.CommentaryPath, Source: src,
		Resolver: siteResolver{s: p.s, from: view.LessonPath(l), static: p.static}, Reserved: reservedLessonIDs})
	v.Commentary, v.Text, v.Code = html, conv.Text, conv.Code
	// the sections of lesson.html: the commentary's own headings are sections of the page
	toc := view.Section(nil, len(v.Evidence) > 0, "evidence", "Formats that show it")
	toc = append(toc, headingEntries(conv.Headings, 2)...)
	v.TOC = view.Contents(view.Section(toc, len(v.Sources) > 0, "sources", "Sources"))
	return v, conv
}

// printLesson plans the article of l in the print edition, with the
// commentary src: its ids get the prefix of the lesson's anchor.
func (p *Planner) printLesson(l *site.Lesson, src []byte) (view.LessonView, Converted) {
	v := p.lessonFacts(p.print, l)
	v.Anchor = view.LessonAnchor(l)
	prefix := view.ArticlePrefix(v.Anchor)
	html, conv := p.convert(markdown.Doc{Path: l.CommentaryPath, Source: src,
		Resolver: printResolver{s: p.s, from: view.LessonPath(l), prefix: prefix, static: p.static},
		Reserved: reservedLessonIDs, IDPrefix: prefix})
	v.Commentary, v.Text, v.Code = html, conv.Text, conv.Code
	return v, conv
}

// lessonFacts is the view of l but its commentary, linked by m.
func (p *Planner) lessonFacts(m *view.Maker, l *site.Lesson) view.LessonView {
	from := view.LessonPath(l)
	v := view.LessonView{Page: m.Frame(from, l.Title), Lesson: m.LessonRef(from, l), Summary: l.Summary,
		Sources: m.GroupCites(from, l.Sources), KindHref: view.RelURL(from, view.LessonsPath) + "#" + view.KindAnchor(l.Kind)}
	v.Page.Describe(l.Summary)
	for _, e := range l.Evidence {
		ev := view.EvidenceView{Format: m.FormatRef(from, e.Format), Note: e.Note}
		if e.Source.Source != nil {
			ev.Source = m.Cite(from, e.Source)
		}
		v.Evidence = append(v.Evidence, ev)
	}
	return v
}

func (p *Planner) freePage(pg *site.Page) (view.FreePageView, Converted) {
	from := view.PagePath(pg)
	html, conv := p.convert(markdown.Doc{Path: pg.Path, Source: pg.Body, Resolver: siteResolver{s: p.s, from: from, static: p.static},
		Reserved: []string{"top", "main", "footnotes", "site-search", "site-search-results", "page-toc-title"}})
	v := view.FreePageView{Page: p.site.Frame(from, pg.Title), Body: html, Text: conv.Text}
	v.Page.Describe(firstSentence(conv.Lead))
	v.Code, v.TOC = conv.Code, view.Contents(headingEntries(conv.Headings, 2))
	return v, conv
}

// convert converts one document; a nil Source is none.
func (p *Planner) convert(doc markdown.Doc) (template.HTML, Converted) {
	if doc.Source == nil {
		return "", Converted{}
	}
	r := p.md.Convert(doc)
	return template.HTML(r.HTML), Converted{Links: r.Links, Errs: r.Errs, Text: r.Text, Lead: r.Lead, Code: r.Code, Headings: r.Headings}
}
