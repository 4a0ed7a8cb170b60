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
		case IsEditorFile(name):
			continue
		case e.IsDir():
			errs.Add(diag.Position{Path: p}, "a folder where pages belong: %s holds <slug>.md files only", PagesDir)
			continue
		case path.Ext(name) != ".md":
			errs.Add(diag.Position{Path: p, Line: 1, Col: 1}, "unexpected file: a page is <slug>.md")
			continue
		}
		page := Page{Slug: strings.TrimSuffix(name, ".md"), Path: p}
		if src, _, err := ReadMarkdown(fsys, p); err != nil {
			errs.Append(err) // the page is kept all the same, so links to it are not reported too
		} else {
			errs.Append(parsePage(p, src, &page))
		}
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
	front, body, ok := cutFence(rest)
	if !ok {
		return &diag.Error{Pos: pos, Msg: "front matter is not closed by a +++ line"}
	}
	var errs diag.List
	errs.Append(decodeBytes(p, append([]byte("\n"), front...), page, func(w Where) { page.Where = w }))
	if page.Where.file != nil && strings.TrimSpace(page.Title) == "" {
		errs.Add(pos, "page: missing required key %q", "title")
	}
	blank := bytes.Repeat([]byte("\n"), bytes.Count(front, []byte("\n"))+2) // and the two fences
	page.Body = append(blank, body...)
	return errs.Err()
}

// cutFence splits src at its first +++ line, which it drops: front keeps its
// lines' endings, LF or CRLF, and body begins on the line after the fence.
func cutFence(src []byte) (front, body []byte, ok bool) {
	for at := 0; at < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
			end = at + i + 1
		}
		if string(bytes.TrimSpace(src[at:end])) == frontMatterFence {
			return src[:at], src[end:], true
		}
		at = end
	}
	return nil, nil, false
}

func quote(s string) string { return `"` + s + `"` }
