package generator_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"formatlas/generator"
	"formatlas/generator/render"
)

// TestValidHTML holds every page of the real site, its stylesheets and SVG,
// and the matrix pages of a 250-format site, to the Nu Html Checker (npm
// vnu-jar, run with the machine's Java): zero errors. Under -short it checks
// a page of each kind (onePerKind) and one part of the large matrix.
func TestValidHTML(t *testing.T) {
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("-short: the Nu Html Checker runs only when CI is set")
	}
	jar := filepath.Join(repoRoot, ".ci", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		requireInCI(t, "the Nu Html Checker is missing (npm ci --prefix .ci)")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		requireInCI(t, "Java is missing (apt-get install -y default-jre-headless)")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(realFS(t), out, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	// and the matrix of a site large enough to come in parts: the overview
	// in one order and every part
	large := filepath.Join(t.TempDir(), "large")
	if _, err := generator.Build(synthFS(t, 250), large, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	// and the second atlas, of another subject and vocabulary
	other := filepath.Join(t.TempDir(), "other")
	if _, err := generator.Build(contentFS(t, "site-other"), other, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	targets := []string{out, filepath.Join(large, "matrix.html"), filepath.Join(large, "matrix"), other}
	if testing.Short() {
		targets = append(onePerKind(t, out), filepath.Join(large, "matrix.html"), other)
		targets = append(targets, firstPages(t, filepath.Join(large, "matrix"))...)
	}
	// C1 alone halves the checker's CPU time on a run this short; its
	// larger frames need a deeper stack than the checker's 512k minimum
	args := []string{"-Xss16m", "-XX:TieredStopAtLevel=1", "-jar", jar, "--errors-only", "--also-check-css", "--also-check-svg", "--skip-non-html"}
	cmd := exec.Command(java, append(args, targets...)...)
	report, err := cmd.CombinedOutput()
	if err != nil || len(report) > 0 {
		t.Errorf("the Nu Html Checker found errors (%v):\n%s", err, report)
	}
}

// onePerKind picks, from the built site in dir, a page of each kind for
// -short: every page and picture at the top, the assets, and in each other
// folder its index and one page more.
func onePerKind(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var picked []string
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Name()+"/" == render.AssetsDir:
			picked = append(picked, p)
		case e.IsDir():
			picked = append(picked, firstPages(t, p)...)
		case strings.HasSuffix(e.Name(), ".html") || strings.HasSuffix(e.Name(), ".svg"):
			picked = append(picked, p)
		}
	}
	return picked
}

// firstPages is the folder's index.html, if it has one, and its first other page.
func firstPages(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var index, other []string
	for _, e := range entries { // sorted by name
		switch {
		case e.Name() == "index.html":
			index = []string{filepath.Join(dir, e.Name())}
		case other == nil && strings.HasSuffix(e.Name(), ".html"):
			other = []string{filepath.Join(dir, e.Name())}
		}
	}
	return append(index, other...)
}
