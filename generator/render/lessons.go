package render

import (
	"html/template"

	"formatlas/generator/diag"
	"formatlas/generator/markdown"
	"formatlas/generator/site"
)

func (p *planner) lessonRef(from string, l *site.Lesson) LessonRef {
	return LessonRef{ID: l.ID, Title: l.Title, Kind: l.Kind, KindLabel: lessonKindLabels[l.Kind],
		Href: p.href(from, LessonPath(l), LessonAnchor(l))}
}

// lessons is the lessons-learned summary: lessons grouped by kind, each with
// the formats that show it.
func (p *planner) lessons() LessonsView {
	v := LessonsView{Page: p.frame(LessonsPath, "Lessons learned")}
	for _, l := range p.s.Lessons {
		if len(v.Kinds) == 0 || v.Kinds[len(v.Kinds)-1].Kind != l.Kind {
			v.Kinds = append(v.Kinds, LessonKindGroup{Kind: l.Kind, Label: lessonKindLabels[l.Kind], Blurb: lessonKindBlurbs[l.Kind],
				Anchor: KindAnchor(l.Kind)})
		}
		row := LessonRow{LessonRef: p.lessonRef(LessonsPath, l), Summary: l.Summary}
		for _, e := range l.Evidence {
			row.Formats = append(row.Formats, p.formatRef(LessonsPath, e.Format))
		}
		g := &v.Kinds[len(v.Kinds)-1]
		g.Lessons = append(g.Lessons, row)
	}
	return v
}

// reservedLessonIDs are element ids the lesson template uses.
var reservedLessonIDs = []string{"top", "main", "summary", "evidence", "commentary", "sources", "footnotes", "site-search", "site-search-results"}

func (p *planner) lesson(l *site.Lesson, src []byte) (LessonView, converted) {
	from := LessonPath(l)
	v := LessonView{Page: p.frame(from, l.Title), Lesson: p.lessonRef(from, l), Summary: l.Summary,
		Sources: p.groupCites(from, l.Sources), KindHref: relURL(from, LessonsPath) + "#" + KindAnchor(l.Kind)}
	if p.inPage {
		v.Anchor = LessonAnchor(l)
	}
	for _, e := range l.Evidence {
		ev := EvidenceView{Format: p.formatRef(from, e.Format), Note: e.Note}
		if e.Source.Source != nil {
			ev.Source = p.cite(from, e.Source)
		}
		v.Evidence = append(v.Evidence, ev)
	}
	html, conv := p.markdown(l.CommentaryPath, src, from, reservedLessonIDs, 0)
	v.Commentary, v.Text = html, conv.text
	return v, conv
}

func (p *planner) freePage(pg *site.Page) (FreePageView, converted) {
	from := PagePath(pg)
	html, conv := p.markdown(pg.Path, pg.Body, from, []string{"top", "main", "footnotes", "site-search", "site-search-results"}, 0)
	return FreePageView{Page: p.frame(from, pg.Title), Body: html, Text: conv.text}, conv
}

// markdown converts one document for the page at from.
func (p *planner) markdown(path string, src []byte, from string, reserved []string, shift int) (template.HTML, converted) {
	if src == nil {
		return "", converted{}
	}
	r := p.md.Convert(markdown.Doc{Path: path, Source: src,
		Resolver: resolver{s: p.s, from: from, inPage: p.inPage, prefix: p.idPrefix, static: p.static}, Reserved: reserved,
		HeadingShift: shift, IDPrefix: p.idPrefix})
	return template.HTML(r.HTML), converted{links: r.Links, errs: r.Errs, text: r.Text}
}

// converted is what a page's Markdown reports: its internal links, to place
// broken ones found later, and its errors.
type converted struct {
	links []markdown.Link
	errs  diag.List
	text  string // the prose as plain text, for the search index
}
