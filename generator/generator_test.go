package generator_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"formatlas/generator"
	"formatlas/generator/export"
	"formatlas/generator/linkcheck"
	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/render"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden renders testdata/site-small and compares every output file with
// testdata/golden/site-small, with the assets' fingerprints normalised (see
// normalise). Run with -update to accept new output. The offline zip is
// TestOfflineZip's.
func TestGolden(t *testing.T) {
	files, err := generator.Generate(fixtureFS(t, "site-small"))
	if err != nil {
		t.Fatal(err)
	}
	files = normalise(t, files)
	dir := filepath.Join(repoRoot, "testdata", "golden", "site-small")
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		writeTree(t, dir, files)
		return
	}
	want := readTree(t, dir)
	got := map[string][]byte{}
	for _, f := range files {
		got[f.Path] = f.Data
		w, ok := want[f.Path]
		switch {
		case !ok:
			t.Errorf("%s: not in the golden tree (run go test ./generator -run ^TestGolden$ -update)", f.Path)
		case !bytes.Equal(w, f.Data):
			t.Errorf("%s differs from the golden file:\n%s", f.Path, lineDiff(string(w), string(f.Data)))
		}
	}
	for p := range want {
		if _, ok := got[p]; !ok {
			t.Errorf("%s: in the golden tree but no longer generated", p)
		}
	}
}

// fingerprintRE matches a fingerprinted asset's path, as render names it:
// assets/style.1a2b3c4d.css.
var fingerprintRE = regexp.MustCompile(`^` + regexp.QuoteMeta(render.AssetsDir) + `(.+)\.([0-9a-f]{8})(\.(?:css|js))$`)

// noFingerprint stands for every fingerprint in the golden tree: not
// hexadecimal, so it is never a real one.
const noFingerprint = "xxxxxxxx"

// normalise returns the files as the golden tree holds them, so that a
// one-line edit of a stylesheet changes the stylesheet and its entry in the
// manifest, not every page. Each asset's fingerprint, checked against its
// bytes, becomes noFingerprint in the asset's path and wherever a file names
// that path; a page naming an asset by a stale fingerprint keeps it, and
// differs from its golden file. The offline zip is left out (TestOfflineZip
// unpacks it), and the manifest describes the files so rewritten.
func normalise(t *testing.T, files []publish.File) []publish.File {
	t.Helper()
	var names []string // old, new
	for _, f := range files {
		m := fingerprintRE.FindStringSubmatch(f.Path)
		if m == nil {
			continue
		}
		if sum := sha256.Sum256(f.Data); m[2] != hex.EncodeToString(sum[:4]) {
			t.Errorf("%s: the fingerprint is not of its bytes, whose SHA-256 starts %x", f.Path, sum[:4])
		}
		names = append(names, f.Path, render.AssetsDir+m[1]+"."+noFingerprint+m[3])
	}
	paths := strings.NewReplacer(names...)
	built := map[string][]byte{}
	var out []publish.File
	for _, f := range files {
		built[f.Path] = f.Data
		if f.Path != publish.OfflinePath && f.Path != publish.ManifestPath {
			out = append(out, publish.File{Path: paths.Replace(f.Path), Data: []byte(paths.Replace(string(f.Data)))})
		}
	}
	return append(out, normaliseManifest(t, built, out, paths))
}

// normaliseManifest checks the manifest's entries against the files built,
// and rewrites them for the golden tree: for the files as normalised, and
// for the offline zip, which the tree does not hold, no hash or size.
func normaliseManifest(t *testing.T, built map[string][]byte, normalised []publish.File, paths *strings.Replacer) publish.File {
	t.Helper()
	var m manifestJSON
	if err := json.Unmarshal(built[publish.ManifestPath], &m); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m.encode(), built[publish.ManifestPath]) {
		t.Fatalf("%s is not in the layout this test rewrites", publish.ManifestPath)
	}
	golden := map[string][]byte{}
	for _, f := range normalised {
		golden[f.Path] = f.Data
	}
	for i, e := range m.Files {
		if data, ok := built[e.Path]; !ok || sha256Hex(data) != e.SHA256 || len(data) != e.Size {
			t.Errorf("%s: the manifest's entry does not match the file built", e.Path)
		}
		e.Path = paths.Replace(e.Path)
		e.SHA256, e.Size = sha256Hex(golden[e.Path]), len(golden[e.Path])
		if e.Path == publish.OfflinePath {
			e.SHA256, e.Size = strings.Repeat("x", len(e.SHA256)), 0
		}
		m.Files[i] = e
	}
	return publish.File{Path: publish.ManifestPath, Data: m.encode()}
}

// manifestJSON is manifest.json, as render writes it.
type manifestJSON struct {
	Files []struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
		Size   int    `json:"size"`
	} `json:"files"`
}

