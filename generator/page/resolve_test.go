package page

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
)

// fixtureSite is the model of testdata/site-small.
func fixtureSite(t testing.TB) *site.Site {
	t.Helper()
	c, err := load.Load(os.DirFS(filepath.Join("..", "..", "testdata", "site-small")))
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Link(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// FuzzResolve resolves any cross-reference and rebases any plain link, from
// a format's page and in the print edition, with the real resolver: what it
// resolves is relative and within the site (a page's own file, an anchor on
// the page, or a file of static/ that exists), never a URL that leaves it.
func FuzzResolve(f *testing.F) {
	for _, seed := range [][2]string{{"format", "jef"}, {"format", "jef#purpose"}, {"country", "FIN"},
		{"static", "img/map.svg"}, {"static", "../../etc/passwd"}, {"static", "img/map.svg#x"}, {"source", "fixture"},
		{"page", "about"}, {"lesson", "speed#x"}, {"", "../x.html"}, {"", "#top"}, {"", "//evil.example/x"}} {
		f.Add(seed[0], seed[1])
	}
	s := fixtureSite(f)
	static := map[string]string{"img/map.svg": "img/map.svg", "style.css": "assets/style.12345678.css"}
	var _ markdown.Rebaser = printResolver{} // the print edition relies on it
	type resolver interface {
		markdown.Resolver
		Rebase(href string) string
	}
	f.Fuzz(func(t *testing.T, scheme, target string) {
		for _, r := range []resolver{
			rebaseSelf{siteResolver{s: s, from: "formats/jef.html", static: static}},
			printResolver{s: s, from: "formats/jef.html", prefix: "f-jef_", static: static},
		} {
			_, inPrint := r.(printResolver)
			if scheme == "" {
				if !isRelative(target) {
					return // the Markdown converter rebases relative links only
				}
				got := r.Rebase(target)
				if !isRelative(got) {
					t.Errorf("Rebase(%q) = %q, not relative", target, got)
				}
				continue
			}
			href, problem := r.Resolve(scheme, target)
			if problem != "" {
				continue
			}
			if !isRelative(href) || strings.Contains(href, "://") {
				t.Errorf("Resolve(%q, %q) = %q, not a relative link", scheme, target, href)
			}
			if scheme == "static" {
				file := path.Join(path.Dir(map[bool]string{true: view.PrintPath, false: "formats/jef.html"}[inPrint]), href)
				if _, ok := static[target]; !ok || static[target] != file {
					t.Errorf("Resolve(static, %q) = %q: %q is not the static file", target, href, file)
				}
			}
		}
	})
}

// isRelative reports whether href is a relative reference without a
// scheme or host, as the site's links are.
func isRelative(href string) bool {
	if strings.HasPrefix(href, "/") || strings.HasPrefix(href, `\`) {
		return false
	}
	if i := strings.IndexAny(href, ":/?#"); i >= 0 && href[i] == ':' {
		return false
	}
	return true
}

// rebaseSelf is a siteResolver with the Rebase the Markdown converter
// assumes of a Resolver that has none: the link as written.
type rebaseSelf struct{ siteResolver }

func (rebaseSelf) Rebase(href string) string { return href }
