package generator_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"formatlas/generator"
	"formatlas/static"
	"formatlas/templates"
)

// contentFS is testdata/<name>/content alone: a site directory with no
// theme of its own.
func contentFS(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	copyTree(t, m, os.DirFS(path.Join(repoRoot, "testdata", name)), "content")
	return m
}

// TestEmbeddedTheme builds a site directory holding only content/ with the
// theme embedded in the binary, and the same site with one partial and one
// stylesheet of its own: those replace or add to the theme, and the rest
// comes from it.
func TestEmbeddedTheme(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(contentFS(t, "site-small"), out, generator.Options{}); err != nil {
		t.Fatalf("a site of content alone: %v", err)
	}
	plain, err := os.ReadFile(filepath.Join(out, "formats", "jef.html"))
	if err != nil {
		t.Fatal(err)
	}

	fsys := contentFS(t, "site-small")
	footer, err := fs.ReadFile(templates.FS, "partials/footer.html")
	if err != nil {
		t.Fatal(err)
	}
	fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: bytes.Replace(footer, []byte("<footer"), []byte("<p>The site's own footer.</p>\n<footer"), 1)}
	fsys["static/site.css"] = &fstest.MapFile{Data: []byte("body { letter-spacing: .01em; }\n")}
	out2 := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(fsys, out2, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out2, "formats", "jef.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("<p>The site's own footer.</p>")) {
		t.Error("the site's partial does not replace the theme's")
	}
	siteCSS := regexp.MustCompile(`<link rel="stylesheet" href="\.\./(assets/site\.[0-9a-f]{8}\.css)">`).FindSubmatch(page)
	if siteCSS == nil {
		t.Fatalf("the page does not link the site's stylesheet:\n%s", page)
	}
	if got, err := os.ReadFile(filepath.Join(out2, string(siteCSS[1]))); err != nil || !strings.Contains(string(got), "letter-spacing") {
		t.Errorf("%s: %q, %v", siteCSS[1], got, err)
	}
	// Everything else is the theme's: the page differs from the plain build
	// only by the footer line and the stylesheet's link.
	stripped := regexp.MustCompile(`<p>The site's own footer.</p>\n|\n<link rel="stylesheet" href="\.\./assets/site\.[0-9a-f]{8}\.css">`).ReplaceAll(page, nil)
	if !bytes.Equal(stripped, plain) {
		t.Errorf("the page differs from the theme's beyond the override:\n%s", lineDiff(string(plain), string(stripped)))
	}
	style, err := fs.ReadFile(static.FS, "style.css")
	if err != nil {
		t.Fatal(err)
	}
	css, _ := filepath.Glob(filepath.Join(out2, "assets", "style.*.css"))
	if len(css) != 1 {
		t.Fatalf("assets/style.*.css: %v", css)
	}
	if got, _ := os.ReadFile(css[0]); !bytes.Equal(got, style) {
		t.Error("the stylesheet is not the embedded theme's")
	}
	if _, err := os.Stat(filepath.Join(out2, "embed.go")); err == nil {
		t.Error("the theme's embed.go was published")
	}
}

// TestThemeEmbedsEveryFile: every file of templates/ and static/ on disk, but
// the Go file that embeds them, is in the embedded theme, so that a pattern
// in an embed line cannot leave one out.
func TestThemeEmbedsEveryFile(t *testing.T) {
	for dir, embedded := range map[string]fs.FS{"templates": templates.FS, "static": static.FS} {
		disk := os.DirFS(path.Join(repoRoot, dir))
		err := fs.WalkDir(disk, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || p == "embed.go" {
				return err
			}
			want, _ := fs.ReadFile(disk, p)
			if got, err := fs.ReadFile(embedded, p); err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s/%s is not embedded as it is on disk (%v)", dir, p, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
