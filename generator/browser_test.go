package generator_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"formatlas/generator"
)

// chromium finds the browser, or skips the test: except under CI, where a
// missing browser is a failure, so CI never passes without running these.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is missing and CI is set: install it (apt-get install -y chromium)")
	}
	t.Skip("Chromium is missing: apt-get install -y chromium to run the browser tests")
	return ""
}

// browser starts a headless Chromium with the flags this machine needs.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// TestBrowserNavigation builds the real site and walks it in Chromium, from
// disk (file://) and over HTTP: styled pages, and links from the home page to a
// format, a country and the matrix.
func TestBrowserNavigation(t *testing.T) {
	ctx := browser(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(realFS(t), out); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	for name, base := range map[string]string{"file": "file://" + filepath.ToSlash(out) + "/", "http": srv.URL + "/"} {
		t.Run(name, func(t *testing.T) {
			walk(t, ctx, base)
		})
	}
}

func walk(t *testing.T, ctx context.Context, base string) {
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}

	do("home", chromedp.Navigate(base+"index.html"))
	h1 := text("h1")
	bg := eval(`getComputedStyle(document.querySelector("header.site")).backgroundColor`)
	if h1 == "" || bg != "rgb(243, 246, 249)" {
		t.Errorf("home: h1 %q, header background %q: the stylesheet did not load", h1, bg)
	}

	do("to a format", chromedp.Click(`a[href="formats/jef.html"]`, chromedp.NodeVisible), chromedp.WaitVisible(`#members`))
	if h1, url := text("h1"), eval("location.href"); !strings.HasPrefix(h1, "Joint Expeditionary Force") || !strings.HasSuffix(url, "/formats/jef.html") {
		t.Errorf("format page: h1 %q at %s", h1, url)
	}
	if hl := eval(`getComputedStyle(document.querySelector("#members h3")).color`); hl == "rgb(0, 0, 0)" {
		t.Errorf("format page: role headings are unstyled")
	}

	do("to a country", chromedp.Click(`#members a[href="../countries/fin.html"]`, chromedp.NodeVisible), chromedp.WaitVisible(`#formats`))
	if h1 := text("h1"); !strings.HasPrefix(h1, "Finland") {
		t.Errorf("country page: h1 %q", h1)
	}

	do("to the matrix", chromedp.Click(`nav a[href="../matrix.html"]`, chromedp.NodeVisible), chromedp.WaitVisible(`table.matrix`))
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("table.matrix tbody tr").length`))
	if err != nil {
		t.Fatal(err)
	}
	sticky := eval(`getComputedStyle(document.querySelector("table.matrix thead th")).position`)
	if rows < 40 || sticky != "sticky" {
		t.Errorf("matrix: %d rows, header position %q", rows, sticky)
	}
}
