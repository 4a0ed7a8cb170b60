package generator_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"formatlas/generator"
)

// buildOther builds testdata/site-other, a fictional atlas of another
// subject: content/ alone, with its own categories, a role the defaults
// lack, and no country status.
func buildOther(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(contentFS(t, "site-other"), out, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	return out
}

// atlasWords are the words of this atlas's subject that the generator and
// its theme must not bring to another: matched case-sensitively, as words.
var atlasWords = regexp.MustCompile(`\b(NATO|EU|Europe|European|Arts|Keil)\b`)

// TestAnotherAtlas: nothing of this atlas reaches one on another subject.
// No page, picture, JSON or CSV file of it holds the words of this one, and
// it shows its own vocabulary.
func TestAnotherAtlas(t *testing.T) {
	out := buildOther(t)
	checked := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".svg", ".json", ".csv":
		default:
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checked++
		if m := atlasWords.Find(b); m != nil {
			i := atlasWords.FindIndex(b)[0]
			t.Errorf("%s holds %q: …%s…", strings.TrimPrefix(p, out), m, b[max(0, i-60):min(len(b), i+60)])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 30 {
		t.Fatalf("only %d files checked", checked)
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if page := read("formats/fisheries.html"); !strings.Contains(page, "Associate") || !strings.Contains(page, "Convener") {
		t.Error("the format page does not use the site's roles")
	}
	if page := read("countries/index.html"); !strings.Contains(page, "<caption>Countries, their number of formats</caption>") || strings.Count(page, `<th scope="col">`) != 4 {
		t.Error("the countries index has status columns, though the site declares none")
	}
	if page := read("index.html"); !strings.Contains(page, "This fictional atlas maps") {
		t.Error("the home page lacks the site's introduction")
	}
}

// TestBrowserAnotherAtlas runs the pages of the second atlas in the browser,
// served with the site's Content-Security-Policy, with no console error, and
// axe over a page of each kind.
func TestBrowserAnotherAtlas(t *testing.T) {
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("-short: the browser runs only when CI is set")
	}
	ctx := browser(t)
	out := buildOther(t)
	csp, files := sitePolicy(t), http.FileServer(http.Dir(out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	base := srv.URL + "/"
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	w := watch(t, tab, base)
	pages := []string{"index.html", "formats/index.html", "formats/fisheries.html", "countries/index.html",
		"countries/ela.html", "matrix.html", "lessons/index.html", "lessons/small.html", "sources.html",
		"pages/about.html", "print.html", "pictures.html", "overlaps.html", "upset.html", "timeline.html", "data/index.html", "changes.html"}
	axe(t, tab, base, pages...)
	// the matrix's filters follow the site: a format, a role and a region
	// filter and the sort, and no status filter, since the site has none
	do(t, tab, "matrix", chromedp.Navigate(base+"matrix.html"), chromedp.WaitVisible(`.matrix-controls`))
	if got := eval[string](t, tab, `[...document.querySelectorAll(".matrix-controls select")].map(s => s.name).join(" ")`); got != "format role region sort" {
		t.Errorf("the matrix's selects are %q, want format, role, region and sort only", got)
	}
	// and from disk, as a reader offline opens it: every page, and search
	for _, p := range w.take() {
		t.Error(p)
	}
	file := "file://" + filepath.ToSlash(out) + "/"
	disk, cancelDisk := chromedp.NewContext(ctx)
	defer cancelDisk()
	fw := watch(t, disk, file)
	for _, p := range pages {
		do(t, disk, p, chromedp.Navigate(file+p), chromedp.WaitReady("body"))
	}
	do(t, disk, "search", chromedp.Navigate(file+"index.html"), chromedp.SendKeys(`#site-search`, "Coralia"),
		chromedp.WaitVisible(`#site-search-results a[href$="countries/cor.html"]`))
	for _, p := range fw.take() {
		t.Error(p)
	}
}
