// Package linkcheck verifies a rendered site on its own terms: every internal
// href and src names a file of the output, and every #fragment an element id
// in that file. It reads HTML with github.com/tdewolff/parse's lexer, the
// one tdewolff/minify uses: about four times the speed of
// golang.org/x/net/html's tokenizer here, which matters because the check
// reads every byte a build writes.
package linkcheck

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"formatlas/generator/internal/par"
)

// File is an output file: a slash-separated path relative to the site root.
type File struct {
	Path string
	Data []byte
}

// Problem is one broken link, or one id that stands twice on a page (Link
// is then ""): the page it is on and what is wrong.
type Problem struct {
	Page, Link, Msg string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %s: %s", p.Page, p.Link, p.Msg) }

// Check returns every broken internal link of the HTML files of a site
// published at the path base ("/" at the root of its host), sorted.
func Check(base string, files []File) []Problem {
	pages := make([]Page, len(files))
	paths := make([]string, len(files))
	var sc Scanner
	par.Do(len(files), func(i int) { // tokenising is the dear part: a page per core
		paths[i], pages[i] = files[i].Path, sc.Scan(files[i].Path, files[i].Data)
	})
	return CheckPages(base, paths, pages)
}

// Page is what the check needs of one output file: its path, and for an
// HTML page its element ids and its href and src values. A build scans each
// page as soon as it is rendered and keeps only this.
type Page struct {
	Path string
	IDs  []string // sorted; nil for a file that is not HTML
	Refs []string
	Dups []string // ids that stand on the page more than once, sorted
}

// Scan reads the ids and links of the file at path, if it is HTML.
func Scan(path string, data []byte) Page {
	return new(Scanner).Scan(path, data)
}

// Scanner scans the pages of one site, keeping one copy of each id and link
// it reads: a build keeps the links of every page until the end, and most of
// them (the navigation, the stylesheets) are the same on every page of a
// directory. It is safe for concurrent use.
type Scanner struct {
	shards [32]struct {
		sync.Mutex
		m map[string]string
	}
	files map[string]bool // see Expect
}

// Expect tells the scanner the paths of files the output will hold: a
// link to one of them without a fragment is good, and is checked where it
// is scanned rather than kept for the end. Most links of a site are such
// (the navigation, the stylesheets, a format's members), and a large site
// keeps a million of them. It must be called before the first Scan, and
// the output must then hold every file at paths, or fail to be made.
func (sc *Scanner) Expect(paths []string) {
	sc.files = make(map[string]bool, len(paths))
	for _, p := range paths {
		sc.files[p] = true
	}
}

// Scan is the package's Scan, interning what it reads.
func (sc *Scanner) Scan(path string, data []byte) Page {
	if !strings.HasSuffix(path, ".html") {
		return Page{Path: path}
	}
	ids, refs := sc.scan(data)
	ids, dups := compact(ids)
	if sc.files != nil {
		refs = slices.DeleteFunc(refs, func(ref string) bool { return sc.expected(path, ref) })
	}
	// kept to the end of the build: no room to spare
	return Page{Path: path, IDs: slices.Clone(ids), Refs: slices.Clone(refs), Dups: dups}
}

// expected reports whether ref, on the page at page, is a plain relative
// link without a fragment to an expected file: one check would pass.
func (sc *Scanner) expected(page, ref string) bool {
	refPath, fragment, ok := splitRef(ref)
	if !ok || fragment != "" || ref != refPath || refPath == "" || strings.HasPrefix(refPath, "/") || strings.HasSuffix(refPath, "/") {
		return false
	}
	return sc.files[path.Join(path.Dir(page), refPath)]
}

// compact sorts ids and drops the repeats, which it returns, once each.
func compact(ids []string) (unique, dups []string) {
	slices.Sort(ids)
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] && (len(dups) == 0 || dups[len(dups)-1] != ids[i]) {
			dups = append(dups, ids[i])
		}
	}
	return slices.Compact(ids), dups
}

