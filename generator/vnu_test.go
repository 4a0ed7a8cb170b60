package generator_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"formatlas/generator"
)

// TestValidHTML holds every page of the real site, its stylesheets and SVG,
// and the matrix pages of a 250-format site, to the Nu Html Checker (npm
// vnu-jar, run with the machine's Java): zero errors.
func TestValidHTML(t *testing.T) {
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
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--also-check-css", "--also-check-svg", "--skip-non-html", out,
		filepath.Join(large, "matrix.html"), filepath.Join(large, "matrix"))
	report, err := cmd.CombinedOutput()
	if err != nil || len(report) > 0 {
		t.Errorf("the Nu Html Checker found errors (%v):\n%s", err, report)
	}
}
