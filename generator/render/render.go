package render

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"formatlas/generator/diag"
	"formatlas/generator/export"
	"formatlas/generator/internal/bufpool"
	"formatlas/generator/internal/inorder"
	"formatlas/generator/internal/par"
	"formatlas/generator/linkcheck"
	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/page"
	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// Options configures Render.
type Options struct {
	Markdown *markdown.Converter // shared converter; built with defaults if nil
}

// Render renders the whole site in memory: every page, the stylesheet for
// highlighted code and the files of static/, sorted by path. siteFS is the site
// directory, from which templates/ and static/ are read.
func Render(s *site.Site, siteFS fs.FS, opts Options) ([]publish.File, error) {
	var mem publish.Memory
	if err := RenderTo(&mem, s, siteFS, opts); err != nil {
		return nil, err
	}
	return mem.Files(), nil
}

// RenderTo renders the whole site into sink, each file as soon as it is
// made. Each commentary is read from siteFS where its page is rendered, and
// dropped after. The model is not changed. When it returns an error, some files may have reached the sink.
func RenderTo(sink publish.Sink, s *site.Site, siteFS fs.FS, opts Options) error {
	md := opts.Markdown
	if md == nil {
		md = markdown.New(markdown.Options{})
	}
	tmpl, static, staticPaths, err := prepare(s, siteFS, md)
	if err != nil { // no page can be made: report the commentaries' own mistakes too
		var errs diag.List
		errs.Append(err)
		errs.Append(load.CheckMarkdown(siteFS, s.CommentaryPaths()))
		return errs.Err()
	}
	p := page.New(s, siteFS, md, staticPaths)
	pages, errs := p.Plan() // content errors are reported with those of rendering
	printView, printConv := p.PrintEdition()
	errs = append(errs, printConv.Errs...)
	out := publish.NewEmitter(sink)
	out.Expect(expected(pages, static))
	r := &run{s: s, p: p, tmpl: tmpl, out: out, pages: pages,
		found: inorder.New[[]export.SearchEntry](), pageErrs: make([]error, len(pages)),
		convErrs: make([]diag.List, len(pages)), articles: inorder.New[[]byte]()}
	r.rankFormats()
	printed := r.startPrint(printView)
	indexed := r.startSearchIndex()
	par.Do(len(pages), func(j int) { r.render(r.order[j], j) })
	printErr := printed()
	pages = append(pages, page.Page{Path: view.PrintPath, Template: "print", Links: append(printConv.Links, r.printLinks()...)})
	execErrs := executionErrors(pages, append(r.pageErrs, printErr))
	for _, e := range r.convErrs {
		errs = append(errs, e...)
	}
	errs = append(errs, execErrs...)
	indexed()
	// In the archive, the pages come in the order they were rendered, then
	// the print edition, the search index and the other files.
	seq := len(pages)
	rest := append(export.Crawler(s.BaseURL, crawled(pages)), export.Redirects(s), export.HeadersFile())
	if s.MetaPolicy != "" { // for GitHub Pages
		rest = append(rest, publish.File{Path: export.NoJekyllPath})
	}
	rest = append(append(append(append(rest, static...), export.Data(s)...), export.CitationFiles(s)...), p.MapFiles()...)
	slices.SortFunc(rest, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) }) // whatever order static/ was listed in
	out.PutAll(rest, seq+1)
	// The home page states the archive's size, so the site's is made once
	// the archive is closed; the archive has its own (see render).
	size := out.CloseZip(seq + 1 + len(rest))
	if r.home != nil && r.pageErrs[r.homeAt] == nil { // a template error was reported with the first
		r.home.OfflineSize = view.Bytes(size)
		if err := r.put(view.HomePath, pages[r.homeAt].Template, *r.home, -1, siteOnly); err != nil {
			homeErrs := executionErrors(pages[r.homeAt:r.homeAt+1], []error{err})
			execErrs, errs = append(execErrs, homeErrs...), append(errs, homeErrs...)
		}
	}
	paths, scanned, closeErrs := out.Close()
	errs = append(errs, closeErrs...)
	if len(execErrs) == 0 && len(closeErrs) == 0 { // a page a template failed to finish, or two files at one path, would confuse the check
		errs = append(errs, checkLinks(view.SitePath(s.BaseURL), paths, scanned, pages)...)
	}
	return errs.Err()
}

// expected are the paths of files every build of the pages writes, known
// before the first is rendered: the pages, the print edition, the search
// index and the static files. A build that fails to write one of them
// reports it, and its links are not checked.
func expected(pages []page.Page, static []publish.File) []string {
	paths := []string{view.PrintPath, export.SearchIndexPath}
	for _, pg := range pages {
		paths = append(paths, pg.Path)
	}
	for _, f := range static {
		paths = append(paths, f.Path)
	}
	return paths
}

