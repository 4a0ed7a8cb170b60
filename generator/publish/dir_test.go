package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// build is a small output whose every file says which build made it, with
// its manifest.
func build(version string) []File {
	files := []File{
		{Path: "index.html", Data: []byte(version)},
		{Path: "formats/jef.html", Data: []byte("jef " + version)},
		{Path: "assets/site.css", Data: []byte("body{}")}, // the same in every build: linked
	}
	if version == "v3" {
		files = append(files, File{Path: "formats/new.html", Data: []byte("new")})
	}
	type entry struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
		Size   int    `json:"size"`
	}
	var m struct {
		Files []entry `json:"files"`
	}
	for _, f := range files {
		sum := sha256.Sum256(f.Data)
		m.Files = append(m.Files, entry{f.Path, hex.EncodeToString(sum[:]), len(f.Data)})
	}
	data, _ := json.Marshal(m)
	return append(files, File{Path: ManifestPath, Data: data})
}

// tree is every file under dir, by slash-separated path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	must(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	}))
	return out
}

func want(version string) map[string]string {
	out := map[string]string{}
	for _, f := range build(version) {
		out[f.Path] = string(f.Data)
	}
	return out
}

func same(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// names lists dir's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// killed is what a test's step hook panics with, to stop a swap where a kill
// would: nothing after it runs, not even cleanup.
type killed struct{ step string }

// writeKilled builds files into out as Write does, and stops it at step.
func writeKilled(t *testing.T, out string, files []File, contents, exchange bool, step string) (stopped bool) {
	t.Helper()
	d, err := open(out, contents)
	must(t, err)
	if !exchange {
		d.exchange = func(a, b string) error { return errNoExchange }
	}
	d.step = func(name string) {
		if name == step {
			panic(killed{name})
		}
	}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(killed); !ok {
				panic(r)
			}
			stopped = true
			d.unlock() // the system closes a killed process's files, and so ends its lock
		}
	}()
	for _, f := range files {
		must(t, d.Put(f))
	}
	must(t, d.Commit())
	return false
}

// TestSwapKilledAtEachStep stops a build at each named step of the swap, as a
// kill would, in each of the three ways of swapping. The previous output must
// survive whole until the new one is in, the output must always exist where
// the swap is atomic, and the next build must leave nothing behind.
func TestSwapKilledAtEachStep(t *testing.T) {
	for _, mode := range []struct {
		name               string
		contents, exchange bool
		steps              []string
		atomic             bool
	}{
		{"exchange", false, true, []string{"unmark", "exchange", "remove-old", "removing"}, true},
		{"two-renames", false, false, []string{"unmark", "exchange", "aside", "rename-in", "remove-old", "removing"}, false},
		{"mount-point", true, false, []string{"unmark", "keep-manifest", "clear", "move-in", "cleanup"}, false},
	} {
		for _, step := range mode.steps {
			t.Run(mode.name+"/"+step, func(t *testing.T) {
				parent := t.TempDir()
				out := filepath.Join(parent, "public")
				if mode.contents {
					mkdirs(t, out)
				}
				d, err := open(out, mode.contents)
				must(t, err)
				for _, f := range build("v1") {
					must(t, d.Put(f))
				}
				must(t, d.Commit())
				if !writeKilled(t, out, build("v2"), mode.contents, mode.exchange, step) {
					t.Fatalf("the build was not stopped at %s", step)
				}
				_, err = os.Stat(out)
				switch {
				case mode.atomic && err != nil:
					t.Errorf("killed at %s: no output: %v", step, err)
				case mode.atomic:
					if got := tree(t, out); !same(got, want("v1")) && !same(got, want("v2")) {
						t.Errorf("killed at %s: the output is neither build: %v", step, got)
					}
				case !mode.contents && step != "rename-in" && err != nil: // the one gap of two renames
					t.Errorf("killed at %s: no output: %v", step, err)
				}
				if !mode.atomic && !mode.contents && step == "rename-in" {
					// the next build puts the previous output back, even if it fails itself
					failed, err := open(out, false)
					must(t, err)
					failed.Abort()
					if got := tree(t, out); !same(got, want("v1")) {
						t.Errorf("after a kill between the renames and a failed build, the output is %v", got)
					}
				}
				if err := CheckOut("", out, false); err != nil {
					t.Errorf("killed at %s: the next build would refuse the output: %v", step, err)
				}
				must(t, Write(out, build("v3"), Options{}))
				if got := tree(t, out); !same(got, want("v3")) {
					t.Errorf("the build after one killed at %s wrote %v", step, got)
				}
				if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
					t.Errorf("the build after one killed at %s left %v beside the output", step, got)
				}
			})
		}
	}
}

