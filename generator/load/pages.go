package load

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"formatlas/generator/diag"
)

// frontMatterFence opens and closes a page's TOML front matter.
const frontMatterFence = "+++"

// loadPages reads content/pages/<slug>.md.
func loadPages(fsys fs.FS) ([]Page, error) {
	entries, err := fs.ReadDir(fsys, PagesDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &diag.Error{Pos: diag.Position{Path: PagesDir}, Msg: err.Error()}
	}
	var pages []Page
	var errs diag.List
	for _, e := range entries {
		name := e.Name()
		p := path.Join(PagesDir, name)
		switch {
		case e.IsDir() || strings.HasPrefix(name, "."):
			continue
		case path.Ext(name) != ".md":
			errs.Add(diag.Position{Path: p, Line: 1, Col: 1}, "unexpected file: a page is <slug>.md")
			continue
		}
		src, _, err := ReadMarkdown(fsys, p)
		if err != nil {
			errs.Append(err)
			continue
		}
		page := Page{Slug: strings.TrimSuffix(name, ".md"), Path: p}
		errs.Append(parsePage(p, src, &page))
		pages = append(pages, page)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Slug < pages[j].Slug })
	return pages, errs.Err()
}

// parsePage splits front matter from the body. The front matter is decoded as
// TOML with a blank first line, so its line numbers are those of the file; the
// body keeps blank lines in place of the front matter, for the same reason.
func parsePage(p string, src []byte, page *Page) error {
	pos := diag.Position{Path: p, Line: 1, Col: 1}
	if !SlugRE.MatchString(page.Slug) {
		return &diag.Error{Pos: pos, Msg: "page slug " + quote(page.Slug) + " (from the file name) is not a lowercase slug (a-z, 0-9, -)"}
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimSpace(first)) != frontMatterFence {
		return &diag.Error{Pos: pos, Msg: `a page starts with TOML front matter: +++, title = "...", +++`}
	}
	end := bytes.Index(rest, []byte("\n"+frontMatterFence+"\n"))
	if end < 0 {
		return &diag.Error{Pos: pos, Msg: "front matter is not closed by a +++ line"}
	}
	front := rest[:end+1]
	body := rest[end+len(frontMatterFence)+2:]
	var errs diag.List
	errs.Append(decodeBytes(p, append([]byte("\n"), front...), page, func(w Where) { page.Where = w }))
	if page.Where.file != nil && strings.TrimSpace(page.Title) == "" {
		errs.Add(pos, "page: missing required key %q", "title")
	}
	blank := bytes.Repeat([]byte("\n"), bytes.Count(front, []byte("\n"))+2)
	page.Body = append(blank, body...)
	return errs.Err()
}

func quote(s string) string { return `"` + s + `"` }
