package generator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"formatlas/generator"
	"formatlas/generator/export"
	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/serve"
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
	requireInCI(t, "Chromium is missing (apt-get install -y chromium)")
	return ""
}

// requireInCI skips the test with msg, or fails it when CI is set.
func requireInCI(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(msg + ", and CI is set")
	}
	t.Skip(msg)
}

// browser starts a headless Chromium with the flags this machine needs: the
// networking flags keep it from calling out to a network it does not have.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	// Start the browser and its first tab with this long-lived context: a
	// tab started by an action's shorter context would end with that action.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// watcher collects what goes wrong on a page: console errors, uncaught
// exceptions, failed requests and requests that leave the site.
type watcher struct {
	mu       sync.Mutex
	base     string
	problems []string
}

func watch(t *testing.T, ctx context.Context, base string) *watcher {
	w := &watcher{base: base}
	err := chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == "error" || ev.Type == "warning" {
				w.problems = append(w.problems, fmt.Sprintf("console %s: %s", ev.Type, argsText(ev.Args)))
			}
		case *runtime.EventExceptionThrown:
			w.problems = append(w.problems, "exception: "+ev.ExceptionDetails.Text+" "+describe(ev.ExceptionDetails.Exception))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				w.problems = append(w.problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		case *network.EventLoadingFailed:
			if !ev.Canceled {
				w.problems = append(w.problems, "failed request: "+ev.ErrorText)
			}
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if !strings.HasPrefix(u, w.base) && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "about:") {
				w.problems = append(w.problems, "request leaves the site: "+u)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a.Value != nil {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

// take returns and clears the problems seen so far.
func (w *watcher) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.problems
	w.problems = nil
	return p
}

// TestBrowser builds the real site and uses it in Chromium three ways: from
// disk (file://), over HTTP on 127.0.0.1 under the site's Content-Security-
// Policy, and unpacked from the offline zip.
//
// Under -short it runs only when CI is set, and only the HTTP mode, the one
// under the policy, opens every page, runs axe and takes screenshots; the
// others navigate, search and use the matrix.
func TestBrowser(t *testing.T) {
	ctx, out := realSiteInBrowser(t)
	files := builtFiles(t, out)
	srv := policyServer(t, out)
	unpacked := unzipOffline(t, out)

	modes := []struct {
		name, base string
		full       bool // every page, axe and screenshots too
	}{
		{"file", "file://" + filepath.ToSlash(out) + "/", !testing.Short()},
		{"http", srv.URL + "/", true},
		{"offline zip", "file://" + filepath.ToSlash(unpacked) + "/", !testing.Short()},
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			tab, cancel := chromedp.NewContext(ctx)
			defer cancel()
			w := watch(t, tab, m.base)
			if m.full {
				t.Run("every page", func(t *testing.T) { visitAll(t, tab, w, m.base, files) })
			}
			t.Run("navigation", func(t *testing.T) { navigate(t, tab, w, m.base) })
			t.Run("search", func(t *testing.T) { searchSite(t, tab, w, m.base, files) })
			t.Run("matrix", func(t *testing.T) { matrixFilters(t, tab, w, m.base) })
			// the zip holds the same files as the disk: axe and the
			// screenshots would show nothing new there
			if m.full && m.name != "offline zip" {
				t.Run("axe", func(t *testing.T) { axe(t, tab, m.base) })
				screenshots(t, tab, m.name, m.base)
			}
		})
	}
}

