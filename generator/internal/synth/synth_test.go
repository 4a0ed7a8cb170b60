package synth

import (
	"bytes"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// genPy is gen.py relative to this package: the repository (generator/internal/synth
// inside it) sits beside shared/, locally and in CI.
const genPy = "../../../../shared/bench/gen.py"

// TestMatchesGenPy runs gen.py --formatlas and compares every file it wrote
// with Site's, byte for byte, and the two sets of paths.
func TestMatchesGenPy(t *testing.T) {
	script, err := filepath.Abs(genPy)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(script); err != nil {
		missing(t, "gen.py not found at "+script+": "+err.Error())
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		missing(t, "python3 not found: "+err.Error())
	}

	for _, tc := range []struct{ n, c int }{{25, 60}, {3, 200}} {
		t.Run("n"+strconv.Itoa(tc.n)+"-c"+strconv.Itoa(tc.c), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "site")
			cmd := exec.Command(python, script, "--n", strconv.Itoa(tc.n), "--c", strconv.Itoa(tc.c),
				"--out", out, "--formatlas")
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("gen.py: %v\n%s", err, msg)
			}
			want := readTree(t, out)
			got := Site(Options{N: tc.n, C: tc.c})
			compare(t, want, got)
		})
	}
}

// missing skips the test when gen.py or Python is unavailable, except in CI,
// where the comparison must run.
func missing(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// readTree returns every regular file below root as slash path -> bytes.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// compare reports paths present on one side only and files whose bytes differ,
// with the first differing offset and some context.
func compare(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	for _, p := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[p]
		if !ok {
			t.Errorf("%s: written by gen.py, missing from Site", p)
			continue
		}
		if w := want[p]; !bytes.Equal(w, g) {
			i := 0
			for i < len(w) && i < len(g) && w[i] == g[i] {
				i++
			}
			lo := max(0, i-60)
			t.Errorf("%s: differs at byte %d (len gen.py %d, Site %d)\ngen.py: %q\nSite:   %q",
				p, i, len(w), len(g), w[lo:min(len(w), i+60)], g[lo:min(len(g), i+60)])
		}
	}
	for _, p := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: in Site, not written by gen.py", p)
		}
	}
}

// TestDeterministic checks that Site depends only on its options.
func TestDeterministic(t *testing.T) {
	opts := Options{N: 10, C: 40}
	a, b := Site(opts), Site(opts)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("two calls of Site with the same options differ")
	}
	if len(a) != 3+2*opts.N {
		t.Fatalf("Site returned %d files, want %d", len(a), 3+2*opts.N)
	}
}
