package generator_test

import (
	"formatlas/generator/export"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
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