// policyServer serves the built site in out on 127.0.0.1 with the site's
// Content-Security-Policy (_headers): a violation shows as a console error,
// which the watcher reports. It closes when the test ends.
func policyServer(t *testing.T, out string) *httptest.Server {
	csp := sitePolicy(t)
	fileServer := http.FileServer(http.Dir(out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		fileServer.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// realSiteInBrowser starts the browser and builds the real site into a
// fresh directory, whose path it returns; under -short it skips unless CI
// is set.
func realSiteInBrowser(t *testing.T) (context.Context, string) {
	t.Helper()
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("-short: the browser runs only when CI is set")
	}
	ctx := browser(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(realFS(t), out, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	return ctx, out
}

// stepTimeout bounds each browser step, so one hang fails one step.
const stepTimeout = 30 * time.Second

// do runs actions, failing the test on error.
func do(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// arrive waits until the tab shows a loaded page whose URL contains want.
func arrive(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	arriveWhere(t, ctx, want, func(href string) bool { return strings.Contains(href, want) })
}

// arriveWhere waits until the tab shows a loaded page whose URL satisfies ok. It asks again while a navigation replaces the page's JavaScript
// context, and it does not wait for a load event, which a page restored from
// the back-forward cache never fires.
func arriveWhere(t *testing.T, ctx context.Context, want string, ok func(string) bool) {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	var last string
	for time.Now().Before(deadline) {
		c, cancel := context.WithTimeout(ctx, 2*time.Second)
		href, err := chromedp.Run(c, chromedp.Evaluate[string](`document.readyState === "complete" ? location.href : ""`))
		cancel()
		if err == nil {
			last = href
			if ok(href) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("did not arrive at %s (last at %q)", want, last)
}

// visitAll opens every HTML page and reports anything that went wrong there.
func visitAll(t *testing.T, ctx context.Context, w *watcher, base string, files []publish.File) {
	pages := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") || (f.Path == view.NotFoundPath && strings.HasPrefix(base, "file:")) {
			continue // 404.html links from the server root, which file:// does not have
		}
		do(t, ctx, f.Path, chromedp.Navigate(base+f.Path))
		if title := eval[string](t, ctx, "document.title"); title == "" {
			t.Errorf("%s: no title", f.Path)
		}
		for _, p := range w.take() {
			t.Errorf("%s: %s", f.Path, p)
		}
		pages++
	}
	if pages < 100 {
		t.Errorf("visited only %d pages", pages)
	}
}

// navigate clicks from the home page to a format, one of its member
// countries, back, and on to a lesson the format illustrates.
func navigate(t *testing.T, ctx context.Context, w *watcher, base string) {
	here := func() string { return strings.TrimPrefix(eval[string](t, ctx, "location.href"), base) }
	do(t, ctx, "home", chromedp.Navigate(base+"index.html"))
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("header.site")).backgroundColor`); bg != "rgb(243, 246, 249)" {
		t.Errorf("home: header background %q: the stylesheet did not load", bg)
	}
	do(t, ctx, "to a format", chromedp.Click(`main a[href="formats/jef.html"]`, chromedp.NodeVisible), chromedp.WaitVisible(`#members`))
	if h1 := eval[string](t, ctx, `document.querySelector("h1").textContent`); here() != "formats/jef.html" || !strings.HasPrefix(h1, "Joint Expeditionary Force") {
		t.Fatalf("format page: %q at %s", h1, here())
	}
	do(t, ctx, "to a member", chromedp.Click(`#members a[href="../countries/gbr.html"]`, chromedp.NodeVisible), chromedp.WaitVisible(`#formats`))
	if here() != "countries/gbr.html" || !strings.Contains(eval[string](t, ctx, `document.querySelector("#formats").textContent`), "Joint Expeditionary Force") {
		t.Errorf("country page %s does not list the JEF", here())
	}
	// after the evaluation returns: a navigation during it fails the step
	eval[bool](t, ctx, "setTimeout(() => history.back()), true")
	arrive(t, ctx, "formats/jef.html")
	// a page restored from the back-forward cache is clicked through the DOM
	eval[bool](t, ctx, `setTimeout(() => document.querySelector("#lessons a").click()), true`)
	arrive(t, ctx, "/lessons/")
	do(t, ctx, "lesson", chromedp.WaitVisible(`#evidence`))
	if !strings.HasPrefix(here(), "lessons/") || !strings.Contains(eval[string](t, ctx, `document.querySelector("#evidence").textContent`), "Joint Expeditionary Force") {
		t.Errorf("lesson page %s does not show the JEF as evidence", here())
	}
	do(t, ctx, "back home", chromedp.Click(`nav a.brand`, chromedp.NodeVisible))
	// Go's file server answers index.html at the directory's own URL
	arriveWhere(t, ctx, "the home page", func(h string) bool { return h == base || h == base+"index.html" })
	for _, p := range w.take() {
		t.Error(p)
	}
}

// searchSite searches by abbreviation, by a word only a commentary has, and
// without accents for a name that has them, and follows results by keyboard.
func searchSite(t *testing.T, ctx context.Context, w *watcher, base string, files []publish.File) {
	word, wordPage := commentaryOnlyWord(t, files)
	cases := []struct{ query, wantPage, wantText string }{
		{"jef", "formats/jef.html", "Joint Expeditionary Force"},
		{word, wordPage, word},
		{"Remy", "sources.html#src-bel-2019", "Rémy"},
	}
	for _, c := range cases {
		do(t, ctx, "page", chromedp.Navigate(base+"countries/index.html"), chromedp.WaitVisible(`#site-search`))
		do(t, ctx, "type "+c.query, chromedp.SendKeys(`#site-search`, c.query), chromedp.WaitVisible(`#site-search-results [role=option]`))
		first := eval[string](t, ctx, `document.querySelector("#site-search-results [role=option]").textContent`)
		if !strings.Contains(strings.ToLower(first), strings.ToLower(c.wantText)) {
			t.Errorf("search %q: first result %q lacks %q", c.query, first, c.wantText)
		}
		do(t, ctx, "choose", chromedp.SendKeys(`#site-search`, kb.ArrowDown+kb.Enter))
		arrive(t, ctx, c.wantPage)
	}
	for _, p := range w.take() {
		t.Error(p)
	}
}

// commentaryOnlyWord finds, in the built index, a word that only one format's
// commentary has: not its name, and no other entry anywhere.
func commentaryOnlyWord(t *testing.T, files []publish.File) (string, string) {
	var data []byte
	for _, f := range files {
		if f.Path == export.SearchIndexPath {
			data = f.Data
		}
	}
	var entries [][5]string
	if err := json.Unmarshal(data[bytes.IndexByte(data, '['):bytes.LastIndexByte(data, ']')+1], &entries); err != nil {
		t.Fatal(err)
	}
	wordRE := regexp.MustCompile(`[a-z]{9,}`)
	seen := map[string]int{}
	for _, e := range entries {
		for _, w := range wordRE.FindAllString(strings.ToLower(strings.Join(e[:], " ")), -1) {
			seen[w]++
		}
	}
	for _, e := range entries {
		if e[0] != "Format" {
			continue
		}
		for _, w := range wordRE.FindAllString(strings.ToLower(e[4]), -1) {
			if seen[w] == 1 {
				return w, e[3]
			}
		}
	}
	t.Fatal("no word is in one commentary only")
	return "", ""
}

// matrixFilters uses the matrix's controls and checks what they show.
func matrixFilters(t *testing.T, ctx context.Context, w *watcher, base string) {
	do(t, ctx, "matrix", chromedp.Navigate(base+"matrix.html"), chromedp.WaitVisible(`.matrix-controls`))
	visible := func(sel string) int {
		return eval[int](t, ctx, fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).filter(e => !e.hidden && e.offsetParent !== null).length`, sel))
	}
	set := func(name, value string) {
		t.Helper()
		sel := fmt.Sprintf(`form.matrix-controls [name=%q]`, name)
		do(t, ctx, name+"="+value, chromedp.SetValue(sel, value),
			chromedp.Evaluate[chromedp.Void](`document.querySelector(`+jsString(sel)+`).dispatchEvent(new Event("change", {bubbles: true}))`))
	}
	shownRows := func() string {
		return eval[string](t, ctx, `Array.from(document.querySelectorAll("table.matrix tbody tr")).filter(r => !r.hidden).map(r => r.cells[0].textContent).join("|")`)
	}
	// totalsWrong lists the columns and rows whose totals do not count what is shown
	totalsWrong := func() []string {
		return eval[[]string](t, ctx, `(() => { const t = document.querySelector("table.matrix"), out = [];
			const rows = Array.from(t.tBodies[0].rows).filter(r => !r.hidden), foot = t.tFoot.rows[0];
			const heads = Array.from(t.tHead.rows[1].querySelectorAll("th[data-format]"));
			heads.forEach((th, i) => { if (th.hidden) return;
				const n = rows.filter(r => /\br-(lead|member)\b/.test(r.cells[i + 1].className) || ["lead", "member"].includes(r.cells[i + 1].dataset.role2)).length;
				if (Number(foot.cells[i + 1].textContent) !== n) out.push(th.dataset.format + " " + foot.cells[i + 1].textContent + " != " + n); });
			rows.forEach(r => { const n = Array.from(r.cells).slice(1, -1).filter(c => !c.hidden && /\br-/.test(c.className)).length;
				if (Number(r.cells[r.cells.length - 1].textContent) !== n) out.push(r.cells[0].textContent + " " + r.cells[r.cells.length - 1].textContent + " != " + n); });
			return out; })()`)
	}
	rows, cols := visible("table.matrix tbody tr"), visible("table.matrix thead tr:nth-child(2) th[data-category]")
	do(t, ctx, "hide alliances", chromedp.Click(`form.matrix-controls input[value="alliance"]`))
	if got := visible("table.matrix thead tr:nth-child(2) th[data-category]"); got != cols-1 {
		t.Errorf("hiding the alliance column: %d columns, want %d", got, cols-1)
	}
	if visible(`table.matrix tbody tr td:nth-child(2)`) != 0 {
		t.Error("the NATO column's cells are still shown")
	}
	set("nato", "none")
	shown := shownRows()
	if !strings.Contains(shown, "Switzerland") || strings.Contains(shown, "Finland") || strings.Contains(shown, "Germany") || visible("table.matrix tbody tr") >= rows {
		t.Errorf("non-NATO filter shows %s", shown)
	}
	set("sort", "total")
	totals := eval[[]int](t, ctx, `Array.from(document.querySelectorAll("table.matrix tbody tr")).filter(r => !r.hidden).map(r => Number(r.cells[r.cells.length - 1].textContent))`)
	if !sort.SliceIsSorted(totals, func(i, j int) bool { return totals[i] > totals[j] }) || len(totals) == 0 || totals[0] == 0 {
		t.Errorf("rows sorted by number of formats: %v", totals)
	}
	for _, wrong := range totalsWrong() {
		t.Errorf("a total that does not follow the filters: %s", wrong)
	}
	// the state is in the fragment, and a reload from file:// restores it
	if hash := eval[string](t, ctx, "location.hash"); hash != "#hide=alliance&nato=none&sort=total" {
		t.Errorf("fragment %q", hash)
	}
	do(t, ctx, "reload", chromedp.Reload(), chromedp.WaitVisible(`.matrix-controls`))
	if got := eval[string](t, ctx, `[...document.querySelectorAll("form.matrix-controls select")].map(s => s.name + "=" + s.value).join(" ") + " alliance:" + document.querySelector('form.matrix-controls input[value="alliance"]').checked`); !strings.Contains(got, "nato=none") || !strings.Contains(got, "sort=total") || !strings.HasSuffix(got, "alliance:false") {
		t.Errorf("after a reload the controls are %s", got)
	}
	if again := shownRows(); again == "" || !strings.Contains(again, "Switzerland") || strings.Contains(again, "Finland") {
		t.Errorf("after a reload the rows are %s", again)
	}
	// the countries of one format, and of one role
	set("nato", "")
	set("format", "jef")
	if n := eval[int](t, ctx, `(() => { const t = document.querySelector("table.matrix"); const i = [...t.tHead.rows[1].querySelectorAll("th[data-format]")].findIndex(th => th.dataset.format === "jef");
		return [...t.tBodies[0].rows].filter(r => !r.hidden && !/\br-/.test(r.cells[i + 1].className)).length; })()`); n != 0 || !strings.Contains(shownRows(), "Sweden") {
		t.Errorf("countries in the JEF: %d rows without a role in it (%s)", n, shownRows())
	}
	set("format", "")
	set("role", "partner")
	if n := eval[int](t, ctx, `[...document.querySelectorAll("table.matrix tbody tr")].filter(r => !r.hidden && !r.querySelector("td.r-partner:not([hidden]), td[data-role2=partner]:not([hidden])")).length`); n != 0 || shownRows() == "" {
		t.Errorf("the role filter shows %d rows without a partner", n)
	}
	for _, wrong := range totalsWrong() {
		t.Errorf("a total that does not follow the filters: %s", wrong)
	}
	set("role", "")
	// the highlight lights an even row as well as an odd one
	lit := eval[string](t, ctx, `(() => { const td = document.querySelector("table.matrix tbody tr:nth-child(even):not([hidden])").cells[2];
		td.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})); return getComputedStyle(td.parentNode.cells[0]).backgroundColor + " " + document.querySelectorAll(".hl").length; })()`)
	if !strings.HasPrefix(lit, "rgb(255, 244, 194) ") {
		t.Errorf("pointing at a cell of an even row: its row is %s", lit)
	}
	for _, p := range w.take() {
		t.Error(p)
	}
}

// axePages are a page of each kind of the real site.
var axePages = []string{"index.html", "formats/index.html", "formats/jef.html", "countries/index.html",
	"countries/fin.html", "matrix.html", "lessons/index.html", "lessons/three-ds.html", "sources.html",
	"pages/about.html", "print.html", "pictures.html", "overlaps.html", "upset.html", "timeline.html", "matrix-az.html", "data/index.html", "changes.html"}

// axe runs axe-core on pages, by default one of each kind of the real
// site: zero violations.
func axe(t *testing.T, ctx context.Context, base string, pages ...string) {
	script, err := os.ReadFile(filepath.Join(repoRoot, ".ci", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		requireInCI(t, "axe-core is missing (npm ci --prefix .ci)")
	}
	if len(pages) == 0 {
		pages = axePages
	}
	for _, p := range pages {
		do(t, ctx, p, chromedp.Navigate(base+p))
		eval[bool](t, ctx, string(script)+";true")
		violations := eval[[]string](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r =>
			r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")))`)
		for _, v := range violations {
			t.Errorf("%s: %s", p, v)
		}
	}
}