// crawled are the paths of the pages a crawler should index: all but
// 404.html and the pages left at former URLs.
func crawled(pages []page.Page) []string {
	var paths []string
	for _, pg := range pages {
		if pg.Template != "404" && pg.Template != "redirect" {
			paths = append(paths, pg.Path)
		}
	}
	return paths
}

// run is one rendering of the pages of a site.
type run struct {
	s        *site.Site
	p        *page.Planner
	tmpl     templates
	out      *publish.Emitter
	pages    []page.Page
	order    []int // pages in the order they are rendered: see rankFormats
	rank     map[*site.Format]int
	found    *inorder.Queue[[]export.SearchEntry] // what search finds on each page, in the order they are rendered
	pageErrs []error
	convErrs []diag.List
	articles *inorder.Queue[[]byte] // the print edition's format articles, by rank
	// the print edition's Markdown links, scanned ids and links, and
	// template errors, by rank
	articleLinks [][]markdown.Link
	articleScans []linkcheck.Page
	articleErrs  []error
	// home is the site's home page, made after the archive (RenderTo); the
	// archive holds its offline variant. homeAt is its index in pages.
	home   *view.HomeView
	homeAt int
}

// rankFormats orders the formats as the print edition does and renders
// their pages in that order, so that the articles the print edition waits
// for arrive about in turn and few are held at a time. Before them come the
// few pages about the whole site, the dearest to make one by one (overlaps,
// the matrix), so that no core is left with one of them at the end.
func (r *run) rankFormats() {
	sorted := view.SortedFormats(r.s.Formats)
	r.rank = make(map[*site.Format]int, len(sorted))
	for k, f := range sorted {
		r.rank[f] = k
	}
	r.articleLinks, r.articleErrs = make([][]markdown.Link, len(sorted)), make([]error, len(sorted))
	r.articleScans = make([]linkcheck.Page, len(sorted))
	var first, formats, rest []int
	for i, pg := range r.pages {
		switch {
		case pg.First:
			first = append(first, i)
		case pg.Format != nil:
			formats = append(formats, i)
		default:
			rest = append(rest, i)
		}
	}
	slices.SortFunc(formats, func(a, b int) int { return r.rank[r.pages[a].Format] - r.rank[r.pages[b].Format] })
	r.order = slices.Concat(first, formats, rest)
}

// startPrint streams the print edition as its articles arrive; the function
// it returns waits for the end and reports a template error.
func (r *run) startPrint(v page.PrintView) func() error {
	var wg sync.WaitGroup
	var frameErr error
	wg.Go(func() {
		var before, after []byte
		before, after, frameErr = r.tmpl.printFrame(v)
		r.out.Stream(view.PrintPath, len(r.pages), func(w io.Writer) (linkcheck.Page, error) {
			// The articles were scanned where they were rendered.
			parts := []linkcheck.Page{r.out.Scan(view.PrintPath, before)}
			w.Write(before)
			for k := range r.articleLinks {
				article, _ := r.articles.Take(k)
				w.Write(article)
				parts = append(parts, r.articleScans[k])
			}
			_, err := w.Write(after)
			parts = append(parts, r.out.Scan(view.PrintPath, after))
			return linkcheck.Join(view.PrintPath, parts...), err
		})
	})
	return func() error {
		wg.Wait()
		return cmp.Or(frameErr, errors.Join(r.articleErrs...))
	}
}

// startSearchIndex streams the search index as the pages are rendered, in
// that order; the function it returns waits for the end.
func (r *run) startSearchIndex() func() {
	var wg sync.WaitGroup
	wg.Go(func() {
		r.out.Stream(export.SearchIndexPath, len(r.pages)+1, func(w io.Writer) (linkcheck.Page, error) {
			return linkcheck.Page{Path: export.SearchIndexPath}, export.WriteSearchIndex(w, func(yield func(export.SearchEntry) bool) {
				for seq := range r.pages {
					found, _ := r.found.Take(seq)
					for _, e := range found {
						if !yield(e) {
							return
						}
					}
				}
			})
		})
	})
	return wg.Wait
}