// Join is the page at path made of parts scanned one by one, in order. Each
// part must be whole elements, so that no tag or comment crosses from one
// part into the next.
func Join(path string, parts ...Page) Page {
	pg := Page{Path: path, IDs: []string{}}
	for _, p := range parts {
		pg.IDs = append(pg.IDs, p.IDs...)
		pg.IDs = append(pg.IDs, p.Dups...) // a repeat within a part is a repeat of the whole
		pg.Refs = append(pg.Refs, p.Refs...)
	}
	pg.IDs, pg.Dups = compact(pg.IDs)
	return pg
}

// intern returns the one copy of b.
func (sc *Scanner) intern(b []byte) string {
	h := uint32(len(b))
	for _, c := range b {
		h = h*31 + uint32(c)
	}
	sh := &sc.shards[h%uint32(len(sc.shards))]
	sh.Lock()
	defer sh.Unlock()
	if s, ok := sh.m[string(b)]; ok {
		return s
	}
	if sh.m == nil {
		sh.m = map[string]string{}
	}
	s := string(b)
	sh.m[s] = s
	return s
}

// CheckPages checks the links of the scanned pages against a site whose
// files are at paths, published at the path base ("/", or "/atlas/" under a
// project's path), and returns the broken ones, sorted.
func CheckPages(base string, paths []string, pages []Page) []Problem {
	ix := newIndex(base, paths, pages)
	found := make([][]Problem, len(pages))
	par.Do(len(pages), func(i int) {
		found[i] = append(ix.check(pages[i].Path, pages[i].Refs), dupProblems(pages[i].Path, pages[i].Dups)...)
	})
	problems := slices.Concat(found...)
	sort.Slice(problems, func(i, j int) bool { return problems[i].String() < problems[j].String() })
	return problems
}

// Index knows the files of a site and the element ids of its pages, so that
// one page can be checked again without reading the others.
type Index struct {
	base   string // the path the site is published at, which 404.html's links start with
	exists map[string]bool
	ids    map[string][]string
}

// NewIndex indexes scanned pages of a site whose files are at paths,
// published at the path base.
func NewIndex(base string, paths []string, pages []Page) *Index { return newIndex(base, paths, pages) }

func newIndex(base string, paths []string, pages []Page) *Index {
	ix := &Index{base: base, exists: make(map[string]bool, len(paths)), ids: map[string][]string{}}
	for _, p := range paths {
		ix.exists[p] = true
	}
	for _, pg := range pages {
		if pg.IDs != nil {
			ix.ids[pg.Path] = pg.IDs
		}
	}
	return ix
}

// CheckPage checks the links of one page, as data, against the index; the
// page's own ids are taken from data.
func (ix *Index) CheckPage(page string, data []byte) []Problem {
	ids, refs := new(Scanner).scan(data)
	ids, dups := compact(ids)
	saved := ix.ids[page]
	ix.ids[page] = ids
	defer func() { ix.ids[page] = saved }()
	return append(ix.check(page, refs), dupProblems(page, dups)...)
}

// dupProblems reports each id that stands on page more than once.
func dupProblems(page string, dups []string) []Problem {
	var out []Problem
	for _, id := range dups {
		out = append(out, Problem{Page: page, Msg: fmt.Sprintf("the id %q stands on the page more than once", id)})
	}
	return out
}

func (ix *Index) check(page string, refs []string) []Problem {
	var problems []Problem
	for _, ref := range refs {
		if msg := check(page, ref, ix.base, ix.exists, ix.ids); msg != "" {
			problems = append(problems, Problem{Page: page, Link: ref, Msg: msg})
		}
	}
	return problems
}

