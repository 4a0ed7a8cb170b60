package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserSearch uses the search box of the real site, from disk
// (file://) and over HTTP under the site's Content-Security-Policy: what it
// finds (a country by its formats, a term with a typo, either spelling), in
// what order, all results on demand, snippets cut at words, the combobox's
// ARIA states as the keys move, axe with the results open, and a placeholder
// that fits the box on a phone and on a laptop.
func TestBrowserSearch(t *testing.T) {
	ctx, out := realSiteInBrowser(t)
	srv := policyServer(t, out)
	for _, m := range []struct{ name, base string }{
		{"file", "file://" + filepath.ToSlash(out) + "/"},
		{"http", srv.URL + "/"},
	} {
		t.Run(m.name, func(t *testing.T) {
			tab, cancel := chromedp.NewContext(ctx)
			defer cancel()
			w := watch(t, tab, m.base)
			s := &searcher{ctx: tab, base: m.base}
			t.Run("finds", s.finds)
			t.Run("ranks", s.ranks)
			t.Run("spellings", s.spellings)
			t.Run("show all", s.showAll)
			t.Run("combobox", s.combobox)
			t.Run("snippets", s.snippets)
			if m.name == "http" { // axe's preload of the stylesheets fails from file://
				t.Run("axe with the results open", s.axeOpen)
			}
			t.Run("placeholder", s.placeholder)
			for _, p := range w.take() {
				t.Error(p)
			}
		})
	}
}

// searcher drives the search box of the site at base in the tab ctx.
type searcher struct {
	ctx  context.Context
	base string
}

// searchHit is a result as the list shows it; Href is relative to the site
// root and Text is the whole option's text.
type searchHit struct {
	Href, Title, Text string
}

// open loads a page below the root, so the results' links go through the
// page's data-root.
func (s *searcher) open(t *testing.T) {
	do(t, s.ctx, "page", chromedp.Navigate(s.base+"formats/index.html"), chromedp.WaitVisible(`#site-search`))
}

// search empties the box, types q into it, and waits until the status says
// how many results there are, or that there are none.
func (s *searcher) search(t *testing.T, q string) {
	t.Helper()
	eval[bool](t, s.ctx, `(() => { const i = document.querySelector("#site-search");
		i.value = ""; i.dispatchEvent(new Event("input")); return true; })()`)
	do(t, s.ctx, "type "+q, chromedp.SendKeys(`#site-search`, q))
	eval[bool](t, s.ctx, `new Promise((done, fail) => { const until = Date.now() + 10000;
		(function wait() {
			if (document.querySelector("[data-search] [role=status]").textContent) done(true);
			else if (Date.now() > until) fail(new Error("the status never said"));
			else setTimeout(wait, 20);
		})(); })`)
}

// hits are the results listed now.
func (s *searcher) hits(t *testing.T) []searchHit {
	t.Helper()
	return eval[[]searchHit](t, s.ctx, `[...document.querySelectorAll("#site-search-results a[role=option]")].map(o => ({
		Href: o.getAttribute("href").replace(document.documentElement.getAttribute("data-root") || "", ""),
		Title: o.querySelector("strong").textContent, Text: o.textContent}))`)
}

// all searches for q and shows every result, with the mouse.
func (s *searcher) all(t *testing.T, q string) []searchHit {
	t.Helper()
	s.search(t, q)
	if eval[bool](t, s.ctx, `!!document.querySelector("#site-search-more")`) {
		do(t, s.ctx, "show all", chromedp.Click(`#site-search-more`, chromedp.NodeVisible))
	}
	return s.hits(t)
}

func hrefs(hits []searchHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Href
	}
	return out
}

// finds: a country by its name and a format's abbreviation, a typo in a
// name, an abbreviation or a word of titles; each wanted page among the
// first results, in any order (for "Finland NATO": first).
func (s *searcher) finds(t *testing.T) {
	s.open(t)
	for _, c := range []struct {
		query string
		first []string
	}{
		{"Finland NATO", []string{"countries/fin.html"}},
		{"finnland", []string{"countries/fin.html"}},
		{"jeff", []string{"formats/jef.html"}},
		{"nordik", []string{"formats/nordefco.html", "formats/nb8.html"}}, // Nordic Defence Cooperation, Nordic-Baltic Eight
		{"jef", []string{"formats/jef.html"}},
	} {
		s.search(t, c.query)
		got := hrefs(s.hits(t))
		if len(got) < len(c.first) {
			t.Errorf("search %q: results %v, want %v first", c.query, got, c.first)
			continue
		}
		if first := slices.Sorted(slices.Values(got[:len(c.first)])); !slices.Equal(first, slices.Sorted(slices.Values(c.first))) {
			t.Errorf("search %q: first results %v, want %v", c.query, got[:len(c.first)], c.first)
		}
	}
}

