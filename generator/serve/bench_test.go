package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"formatlas/generator/internal/synth"
)

// synthSite writes the benchmark recipe's synthetic site with the
// repository's theme into a directory.
func synthSite(b *testing.B, formats int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	for p, data := range synth.Site(synth.Options{N: formats, C: 60}) {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	copyDir(b, filepath.Join(repoRoot, "templates"), filepath.Join(dir, "templates"))
	copyDir(b, filepath.Join(repoRoot, "static"), filepath.Join(dir, "static"))
	return dir
}

// realSite copies the repository's own site directory.
func realSite(b *testing.B) string {
	dir := filepath.Join(b.TempDir(), "site")
	for _, d := range []string{"content", "templates", "static"} {
		copyDir(b, filepath.Join(repoRoot, d), filepath.Join(dir, d))
	}
	return dir
}

// benchEdit measures the time from a saved edit of one file to the moment
// the new page is served (the debounce excluded): rebuild as the watcher
// calls it.
func benchEdit(b *testing.B, dir, file string) {
	s := New(Options{SiteDir: dir})
	s.rebuild(nil)
	path := filepath.Join(dir, filepath.FromSlash(file))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		edit := append([]byte{}, orig...)
		if filepath.Ext(file) == ".md" {
			edit = fmt.Appendf(edit, "\nEdit number %d.\n", i)
		} else {
			edit = fmt.Appendf(edit, "\n# edit %d\n", i)
		}
		if err := os.WriteFile(path, edit, 0o644); err != nil {
			b.Fatal(err)
		}
		s.rebuild([]string{path})
		if s.problems != "" {
			b.Fatal(s.problems)
		}
	}
}

func BenchmarkRebuildRealCommentary(b *testing.B) {
	benchEdit(b, realSite(b), "content/formats/jef.md")
}

func BenchmarkRebuildRealRecord(b *testing.B) {
	benchEdit(b, realSite(b), "content/formats/jef.toml")
}

func BenchmarkRebuildSynth1000Commentary(b *testing.B) {
	benchEdit(b, synthSite(b, 1000), "content/formats/f0500.md")
}

func BenchmarkRebuildSynth1000Record(b *testing.B) {
	benchEdit(b, synthSite(b, 1000), "content/formats/f0500.toml")
}
