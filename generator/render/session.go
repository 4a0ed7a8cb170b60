package render

import (
	"bytes"
	"io/fs"
	"sync"

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
// it was; after an edit of records, a Draft renders the pages of the new
// model one by one. Whole-site outputs (search index, print edition,
// offline zip, manifest) are left to the next full render.
type Session struct {
	tmpl  templates
	index *linkcheck.Index // not for two checks at once: see Index.CheckPage
	plan  *page.Planner    // the site's planner, with its matrix and pictures worked out once
	md    *markdown.Converter
	// static are the output paths of static/ and of the stylesheets made
	// for the site, and staticPaths the paths in the output of the files of
	// static/, for the planners of drafts.
	static      map[string]bool
	staticPaths map[string]string
}

// NewSession prepares to re-render pages of s, whose full render was files.
func NewSession(s *site.Site, siteFS fs.FS, md *markdown.Converter, files []publish.File) (*Session, error) {
	tmpl, static, staticPaths, err := prepare(s, siteFS, md)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(files))
	pages := make([]linkcheck.Page, len(files))
	par.Do(len(files), func(i int) { paths[i], pages[i] = files[i].Path, linkcheck.Scan(files[i].Path, files[i].Data) })
	ss := &Session{tmpl: tmpl, index: linkcheck.NewIndex(view.SitePath(s.BaseURL), paths, pages), plan: page.New(s, siteFS, md, staticPaths),
		md: md, static: map[string]bool{}, staticPaths: staticPaths}
	for _, f := range static {
		ss.static[f.Path] = true
	}
	return ss, nil
}

// IsStatic reports whether the output at path is a file of static/ or a
// stylesheet made for the site: the same in every draft, as long as
// templates/, static/ and site.toml stay as they were.
func (ss *Session) IsStatic(path string) bool { return ss.static[path] }

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
	data, err := ss.execute(pg)
	if err != nil {
		return publish.File{}, append(errs, err...).Err()
	}
	f := publish.File{Path: pg.Path, Data: data}
	for _, prob := range ss.index.CheckPage(f.Path, f.Data) {
		errs = append(errs, placeProblem(prob, &pg)...)
	}
	return f, errs.Err()
}

// execute executes the template of pg with its view.
func (ss *Session) execute(pg page.Page) ([]byte, diag.List) {
	var buf bytes.Buffer
	if err := ss.tmpl.execute(&buf, pg.Template, pg.View); err != nil {
		return nil, executionErrors([]page.Page{pg}, []error{err})
	}
	return buf.Bytes(), nil
}

// Draft is the page plan of a site after an edit of its records, with the
// templates and stylesheets of the Session it was made from: each page is
// rendered the first time it is asked for, and kept. It is for the
// development server, between an edit and the full build behind it. Its
// pages are those a full render of the model makes, but the home page,
// which states the size of an offline archive that only a full render
// makes, and the print edition, which holds every format.
type Draft struct {
	ss    *Session
	plan  *page.Planner
	pages map[string]page.Page // by path
	mu    sync.Mutex
	made  map[string]*made // the pages asked for, by path
	// maps are the backgrounds of the maps, by path, drawn when one is
	// first asked for
	maps func() map[string][]byte
}

// made is a page of a Draft, rendered once, by the first to ask for it.
type made struct {
	once sync.Once
	data []byte
	errs diag.List
}

// Draft plans the pages of s, a model of the session's site after an edit
// of records that left templates/, static/ and site.toml as they were, its
// commentaries read from siteFS when their pages are rendered. The error
// is a problem of the plan: the Markdown of a lesson or a free page, converted
// there.
func (ss *Session) Draft(s *site.Site, siteFS fs.FS) (*Draft, error) {
	p := page.New(s, siteFS, ss.md, ss.staticPaths)
	pages, errs := p.Plan()
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	d := &Draft{ss: ss, plan: p, pages: make(map[string]page.Page, len(pages)), made: map[string]*made{}}
	d.maps = sync.OnceValue(func() map[string][]byte {
		files := map[string][]byte{}
		for _, f := range p.MapFiles() {
			files[f.Path] = f.Data
		}
		return files
	})
	for _, pg := range pages {
		if pg.Path != view.HomePath {
			d.pages[pg.Path] = pg
		}
	}
	return d, nil
}

// File is the page at path as a full render of the draft's model makes it,
// rendered now if it was not yet, or the background of a map; ok is false
// when the draft has no such file. err is a problem of the page's own, of
// its Markdown or its template: its links are not checked, since the ids
// of the other pages are not known until they are all rendered. It may be
// called from several goroutines at once.
func (d *Draft) File(path string) (data []byte, ok bool, err error) {
	m, ok := d.page(path)
	if !ok {
		data, ok := d.maps()[path]
		return data, ok, nil
	}
	return m.data, true, m.errs.Err()
}

// page renders the page at path once, and keeps it.
func (d *Draft) page(path string) (*made, bool) {
	pg, ok := d.pages[path]
	if !ok {
		return nil, false
	}
	d.mu.Lock()
	m := d.made[path]
	if m == nil {
		m = &made{}
		d.made[path] = m
	}
	d.mu.Unlock()
	m.once.Do(func() { m.data, m.errs = d.render(pg) })
	return m, true
}

// render makes the view of pg where the plan left it out, as a full render
// does (run.render), and executes its template.
func (d *Draft) render(pg page.Page) ([]byte, diag.List) {
	var errs diag.List
	switch {
	case pg.Format != nil:
		v, conv, _ := d.plan.FormatPage(pg.Format)
		pg.View, errs = v, conv.Errs
	case pg.Build != nil:
		pg.View = pg.Build()
	}
	data, err := d.ss.execute(pg)
	return data, append(errs, err...)
}
