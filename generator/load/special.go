package load

import (
	"errors"
	"io/fs"
	"path"
)

// RegularFS is fsys, but refusing to open anything that is neither a regular
// file nor a directory: a named pipe would block the read forever, and a
// socket or device file is no content either. A symlink is judged by what it
// leads to. Every stage reads the site directory through it.
func RegularFS(fsys fs.FS) fs.FS { return regularFS{fsys} }

// SpecialFileError is the error of opening a named pipe, socket or device
// file through RegularFS.
type SpecialFileError struct{ Kind string }

func (e *SpecialFileError) Error() string {
	return "a " + e.Kind + ", not a file: formatlas reads only regular files and folders"
}

type regularFS struct{ fsys fs.FS }

func (r regularFS) Open(name string) (fs.File, error) {
	if err := r.check("open", name); err != nil {
		return nil, err
	}
	return r.fsys.Open(name)
}

func (r regularFS) ReadFile(name string) ([]byte, error) {
	if err := r.check("open", name); err != nil {
		return nil, err
	}
	return fs.ReadFile(r.fsys, name)
}

func (r regularFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := r.check("open", name); err != nil {
		return nil, err
	}
	return fs.ReadDir(r.fsys, name)
}

func (r regularFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(r.fsys, name) }

// check refuses name if it is a special file. It never opens name, which
// could block: any error is left for the open to report.
func (r regularFS) check(op, name string) error {
	info, err := statNoOpen(r.fsys, name)
	if err != nil || info == nil {
		return nil
	}
	if kind := specialKind(info.Mode()); kind != "" {
		return &fs.PathError{Op: op, Path: name, Err: &SpecialFileError{Kind: kind}}
	}
	return nil
}

// statNoOpen is fs.Stat without opening name: fs.Stat opens a file when
// fsys has no Stat method, and opening a named pipe blocks. Such a file
// system is asked for the listing of name's folder instead; a symlink there
// cannot be judged, and gives no information.
func statNoOpen(fsys fs.FS, name string) (fs.FileInfo, error) {
	if sfs, ok := fsys.(fs.StatFS); ok {
		return sfs.Stat(name)
	}
	if name == "." {
		return nil, nil
	}
	entries, err := fs.ReadDir(fsys, path.Dir(name))
	if err != nil {
		return nil, err
	}
	base := path.Base(name)
	for _, e := range entries {
		if e.Name() == base {
			if e.Type()&fs.ModeSymlink != 0 {
				return nil, nil
			}
			return e.Info()
		}
	}
	return nil, fs.ErrNotExist
}

func specialKind(m fs.FileMode) string {
	switch {
	case m.IsRegular() || m.IsDir():
		return ""
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device file"
	}
	return "special file"
}

// special is the message for err if it is a SpecialFileError.
func special(err error) (string, bool) {
	var se *SpecialFileError
	if errors.As(err, &se) {
		return se.Error(), true
	}
	return "", false
}
