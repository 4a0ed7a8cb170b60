package publish

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"formatlas/generator/diag"
)

// ManifestPath is the file by which a directory is known as a formatlas
// build: it lists every other file of the build with its digest.
const ManifestPath = "manifest.json"

// OutError is an output directory that a build refuses to replace. It is the
// user's mistake in naming --out, not a failure of the build.
type OutError struct {
	Out string // as the user gave it
	Msg string
}

// Error is one line, whatever the path and the file names in it hold.
func (e *OutError) Error() string { return diag.OneLine(fmt.Sprintf("--out %s: %s", e.Out, e.Msg)) }

// siteParts are the folders of a site directory that an output may never lie
// in: a build replaces its output whole.
var siteParts = []string{"content", "templates", "static", ".git"}

// CheckOut refuses an output directory that a build would have to delete
// something of the user's to replace:
//   - the site directory itself, a folder holding it, or one inside its
//     content/, templates/, static/ or .git (site "" skips these checks);
//   - something that is not a directory;
//   - a non-empty directory that is not a formatlas build (it has no
//     manifest.json), or that holds files its manifest does not list, unless
//     force is set.
//
// Symbolic links are followed in both paths, so a link cannot hide a relation.
func CheckOut(site, out string, force bool) error {
	outReal, err := resolve(out)
	if err != nil {
		return &OutError{out, err.Error()}
	}
	if site != "" {
		siteReal, err := resolve(site)
		if err != nil {
			return fmt.Errorf("site directory: %w", err)
		}
		parts := map[string]string{}
		for _, part := range siteParts {
			if parts[part], err = resolve(filepath.Join(siteReal, part)); err != nil {
				return fmt.Errorf("site directory: %w", err)
			}
		}
		if msg := cmp.Or(relation(siteReal, outReal, parts), sameFileRelation(siteReal, outReal, parts)); msg != "" {
			return &OutError{out, msg}
		}
	}
	if info, err := os.Lstat(out); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
			return &OutError{out, "is a symbolic link to a folder that does not exist; make the folder, or choose another --out"}
		}
	}
	return checkExisting(out, outReal, force)
}

// relation says what is wrong with writing the output at out, given the site
// directory site and where its parts (content/, ...) are, or "" if nothing
// is. All are absolute, clean and free of symbolic links: a part may be a
// link to a folder elsewhere.
func relation(site, out string, parts map[string]string) string {
	switch {
	case out == site:
		return msgIsSite
	case within(out, site):
		return msgHoldsSite
	}
	for _, part := range siteParts {
		if dir := parts[part]; out == dir || within(dir, out) || within(out, dir) {
			return msgInside(part)
		}
	}
	return ""
}

const (
	msgIsSite    = "is the site directory; a build replaces its output whole (the default is public/ inside the site)"
	msgHoldsSite = "holds the site directory; a build replaces its output whole"
)

func msgInside(part string) string {
	return fmt.Sprintf("is inside the site's %s/ (or holds it); choose a folder of its own, such as public/", part)
}

