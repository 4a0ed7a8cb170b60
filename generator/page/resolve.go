package page

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"formatlas/generator/diag"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
)

// siteResolver resolves the cross-references of a document of the page at
// from, to the site's pages.
type siteResolver struct {
	s      *site.Site
	from   string
	static map[string]string // each file of static/ by its path there, to its path in the output
}

// printResolver resolves the cross-references of a document of the page at
// from that is rendered into the print edition, to anchors on that page; the
// document's own headings' ids have prefix.
type printResolver struct {
	s      *site.Site
	from   string
	prefix string
	static map[string]string
}

func (r printResolver) Resolve(scheme, target string) (string, string) {
	if scheme == "static" {
		return resolveStatic(r.static, view.PrintPath, target)
	}
	id, anchor, hasAnchor := strings.Cut(target, "#")
	return r.resolveInPage(scheme, id, anchor, hasAnchor)
}

func (r siteResolver) Resolve(scheme, target string) (string, string) {
	if scheme == "static" {
		return resolveStatic(r.static, r.from, target)
	}
	id, anchor, hasAnchor := strings.Cut(target, "#")
	var path string
	switch scheme {
	case "format":
		f := r.s.Format(id)
		if f == nil {
			return "", unknown("format", id, ids(r.s.Formats, func(f *site.Format) string { return f.ID }))
		}
		path = view.FormatPath(f)
	case "country":
		c := r.s.Country(id)
		if c == nil {
			return "", unknown("country", id, ids(r.s.Countries, func(c *site.Country) string { return c.Code }))
		}
		path = view.CountryPath(c)
	case "source":
		src := r.s.Source(id)
		if src == nil {
			return "", unknown("source", id, ids(r.s.Sources, func(s *site.Source) string { return s.ID }))
		}
		if hasAnchor {
			return "", fmt.Sprintf("source link %q cannot name an anchor: sources are entries of the bibliography", "source:"+target)
		}
		return view.RootOf(r.from) + view.SourcesPath + "#" + view.SourceAnchor(src), ""
	case "lesson":
		l := r.s.Lesson(id)
		if l == nil {
			return "", unknown("lesson", id, ids(r.s.Lessons, func(l *site.Lesson) string { return l.ID }))
		}
		path = view.LessonPath(l)
	case "page":
		pg := r.s.Page(id)
		if pg == nil {
			return "", unknown("page", id, ids(r.s.Pages, func(p *site.Page) string { return p.Slug }))
		}
		path = view.PagePath(pg)
	default: // a scheme whose records this site does not have yet
		return "", unknown(scheme, id, nil)
	}
	href := view.RelURL(r.from, path)
	if hasAnchor {
		href += "#" + anchor
	}
	return href, ""
}

// Rebase turns a plain link of a document written for the page at from,
// a path relative to it or a #fragment of its own, into one that works on
// the print edition, where its headings' ids have the prefix and the page
// sits at the root.
func (r printResolver) Rebase(href string) string {
	if frag, ok := strings.CutPrefix(href, "#"); ok {
		return "#" + r.prefix + frag
	}
	p, frag, hasFrag := strings.Cut(href, "#")
	out := view.RelURL(view.PrintPath, path.Join(path.Dir(r.from), p))
	if hasFrag {
		out += "#" + frag
	}
	return out
}

// resolveStatic resolves static:<path>, a file of static/, relative to the
// page at from.
func resolveStatic(static map[string]string, from, name string) (string, string) {
	if strings.ContainsAny(name, "#?") {
		return "", fmt.Sprintf("static:%s names a file of static/, with no #anchor or ?query", name)
	}
	out, ok := static[name]
	if !ok {
		return "", unknown("file in static/", name, sortedKeys(static))
	}
	return view.RelURL(from, out), ""
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func unknown(kind, id string, candidates []string) string {
	return fmt.Sprintf("unknown %s %q", kind, id) + diag.DidYouMean(id, candidates)
}

func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

// resolveInPage resolves a cross-reference of the print edition to an anchor
// on the page: the thing's own anchor, or a section of it ("f-jef-history").
// The targets were checked when the site's own pages were planned.
func (r printResolver) resolveInPage(scheme, id, anchor string, hasAnchor bool) (string, string) {
	var base string
	switch scheme {
	case "format":
		if f := r.s.Format(id); f != nil {
			base = view.FormatAnchor(f)
		}
	case "country":
		if c := r.s.Country(id); c != nil {
			base = view.CountryAnchor(c)
		}
	case "lesson":
		if l := r.s.Lesson(id); l != nil {
			base = view.LessonAnchor(l)
		}
	case "source":
		if src := r.s.Source(id); src != nil {
			return "#" + view.SourceAnchor(src), ""
		}
	case "page":
		if pg := r.s.Page(id); pg != nil {
			return view.PagePath(pg), "" // free pages are not in the print edition
		}
	}
	if base == "" {
		return "", unknown(scheme, id, nil)
	}
	if hasAnchor {
		return "#" + view.ArticlePrefix(base) + anchor, ""
	}
	return "#" + base, ""
}
