package page

import (
	"html/template"
	"strings"
	"testing"
)

// FuzzEscapeText holds escapeText to html/template's own escaping of text.
func FuzzEscapeText(f *testing.F) {
	for _, s := range []string{"", "NATO+N", `a "b" & 'c' <d>`, "\x00x", "é\xff"} {
		f.Add(s)
	}
	t := template.Must(template.New("").Parse(`<p>{{.}}</p>`))
	f.Fuzz(func(tt *testing.T, s string) {
		var b strings.Builder
		if err := t.Execute(&b, s); err != nil {
			tt.Fatal(err)
		}
		if want := strings.TrimSuffix(strings.TrimPrefix(b.String(), "<p>"), "</p>"); escapeText(s) != want {
			tt.Fatalf("escapeText(%q) = %q, html/template gives %q", s, escapeText(s), want)
		}
	})
}
