package markdown

import (
	"regexp"
	"strings"
	"testing"
)

// TestLinkSchemes holds what a link's and an image's destination may be.
func TestLinkSchemes(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string // a part of the one problem, or "" for none
	}{
		{"[a](format:jef)", ""},
		{"[a](country:FIN)", ""},
		{"[a](https://example.org/)", ""},
		{"[a](HTTP://example.org/)", ""},
		{"[a](mailto:x@example.org)", ""},
		{"[a](tel:+4412345)", ""},
		{"[a](jef.html)", ""},
		{"[a](#top)", ""},
		{"[a](../countries/fin.html)", ""},
		{"[a](contry:FIN)", `unknown link scheme "contry" in "contry:FIN" (did you mean country:?)`},
		{"[a](Country:FIN)", "(did you mean country:?)"},
		{"[a](formats:jef)", "(did you mean format:?)"},
		{"[a](pages:about)", "(did you mean page:?)"},
		{"[a](Static:x.svg)", "(did you mean static:?)"},
		{"[a](javascript:alert(1))", `unknown link scheme "javascript"`},
		{"[a](vbscript:x)", `unknown link scheme "vbscript"`},
		{"[a](data:text/html,x)", `unknown link scheme "data"`},
		{"[a](ftp://example.org/)", `unknown link scheme "ftp"`},
		{"<format:jef>", "a cross-reference needs link text: write [text](format:jef)"},
		{"<contry:FIN>", "(did you mean country:?)"},
		{"<https://example.org/>", ""},
		{"www.example.org", ""},
		{"<x@example.org>", ""},
		{"![m](static:img/map.svg)", ""},
		{"![m](https://example.org/m.png)", "is not a file of the site"},
		{"![m](//example.org/m.png)", "is not a file of the site"},
		{"![m](data:image/png;base64,AA)", "is not a file of the site"},
		{"![m](img/m.png)", "write static:img/m.png"},
		{"![m](../../static/img/m.png)", "write static:img/m.png"},
		{"![m](format:jef)", "an image is a file of static/"},
		{"![m]()", "image without a source"},
	} {
		r := New(Options{}).Convert(Doc{Path: "x.md", Source: []byte(tc.src), Resolver: staticResolver{}})
		got := ""
		if len(r.Errs) > 0 {
			got = r.Errs[0].Msg
		}
		if len(r.Errs) > 1 || tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("%s: problems %v, want %q", tc.src, r.Errs, tc.want)
		}
	}
}

// staticResolver is fakeResolver that also knows every static: file, at the
// root of a site whose pages are one level down.
type staticResolver struct{ fakeResolver }

func (r staticResolver) Resolve(scheme, target string) (string, string) {
	if scheme == "static" {
		return "../" + target, ""
	}
	return r.fakeResolver.Resolve(scheme, target)
}

var attrRE = regexp.MustCompile(`(href|src)="([^"]*)"`)

// FuzzLinkDestinations converts a link, an image and an autolink to any
// destination. Whatever it is, a document that converts without problems
// has images only from static/, and links only into the site or by a
// scheme of ExternalSchemes.
func FuzzLinkDestinations(f *testing.F) {
	for _, seed := range []string{"format:jef", "static:a.svg", "https://x.org/", "javascript:x", "//x.org/a.png",
		"img/a.png", "#top", "Country:FIN", "jef.html#history", "data:x", "HTTPS://X", " java\tscript:x", "%6A%61va:x"} {
		f.Add(seed)
	}
	c := New(Options{})
	f.Fuzz(func(t *testing.T, dest string) {
		dest = strings.NewReplacer("\n", " ", "<", "", ">", "").Replace(dest)
		src := "[a](<" + dest + ">) ![b](<" + dest + ">) <" + dest + ">\n"
		r := c.Convert(Doc{Path: "x.md", Source: []byte(src), Resolver: staticResolver{}})
		if len(r.Errs) > 0 {
			return
		}
		for _, m := range attrRE.FindAllStringSubmatch(string(r.HTML), -1) {
			v := m[2]
			scheme := strings.ToLower(uriScheme(v))
			switch {
			case m[1] == "src" && !strings.HasPrefix(v, "../"):
				t.Errorf("%q: an image from %q", dest, v)
			case m[1] == "href" && (strings.HasPrefix(v, "//") && !strings.HasPrefix(dest, "//") ||
				scheme != "" && scheme != "http" && scheme != "https" && scheme != "mailto" && scheme != "tel"):
				t.Errorf("%q: a link to %q", dest, v)
			}
		}
	})
}
