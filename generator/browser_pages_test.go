package generator_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserHeaderAndDarkMode holds the site's header to at most 15% of a
// 390×844 screen on every page kind, and, with the reader's system asking
// for a dark scheme, checks that the pages turn dark and pass axe, its
// contrast checks included.
func TestBrowserHeaderAndDarkMode(t *testing.T) {
	ctx, out := realSiteInBrowser(t)
	base := "file://" + filepath.ToSlash(out) + "/"
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	w := watch(t, tab, base)
	for _, p := range axePages {
		do(t, tab, p, chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+p))
		if h := eval[float64](t, tab, `document.querySelector("header.site").getBoundingClientRect().height`); h > 0.15*844 {
			t.Errorf("%s at 390×844: the header is %.0f px high, %.0f%% of the screen", p, h, 100*h/844)
		}
		if over := eval[int](t, tab, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
			t.Errorf("%s at 390 px: the page scrolls sideways by %d px", p, over)
		}
	}
	for _, problem := range w.take() {
		t.Error(problem)
	}
	// dark, over HTTP, where axe can read the stylesheets it checks contrast by
	srv := policyServer(t, out)
	dtab, dcancel := chromedp.NewContext(ctx)
	defer dcancel()
	dw := watch(t, dtab, srv.URL+"/")
	dark := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
		return err
	})
	do(t, dtab, "dark", chromedp.EmulateViewport(1366, 900), dark, chromedp.Navigate(srv.URL+"/index.html"))
	// the ground's luminance, from the page's computed background
	lum := eval[float64](t, dtab, `(() => { const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g).map(Number);
		return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; })()`)
	if lum > 0.2 {
		t.Errorf("with a dark scheme asked for, the page's ground has luminance %.2f", lum)
	}
	for _, problem := range dw.take() {
		t.Error(problem)
	}
	axe(t, dtab, srv.URL+"/")
}