// scan collects the element ids of a page, every one as often as it stands,
// and its href and src values, in order.
func (sc *Scanner) scan(data []byte) (ids []string, refs []string) {
	// The lexer lowercases names where they are, so it reads a copy.
	buf := bufs.Get().(*[]byte)
	*buf = append((*buf)[:0], data...)
	ids = []string{}
	sc.lex(*buf, &ids, &refs)
	bufs.Put(buf)
	return ids, refs
}

var bufs = sync.Pool{New: func() any { return new([]byte) }}

// lex adds the ids and links of the HTML in data. The lexer hands over an
// inline <svg> or <math> element whole, so lex reads it again as the element
// that it is, under another name.
func (sc *Scanner) lex(data []byte, ids, refs *[]string) {
	l := html.NewLexer(parse.NewInputBytes(data))
	for {
		tt, token := l.Next()
		switch tt {
		case html.ErrorToken:
			return
		case html.AttributeToken:
			switch string(l.AttrKey()) {
			case "id":
				*ids = append(*ids, sc.attr(l.AttrVal()))
			case "href", "src":
				*refs = append(*refs, sc.attr(l.AttrVal()))
			}
		case html.SVGToken, html.MathToken, html.XMLToken:
			name := bytes.IndexAny(token, " \t\n\r\f/>")
			if name < 0 {
				continue
			}
			sc.lex(append([]byte("<x"), token[name:]...), ids, refs)
		}
	}
}

// attr is an attribute's value as the browser reads it: unquoted, with
// character references decoded.
func (sc *Scanner) attr(v []byte) string {
	if n := len(v); n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n-1] == v[0] {
		v = v[1 : n-1]
	}
	if bytes.IndexByte(v, '&') >= 0 {
		return sc.intern([]byte(stdhtml.UnescapeString(string(v))))
	}
	return sc.intern(v)
}

// hasID reports whether the sorted ids hold id.
func hasID(ids []string, id string) bool {
	_, found := slices.BinarySearch(ids, id)
	return found
}

func check(page, ref, base string, exists map[string]bool, ids map[string][]string) string {
	refPath, fragment, ok := splitRef(ref)
	if !ok {
		u, err := url.Parse(ref)
		if err != nil {
			return "not a URL: " + err.Error()
		}
		if u.Scheme != "" || u.Host != "" {
			return "" // external: not ours to check
		}
		refPath, fragment = u.Path, u.Fragment
	}
	target := page
	if refPath != "" {
		if strings.HasPrefix(refPath, "/") {
			if page != "404.html" { // a server returns 404.html at any depth
				return "root-relative link: it fails from file://"
			}
			if !strings.HasPrefix(refPath, base) {
				return "outside the site's path " + base
			}
			target = strings.TrimPrefix(refPath, base)
		} else {
			target = path.Join(path.Dir(page), refPath)
		}
		if strings.HasSuffix(refPath, "/") || target == "." {
			return "names a directory, not a file: it fails from file://"
		}
		if strings.HasPrefix(target, "../") || !exists[target] {
			return "no such file " + target
		}
	}
	if fragment != "" && strings.HasSuffix(target, ".html") && !hasID(ids[target], fragment) {
		return fmt.Sprintf("no element with id %q in %s", fragment, target)
	}
	return ""
}

// splitRef splits a plain relative reference, such as "../formats/jef.html#history",
// into its path and fragment, as url.Parse would, without url.Parse's
// allocations: a build checks some hundred thousand of them. ok is false
// for anything that url.Parse must read: a scheme or host, a query,
// percent-escapes, or bytes it may reject.
func splitRef(ref string) (refPath, fragment string, ok bool) {
	if strings.HasPrefix(ref, "//") {
		return "", "", false
	}
	for i := range len(ref) {
		switch c := ref[i]; {
		case c <= ' ' || c >= 0x7f, c == ':', c == '?', c == '%', c == '\\':
			return "", "", false
		}
	}
	refPath, fragment, _ = strings.Cut(ref, "#")
	return refPath, fragment, true
}
