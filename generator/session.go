package generator

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"formatlas/generator/diag"
	"formatlas/generator/export"
	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/render"
	"formatlas/generator/site"
)

// File is one output file: a slash-separated path and its bytes.
type File = publish.File

// NotFoundPath is the page a server returns for a path the site lacks.
const NotFoundPath = view.NotFoundPath

// IsWholeSite reports whether the output at path holds every commentary
// (the search index, the print edition, the offline zip, the manifest), so
// that a page-by-page edit leaves it stale.
func IsWholeSite(path string) bool {
	switch path {
	case export.SearchIndexPath, view.PrintPath, publish.OfflinePath, publish.ManifestPath:
		return true
	}
	return false
}

// IsEditorFile reports whether the file name is an editor's backup, lock or
// swap file, which every command ignores.
func IsEditorFile(name string) bool { return load.IsEditorFile(name) }

// Session is a checked site kept for editing, as the development server
// does: it holds the site's files, renders the page of a commentary again
// after an edit of it alone, without building the whole site, and makes a
// Draft of the site after an edit of records. Its methods are called one
// at a time; a Draft's File may be called at any time.
type Session struct {
	Result
	opts    Options
	render  *render.Session
	decoded *load.Cache            // the formats and lessons as the last load decoded them
	content map[string]contentFile // the files Edit takes, by path
}

// contentFile is a file of the site's content whose edit a session can
// take without a full build: the record or the commentary of a format or a
// lesson, or countries.toml or sources.toml (neither).
type contentFile struct {
	format     *site.Format
	lesson     *site.Lesson
	commentary bool
}

// NewSession checks the site in siteFS, as Check does, and keeps it for
// re-rendering pages. Check and the re-rendering share one Markdown
// converter and one template set.
func NewSession(siteFS fs.FS, opts Options) (*Session, error) {
	siteFS = Themed(siteFS)
	md := markdown.New(markdown.Options{})
	decoded := &load.Cache{}
	r, err := check(siteFS, opts, md, decoded.Load)
	if err != nil {
		return nil, err
	}
	rs, err := render.NewSession(r.Site, siteFS, md, r.Files)
	if err != nil {
		return nil, err
	}
	s := &Session{Result: *r, opts: opts, render: rs, decoded: decoded, content: map[string]contentFile{
		load.CountriesFile: {}, load.SourcesFile: {},
	}}
	for _, f := range r.Site.Formats {
		s.content[f.Record.Where.Path()] = contentFile{format: f}
		if f.CommentaryPath != "" {
			s.content[f.CommentaryPath] = contentFile{format: f, commentary: true}
		}
	}
	for _, l := range r.Site.Lessons {
		s.content[l.Record.Where.Path()] = contentFile{lesson: l}
		if l.CommentaryPath != "" {
			s.content[l.CommentaryPath] = contentFile{lesson: l, commentary: true}
		}
	}
	return s, nil
}

// IsCommentary reports whether the slash-separated path is the commentary of
// one of the site's formats or lessons.
func (s *Session) IsCommentary(p string) bool {
	f, ok := s.content[path.Clean(p)]
	return ok && f.commentary
}

// IsRecord reports whether the slash-separated path is a record file of the
// site whose edit Edit takes: a format's or a lesson's, countries.toml or
// sources.toml. site.toml is not one: it says how every page is made.
func (s *Session) IsRecord(p string) bool {
	f, ok := s.content[path.Clean(p)]
	return ok && !f.commentary
}

// RenderCommentary reads the commentaries at paths from siteFS and renders
// their pages again, the rest of the site as it was. The model is left as
// it is. A problem may be a false one (a link of one edited page to a new
// heading of another), which only a whole build can tell.
func (s *Session) RenderCommentary(siteFS fs.FS, paths []string) ([]File, error) {
	siteFS = Themed(siteFS)
	var files []File
	var errs diag.List
	for _, p := range paths {
		c, ok := s.content[path.Clean(p)]
		if !ok || !c.commentary {
			errs.Add(diag.Position{Path: p}, "not the commentary of a format or lesson of the site")
			continue
		}
		src, _, err := load.ReadMarkdown(siteFS, p)
		if err != nil {
			errs.Append(err)
			continue
		}
		var f File
		if c.format != nil {
			f, err = s.render.FormatPage(c.format, src)
		} else {
			f, err = s.render.LessonPage(c.lesson, src)
		}
		if err != nil {
			errs.Append(err)
			continue
		}
		files = append(files, f)
	}
	return files, errs.Err()
}

// Edit makes a Draft of the site in siteFS after an edit of the files at
// paths, each a record or a commentary of the site as the session has it
// (IsRecord, IsCommentary), and nothing else: it loads the content again,
// reading of the formats and lessons only those at paths (see
// load.Cache.Reload), links it, plans its pages with the session's
// templates, and renders at once the pages of the edited formats and
// lessons. templates/, static/ and site.toml must be as they were. The
// error lists the problems found, of loading and linking and of those
// pages' own Markdown and templates. Links between pages are not checked:
// a full build checks them. The session is left as it was, but for what it
// keeps of the records decoded.
func (s *Session) Edit(siteFS fs.FS, paths []string) (*Draft, error) {
	siteFS = Themed(siteFS)
	var errs diag.List
	var pages []string // of the edited formats and lessons
	for _, p := range paths {
		switch c, ok := s.content[path.Clean(p)]; {
		case !ok:
			errs.Add(diag.Position{Path: p}, "not a record or commentary of the site")
		case c.format != nil:
			pages = append(pages, view.FormatPath(c.format))
		case c.lesson != nil:
			pages = append(pages, view.LessonPath(c.lesson))
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	model, errs := link(siteFS, s.opts, func(fsys fs.FS) (*load.Content, error) { return s.decoded.Reload(fsys, paths) })
	if model == nil || len(errs) > 0 {
		return nil, errs.Err()
	}
	rd, err := s.render.Draft(model, siteFS)
	if err != nil {
		return nil, err
	}
	slices.Sort(pages)
	for _, p := range slices.Compact(pages) {
		if _, ok, err := rd.File(p); !ok {
			errs.Add(diag.Position{Path: p}, "no page of the site after the edit")
		} else {
			errs.Append(err)
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	return &Draft{Site: model, session: s, render: rd}, nil
}

// Draft is the site after an edit of records (Session.Edit), until a full
// build replaces it: its model, and its files, each page rendered the
// first time it is asked for.
type Draft struct {
	Site    *site.Site
	session *Session
	render  *render.Draft
}

// File is the file at p, a path of the output, as a full build of the
// edited site makes it: a page, rendered now if it was not yet, or a file
// of static/. It is false for the files only a full build makes (the home
// page, which states the size of the offline archive, the whole-site
// outputs, the data files and the others made from the whole model), for a
// path the site lacks, and for a page that fails to render, which the full
// build reports. It may be called from several goroutines at once.
func (d *Draft) File(p string) ([]byte, bool) {
	if data, ok, err := d.render.File(p); ok {
		return data, err == nil
	}
	if d.session.render.IsStatic(p) {
		return d.session.file(p)
	}
	return nil, false
}

// file is the file of the session's build at p.
func (s *Session) file(p string) ([]byte, bool) {
	i, ok := slices.BinarySearchFunc(s.Files, p, func(f File, p string) int { return strings.Compare(f.Path, p) })
	if !ok {
		return nil, false
	}
	return s.Files[i].Data, true
}

// SitePath is the path the site is published at, from its base URL: "/", or
// "/atlas/" for one at example.org/atlas/. Its 404 page links from there.
func (s *Session) SitePath() string { return view.SitePath(s.Site.BaseURL) }
