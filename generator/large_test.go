package generator_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"formatlas/generator"
)

// TestLargeCommentary builds a site with a 10 MB commentary file: it must be
// accepted and rendered whole (its time is a benchmark's business, not a test's).
func TestLargeCommentary(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the 10 MB commentary")
	}
	var b strings.Builder
	for i := 0; b.Len() < 10<<20; i++ {
		fmt.Fprintf(&b, "## Part %d\n\nParagraph %d links to the [JEF](format:jef) and [Finland](country:FIN), with *emphasis* and `code`.\n\n", i, i)
	}
	b.WriteString("The last paragraph.\n")
	fsys := fixtureFS(t, "site-small")
	fsys["content/formats/nb.md"] = &fstest.MapFile{Data: []byte(b.String())}
	files := mustGenerate(t, fsys)
	for _, f := range files {
		if f.Path == "formats/nb.html" {
			if !bytes.Contains(f.Data, []byte("<p>The last paragraph.</p>")) || bytes.Count(f.Data, []byte(`href="jef.html"`)) < 50000 {
				t.Errorf("formats/nb.html (%d bytes) lost part of its commentary", len(f.Data))
			}
			return
		}
	}
	t.Fatal("formats/nb.html was not generated")
}

// TestDeterministicAtScale builds the benchmark's 1,000-format site twice:
// streamed to disk with every core, and in memory with one core reading
// directories in reverse order. Every file, the manifest and the offline zip
// among them, is byte-identical.
func TestDeterministicAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the 1,000-format site")
	}
	fsys := synthFS(t, 1000)
	out := filepath.Join(t.TempDir(), "public")
	n, err := generator.Build(fsys, out, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	disk := readTree(t, out)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	memory := mustGenerate(t, reversedFS{fsys})
	if n != len(memory) || len(disk) != len(memory) {
		t.Fatalf("Build wrote %d files (%d on disk); in memory there are %d", n, len(disk), len(memory))
	}
	for _, f := range memory {
		if !bytes.Equal(disk[f.Path], f.Data) {
			t.Errorf("%s differs between the two builds", f.Path)
		}
	}
}
