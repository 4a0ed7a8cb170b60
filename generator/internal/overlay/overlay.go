// Package overlay lays one file system over others, as a site lies over its
// theme: in each folder that a lower system is mounted at, a file of the
// upper system replaces the lower's file of the same path, and a folder lists
// the files of both.
package overlay

import (
	"errors"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"
)

// FS is upper over the systems of lower, each mounted at its folder (a
// top-level name such as "templates"); elsewhere it is upper alone.
type FS struct {
	upper fs.FS
	lower map[string]fs.FS
}

// New lays upper over lower, whose keys are the folders they are mounted at.
func New(upper fs.FS, lower map[string]fs.FS) FS { return FS{upper, lower} }

// under is the lower system that name lies in, and its path there.
func (o FS) under(name string) (fs.FS, string, bool) {
	dir, rest, _ := strings.Cut(name, "/")
	low, ok := o.lower[dir]
	if rest == "" {
		rest = "."
	}
	return low, rest, ok
}

// Open opens name in upper, or, within a mounted folder when upper has no
// such file, in the system mounted there. A folder is opened as the listing
// of both.
func (o FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if _, _, mounted := o.under(name); !mounted && name != "." {
		return o.upper.Open(name) // content/ and the like: the site's alone, read at full speed
	}
	st, err := o.Stat(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if st.IsDir() {
		entries, err := o.ReadDir(name)
		if err != nil {
			return nil, err
		}
		return &dir{info: st, entries: entries}, nil
	}
	f, err := o.upper.Open(name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return f, err
	}
	if low, rest, ok := o.under(name); ok {
		return low.Open(rest)
	}
	return nil, err
}

// dir is an open folder: its merged listing.
type dir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	read    int // how many entries ReadDir has returned
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Close() error               { return nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errors.New("is a directory")}
}

// ReadDir returns the next n entries, or with n <= 0 all that are left, as
// fs.ReadDirFile says.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	left := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return left, nil
	}
	if len(left) == 0 {
		return nil, io.EOF
	}
	left = left[:min(n, len(left))]
	d.read += len(left)
	return left, nil
}

// Stat stats name as Open finds it.
func (o FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	st, err := fs.Stat(o.upper, name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return st, err
	}
	if low, rest, ok := o.under(name); ok {
		if rest == "." { // a mounted folder is named as it is mounted
			if _, err := fs.Stat(low, "."); err != nil {
				return nil, err
			}
			return dirInfo{name}, nil
		}
		return fs.Stat(low, rest)
	}
	return nil, err
}

// ReadDir lists name in upper and in the system mounted there, an entry of
// upper winning over the lower's of the same name, sorted by name. The root
// lists the mounted folders too.
func (o FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	up, err := fs.ReadDir(o.upper, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var low []fs.DirEntry
	found := err == nil
	if name == "." {
		for _, d := range slices.Sorted(maps.Keys(o.lower)) {
			low = append(low, fs.FileInfoToDirEntry(dirInfo{d}))
		}
		found = true
	} else if sys, rest, ok := o.under(name); ok {
		if l, lerr := fs.ReadDir(sys, rest); lerr == nil {
			low, found = l, true
		}
	}
	if !found {
		return nil, err
	}
	out := slices.Clone(up)
	for _, e := range low {
		if !slices.ContainsFunc(up, func(u fs.DirEntry) bool { return u.Name() == e.Name() }) {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// dirInfo describes a mounted folder.
type dirInfo struct{ name string }

func (d dirInfo) Name() string         { return d.name }
func (dirInfo) Size() int64            { return 0 }
func (dirInfo) Mode() fs.FileMode      { return fs.ModeDir | 0o555 }
func (dirInfo) ModTime() (t time.Time) { return t }
func (dirInfo) IsDir() bool            { return true }
func (dirInfo) Sys() any               { return nil }