// render makes page i, the seq-th to be rendered: its view, where the plan
// left it out, the page, and for a format its print article; then it drops
// the view.
func (r *run) render(i, seq int) {
	pg := &r.pages[i]
	v := pg.View
	switch {
	case pg.Format != nil:
		fv, conv, article := r.p.FormatPage(pg.Format)
		v, pg.Links, r.convErrs[i] = fv, conv.Links, conv.Errs
		k := r.rank[pg.Format]
		html, err := r.tmpl.article(article.View)
		r.articleLinks[k], r.articleErrs[k] = article.Links, err
		r.articleScans[k] = r.out.Scan(view.PrintPath, html)
		r.articles.Put(k, html, true)
	case pg.Build != nil:
		v = pg.Build()
	}
	switch hv, home := v.(view.HomeView); {
	case home:
		// the archive's home page is the offline copy's, which has no
		// archive to offer; the site's is made once the archive is closed
		site := hv
		r.home, r.homeAt = &site, i
		hv.Offline = true
		r.pageErrs[i] = r.put(pg.Path, pg.Template, hv, seq, archiveOnly)
	case pg.HostOnly:
		r.pageErrs[i] = r.put(pg.Path, pg.Template, v, seq, siteOnly)
	default:
		r.pageErrs[i] = r.put(pg.Path, pg.Template, v, seq, siteAndArchive)
	}
	r.found.Put(seq, export.PageEntries(pg.Path, v), true)
	pg.View, pg.Build = nil, nil
}

// Where a rendered page goes: the site and the offline archive, the archive
// alone (the offline copy's own variant) or the site alone.
const (
	siteAndArchive = iota
	archiveOnly
	siteOnly
)

// put renders the page at path with template name and view v into where,
// at seq of the archive; a page of the site alone gives up its place
// there, and seq is -1 for one made after the archive is closed.
func (r *run) put(path, name string, v any, seq, where int) error {
	return bufpool.Use(func(buf *bytes.Buffer) error {
		err := r.tmpl.execute(buf, name, v)
		f := publish.File{Path: path, Data: buf.Bytes()}
		switch {
		case err != nil:
		case where == archiveOnly:
			r.out.PutOffline(f, seq)
		case where == siteOnly:
			r.out.Put(f, -1)
		default:
			r.out.Put(f, seq)
		}
		if seq >= 0 && (err != nil || where == siteOnly) {
			r.out.Skip(seq)
		}
		return err
	})
}

// printLinks are the Markdown links of the print edition's articles.
func (r *run) printLinks() []markdown.Link {
	return slices.Concat(r.articleLinks...)
}

// executionErrors reports each template error once, naming the first page it
// broke and how many others it broke too.
func executionErrors(pages []page.Page, pageErrs []error) diag.List {
	var errs diag.List
	index := map[string]int{} // error text -> position in errs
	count := map[string]int{}
	for i, err := range pageErrs {
		if err == nil {
			continue
		}
		e := templateError(err).(*diag.Error)
		key := e.Error()
		if _, seen := index[key]; !seen {
			index[key] = len(errs)
			errs = append(errs, &diag.Error{Pos: e.Pos, Msg: fmt.Sprintf("rendering %s: %s", pages[i].Path, e.Msg)})
		}
		count[key]++
	}
	for key, i := range index {
		if n := count[key] - 1; n > 0 {
			errs[i].Msg += fmt.Sprintf(" (and %d more %s)", n, map[bool]string{true: "page", false: "pages"}[n == 1])
		}
	}
	return errs
}

// prepare reads static/ and fingerprints its assets with the stylesheet for
// highlighted code, then parses the templates, which ask for assets by name.
// It also returns where each file of static/ ends up in the output, by its
// path in static/, for static: links in Markdown.
func prepare(s *site.Site, siteFS fs.FS, md *markdown.Converter) (templates, []publish.File, map[string]string, error) {
	css, err := md.CSS()
	if err != nil {
		return nil, nil, nil, err
	}
	var errs diag.List
	static, err := staticFiles(siteFS)
	errs.Append(err)
	paths := make(map[string]string, len(static))
	for _, f := range static {
		paths[f.Path] = f.Path
	}
	// search-index.js is not among them and keeps its name: search.js loads it by that name.
	static, names := fingerprint(append(static, publish.File{Path: ChromaPath, Data: css}, publish.File{Path: RolesPath, Data: rolesCSS(s)}))
	for name, fp := range names {
		if _, ok := paths[name]; ok {
			paths[name] = fp
		}
	}
	tmpl, err := parseTemplates(siteFS, names)
	errs.Append(err)
	return tmpl, static, paths, errs.Err()
}

// textFiles are the extensions of static files that are text, and must be
// UTF-8 as the pages that load them say they are.
var textFiles = map[string]bool{".css": true, ".js": true, ".svg": true, ".html": true, ".htm": true,
	".txt": true, ".json": true, ".xml": true, ".csv": true, ".md": true, ".toml": true}

