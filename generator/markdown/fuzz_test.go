package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzCrossReferences converts arbitrary Markdown. Conversion must never
// panic; every problem and every recorded link must sit at a line and column
// inside the source; unresolved references must not reach the HTML.
func FuzzCrossReferences(f *testing.F) {
	f.Add("See [JEF](format:jef) and [x](format:nope#a).\n")
	f.Add("[a](country:FIN)[b](country:)[c](source:)[](format:jef#history)\n\n[^1]\n")
	f.Add("```\n[x](format:nope)\n```\n[^x]: def\n\n* [y](page:z \"title\")\n")
	f.Add("<https://example.org> [ref][r]\n\n[r]: format:nope\n")
	f.Add("\ufeff# h\r\n\r\n[l](format:jef)\r\n")
	c := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		r := c.Convert(Doc{Path: "f.md", Source: []byte(src), Resolver: fakeResolver{}})
		lines := strings.Count(src, "\n") + 1
		for _, e := range r.Errs {
			if e.Pos.Path != "f.md" || e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Fatalf("problem placed outside the source (%d lines): %v", lines, e)
			}
		}
		for _, l := range r.Links {
			if l.Pos.Line < 1 || l.Pos.Line > lines || l.Pos.Col < 1 {
				t.Fatalf("link placed outside the source: %+v", l)
			}
		}
		if bytes.Contains(r.HTML, []byte(`href="format:`)) || bytes.Contains(r.HTML, []byte(`href="country:`)) {
			t.Fatalf("an unresolved cross-reference reached the HTML:\n%s", r.HTML)
		}
	})
}

// FuzzCollapseSpace holds collapseSpace to what it stands for.
func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"", "  a  b ", "a\u00a0\u2003b\n\tc", "\xff x \xfe", "é  ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
