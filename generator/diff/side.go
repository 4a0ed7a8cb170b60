package diff

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"formatlas/generator"
	"formatlas/generator/load"
	"formatlas/generator/site"
)

// Load builds one version of the site in memory: arg is a site directory, or
// else a git revision of the repository that holds repoDir (see Open). When
// it does not build with its own templates (an older revision may predate a
// template the code now needs), its content is built once more with theme,
// if given, and themed says so.
func Load(ctx context.Context, repoDir, arg string, theme fs.FS) (s Side, themed bool, err error) {
	fsys, closeSite, err := Open(ctx, repoDir, arg)
	if err != nil {
		return Side{}, false, err
	}
	defer closeSite()
	r, err := generator.Check(fsys, generator.Options{})
	if err != nil && theme != nil {
		if r2, err2 := generator.Check(overlay{content: fsys, theme: theme}, generator.Options{}); err2 == nil {
			r, err, themed = r2, nil, true
		}
	}
	if err != nil {
		return Side{}, false, fmt.Errorf("%s does not build:\n%w", arg, err)
	}
	return NewSide(fsys, r), themed, nil
}

// NewSide is the side of the site fsys, checked as r: its model, its files,
// and its commentaries, read from fsys. A commentary that does not read
// would have failed the check.
func NewSide(fsys fs.FS, r *generator.Result) Side {
	return Side{Site: r.Site, Files: r.Files, Commentary: readCommentary(fsys, r.Site)}
}

func readCommentary(fsys fs.FS, s *site.Site) map[string][]byte {
	out := map[string][]byte{}
	for _, p := range s.CommentaryPaths() {
		out[p], _, _ = load.ReadMarkdown(load.RegularFS(fsys), p)
	}
	return out
}

// Theme is the templates and static files to build an old side's content
// with when its own no longer build: those of the new side newArg when it is
// a directory, else those of the working tree siteDir.
func Theme(siteDir, newArg string) fs.FS {
	if info, err := os.Stat(newArg); err == nil && info.IsDir() {
		return os.DirFS(newArg)
	}
	return os.DirFS(siteDir)
}

// overlay is a site directory whose content/ comes from one tree and whose
// templates/ and static/ come from another.
type overlay struct{ content, theme fs.FS }

func (o overlay) Open(name string) (fs.File, error) { return o.of(name).Open(name) }

// Stat lets load.RegularFS tell a named pipe without opening it.
func (o overlay) Stat(name string) (fs.FileInfo, error) { return fs.Stat(o.of(name), name) }

// of is the tree that name is read from.
func (o overlay) of(name string) fs.FS {
	if name == "content" || strings.HasPrefix(name, "content/") {
		return o.content
	}
	return o.theme
}
