package generator_test

import (
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

func readNetlify(t *testing.T) netlifyConfig {
	t.Helper()
	var c netlifyConfig
	if _, err := toml.DecodeFile(filepath.Join(repoRoot, "netlify.toml"), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// sitePolicy is the Content-Security-Policy netlify.toml sends with every page.
func sitePolicy(t *testing.T) string {
	t.Helper()
	for _, h := range readNetlify(t).Headers {
		if h.For == "/*" {
			return h.Values["Content-Security-Policy"]
		}
	}
	t.Fatal("netlify.toml sends no Content-Security-Policy for /*")
	return ""
}

// TestNetlifyConfig checks the deploy settings: the README's build command,
// the base URL of each context, a strict CSP, and long caching of assets.
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
	cached := false
	for _, h := range c.Headers {
		cached = cached || (h.For == "/assets/*" && strings.Contains(h.Values["Cache-Control"], "immutable"))
	}
	if !cached {
		t.Error("fingerprinted assets are not served with long caching")
	}
}
