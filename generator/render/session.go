package render

import (
	"bytes"
	"io/fs"

	"formatlas/generator/diag"
	"formatlas/generator/internal/par"
	"formatlas/generator/linkcheck"
	"formatlas/generator/markdown"
	"formatlas/generator/page"
	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// Session re-renders single pages of a site that was rendered whole, for the
// development server: after an edit of one commentary, only its page is
// converted, rendered and link-checked again, against the rest of the site as
// it was. Whole-site outputs (search index, print edition, offline zip,
// manifest) are left to the next full render.
type Session struct {
	tmpl  templates
	index *linkcheck.Index
	plan  *page.Planner // the site's planner, with its matrix and pictures worked out once
}

// NewSession prepares to re-render pages of s, whose full render was files.
func NewSession(s *site.Site, siteFS fs.FS, md *markdown.Converter, files []publish.File) (*Session, error) {
	tmpl, _, staticPaths, err := prepare(s, siteFS, md)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(files))
	pages := make([]linkcheck.Page, len(files))
	par.Do(len(files), func(i int) { paths[i], pages[i] = files[i].Path, linkcheck.Scan(files[i].Path, files[i].Data) })
	return &Session{tmpl: tmpl, index: linkcheck.NewIndex(view.SitePath(s.BaseURL), paths, pages), plan: page.New(s, siteFS, md, staticPaths)}, nil
}

// FormatPage renders the page of f again, with its commentary now src, as a
// build does (page.Planner.Format). The model is not changed: it is
// read-only once linked.
func (ss *Session) FormatPage(f *site.Format, src []byte) (publish.File, error) {
	v, conv, _ := ss.plan.Format(f, src)
	return ss.finish(page.Page{Path: view.FormatPath(f), Template: "format", View: v, Links: conv.Links}, conv.Errs)
}

// LessonPage renders the page of l again, with its commentary now src.
func (ss *Session) LessonPage(l *site.Lesson, src []byte) (publish.File, error) {
	v, conv := ss.plan.Lesson(l, src)
	return ss.finish(page.Page{Path: view.LessonPath(l), Template: "lesson", View: v, Links: conv.Links}, conv.Errs)
}

// finish executes the page's template and checks its links.
func (ss *Session) finish(pg page.Page, errs diag.List) (publish.File, error) {
	var buf bytes.Buffer
	if err := ss.tmpl.execute(&buf, pg.Template, pg.View); err != nil {
		errs = append(errs, executionErrors([]page.Page{pg}, []error{err})...)
		return publish.File{}, errs.Err()
	}
	f := publish.File{Path: pg.Path, Data: buf.Bytes()}
	for _, prob := range ss.index.CheckPage(f.Path, f.Data) {
		errs = append(errs, placeProblem(prob, &pg)...)
	}
	return f, errs.Err()
}