// sameFileRelation is relation by identity of folders rather than by path,
// for what paths do not show: a bind mount, or a file system that ignores
// case. out or a folder above it may be the site or one of its parts.
func sameFileRelation(site, out string, parts map[string]string) string {
	infos := map[string]os.FileInfo{}
	for name, p := range map[string]string{"": site, "content": parts["content"], "templates": parts["templates"],
		"static": parts["static"], ".git": parts[".git"]} {
		if info, err := os.Stat(p); err == nil {
			infos[name] = info
		}
	}
	if outInfo, err := os.Stat(out); err == nil {
		for dir := filepath.Dir(site); ; dir = filepath.Dir(dir) {
			if info, err := os.Stat(dir); err == nil && os.SameFile(info, outInfo) {
				return msgHoldsSite
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	for dir, first := out, true; ; dir, first = filepath.Dir(dir), false {
		if info, err := os.Stat(dir); err == nil {
			for _, name := range append([]string{""}, siteParts...) {
				if want, ok := infos[name]; ok && os.SameFile(info, want) {
					switch {
					case name == "" && first:
						return msgIsSite
					case name != "":
						return msgInside(name)
					}
				}
			}
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// within reports whether path lies strictly inside dir.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve makes p absolute and follows every symbolic link in it. The parts
// that do not exist yet are kept as they are.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			slices.Reverse(rest)
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(dir) == dir {
			return "", err
		}
		rest = append(rest, filepath.Base(dir))
	}
}

// checkExisting refuses an existing out that is not a directory, or that is
// a directory a build may not replace.
func checkExisting(out, real string, force bool) error {
	info, err := os.Stat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return &OutError{out, err.Error()}
	case !info.IsDir():
		return &OutError{out, "is a file, not a directory; a build writes a directory there"}
	case force:
		return nil
	}
	foreign, err := foreignFiles(real)
	if err != nil {
		return &OutError{out, err.Error()}
	}
	switch {
	case foreign == nil:
		return nil
	case foreign.manifest:
		return &OutError{out, "is not empty and is not a formatlas build (it has no manifest.json); choose an empty or new folder, or pass --force to replace it"}
	default:
		return &OutError{out, fmt.Sprintf("holds %s that no formatlas build made, such as %s; move %s, or pass --force to delete %[3]s",
			plural(foreign.count, "file"), foreign.first, pronoun(foreign.count))}
	}
}

// foreign describes what of a directory no build made.
type foreign struct {
	manifest bool   // there is no manifest at all
	count    int    // files the manifests do not list
	first    string // the first of them, slash-separated
}

// foreignFiles finds the files of dir that no formatlas build made: those
// that neither its manifest nor that of a build interrupted inside it lists.
// It returns nil when there are none, and an empty directory has none.
func foreignFiles(dir string) (*foreign, error) {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return nil, err
	}
	ours := map[string]bool{ManifestPath: true}
	found := false
	for _, m := range append([]string{ManifestPath}, innerManifests(dir, entries)...) {
		paths, err := readManifest(filepath.Join(dir, m))
		if err != nil {
			continue
		}
		found = found || m == ManifestPath
		for _, p := range paths {
			ours[p] = true
		}
	}
	if !found {
		return &foreign{manifest: true}, nil
	}
	var f foreign
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(p[len(dir):])
		rel = strings.TrimPrefix(rel, "/")
		switch {
		case rel == "":
			return nil
		case d.IsDir() && isWorkDir(rel):
			return fs.SkipDir
		case d.IsDir():
			if empty, _ := isEmpty(p); !empty {
				return nil
			}
		case ours[rel]:
			return nil
		}
		if f.count == 0 {
			f.first = rel
		}
		f.count++
		return nil
	})
	if err != nil || f.count == 0 {
		return nil, err
	}
	return &f, nil
}

// innerManifests are the manifests of the work directories of builds inside
// dir (see contents.go), relative to dir.
func innerManifests(dir string, entries []fs.DirEntry) []string {
	var out []string
	for _, e := range entries {
		if e.IsDir() && isWorkDir(e.Name()) {
			out = append(out, e.Name()+"/"+ManifestPath)
		}
	}
	return out
}

// readManifest reads the paths a build's manifest lists. A file that is not
// a formatlas manifest is an error.
func readManifest(path string) ([]string, error) {
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() { // a named pipe would block
		return nil, fmt.Errorf("%s: not a formatlas manifest", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m struct {
		Files []struct {
			Path   string `json:"path"`
			SHA256 string `json:"sha256"`
			Size   *int   `json:"size"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	paths := make([]string, len(m.Files))
	for i, f := range m.Files {
		if f.Path == "" || len(f.SHA256) != 64 || f.Size == nil {
			return nil, fmt.Errorf("%s: not a formatlas manifest", path)
		}
		paths[i] = f.Path
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: not a formatlas manifest", path)
	}
	return paths, nil
}

func isEmpty(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	return len(entries) == 0, err
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
