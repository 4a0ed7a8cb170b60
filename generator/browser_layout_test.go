package generator_test

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserLayoutShift measures, with a PerformanceObserver, how far the
// home page, the matrix and the map page shift as they load from file://
// at 390×844 and 1366×900: the search box and the matrix's controls have
// their place in the page before any script runs, so the cumulative layout
// shift stays under 0.02. At both sizes, no page of any kind scrolls
// sideways.
func TestBrowserLayoutShift(t *testing.T) {
	ctx, out := realSiteInBrowser(t)
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
		// and no page kind scrolls sideways
		for _, p := range append(axePages, mapPages...) {
			do(t, tab, p, chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(base+p))
			if over := eval[int](t, tab, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
				t.Errorf("%s at %d px: the page scrolls sideways by %d px", p, size[0], over)
			}
			for _, problem := range w.take() {
				t.Errorf("%s: %s", p, problem)
			}
		}
	}
}

// TestBrowserPicturesOnAPhone opens the pictures at 390×844 over file://:
// each is drawn at its own size, in a frame that scrolls, so that no SVG
// text is under 11 CSS px and the page itself does not scroll sideways.
func TestBrowserPicturesOnAPhone(t *testing.T) {
	ctx, out := realSiteInBrowser(t)
	base := "file://" + filepath.ToSlash(out) + "/"
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	w := watch(t, tab, base)
	for _, p := range []string{"overlaps.html", "upset.html", "timeline.html", "formats/jef.html", "formats/eapc.html"} {
		do(t, tab, p, chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+p))
		// the pictures set their text's size on the svg or the text itself
		small := eval[[]string](t, tab, `[...document.querySelectorAll("svg")].flatMap(svg => {
			const m = svg.getScreenCTM(); if (!m) return [];
			const scale = Math.hypot(m.a, m.b), base = parseFloat(svg.getAttribute("font-size") || "16");
			return [...svg.querySelectorAll("text")].map(el => [el.textContent, parseFloat(el.getAttribute("font-size") || base) * scale]);
		}).filter(([, px]) => px < 10.95).slice(0, 5).map(([s, px]) => s + " at " + px.toFixed(1) + " px")`)
		for _, s := range small {
			t.Errorf("%s at 390 px: SVG text %s", p, s)
		}
		if n := eval[int](t, tab, `document.querySelectorAll("svg text").length`); n == 0 {
			t.Errorf("%s: no SVG text to measure", p)
		}
		if over := eval[int](t, tab, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
			t.Errorf("%s at 390 px: the page scrolls sideways by %d px", p, over)
		}
		for _, problem := range w.take() {
			t.Errorf("%s: %s", p, problem)
		}
	}
}