// ranks: the results whose title has the term come before the others, and
// the results where a term matches exactly before those it matches only
// with a typo ("form" is one letter from "for" and "from").
func (s *searcher) ranks(t *testing.T) {
	s.open(t)
	texts := s.indexTexts(t)
	for _, c := range []struct {
		query string
		word  *regexp.Regexp
		in    func(searchHit) string // the text that must have word for the hit to rank higher
	}{
		{"partnership", regexp.MustCompile(`(?i)\bpartnership`), func(h searchHit) string { return h.Title }},
		{"form", regexp.MustCompile(`(?i)\bform`), func(h searchHit) string { return texts[h.Href] }},
	} {
		hits := s.all(t, c.query)
		var with, without int
		for i, h := range hits {
			if c.word.MatchString(c.in(h)) {
				with++
				if without > 0 {
					t.Errorf("search %q: %s (result %d) matches better than a result above it", c.query, h.Href, i+1)
				}
			} else {
				without++
			}
		}
		if with == 0 || without == 0 {
			t.Errorf("search %q: %d results match better and %d worse; the test needs both", c.query, with, without)
		}
	}
}

// indexTexts are the title, subtitle and text of each entry of the loaded
// index, by its href from the root.
func (s *searcher) indexTexts(t *testing.T) map[string]string {
	s.search(t, "nato") // loads the index
	return eval[map[string]string](t, s.ctx, `Object.fromEntries(window.formatlasIndex.map(e => [e[3], e[1] + " " + e[2] + " " + e[4]]))`)
}

// spellings: each British spelling finds what the American one finds, in
// the same order; words that only look like one (four, not for) are left
// alone.
func (s *searcher) spellings(t *testing.T) {
	s.open(t)
	for _, pair := range [][2]string{
		{"defence", "defense"}, {"organise", "organize"}, {"organisation", "organization"},
		{"colour", "color"}, {"favour", "favor"}, {"centre", "center"},
	} {
		british, american := hrefs(s.all(t, pair[0])), hrefs(s.all(t, pair[1]))
		if len(british) == 0 || !slices.Equal(british, american) {
			t.Errorf("%q finds %v,\n%q finds %v", pair[0], british, pair[1], american)
		}
	}
	s.search(t, "four")
	if hits := s.hits(t); len(hits) == 0 || !regexp.MustCompile(`(?i)\bfour`).MatchString(hits[0].Text) {
		t.Errorf(`search "four": the first result is not about four: %v`, hits[:min(1, len(hits))])
	}
}

// showAll: a search with many results lists a few, then an option that
// shows them all, by the keys and by the mouse.
func (s *searcher) showAll(t *testing.T) {
	s.open(t)
	n := len(s.all(t, "nato"))
	if n <= 12 {
		t.Fatalf(`search "nato": %d results; the test needs more than 12`, n)
	}
	s.search(t, "nato")
	if got := len(s.hits(t)); got != 12 {
		t.Errorf(`search "nato": %d results listed at first, want 12`, got)
	}
	wantMore := "Show all " + strconv.Itoa(n) + " results"
	if more := eval[string](t, s.ctx, `(document.querySelector("#site-search-results [role=option]:last-child") || {}).textContent`); more != wantMore {
		t.Errorf("the last option is %q, want %q", more, wantMore)
	}
	// from the keys: up from the input wraps to the last option
	do(t, s.ctx, "to show all", chromedp.SendKeys(`#site-search`, kb.ArrowUp))
	if a := s.activeID(t); a != "site-search-more" {
		t.Errorf("ArrowUp: active option %q, want site-search-more", a)
	}
	do(t, s.ctx, "show all", chromedp.SendKeys(`#site-search`, kb.Enter))
	if got := len(s.hits(t)); got != n {
		t.Errorf("Enter on %q: %d results listed, want %d", wantMore, got, n)
	}
	if a := s.activeID(t); a != "site-search-12" {
		t.Errorf("after showing all, active option %q, want site-search-12, the first that was hidden", a)
	}
	if eval[bool](t, s.ctx, `!!document.querySelector("#site-search-more")`) {
		t.Error("Show all is still there when all are shown")
	}
}

