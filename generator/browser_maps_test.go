package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// mapPages are the real site's pages with maps of each kind: a format's in
// the Europe view and in the world view, countries small and large, and
// the map pages of today and of the paper's snapshot.
var mapPages = []string{"formats/jef.html", "formats/eapc.html", "formats/md.html", "countries/mlt.html",
	"countries/fin.html", "maps.html", "maps-2021-02-16.html"}

// TestBrowserMaps opens the pages with maps over file:// and over HTTP
// under the site's Content-Security-Policy, at 390×844 and 1366×900: no
// console error, no request leaving the site, every background picture
// loaded, every country shape named by code and title, no map text under
// 11 CSS px, no sideways scroll, at most 20 KB of map on a format page,
// and no axe finding. It saves screenshots of each page at both sizes.
func TestBrowserMaps(t *testing.T) {
	ctx, out := realSiteInBrowser(t)
	srv := policyServer(t, out)
	shots := filepath.Join(repoRoot, "testdata", "out", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct{ name, base string }{
		{"file", "file://" + filepath.ToSlash(out) + "/"},
		{"http", srv.URL + "/"},
	} {
		t.Run(mode.name, func(t *testing.T) {
			tab, cancel := chromedp.NewContext(ctx)
			defer cancel()
			w := watch(t, tab, mode.base)
			for _, width := range []int64{390, 1366} {
				height := map[int64]int64{390: 844, 1366: 900}[width]
				for _, p := range mapPages {
					do(t, tab, p, chromedp.EmulateViewport(width, height), chromedp.Navigate(mode.base+p))
					checkMaps(t, tab, p, width)
					for _, problem := range w.take() {
						t.Errorf("%s at %d px: %s", p, width, problem)
					}
					if mode.name == "file" {
						png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
						if err != nil {
							t.Fatal(err)
						}
						name := "maps-" + strings.TrimSuffix(filepath.Base(p), ".html") + "-" + strconv.FormatInt(width, 10) + ".png"
						if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
			if mode.name == "http" {
				t.Run("axe", func(t *testing.T) { axe(t, tab, mode.base, mapPages...) })
			}
		})
	}
}

// checkMaps checks the maps of the page open in tab, at width.
func checkMaps(t *testing.T, tab context.Context, p string, width int64) {
	t.Helper()
	maps := eval[int](t, tab, `document.querySelectorAll("svg.map").length`)
	if maps == 0 {
		t.Fatalf("%s: no map", p)
	}
	loaded := eval[[]bool](t, tab, `Promise.all([...document.querySelectorAll("svg.map image")].map(i => new Promise(done => {
		const im = new Image(); im.onload = () => done(im.naturalWidth > 0); im.onerror = () => done(false);
		im.src = new URL(i.getAttribute("href"), location.href).href; })))`)
	if len(loaded) != maps {
		t.Errorf("%s: %d maps, %d backgrounds", p, maps, len(loaded))
	}
	for i, ok := range loaded {
		if !ok {
			t.Errorf("%s: background of map %d did not load", p, i)
		}
	}
	unnamed := eval[[]string](t, tab, `[...document.querySelectorAll("svg.map [data-code]")].filter(a =>
		!/^[A-Z]{3}$/.test(a.dataset.code) || !a.querySelector(":scope > title") || !a.querySelector(":scope > title").textContent.includes(": ")).map(a => a.outerHTML.slice(0, 80))`)
	for _, u := range unnamed {
		t.Errorf("%s: a shape without a code or a title: %s", p, u)
	}
	if n := eval[int](t, tab, `document.querySelectorAll("svg.map [data-code]").length`); n == 0 {
		t.Errorf("%s: no country on the map", p)
	}
	small := eval[[]string](t, tab, `[...document.querySelectorAll("svg.map text, figure.map-figure text")].filter(el => el.getBoundingClientRect().width > 0).map(el => {
		const m = el.getScreenCTM(); return [el.textContent, parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b)]; })
		.filter(([, px]) => px < 11).map(([s, px]) => s + " at " + px.toFixed(1) + " px")`)
	if width == 390 {
		for _, s := range small {
			t.Errorf("%s at 390 px: SVG text %s", p, s)
		}
	}
	if over := eval[int](t, tab, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
		t.Errorf("%s at %d px: the page scrolls sideways by %d px", p, width, over)
	}
	if strings.HasPrefix(p, "formats/") {
		if size := eval[int](t, tab, `document.querySelector("figure.map-figure").outerHTML.length`); size > 20*1024 {
			t.Errorf("%s: its map adds %d bytes, more than 20 KB", p, size)
		}
	}
}
