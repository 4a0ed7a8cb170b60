package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

	"formatlas/generator/diag"
	"formatlas/generator/internal/par"
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
	md := opts.Markdown
	if md == nil {
		md = markdown.New(markdown.Options{})
	}
	tmpl, err := parseTemplates(siteFS)
	if err != nil {
		return nil, err
	}
	p := &planner{s: s, md: md}
	pages := p.plan()
	if err := p.errs.Err(); err != nil {
		return nil, err // content errors: the pages would only show them
	}
	files := make([]File, len(pages))
	pageErrs := make([]error, len(pages))
	par.Do(len(pages), func(i int) {
		var buf bytes.Buffer
		pageErrs[i] = tmpl.execute(&buf, pages[i].template, pages[i].view)
		files[i] = File{Path: pages[i].path, Data: buf.Bytes()}
	})
	var errs diag.List
	for i, err := range pageErrs {
		if err != nil {
			errs.Add(diag.Position{Path: "templates/" + pages[i].template + ".html"}, "rendering %s: %v", pages[i].path, err)
		}
	}
	files = append(files, crawlerFiles(s.BaseURL, files)...)
	css, err := md.CSS()
	errs.Append(err)
	files = append(files, File{Path: ChromaPath, Data: css})
	static, err := staticFiles(siteFS)
	errs.Append(err)
	files = append(files, static...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return sortFiles(files)
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
var pageKinds = []string{"home", "formats", "format", "countries", "country", "matrix", "sources", "lessons", "lesson", "page", "404"}

func parseTemplates(siteFS fs.FS) (templates, error) {
	base := template.New("base.html").Option("missingkey=error").Funcs(funcMap())
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

// templateError places a template parse error at its file and line when the
// message names them ("template: format.html:12: ...").
func templateError(err error) error {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, "template: ")
	if ok {
		name, after, _ := strings.Cut(rest, ":")
		var line int
		if n, _ := fmt.Sscanf(after, "%d:", &line); n == 1 {
			_, text, _ := strings.Cut(after, ":")
			dir := "templates/"
			if !contains(pageKinds, strings.TrimSuffix(name, ".html")) && name != "base.html" {
				dir = "templates/partials/"
			}
			return &diag.Error{Pos: diag.Position{Path: path.Join(dir, name), Line: line}, Msg: strings.TrimSpace(text)}
		}
	}
	return &diag.Error{Pos: diag.Position{Path: "templates"}, Msg: msg}
}
