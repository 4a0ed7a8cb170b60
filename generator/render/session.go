package render

import (
	"bytes"
	"io/fs"
	"sync"

	"formatlas/generator/diag"
	"formatlas/generator/internal/par"
	"formatlas/generator/linkcheck"
	"formatlas/generator/markdown"
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
	// plan is a planner of the site, copied for each page rendered again: it
	// keeps what the pictures show, worked out once, and the Shells that the
	// templates' memo holds on to, one a directory rather than one a render.
	plan *planner
}

// NewSession prepares to re-render pages of s, whose full render was files.
func NewSession(s *site.Site, siteFS fs.FS, md *markdown.Converter, files []publish.File) (*Session, error) {
	tmpl, _, staticPaths, err := prepare(siteFS, md)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(files))
	pages := make([]linkcheck.Page, len(files))
	par.Do(len(files), func(i int) { paths[i], pages[i] = files[i].Path, linkcheck.Scan(files[i].Path, files[i].Data) })
	plan := newPlanner(s, siteFS, md, &sync.Map{}, staticPaths)
	plan.pictures()
	return &Session{tmpl: tmpl, index: linkcheck.NewIndex(paths, pages), plan: plan}, nil
}

// FormatPage renders the page of f again, with its commentary now src. The
// model is not changed: it is read-only once linked.
func (ss *Session) FormatPage(f *site.Format, src []byte) (publish.File, error) {
	p := *ss.plan
	v, conv := p.format(f, src)
	return ss.finish(page{path: FormatPath(f), template: "format", view: v, links: conv.links}, conv.errs)
}

// LessonPage renders the page of l again, with its commentary now src.
func (ss *Session) LessonPage(l *site.Lesson, src []byte) (publish.File, error) {
	p := *ss.plan
	v, conv := p.lesson(l, src)
	return ss.finish(page{path: LessonPath(l), template: "lesson", view: v, links: conv.links}, conv.errs)
}

// finish executes the page's template and checks its links.
func (ss *Session) finish(pg page, errs diag.List) (publish.File, error) {
	var buf bytes.Buffer
	if err := ss.tmpl.execute(&buf, pg.template, pg.view); err != nil {
		errs = append(errs, executionErrors([]page{pg}, []error{err})...)
		return publish.File{}, errs.Err()
	}
	f := publish.File{Path: pg.path, Data: buf.Bytes()}
	for _, prob := range ss.index.CheckPage(f.Path, f.Data) {
		errs = append(errs, placeProblem(prob, &pg)...)
	}
	return f, errs.Err()
}
