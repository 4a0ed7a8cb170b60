package generator_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"formatlas/generator"
)

var updateBad = flag.Bool("update-bad", false, "rewrite the want sections of testdata/bad (check each by hand!)")

// TestBadInput runs the bad-input corpus: each testdata/bad/*.txtar lays its
// files over the fixture site and holds, in its "want" file, the exact errors
// the build must report.
func TestBadInput(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "bad", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no bad-input corpus: %v", err)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fixtureFS(t, "site-small")
			var want *txtar.File
			for i, f := range ar.Files {
				if f.Name == "want" {
					want = &ar.Files[i]
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			if want == nil {
				t.Fatal("no want file")
			}
			_, err = generator.Generate(fsys)
			got := ""
			if err != nil {
				got = err.Error() + "\n"
			}
			if *updateBad {
				want.Data = []byte(got)
				if err := os.WriteFile(p, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got == "" {
				t.Fatal("the build succeeded")
			}
			if got != string(want.Data) {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want.Data)
			}
		})
	}
}