// TestSwapKeepsPreviousOnFailure: a failed step restores the previous output.
func TestSwapKeepsPreviousOnFailure(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	must(t, Write(out, build("v1"), Options{}))
	d, err := open(out, false)
	must(t, err)
	d.exchange = func(a, b string) error { return fmt.Errorf("the disk said no") }
	for _, f := range build("v2") {
		must(t, d.Put(f))
	}
	if err := d.Commit(); err == nil || !strings.Contains(err.Error(), "the disk said no") {
		t.Fatalf("Commit = %v", err)
	}
	if got := tree(t, out); !same(got, want("v1")) {
		t.Errorf("after a failed swap the output is %v", got)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("a failed swap left %v", got)
	}
}

// TestSweepRemovesOnlyOurs: the next build removes what killed builds left,
// old formatlas versions' too, and nothing that merely looks like it.
func TestSweepRemovesOnlyOurs(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	must(t, Write(out, build("v1"), Options{}))
	write(t, filepath.Join(parent, ".public.new-123456789", "index.html"), "an old version's leak")
	write(t, filepath.Join(parent, ".public.new-123456789.old", "index.html"), "an old version's leak")
	for _, f := range build("v0") {
		write(t, filepath.Join(parent, ".public.formatlas-1", f.Path), string(f.Data))
	}
	mkdirs(t, filepath.Join(parent, ".public.formatlas-2"))
	write(t, filepath.Join(parent, ".public.formatlas-3", markerName), "")
	write(t, filepath.Join(parent, ".public.formatlas-3", "formats", "jef.html"), "half a build")
	write(t, filepath.Join(parent, ".public.formatlas-4.trash", "formats", "jef.html"), "half deleted")
	write(t, filepath.Join(out, ".formatlas-new-5", "index.html"), "a mount point's work")
	keep := []string{".public.new-draft", ".public.new-12", ".public.formatlas-notes", ".public.bak", "public-old"}
	for _, k := range keep {
		write(t, filepath.Join(parent, k, "mine.txt"), "mine")
	}
	write(t, filepath.Join(parent, ".public.formatlas-6", ManifestPath), `{"not": "a manifest"}`)
	keep = append(keep, ".public.formatlas-6")

	must(t, Write(out, build("v2"), Options{}))
	beside := append([]string{"public"}, keep...)
	slices.Sort(beside)
	if got := names(t, parent); !slices.Equal(got, beside) {
		t.Errorf("beside the output after a build: %v, want %v", got, beside)
	}
	if got := tree(t, out); !same(got, want("v2")) {
		t.Errorf("the output is %v", got)
	}
}

// TestBuildsTakeTurns: a build into an output waits for one that is running
// into the same folder, instead of sweeping its work directory away.
func TestBuildsTakeTurns(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	must(t, Write(out, build("v1"), Options{}))
	first, err := open(out, false)
	must(t, err)
	done := make(chan error)
	go func() { done <- Write(out, build("v3"), Options{}) }()
	for _, f := range build("v2") {
		must(t, first.Put(f))
	}
	must(t, first.Commit())
	must(t, <-done)
	if got := tree(t, out); !same(got, want("v3")) {
		t.Errorf("after two builds in turn the output is %v", got)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("two builds in turn left %v", got)
	}
}

// TestKilledWhileRemoving: a build killed while it deletes the previous
// output, or while the next one deletes what it left, leaves a .trash name
// that the next build removes.
func TestKilledWhileRemoving(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	must(t, Write(out, build("v1"), Options{}))
	if !writeKilled(t, out, build("v2"), false, true, "removing") {
		t.Fatal("not stopped")
	}
	// the kill came halfway through the deletion: the manifest already gone
	var trash string
	for _, n := range names(t, parent) {
		if strings.HasSuffix(n, trashSuffix) {
			trash = filepath.Join(parent, n)
		}
	}
	if trash == "" {
		t.Fatalf("no .trash folder beside the output: %v", names(t, parent))
	}
	must(t, os.Remove(filepath.Join(trash, ManifestPath)))
	must(t, Write(out, build("v3"), Options{}))
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("left %v", got)
	}
}

// TestIsMountPoint tells the root of a mount from a folder inside one.
func TestIsMountPoint(t *testing.T) {
	if isMountPoint(t.TempDir()) {
		t.Error("a fresh temporary folder is taken for a mount point")
	}
	if _, err := os.Stat("/proc/self"); err == nil && !isMountPoint("/proc") {
		t.Error("/proc is not taken for a mount point")
	}
}
