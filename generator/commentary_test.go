package generator_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"formatlas/generator"
)

// TestCommentaryImagesAndLinks: an image of static/ and plain links in a
// commentary work on the format's page and in the print edition, each
// written relative to the page it stands on, and the link check agrees.
func TestCommentaryImagesAndLinks(t *testing.T) {
	fsys := fixtureFS(t, "site-small")
	fsys["static/img/map.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`)}
	md := fsys["content/formats/jef.md"]
	fsys["content/formats/jef.md"] = &fstest.MapFile{Data: append(append([]byte{}, md.Data...),
		"\n## Where\n\n![A map](static:img/map.svg) and [the style](static:style.css), [NB](nb.html), [up](#where).\n"...)}
	r, err := generator.Check(fsys, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range r.Files {
		files[f.Path] = string(f.Data)
	}
	var style string
	for p := range files {
		if strings.HasPrefix(p, "assets/style.") {
			style = p
		}
	}
	for _, tc := range []struct{ page, want string }{
		{"formats/jef.html", `<img src="../img/map.svg" alt="A map">`},
		{"formats/jef.html", `<a href="../` + style + `">the style</a>`},
		{"formats/jef.html", `<a href="nb.html">NB</a>`},
		{"formats/jef.html", `<a href="#where">up</a>`},
		{"print.html", `<img src="img/map.svg" alt="A map">`},
		{"print.html", `<a href="` + style + `">the style</a>`},
		{"print.html", `<a href="formats/nb.html">NB</a>`},
		{"print.html", `<a href="#f-jef_where">up</a>`},
		{"print.html", `id="f-jef_where"`},
	} {
		if !strings.Contains(files[tc.page], tc.want) {
			t.Errorf("%s lacks %s", tc.page, tc.want)
		}
	}
	if files["img/map.svg"] == "" {
		t.Error("the image is not in the output")
	}
}
