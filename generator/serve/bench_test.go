package serve

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
// calls it, then a request for the edited page, which must show the edit.
// A commentary gets a sentence, a record a new start to its summary.
func benchEdit(b *testing.B, dir, file, page string) {
	s := New(Options{SiteDir: dir})
	s.addr = "127.0.0.1:1313"
	s.rebuild(nil)
	path := filepath.Join(dir, filepath.FromSlash(file))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	summary := regexp.MustCompile(`(?m)^summary\s*=\s*"`)
	if filepath.Ext(file) == ".toml" && !summary.Match(orig) {
		b.Fatalf("%s has no summary to edit", file)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		mark := fmt.Sprintf("Edit number %d.", i)
		var edit []byte
		if filepath.Ext(file) == ".md" {
			edit = fmt.Appendf(bytes.Clone(orig), "\n%s\n", mark)
		} else {
			loc := summary.FindIndex(orig)
			edit = slices.Concat(orig[:loc[1]], []byte(mark+" "), orig[loc[1]:])
		}
		if err := os.WriteFile(path, edit, 0o644); err != nil {
			b.Fatal(err)
		}
		s.rebuild([]string{path})
		if s.problems != "" {
			b.Fatal(s.problems)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "http://"+s.addr+"/"+page, nil))
		if w.Code != 200 || !bytes.Contains(w.Body.Bytes(), []byte(mark)) {
			b.Fatalf("GET /%s after edit %d: %d, without the edit", page, i, w.Code)
		}
	}
}

func BenchmarkRebuildRealCommentary(b *testing.B) {
	benchEdit(b, realSite(b), "content/formats/jef.md", "formats/jef.html")
}

func BenchmarkRebuildRealRecord(b *testing.B) {
	benchEdit(b, realSite(b), "content/formats/jef.toml", "formats/jef.html")
}

func BenchmarkRebuildSynth1000Commentary(b *testing.B) {
	benchEdit(b, synthSite(b, 1000), "content/formats/f0500.md", "formats/f0500.html")
}

func BenchmarkRebuildSynth1000Record(b *testing.B) {
	benchEdit(b, synthSite(b, 1000), "content/formats/f0500.toml", "formats/f0500.html")
}
