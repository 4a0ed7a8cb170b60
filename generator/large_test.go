package generator_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
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

// TestMatrixInParts builds a 250-format site: its matrix pages are an
// overview whose counts add up to every membership, and the parts hold one
// role cell per membership between them.
func TestMatrixInParts(t *testing.T) {
	files := mustGenerate(t, synthFS(t, 250))
	memberships := 0
	for _, f := range files {
		if f.Path == "data/memberships.csv" {
			memberships = bytes.Count(f.Data, []byte("\n")) - 1 // less the header
		}
	}
	counted := regexp.MustCompile(`<td>(\d+)</td>`)
	overview, parts, cells := 0, 0, 0
	for _, f := range files {
		switch {
		case f.Path == "matrix.html":
			for _, m := range counted.FindAllSubmatch(f.Data, -1) {
				n, _ := strconv.Atoi(string(m[1]))
				overview += n
			}
			if bytes.Contains(f.Data, []byte(`<td class="r-`)) {
				t.Error("the overview holds role cells")
			}
		case strings.HasPrefix(f.Path, "matrix/"):
			parts++
			cells += bytes.Count(f.Data, []byte(`<td class="r-`))
		}
	}
	if memberships == 0 || overview != memberships || cells != memberships || parts < 3 {
		t.Errorf("%d memberships; the overview counts %d, %d parts hold %d role cells", memberships, overview, parts, cells)
	}
}
