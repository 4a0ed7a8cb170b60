package generator_test

import (
	"formatlas/generator"
	"formatlas/generator/export"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/chromedp/chromedp"
)

// netlifyConfig is the part of netlify.toml the tests read.
type netlifyConfig struct {
	Build struct {
		Command, Publish string
	}
	Context map[string]struct{ Command string }
	Headers []struct {
		For    string
		Values map[string]string
	}
}

// headerFor is the value of the header name the site sends for the
// pattern ("/*"), as the build writes it to _headers.
func headerFor(pattern, name string) string {
	for _, h := range export.Headers {
		if h.For == pattern && h.Name == name {
			return h.Value
		}
	}
	return ""
}

func readNetlify(t *testing.T) netlifyConfig {
	t.Helper()
	var c netlifyConfig
	if _, err := toml.DecodeFile(filepath.Join(repoRoot, "netlify.toml"), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// sitePolicy is the Content-Security-Policy the site sends with every page.
func sitePolicy(t *testing.T) string {
	t.Helper()
	csp := headerFor("/*", "Content-Security-Policy")
	if csp == "" {
		t.Fatal("the site sends no Content-Security-Policy for /*")
	}
	return csp
}

// TestNetlifyConfig checks the deploy settings: the README's build command,
// the base URL of each context, a strict CSP, and long caching of assets,
// the last two in the headers the build writes, not in netlify.toml.
func TestNetlifyConfig(t *testing.T) {
	c := readNetlify(t)
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Build.Publish != "public" || !strings.Contains(string(readme), c.Build.Command) {
		t.Errorf("build %q into %q: not the README's command or not public/", c.Build.Command, c.Build.Publish)
	}
	for ctx, env := range map[string]string{"production": "$URL/", "deploy-preview": "$DEPLOY_PRIME_URL/"} {
		if !strings.Contains(c.Context[ctx].Command, "--base-url \""+env+"\"") {
			t.Errorf("context %s does not pass %s as the base URL: %q", ctx, env, c.Context[ctx].Command)
		}
	}
	csp := sitePolicy(t)
	for _, want := range []string{"script-src 'self'", "style-src 'self'", "default-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the CSP lacks %s: %s", want, csp)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "*") {
		t.Errorf("the CSP is not strict: %s", csp)
	}
	if !strings.Contains(headerFor("/assets/*", "Cache-Control"), "immutable") {
		t.Error("fingerprinted assets are not served with long caching")
	}
	if len(c.Headers) > 0 {
		t.Error("netlify.toml sets headers: they are defined once, by the build's _headers")
	}
}

// TestGitHubPages: built for a host that sets no headers, every page
// carries the policy as a meta tag, without frame-ancestors, which only a
// header may carry, and the output has .nojekyll; in the browser, served
// with no header at all, the pages load under that policy with no console
// error.
func TestGitHubPages(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(realFS(t), out, generator.Options{GitHubPages: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, ".nojekyll")); err != nil {
		t.Error(err)
	}
	policy := export.MetaPolicy()
	if strings.Contains(policy, "frame-ancestors") || !strings.Contains(policy, "script-src 'self'") {
		t.Errorf("the meta policy %q", policy)
	}
	meta := `<meta http-equiv="Content-Security-Policy" content="` + strings.ReplaceAll(policy, "'", "&#39;") + `">`
	pages := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if pages++; !strings.Contains(string(b), meta) {
			t.Errorf("%s lacks the policy's meta tag", p)
		}
		return nil
	})
	if err != nil || pages < 100 {
		t.Fatalf("%d pages, %v", pages, err)
	}
	plain := filepath.Join(t.TempDir(), "plain") // a plain build has neither
	if _, err := generator.Build(realFS(t), plain, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(plain, "index.html")); strings.Contains(string(b), "http-equiv") {
		t.Error("a plain build carries the meta policy")
	}
	if testing.Short() && os.Getenv("CI") == "" {
		return // the browser runs only when CI is set
	}
	ctx := browser(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	w := watch(t, tab, srv.URL+"/")
	for _, p := range []string{"index.html", "matrix.html", "formats/jef.html", "upset.html"} {
		do(t, tab, p, chromedp.Navigate(srv.URL+"/"+p), chromedp.WaitReady("body"))
	}
	do(t, tab, "matrix filters", chromedp.Navigate(srv.URL+"/matrix.html"), chromedp.WaitVisible(`.matrix-controls`))
	for _, p := range w.take() {
		t.Error(p)
	}
}
