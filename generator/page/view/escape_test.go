package view

import (
	"html/template"
	"strings"
	"testing"
)

// FuzzEscapeText holds EscapeText to html/template's own escaping of text
// and of a quoted attribute's value.
func FuzzEscapeText(f *testing.F) {
	for _, s := range []string{"", "NATO+N", `a "b" & 'c' <d>`, "\x00x", "é\xff"} {
		f.Add(s)
	}
	text := template.Must(template.New("").Parse(`<p>{{.}}</p>`))
	attr := template.Must(template.New("").Parse(`<p title="{{.}}"></p>`))
	f.Fuzz(func(tt *testing.T, s string) {
		for _, c := range []struct {
			t          *template.Template
			pre, after string
		}{{text, "<p>", "</p>"}, {attr, `<p title="`, `"></p>`}} {
			var b strings.Builder
			if err := c.t.Execute(&b, s); err != nil {
				tt.Fatal(err)
			}
			if want := strings.TrimSuffix(strings.TrimPrefix(b.String(), c.pre), c.after); EscapeText(s) != want {
				tt.Fatalf("EscapeText(%q) = %q, html/template gives %q after %s", s, EscapeText(s), want, c.pre)
			}
		}
	})
}