// staticFiles reads static/ as it is. A file that cannot be read is reported
// at its path, each of them.
func staticFiles(siteFS fs.FS) ([]publish.File, error) {
	var files []publish.File
	var errs diag.List
	err := fs.WalkDir(siteFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" && errorsIsNotExist(err) {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || load.IsEditorFile(d.Name()) || path.Ext(p) == ".go" { // a theme's embed.go is not part of it
			return nil
		}
		data, err := fs.ReadFile(siteFS, p)
		if err != nil {
			errs.Append(load.ReadError(p, err))
			return nil
		}
		if textFiles[path.Ext(p)] {
			errs.Append(load.CheckUTF8(p, data))
		}
		files = append(files, publish.File{Path: strings.TrimPrefix(p, "static/"), Data: data})
		return nil
	})
	if err != nil {
		errs.Add(diag.Position{Path: "static"}, "%s", err.Error())
	}
	return files, errs.Err()
}

// partialFiles are the files of templates/partials, editors' files left out
// (an Emacs lock, .#nav.html, matches *.html too).
func partialFiles(siteFS fs.FS) []string {
	names, _ := fs.Glob(siteFS, "templates/partials/*.html")
	return slices.DeleteFunc(names, func(n string) bool { return load.IsEditorFile(path.Base(n)) })
}

// checkTemplateText reports each template file that is not UTF-8: the
// pages it makes say they are.
func checkTemplateText(siteFS fs.FS) diag.List {
	var errs diag.List
	names, _ := fs.Glob(siteFS, "templates/*.html")
	for _, name := range append(names, partialFiles(siteFS)...) {
		if !load.IsEditorFile(path.Base(name)) {
			if data, err := fs.ReadFile(siteFS, name); err == nil {
				errs.Append(load.CheckUTF8(name, data))
			}
		}
	}
	return errs
}

// templates holds one parsed template set per page kind: the base layout and
// the partials, plus that kind's file.
type templates map[string]*template.Template

// pageKinds are the page templates under templates/.
var pageKinds = []string{"home", "formats", "format", "countries", "country", "matrix", "sources", "lessons", "lesson", "page", "404", "print", "redirect", "data", "pictures", "overlaps", "upset", "timeline", "maps", "changes"}

func parseTemplates(siteFS fs.FS, names assets) (templates, error) {
	memo := &memoizer{}
	base := template.New("base.html").Option("missingkey=error").Funcs(funcMap(names, memo))
	var errs diag.List
	if errs := checkTemplateText(siteFS); len(errs) > 0 {
		return nil, errs
	}
	if _, err := base.ParseFS(siteFS, append([]string{"templates/base.html"}, partialFiles(siteFS)...)...); err != nil {
		return nil, templateError(err)
	}
	if errs := checkMemo(base); len(errs) > 0 { // rendering would recurse until the process dies
		return nil, errs
	}
	out := templates{}
	defer func() { memo.set, _ = base.Clone() }() // a set that has run cannot be cloned: give memo its own
	for _, kind := range pageKinds {
		t, err := base.Clone()
		if err == nil {
			_, err = t.ParseFS(siteFS, "templates/"+kind+".html")
		}
		if err == nil {
			err = checkMemo(t).Err()
		}
		if err != nil {
			errs.Append(templateError(err))
			continue
		}
		out[kind] = t
	}
	return out, errs.Err()
}

func (t templates) execute(buf *bytes.Buffer, kind string, view any) error {
	return t[kind].ExecuteTemplate(buf, "base.html", view)
}

var templateErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// templateError places a template error at its file, line and column when the
// message names them: "template: format.html:12: ..." when parsing,
// "template: format.html:12:5: executing ..." when executing.
func templateError(err error) error {
	if d, ok := err.(*diag.Error); ok {
		return d
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.HasPrefix(pe.Path, "templates/") {
		return load.ReadError(pe.Path, err)
	}
	msg := err.Error()
	m := templateErrRE.FindStringSubmatch(msg)
	if m == nil {
		return &diag.Error{Pos: diag.Position{Path: "templates"}, Msg: strings.TrimPrefix(msg, "template: ")}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	text := m[4]
	if i := strings.Index(text, ": "); strings.HasPrefix(text, "executing") && i >= 0 {
		text = text[i+2:] // the position already says where
	}
	return &diag.Error{Pos: diag.Position{Path: templateFile(m[1]), Line: line, Col: col}, Msg: text}
}

// templateFile is the path in the site directory of the template file name.
func templateFile(name string) string {
	if !contains(pageKinds, strings.TrimSuffix(name, ".html")) && name != "base.html" {
		return path.Join("templates/partials", name)
	}
	return path.Join("templates", name)
}
