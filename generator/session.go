package generator

import (
	"io/fs"
	"path"

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
// does: it holds the site's files, and renders the page of a commentary
// again after an edit of it alone, without building the whole site.
type Session struct {
	Result
	render     *render.Session
	commentary map[string]commented // by commentary path
}

// commented is the record whose commentary stands at a path.
type commented struct {
	format *site.Format
	lesson *site.Lesson
}

// NewSession checks the site in siteFS, as Check does, and keeps it for
// re-rendering pages. Check and the re-rendering share one Markdown
// converter and one template set.
func NewSession(siteFS fs.FS, opts Options) (*Session, error) {
	siteFS = Themed(siteFS)
	md := markdown.New(markdown.Options{})
	r, err := check(siteFS, opts, md)
	if err != nil {
		return nil, err
	}
	rs, err := render.NewSession(r.Site, siteFS, md, r.Files)
	if err != nil {
		return nil, err
	}
	s := &Session{Result: *r, render: rs, commentary: map[string]commented{}}
	for _, f := range r.Site.Formats {
		if f.CommentaryPath != "" {
			s.commentary[f.CommentaryPath] = commented{format: f}
		}
	}
	for _, l := range r.Site.Lessons {
		if l.CommentaryPath != "" {
			s.commentary[l.CommentaryPath] = commented{lesson: l}
		}
	}
	return s, nil
}

// IsCommentary reports whether the slash-separated path is the commentary of
// one of the site's formats or lessons.
func (s *Session) IsCommentary(p string) bool {
	_, ok := s.commentary[path.Clean(p)]
	return ok
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
		c, ok := s.commentary[path.Clean(p)]
		if !ok {
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

// SitePath is the path the site is published at, from its base URL: "/", or
// "/atlas/" for one at example.org/atlas/. Its 404 page links from there.
func (s *Session) SitePath() string { return view.SitePath(s.Site.BaseURL) }
