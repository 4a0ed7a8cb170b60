package linkcheck

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	files := []File{
		{Path: "index.html", Data: []byte(`<a href="formats/a.html#members">ok</a><a href="formats/">dir</a>` +
			`<a href="missing.html">x</a><link href="style.css"><a href="https://example.org/">ext</a><a href="/abs.html">abs</a>`)},
		{Path: "formats/a.html", Data: []byte(`<h2 id="members">M</h2><a href="../index.html#nope">x</a><img src="../logo.png"><a href="#members">self</a>`)},
		{Path: "404.html", Data: []byte(`<a href="/index.html">home</a>`)},
		{Path: "style.css", Data: []byte(`body{}`)},
	}
	var got []string
	for _, p := range Check(files) {
		got = append(got, p.String())
	}
	want := []string{
		`formats/a.html: ../index.html#nope: no element with id "nope" in index.html`,
		`formats/a.html: ../logo.png: no such file logo.png`,
		`index.html: /abs.html: root-relative link: it fails from file://`,
		`index.html: formats/: names a directory, not a file: it fails from file://`,
		`index.html: missing.html: no such file missing.html`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
