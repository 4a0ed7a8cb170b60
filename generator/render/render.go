package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"formatlas/generator/diag"
	"formatlas/generator/internal/bufpool"
	"formatlas/generator/internal/par"
	"formatlas/generator/linkcheck"
	"formatlas/generator/markdown"
	"formatlas/generator/site"
)

// File is one output file, its path slash-separated and relative to the output root.
type File struct {
	Path string
	Data []byte
}

// Options configures Render.
type Options struct {
	Markdown *markdown.Converter // shared converter; built with defaults if nil
}

// Render renders the whole site in memory: every page, the stylesheet for
// highlighted code and the files of static/, sorted by path. siteFS is the site
// directory, from which templates/ and static/ are read.
func Render(s *site.Site, siteFS fs.FS, opts Options) ([]File, error) {
	var mem memorySink
	if err := RenderTo(&mem, s, siteFS, opts); err != nil {
		return nil, err
	}
	slices.SortFunc(mem.files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return mem.files, nil
}

// RenderTo renders the whole site into sink, each file as soon as it is
// made. When it returns an error, some files may have reached the sink.
func RenderTo(sink Sink, s *site.Site, siteFS fs.FS, opts Options) error {
	md := opts.Markdown
	if md == nil {
		md = markdown.New(markdown.Options{})
	}
	tmpl, static, err := prepare(siteFS, md)
	if err != nil {
		return err
	}
	p := &planner{s: s, md: md}
	pages := append(p.plan(), p.redirectPages()...) // content errors are reported with those of rendering
	printView, printConv := p.printEdition()
	printErr := tmpl.renderPrintFormats(&printView)
	pages = append(pages, page{PrintPath, "print", printView, printConv.links})
	p.errs = append(p.errs, printConv.errs...)
	out := &emitter{sink: sink}
	pageErrs := make([]error, len(pages))
	par.Do(len(pages), func(i int) {
		data, err := bufpool.Render(func(buf *bytes.Buffer) error {
			return tmpl.execute(buf, pages[i].template, pages[i].view)
		})
		if pageErrs[i] = err; err == nil {
			out.put(File{Path: pages[i].path, Data: data})
		}
	})
	pageErrs[len(pages)-1] = cmp.Or(printErr, pageErrs[len(pages)-1])
	execErrs := executionErrors(pages, pageErrs)
	errs := append(slices.Clone(p.errs), execErrs...)
	rest := append(crawlerFiles(s.BaseURL, pages), searchIndex(searchEntries(pages)), redirectsFile(s))
	out.putAll(append(append(rest, static...), dataFiles(s)...))
	// pages a template failed to finish would only add noise to the link check
	errs = append(errs, out.close(pages, len(execErrs) == 0)...)
	return errs.Err()
}

// executionErrors reports each template error once, naming the first page it
// broke and how many others it broke too.
func executionErrors(pages []page, pageErrs []error) diag.List {
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
			errs = append(errs, &diag.Error{Pos: e.Pos, Msg: fmt.Sprintf("rendering %s: %s", pages[i].path, e.Msg)})
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

// placeProblem reports a broken link where the page's Markdown wrote it, or
// else at the page's template.
func placeProblem(prob linkcheck.Problem, pg *page) *diag.Error {
	for _, l := range pg.links {
		if l.Href == prob.Link {
			return &diag.Error{Pos: l.Pos, Msg: fmt.Sprintf("link %s: %s", l.Dest, prob.Msg)}
		}
	}
	return &diag.Error{Pos: diag.Position{Path: "templates/" + pg.template + ".html"},
		Msg: fmt.Sprintf("on %s, link %q: %s", prob.Page, prob.Link, prob.Msg)}
}

// prepare reads static/ and fingerprints its assets with the stylesheet for
// highlighted code, then parses the templates, which ask for assets by name.
func prepare(siteFS fs.FS, md *markdown.Converter) (templates, []File, error) {
	css, err := md.CSS()
	if err != nil {
		return nil, nil, err
	}
	static, err := staticFiles(siteFS)
	if err != nil {
		return nil, nil, err
	}
	// search-index.js is not among them and keeps its name: search.js loads it by that name.
	static, names := fingerprint(append(static, File{Path: ChromaPath, Data: css}))
	tmpl, err := parseTemplates(siteFS, names)
	return tmpl, static, err
}

// sortFiles orders files by path and rejects two files at one path (a static
// file shadowing a page).
func sortFiles(files []File) ([]File, error) {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	var errs diag.List
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			errs.Add(diag.Position{Path: "static/" + files[i].Path}, "static file would overwrite the generated %s", files[i].Path)
		}
	}
	return files, errs.Err()
}

// staticFiles reads static/ as it is.
func staticFiles(siteFS fs.FS) ([]File, error) {
	var files []File
	err := fs.WalkDir(siteFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" && errorsIsNotExist(err) {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(siteFS, p)
		if err != nil {
			return err
		}
		files = append(files, File{Path: strings.TrimPrefix(p, "static/"), Data: data})
		return nil
	})
	if err != nil {
		return nil, &diag.Error{Pos: diag.Position{Path: "static"}, Msg: err.Error()}
	}
	return files, nil
}

// templates holds one parsed template set per page kind: the base layout and
// the partials, plus that kind's file.
type templates map[string]*template.Template

// pageKinds are the page templates under templates/.
var pageKinds = []string{"home", "formats", "format", "countries", "country", "matrix", "sources", "lessons", "lesson", "page", "404", "print", "redirect", "data", "pictures", "overlaps", "upset", "timeline"}

func parseTemplates(siteFS fs.FS, names assets) (templates, error) {
	base := template.New("base.html").Option("missingkey=error").Funcs(funcMap(names))
	var errs diag.List
	if _, err := base.ParseFS(siteFS, "templates/base.html", "templates/partials/*.html"); err != nil {
		return nil, templateError(err)
	}
	out := templates{}
	for _, kind := range pageKinds {
		t, err := base.Clone()
		if err == nil {
			_, err = t.ParseFS(siteFS, "templates/"+kind+".html")
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
	msg := err.Error()
	m := templateErrRE.FindStringSubmatch(msg)
	if m == nil {
		return &diag.Error{Pos: diag.Position{Path: "templates"}, Msg: strings.TrimPrefix(msg, "template: ")}
	}
	dir := "templates/"
	if !contains(pageKinds, strings.TrimSuffix(m[1], ".html")) && m[1] != "base.html" {
		dir = "templates/partials/"
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	text := m[4]
	if i := strings.Index(text, ": "); strings.HasPrefix(text, "executing") && i >= 0 {
		text = text[i+2:] // the position already says where
	}
	return &diag.Error{Pos: diag.Position{Path: path.Join(dir, m[1]), Line: line, Col: col}, Msg: text}
}