// activeID is the input's aria-activedescendant, checked against the
// options: it is the one option with aria-selected="true".
func (s *searcher) activeID(t *testing.T) string {
	t.Helper()
	selected := eval[[]string](t, s.ctx, `[...document.querySelectorAll("#site-search-results [aria-selected=true]")].map(o => o.id)`)
	id := eval[string](t, s.ctx, `document.querySelector("#site-search").getAttribute("aria-activedescendant") || ""`)
	if (id == "" && len(selected) != 0) || (id != "" && !slices.Equal(selected, []string{id})) {
		t.Errorf("aria-activedescendant %q, but the options selected are %v", id, selected)
	}
	if id != "" && !eval[bool](t, s.ctx, `!!document.getElementById(document.querySelector("#site-search").getAttribute("aria-activedescendant"))`) {
		t.Errorf("aria-activedescendant %q names no element", id)
	}
	return id
}

// combobox follows the WAI-ARIA combobox pattern: aria-expanded is true
// only while the list shows, the arrows move aria-activedescendant while
// the focus stays in the input, Escape closes, Enter and a click follow
// the active result, and no option holds anything focusable.
func (s *searcher) combobox(t *testing.T) {
	s.open(t)
	state := func() string {
		return eval[string](t, s.ctx, `(() => { const i = document.querySelector("#site-search"), l = document.getElementById(i.getAttribute("aria-controls"));
			return [i.getAttribute("role"), i.getAttribute("aria-autocomplete"), l.getAttribute("role"), "expanded=" + i.getAttribute("aria-expanded"),
				l.hidden ? "hidden" : document.activeElement === i ? "shown" : "shown, the focus elsewhere"].join(" "); })()`)
	}
	const closed, open = "combobox list listbox expanded=false hidden", "combobox list listbox expanded=true shown"
	if got := state(); got != closed {
		t.Errorf("before a search: %q, want %q", got, closed)
	}
	s.search(t, "nato")
	if got, a := state(), s.activeID(t); got != open || a != "" {
		t.Errorf("results listed: %q, active %q; want %q, none active", got, a, open)
	}
	ids := eval[[]string](t, s.ctx, `[...document.querySelectorAll("#site-search-results [role=option]")].map(o => o.id)`)
	if len(ids) < 3 || slices.Contains(ids, "") {
		t.Fatalf("option ids %q", ids)
	}
	if inner := eval[int](t, s.ctx, `document.querySelectorAll("#site-search-results [role=option] :is(a, button, input, select, textarea, [tabindex])").length`); inner != 0 {
		t.Errorf("%d focusable elements inside the options", inner)
	}
	for _, step := range []struct {
		key, want string
	}{
		{kb.ArrowDown, ids[0]}, {kb.ArrowDown, ids[1]}, {kb.ArrowUp, ids[0]},
	} {
		do(t, s.ctx, "arrow", chromedp.SendKeys(`#site-search`, step.key))
		if a := s.activeID(t); a != step.want {
			t.Errorf("active option %q, want %q", a, step.want)
		}
		if got := state(); got != open {
			t.Errorf("arrowing: %q, want %q", got, open)
		}
	}
	do(t, s.ctx, "escape", chromedp.SendKeys(`#site-search`, kb.Escape))
	if got, a := state(), s.activeID(t); got != closed || a != "" {
		t.Errorf("Escape: %q, active %q; want %q, none active", got, a, closed)
	}
	if v := eval[string](t, s.ctx, `document.querySelector("#site-search").value`); v != "nato" {
		t.Errorf("Escape with the list open emptied the box: %q", v)
	}
	do(t, s.ctx, "reopen", chromedp.SendKeys(`#site-search`, kb.ArrowDown))
	if got, a := state(), s.activeID(t); got != open || a != ids[0] {
		t.Errorf("ArrowDown after Escape: %q, active %q; want %q, %q", got, a, open, ids[0])
	}
	do(t, s.ctx, "escape twice", chromedp.SendKeys(`#site-search`, kb.Escape+kb.Escape))
	if got, v := state(), eval[string](t, s.ctx, `document.querySelector("#site-search").value`); got != closed || v != "" {
		t.Errorf("Escape twice: %q, the box holds %q; want %q, empty", got, v, closed)
	}
	// nothing found: the list closes and the status says so, visibly
	s.search(t, "qqxqzzy")
	if got := state(); got != closed {
		t.Errorf("nothing found: %q, want %q", got, closed)
	}
	if none := eval[string](t, s.ctx, `(() => { const st = document.querySelector("[data-search] [role=status]");
		return st.offsetWidth > 1 && st.offsetHeight > 1 ? st.textContent : ""; })()`); !strings.Contains(none, "Nothing matches") {
		t.Errorf("nothing found: the visible status is %q", none)
	}
	// Enter follows the active result, a click any result
	s.search(t, "finnland")
	do(t, s.ctx, "choose", chromedp.SendKeys(`#site-search`, kb.ArrowDown+kb.Enter))
	arrive(t, s.ctx, "countries/fin.html")
	s.search(t, "jef")
	do(t, s.ctx, "click", chromedp.Click(`#site-search-results [role=option]`, chromedp.NodeVisible))
	arrive(t, s.ctx, "formats/jef.html")
}

