package generator_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"formatlas/generator"
)

// TestBrowserTime opens the time fixture, which has a snapshot, over
// file://: the header's date leads to changes.html by keyboard; a format's
// and a country's page say how their memberships stood at the snapshot;
// changes.html lists the changes by format and by country. It saves
// screenshots of the three pages at 390 and 1366 px.
func TestBrowserTime(t *testing.T) {
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("-short: the browser runs only when CI is set")
	}
	ctx := browser(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(fixtureFS(t, "site-time"), out, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	base := "file://" + filepath.ToSlash(out) + "/"
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	w := watch(t, tab, base)
	text := func(sel string) string {
		return eval[string](t, tab, `(document.querySelector(`+jsString(sel)+`) || {textContent: ""}).textContent`)
	}

	do(t, tab, "format page", chromedp.Navigate(base+"formats/nato.html"), chromedp.WaitVisible(`#snapshots`))
	if got := text("header.site .as-of"); got != "As of 1 December 2026" {
		t.Errorf("header date %q", got)
	}
	lines := text("#snapshots")
	for _, want := range []string{"February 2021 (16 February 2021): Finland: not a member; now member since 4 April 2023",
		"Sweden: not a member; now member since 7 March 2024"} {
		if !strings.Contains(lines, want) {
			t.Errorf("formats/nato.html: then and now lacks %q in %q", want, lines)
		}
	}
	// The header's date is the first link after the brand: Tab twice past
	// the skip link and the brand, then Enter.
	do(t, tab, "focus the date", chromedp.Focus(`nav a.brand`), chromedp.KeyEvent(kb.Tab))
	if got := eval[string](t, tab, `document.activeElement.className`); got != "as-of" {
		t.Fatalf("Tab from the brand focuses %q, not the date", got)
	}
	do(t, tab, "follow the date", chromedp.KeyEvent(kb.Enter))
	arrive(t, tab, "changes.html")
	do(t, tab, "changes page", chromedp.WaitVisible(`#since-2021-02-16`))
	changes := text("#since-2021-02-16")
	for _, want := range []string{"By format", "By country", "7 March 2024: Sweden became a member",
		"7 March 2024: became a member of North Atlantic Treaty Organization", "12 July 2023: status defunct", "March 2022: founded"} {
		if !strings.Contains(changes, want) {
			t.Errorf("changes.html lacks %q", want)
		}
	}
	do(t, tab, "country page", chromedp.Navigate(base+"countries/ukr.html"), chromedp.WaitVisible(`#snapshots`))
	for _, want := range []string{"A Commission: partner [Facts for this fixture]; now the format ended on 12 July 2023",
		"A Commission's Council: the format did not exist yet; now member since 12 July 2023"} {
		if got := text("#snapshots"); !strings.Contains(got, want) {
			t.Errorf("countries/ukr.html: then and now lacks %q in %q", want, got)
		}
	}
	// The matrix links its snapshot; there Sweden holds no role yet, and
	// Norway, whose start is not dated, holds its membership.
	do(t, tab, "matrix", chromedp.Navigate(base+"matrix.html"), chromedp.Click(`a[href="matrix-2021-02-16.html"]`, chromedp.NodeVisible))
	arrive(t, tab, "matrix-2021-02-16.html")
	row := func(code string) string {
		return eval[string](t, tab, `[...document.querySelectorAll("table.matrix tbody tr")].filter(r => r.querySelector("a[href='countries/`+code+`.html']")).map(r => [...r.querySelectorAll("td:not(.total)")].map(td => td.textContent).join("|")).join()`)
	}
	if got := row("swe"); strings.Trim(got, "|") != "" {
		t.Errorf("the snapshot matrix gives Sweden roles: %q", got)
	}
	if got := row("nor"); !strings.Contains(got, "Member") {
		t.Errorf("the snapshot matrix gives Norway no membership: %q", got)
	}
	if got := text(".note"); !strings.Contains(got, "16 February 2021 (February 2021)") {
		t.Errorf("the snapshot matrix does not say its date: %q", got)
	}
	// Each role in the matrix is a link to its dates, role and sources:
	// tab along a country's row to its cell, and Enter.
	membership := func(matrix, code, anchor string, wants ...string) {
		t.Helper()
		do(t, tab, matrix, chromedp.Navigate(base+matrix), chromedp.Focus(`tbody th a[href='countries/`+code+`.html']`, chromedp.NodeVisible))
		for range 30 {
			do(t, tab, "tab", chromedp.KeyEvent(kb.Tab))
			if eval[bool](t, tab, `document.activeElement.matches("td > a") && document.activeElement.hash === "#`+anchor+`"`) {
				break
			}
		}
		if !eval[bool](t, tab, `document.activeElement.matches("td > a")`) {
			t.Fatalf("%s: Tab along %s's row reaches no link to #%s", matrix, code, anchor)
		}
		do(t, tab, "follow the cell", chromedp.KeyEvent(kb.Enter))
		arrive(t, tab, "countries/"+code+".html#"+anchor)
		got := eval[string](t, tab, `(document.querySelector(":target") || {textContent: ""}).textContent`)
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("%s: %s's cell leads to %q, which lacks %q", matrix, code, got, want)
			}
		}
		if !eval[bool](t, tab, `!!document.querySelector(":target .source a[href^='../sources.html#src-']")`) {
			t.Errorf("%s: %s's cell leads to a detail without a source linked to the bibliography", matrix, code)
		}
	}
	membership("matrix.html", "swe", "in-nato", "Member", "since 7 March 2024")
	membership("matrix-2021-02-16.html", "ukr", "then-2021-02-16-commission", "A Commission", "partner")
	for _, p := range w.take() {
		t.Error(p)
	}

	dir := filepath.Join(repoRoot, "testdata", "out", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{390, 1366} {
		for name, p := range map[string]string{"format": "formats/nato.html", "country": "countries/ukr.html", "changes": "changes.html", "matrix": "matrix-2021-02-16.html"} {
			do(t, tab, p, chromedp.EmulateViewport(width, 900), chromedp.Navigate(base+p))
			if sideways := eval[bool](t, tab, `document.documentElement.scrollWidth > innerWidth + 1`); sideways {
				t.Errorf("%s at %d px: the page scrolls sideways", p, width)
			}
			png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "time-"+name+"-"+strconv.FormatInt(width, 10)+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func jsString(s string) string { return "`" + strings.ReplaceAll(s, "`", "\\`") + "`" }
