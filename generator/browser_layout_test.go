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
		// a picture wider than the screen scrolls in its frame with its
		// labels in view, the short ones at this width
		stuck := eval[[]string](t, tab, `[...document.querySelectorAll(".viz-wrap")].filter(w => w.querySelector(".viz-sticky") && w.scrollWidth > w.clientWidth).map(w => {
			w.scrollLeft = w.scrollWidth;
			const parts = [...w.querySelectorAll(".viz-sticky")].filter(s => getComputedStyle(s).display != "none");
			const wide = parts.some(s => s.classList.contains("viz-wide")), narrow = w.querySelector(".viz-narrow");
			const off = parts.length == 1 ? Math.abs(parts[0].getBoundingClientRect().left - w.getBoundingClientRect().left) : -1;
			w.scrollLeft = 0;
			return off < 0 ? parts.length + " label parts shown" : off > 1 ? "the labels scrolled " + off.toFixed(0) + " px away" : (wide && narrow) ? "the wide labels shown" : "";
		}).filter(s => s)`)
		for _, s := range stuck {
			t.Errorf("%s at 390 px: %s", p, s)
		}
		if p == "overlaps.html" && eval[int](t, tab, `[...document.querySelectorAll(".viz-wrap")].filter(w => w.scrollWidth > w.clientWidth && w.querySelector(".viz-sticky")).length`) == 0 {
			t.Errorf("%s at 390 px: no picture scrolls with its labels in view", p)
		}
		for _, problem := range w.take() {
			t.Errorf("%s: %s", p, problem)
		}
	}
	// on a wide screen, the labels are the full names
	do(t, tab, "overlaps.html", chromedp.EmulateViewport(1366, 900), chromedp.Navigate(base+"overlaps.html"))
	if n := eval[int](t, tab, `[...document.querySelectorAll(".viz-narrow")].filter(s => getComputedStyle(s).display != "none").length`); n != 0 {
		t.Errorf("overlaps.html at 1366 px: %d pictures show their short labels", n)
	}
	if n := eval[int](t, tab, `[...document.querySelectorAll(".viz-wide")].filter(s => getComputedStyle(s).display != "none").length`); n == 0 {
		t.Errorf("overlaps.html at 1366 px: no picture shows its full labels")
	}
}