// snippets: each snippet is cut at word boundaries, and some are cut.
func (s *searcher) snippets(t *testing.T) {
	s.open(t)
	cut := 0
	for _, q := range []string{"nato", "finland", "defence", "nordik", "lessons"} {
		s.search(t, q)
		r := eval[struct {
			Bad []string
			Cut int
		}](t, s.ctx, `(() => { const root = document.documentElement.getAttribute("data-root") || "";
			const text = new Map(window.formatlasIndex.map(e => [root + e[3], e[4]]));
			const out = {Bad: [], Cut: 0};
			for (const o of document.querySelectorAll("#site-search-results a[role=option]")) {
				const s = o.querySelector(".snippet").textContent, body = text.get(o.getAttribute("href"));
				const lead = s.startsWith("…"), tail = s.endsWith("…"), core = s.slice(lead ? 1 : 0, tail ? -1 : undefined);
				const at = body.indexOf(core);
				if (lead || tail) out.Cut++;
				if (at < 0 || (lead && !/\s/.test(body.charAt(at - 1))) || (tail && !/\s/.test(body.charAt(at + core.length))))
					out.Bad.push(o.getAttribute("href") + ": " + s);
			}
			return out; })()`)
		for _, b := range r.Bad {
			t.Errorf("search %q: snippet cut inside a word: %s", q, b)
		}
		cut += r.Cut
	}
	if cut == 0 {
		t.Error("no snippet was cut: the test checks nothing")
	}
}

// axeOpen runs axe-core with the results open and one active, and with
// nothing found.
func (s *searcher) axeOpen(t *testing.T) {
	script, err := os.ReadFile(filepath.Join(repoRoot, ".ci", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		requireInCI(t, "axe-core is missing (npm ci --prefix .ci)")
	}
	s.open(t)
	eval[bool](t, s.ctx, string(script)+";true")
	run := func(state string) {
		violations := eval[[]string](t, s.ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r =>
			r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")))`)
		for _, v := range violations {
			t.Errorf("%s: %s", state, v)
		}
	}
	s.search(t, "nato")
	do(t, s.ctx, "arrow", chromedp.SendKeys(`#site-search`, kb.ArrowDown))
	if eval[bool](t, s.ctx, `document.querySelector("#site-search-results").hidden`) {
		t.Fatal("the results are not open")
	}
	run("results open")
	s.search(t, "qqxqzzy")
	run("nothing found")
}

// placeholder: the box's placeholder fits in it whole at 390 and at 1366
// px, and a label names the box for those who cannot see it.
func (s *searcher) placeholder(t *testing.T) {
	for _, width := range []int64{390, 1366} {
		do(t, s.ctx, "page", chromedp.EmulateViewport(width, 900), chromedp.Navigate(s.base+"formats/index.html"), chromedp.WaitVisible(`#site-search`))
		fit := eval[struct {
			Text       string
			Need, Room float64
		}](t, s.ctx, `(() => { const i = document.querySelector("#site-search"), st = getComputedStyle(i);
			const c = document.createElement("canvas").getContext("2d"); c.font = st.font;
			return {Text: i.placeholder, Need: c.measureText(i.placeholder).width,
				Room: i.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight)}; })()`)
		if fit.Text == "" || fit.Need > fit.Room {
			t.Errorf("at %d px: placeholder %q needs %.0f px, the box has %.0f", width, fit.Text, fit.Need, fit.Room)
		}
		if label := eval[string](t, s.ctx, `(document.querySelector("label.vh[for=site-search]") || {}).textContent || ""`); label == "" {
			t.Errorf("at %d px: no visually hidden label for the box", width)
		}
	}
}
