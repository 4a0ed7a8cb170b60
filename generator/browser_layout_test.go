package generator_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"formatlas/generator"
)

// TestBrowserLayoutShift measures, with a PerformanceObserver, how far the
// home page and the matrix shift as they load from file:// at 390×844 and
// 1366×900: the search box and the matrix's controls have their place in
// the page before any script runs, so the cumulative layout shift stays
// under 0.02.
func TestBrowserLayoutShift(t *testing.T) {
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("-short: the browser runs only when CI is set")
	}
	ctx := browser(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(realFS(t), out, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	base := "file://" + filepath.ToSlash(out) + "/"
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	w := watch(t, tab, base)
	for _, size := range [][2]int64{{390, 844}, {1366, 900}} {
		for _, p := range []string{"index.html", "matrix.html", "maps.html"} {
			do(t, tab, p, chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(base+p))
			cls := eval[float64](t, tab, `new Promise(done => { let cls = 0;
				new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value; })
					.observe({type: "layout-shift", buffered: true});
				setTimeout(() => done(cls), 600); })`)
			if cls >= 0.02 {
				t.Errorf("%s at %d px: cumulative layout shift %.3f, want under 0.02", p, size[0], cls)
			}
			t.Logf("%s at %d px: CLS %.4f", p, size[0], cls)
			for _, problem := range w.take() {
				t.Errorf("%s: %s", p, problem)
			}
		}
	}
}