func (m manifestJSON) encode() []byte {
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		panic(err) // strings and ints
	}
	return append(data, '\n')
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// TestOfflineZip unpacks the fixture's offline zip: it holds, under one
// folder, every other file of the build but the manifest (which lists the
// zip), each once and byte for byte.
func TestOfflineZip(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{"fixture": fixtureFS(t, "site-small"), "real": realFS(t)} {
		t.Run(name, func(t *testing.T) { offlineZip(t, mustGenerate(t, fsys)) })
	}
}

// offlineZip checks the archive of a build's files: the site's files in the
// folder formatlas/ but the archive itself, the site's manifest, 404.html
// (a host's page, whose links start at the server's root) and the home
// page, which is its own: it says it is the offline copy and offers no
// archive, where the site's gives the archive's size. The archive has its
// own manifest, of its own files, and every link of every file in it
// resolves inside it.
func offlineZip(t *testing.T, files []publish.File) {
	want := map[string][]byte{}
	var archive []byte
	for _, f := range files {
		switch f.Path {
		case publish.OfflinePath:
			archive = f.Data
		case publish.ManifestPath, view.NotFoundPath:
		default:
			want[f.Path] = f.Data
		}
	}
	seen, once := map[string][]byte{}, map[string]bool{}
	var unpacked []linkcheck.File
	for _, e := range unzip(t, archive) {
		p, ok := strings.CutPrefix(e.Path, "formatlas/")
		w, made := want[p]
		switch {
		case !ok || once[p]:
			t.Errorf("zip entry %s: not once in the folder formatlas/", e.Path)
		case p == view.HomePath || p == publish.ManifestPath:
		case !made:
			t.Errorf("zip entry %s: the build has no %s", e.Path, p)
		case !bytes.Equal(e.Data, w):
			t.Errorf("zip entry %s differs from the build's file:\n%s", e.Path, lineDiff(string(w), string(e.Data)))
		}
		seen[p], once[p] = e.Data, true
		unpacked = append(unpacked, linkcheck.File{Path: p, Data: e.Data})
	}
	for p := range want {
		if !once[p] {
			t.Errorf("%s is not in the zip", p)
		}
	}
	if len(seen) < 40 {
		t.Errorf("only %d files in the zip: the fixture lost its pages", len(seen))
	}
	home, siteHome := string(seen[view.HomePath]), string(want[view.HomePath])
	if !strings.Contains(home, "This is the offline copy") || strings.Contains(home, publish.OfflinePath) {
		t.Errorf("the zip's home page does not say it is the offline copy, or offers the zip")
	}
	if size := view.Bytes(len(archive)); !strings.Contains(siteHome, publish.OfflinePath) || !strings.Contains(siteHome, "("+size+")") {
		t.Errorf("the site's home page does not offer the zip with its size, %s", size)
	}
	// the zip's manifest lists each of its other files with its hash
	var m manifestJSON
	if err := json.Unmarshal(seen[publish.ManifestPath], &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != len(seen)-1 {
		t.Errorf("the zip's manifest lists %d files, the zip holds %d besides it", len(m.Files), len(seen)-1)
	}
	for _, e := range m.Files {
		if data := seen[e.Path]; !once[e.Path] || sha256Hex(data) != e.SHA256 || len(data) != e.Size {
			t.Errorf("the zip's manifest entry for %s does not match the zip's file", e.Path)
		}
	}
	// no link leads out of the unpacked copy: a link from the server's
	// root would not resolve against this base
	for _, p := range linkcheck.Check("/no-server-root/", unpacked) {
		t.Error(p)
	}
}

// unzip reads every entry of archive, in order.
func unzip(t *testing.T, archive []byte) []publish.File {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	var files []publish.File
	for _, e := range r.File {
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		if err == nil {
			err = rc.Close()
		}
		if err != nil {
			t.Fatalf("zip entry %s: %v", e.Name, err)
		}
		files = append(files, publish.File{Path: e.Name, Data: data})
	}
	return files
}

// TestPageKinds checks that the real site has every page kind.
func TestPageKinds(t *testing.T) {
	files, err := generator.Generate(realFS(t))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, f := range files {
		have[f.Path] = true
	}
	for _, p := range []string{"index.html", "formats/index.html", "formats/jef.html", "formats/nato.html",
		"countries/index.html", "countries/fin.html", "matrix.html", "sources.html", "print.html",
		"lessons/index.html", "pages/about.html", "404.html", "sitemap.xml", "robots.txt", "search-index.js",
		"formatlas-offline.zip", "manifest.json", "_redirects", "favicon.svg"} {
		if !have[p] {
			t.Errorf("the real site has no %s", p)
		}
	}
	for _, prefix := range []string{"assets/style.", "assets/chroma.", "assets/search.", "assets/matrix."} {
		found := false
		for p := range have {
			found = found || strings.HasPrefix(p, prefix)
		}
		if !found {
			t.Errorf("the real site has no fingerprinted %s*", prefix)
		}
	}
}

// TestLinksResolve checks every internal href and src of the fixture and of
// the real site against the generated files and their ids.
func TestLinksResolve(t *testing.T) {
	for name, fsys := range map[string]func(*testing.T) []publish.File{
		"fixture": func(t *testing.T) []publish.File { return mustGenerate(t, fixtureFS(t, "site-small")) },
		"real":    func(t *testing.T) []publish.File { return mustGenerate(t, realFS(t)) },
	} {
		base := map[string]string{"fixture": "/atlas/", "real": "/"}[name] // the paths of their base_url
		t.Run(name, func(t *testing.T) {
			files := fsys(t)
			var in []linkcheck.File
			links := 0
			for _, f := range files {
				in = append(in, linkcheck.File{Path: f.Path, Data: f.Data})
				links += bytes.Count(f.Data, []byte("href="))
			}
			if links < 50 {
				t.Fatalf("only %d links in the site: the check would prove little", links)
			}
			for _, p := range linkcheck.Check(base, in) {
				t.Error(p)
			}
		})
	}
}

func mustGenerate(t *testing.T, fsys fs.FS) []publish.File {
	t.Helper()
	files, err := generator.Generate(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDeterministic builds the real site and the time fixture three ways — twice as is, once
// reading directories in reverse order with one CPU — and compares the bytes.
func TestDeterministic(t *testing.T) {
	// the time fixture for its snapshot: then-and-now lines, changes.html and the snapshot matrix
	// and the second atlas for a vocabulary of its own
	for name, fsys := range map[string]fstest.MapFS{"real": realFS(t), "time": fixtureFS(t, "site-time"), "other": contentFS(t, "site-other")} {
		first := mustGenerate(t, fsys)
		second := mustGenerate(t, fsys)
		prev := runtime.GOMAXPROCS(1)
		third := mustGenerate(t, reversedFS{fsys})
		runtime.GOMAXPROCS(prev)
		for _, other := range [][]publish.File{second, third} {
			if len(other) != len(first) {
				t.Fatalf("%s: %d files, then %d", name, len(first), len(other))
			}
			for i := range first {
				if first[i].Path != other[i].Path || !bytes.Equal(first[i].Data, other[i].Data) {
					t.Errorf("%s: %s differs between builds", name, first[i].Path)
				}
			}
		}
	}
}

// TestAtomicBuild shows that a failing build leaves the previous output
// byte-identical, files linked from it included, and leaves no temporary
// directory behind.
func TestAtomicBuild(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	good := fixtureFS(t, "site-small")
	if _, err := generator.Build(good, out, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)

	brokenTemplate := cloneFS(good)
	brokenTemplate["templates/format.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.NoSuchField}}{{end}}`)}
	brokenRecord := cloneFS(good)
	brokenRecord["content/formats/jef.toml"] = &fstest.MapFile{Data: []byte("name = \"JEF\"\ncategory = [\n")}
	// static files at the paths of an unchanged page and of robots.txt: the
	// page is linked from the previous output before its twin arrives
	shadowing := cloneFS(good)
	shadowing["static/formats/jef.html"] = &fstest.MapFile{Data: []byte("not the page")}
	shadowing["static/robots.txt"] = &fstest.MapFile{Data: []byte("not the robots file")}
	for name, fsys := range map[string]fstest.MapFS{"template": brokenTemplate, "record": brokenRecord, "static file": shadowing} {
		if _, err := generator.Build(fsys, out, generator.Options{}); err == nil {
			t.Fatalf("broken %s: build succeeded", name)
		}
		after := readTree(t, out)
		if len(after) != len(before) {
			t.Errorf("broken %s: output has %d files, had %d", name, len(after), len(before))
		}
		for p, data := range before {
			if !bytes.Equal(after[p], data) {
				t.Errorf("broken %s: %s changed", name, p)
			}
		}
		entries, _ := os.ReadDir(parent)
		if len(entries) != 1 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("broken %s: the output's directory holds %s, want only public", name, strings.Join(names, ", "))
		}
	}
}

func cloneFS(m fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range m {
		c := *v
		out[k] = &c
	}
	return out
}

// readTree reads every file under dir, keyed by slash-separated relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// writeTree writes files under dir, which it makes.
func writeTree(t *testing.T, dir string, files []publish.File) {
	t.Helper()
	for _, f := range files {
		dst := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// builtFiles reads the output directory dir as files, sorted by path.
func builtFiles(t *testing.T, dir string) []publish.File {
	t.Helper()
	var files []publish.File
	for p, data := range readTree(t, dir) {
		files = append(files, publish.File{Path: p, Data: data})
	}
	slices.SortFunc(files, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// lineDiff shows how got differs from want, line by line.
func lineDiff(want, got string) string {
	return cmp.Diff(strings.Split(want, "\n"), strings.Split(got, "\n"))
}

var scriptTagRE = regexp.MustCompile(`<script[^>]*>`)

// TestNoInlineOrExternal holds the real site to the CSP that _headers
// sends: no inline style or script, and no asset from another origin.
func TestNoInlineOrExternal(t *testing.T) {
	for _, f := range mustGenerate(t, realFS(t)) {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		page := string(f.Data)
		for _, bad := range []string{" style=", "<style", `src="http`, `src="//`, `<link rel="stylesheet" href="http`, " onclick=", " onload="} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %s", f.Path, bad)
			}
		}
		for _, tag := range scriptTagRE.FindAllString(page, -1) {
			if !strings.Contains(tag, " src=") {
				t.Errorf("%s has an inline script: %s", f.Path, tag)
			}
		}
	}
}

// TestManifestAndBaseURL checks that manifest.json lists every other file
// with the hash of its bytes, and that a base URL given to the build replaces
// the one of site.toml.
func TestManifestAndBaseURL(t *testing.T) {
	r, err := generator.Check(fixtureFS(t, "site-small"), generator.Options{BaseURL: "https://preview.example.net/"})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for _, f := range r.Files {
		byPath[f.Path] = f.Data
	}
	var m struct {
		Files []struct {
			Path, SHA256 string
			Size         int
		}
	}
	if err := json.Unmarshal(byPath[publish.ManifestPath], &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != len(r.Files)-1 {
		t.Errorf("the manifest lists %d files, the build has %d besides it", len(m.Files), len(r.Files)-1)
	}
	for _, e := range m.Files {
		sum := sha256.Sum256(byPath[e.Path])
		if hex.EncodeToString(sum[:]) != e.SHA256 || len(byPath[e.Path]) != e.Size {
			t.Errorf("manifest entry for %s does not match its bytes", e.Path)
		}
	}
	if !bytes.Contains(byPath[export.SitemapPath], []byte("<loc>https://preview.example.net/index.html</loc>")) {
		t.Errorf("the sitemap does not use the base URL given to the build:\n%s", byPath[export.SitemapPath])
	}
	if _, err := generator.Check(fixtureFS(t, "site-small"), generator.Options{BaseURL: "ftp://x/"}); err == nil {
		t.Error("a base URL that is not http(s) was accepted")
	}
}

// TestDeterministicAcrossDirectories builds the same site from two different
// directories on disk, one with GOMAXPROCS 1: the outputs are byte-identical,
// manifest included.
func TestDeterministicAcrossDirectories(t *testing.T) {
	var builds [2][]publish.File
	for i := range builds {
		dir := filepath.Join(t.TempDir(), fmt.Sprintf("somewhere-%d", i), "site")
		for p, f := range fixtureFS(t, "site-small") {
			dst := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if i == 1 {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		}
		builds[i] = mustGenerate(t, os.DirFS(dir))
	}
	if len(builds[0]) != len(builds[1]) {
		t.Fatalf("%d files, then %d", len(builds[0]), len(builds[1]))
	}
	for i, f := range builds[0] {
		if g := builds[1][i]; g.Path != f.Path || !bytes.Equal(g.Data, f.Data) {
			t.Errorf("%s differs between directories", f.Path)
		}
	}
}

// TestRebuildLinksUnchangedFiles builds twice into one directory: the second
// build hard-links the files whose bytes did not change, writes the one that
// did, and the result holds exactly the new bytes.
func TestRebuildLinksUnchangedFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	fsys := fixtureFS(t, "site-small")
	if _, err := generator.Build(fsys, out, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	stat := func(p string) os.FileInfo {
		info, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	oldSources, oldJEF := stat("sources.html"), stat("formats/jef.html")
	fsys["content/formats/jef.toml"].Data = bytes.Replace(fsys["content/formats/jef.toml"].Data,
		[]byte("A UK-led high-readiness force."), []byte("A changed summary."), 1)
	n, err := generator.Build(fsys, out, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := mustGenerate(t, fsys)
	if n != len(files) {
		t.Errorf("Build says it wrote %d files; the site has %d", n, len(files))
	}
	if !os.SameFile(oldSources, stat("sources.html")) {
		t.Error("an unchanged file was written again, not linked")
	}
	if os.SameFile(oldJEF, stat("formats/jef.html")) {
		t.Error("a changed file was linked from the old build")
	}
	got := readTree(t, out)
	if len(got) != len(files) {
		t.Fatalf("%d files on disk, %d built", len(got), len(files))
	}
	for _, f := range files {
		if !bytes.Equal(got[f.Path], f.Data) {
			t.Errorf("%s on disk differs from the build", f.Path)
		}
	}
}