// screenshots saves the home page, a format page, the matrix and the
// pictures (overlap heat maps, UpSet plots, timeline) into
// testdata/out/screenshots, which git ignores, for a person to look at.
func screenshots(t *testing.T, ctx context.Context, mode, base string) {
	dir := filepath.Join(repoRoot, "testdata", "out", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]string{"home": "index.html", "format": "formats/jef.html", "matrix": "matrix.html",
		"overlaps": "overlaps.html", "upset": "upset.html", "timeline": "timeline.html"} {
		do(t, ctx, p, chromedp.Navigate(base+p))
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, mode+"-"+name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// unzipOffline unpacks the offline bundle into a fresh directory and returns
// the site folder in it.
func unzipOffline(t *testing.T, out string) string {
	archive, err := os.ReadFile(filepath.Join(out, publish.OfflinePath))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range unzip(t, archive) {
		dst := filepath.Join(dir, filepath.FromSlash(f.Path))
		if !strings.HasPrefix(dst, dir+string(filepath.Separator)) {
			t.Fatalf("zip entry %q leaves its folder", f.Path)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "formatlas")
}

// TestBrowserServeReload opens a page of `formatlas serve` and edits its
// record: the page reloads by itself; a broken edit shows the error overlay
// over the last good page, and the fix removes it.
func TestBrowserServeReload(t *testing.T) {
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("-short: the browser runs only when CI is set")
	}
	ctx := browser(t)
	dir := filepath.Join(t.TempDir(), "site")
	for p, f := range fixtureFS(t, "site-small") {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srvCtx, stop := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve.New(serve.Options{SiteDir: dir, Addr: "127.0.0.1:0", Debounce: 50 * time.Millisecond}).Run(srvCtx, func(a string) { addr <- a })
	}()
	base := "http://" + <-addr + "/"
	defer func() { stop(); <-done }()

	do(t, ctx, "open", chromedp.Navigate(base+"formats/jef.html"), chromedp.WaitVisible("#summary"))
	record := filepath.Join(dir, "content", "formats", "jef.toml")
	orig, _ := os.ReadFile(record)
	// a page that is reloading has no JavaScript context for a moment: ask again
	try := func(js string) string {
		c, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		v, err := chromedp.Run(c, chromedp.Evaluate[string](js))
		if err != nil {
			return "(reloading)"
		}
		return v
	}
	lead := func() string {
		return try(`document.querySelector("#summary") ? document.querySelector("#summary").textContent : ""`)
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 15s", what)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	os.WriteFile(record, bytes.Replace(orig, []byte("A UK-led high-readiness force."), []byte("Reloaded by itself."), 1), 0o644)
	waitFor("the page reloads with the edit", func() bool { return lead() == "Reloaded by itself." })

	os.WriteFile(record, []byte("name = \"JEF\"\ncategory = [\n"), 0o644)
	overlay := func() string {
		return try(`document.querySelector("#formatlas-errors") ? document.querySelector("#formatlas-errors").textContent : ""`)
	}
	waitFor("the error overlay", func() bool { return strings.Contains(overlay(), "content/formats/jef.toml:2:13") })
	if lead() != "Reloaded by itself." {
		t.Error("the last good page is not shown under the overlay")
	}
	os.WriteFile(record, orig, 0o644)
	waitFor("the overlay goes after the fix", func() bool { return overlay() == "" && lead() == "A UK-led high-readiness force." })
}
