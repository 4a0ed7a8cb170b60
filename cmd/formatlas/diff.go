package main

import (
	"archive/tar"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"formatlas/generator"
	"formatlas/generator/diff"
)

func diffCommand() *Command {
	return &Command{
		Name:  "diff",
		Usage: "[--site DIR] [--format markdown|json] OLD [NEW]",
		Short: "say what changed in meaning between two versions of the site",
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			siteDir := fs.String("site", ".", "the site `directory`: NEW when it is not given, and where git revisions are read")
			format := fs.String("format", "markdown", "markdown (for people) or json (for machines)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) < 1 || len(args) > 2 {
					return usageError{"diff takes OLD and optionally NEW: each a site directory or a git revision"}
				}
				if *format != "markdown" && *format != "json" {
					return usageError{fmt.Sprintf("--format is markdown or json, not %q", *format)}
				}
				newArg := *siteDir
				if len(args) == 2 {
					newArg = args[1]
				}
				theme := newTheme(*siteDir, newArg)
				var sides [2]diff.Side
				for i, arg := range []string{args[0], newArg} {
					s, themed, err := side(ctx, *siteDir, arg, theme)
					if err != nil {
						return err
					}
					if themed {
						fmt.Fprintf(env.Stderr, "formatlas diff: %s does not build with its own templates; its content was built with the current ones\n", arg)
					}
					sides[i] = s
				}
				old, new := sides[0], sides[1]
				report := diff.Compare(old, new)
				if *format == "json" {
					enc := json.NewEncoder(env.Stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(report)
				}
				newName := newArg
				if len(args) == 1 {
					newName = "working tree"
				}
				return report.WriteMarkdown(env.Stdout, args[0], newName)
			}
		},
	}
}

// side builds one version of the site in memory: arg is a site directory, or
// else a git revision of the repository that holds siteDir. When it does not
// build with its own templates (an older revision may predate a template the
// code now needs), its content is built once more with theme, if given, and
// themed says so.
func side(ctx context.Context, siteDir, arg string, theme fs.FS) (s diff.Side, themed bool, err error) {
	dir := arg
	if info, err := os.Stat(arg); err != nil || !info.IsDir() {
		tree, err := checkoutRevision(ctx, siteDir, arg)
		if err != nil {
			return diff.Side{}, false, err
		}
		defer os.RemoveAll(tree.root)
		dir = tree.site
	}
	fsys, closeRoot, err := openSite(dir)
	if err != nil {
		return diff.Side{}, false, err
	}
	defer closeRoot()
	r, err := generator.Check(fsys, generator.Options{})
	if err != nil && theme != nil {
		if r2, err2 := generator.Check(overlay{content: fsys, theme: theme}, generator.Options{}); err2 == nil {
			r, err, themed = r2, nil, true
		}
	}
	if err != nil {
		return diff.Side{}, false, fmt.Errorf("%s does not build:\n%w", arg, err)
	}
	return diff.Side{Site: r.Site, Files: r.Files}, themed, nil
}

// newTheme is the templates and static files of the new side, when it is a
// directory.
func newTheme(siteDir, newArg string) fs.FS {
	if info, err := os.Stat(newArg); err == nil && info.IsDir() {
		return os.DirFS(newArg)
	}
	return os.DirFS(siteDir)
}

// overlay is a site directory whose content/ comes from one tree and whose
// templates/ and static/ come from another.
type overlay struct{ content, theme fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if name == "content" || strings.HasPrefix(name, "content/") {
		return o.content.Open(name)
	}
	return o.theme.Open(name)
}

// revisionTree is a revision written out by git archive: root is the
// temporary directory, site the site directory inside it.
type revisionTree struct{ root, site string }

// checkoutRevision writes revision rev of the repository holding siteDir into
// a temporary directory with git archive, never touching the working tree.
func checkoutRevision(ctx context.Context, siteDir, rev string) (revisionTree, error) {
	git := func(args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, "git", append([]string{"-C", siteDir}, args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
		}
		return out, nil
	}
	if _, err := git("rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return revisionTree{}, usageError{fmt.Sprintf("%q is neither a site directory nor a git revision", rev)}
	}
	prefix, err := git("rev-parse", "--show-prefix")
	if err != nil {
		return revisionTree{}, err
	}
	archive, err := git("archive", "--format=tar", rev)
	if err != nil {
		return revisionTree{}, err
	}
	root, err := os.MkdirTemp("", "formatlas-diff-*")
	if err != nil {
		return revisionTree{}, err
	}
	if err := untar(bytes.NewReader(archive), root); err != nil {
		os.RemoveAll(root)
		return revisionTree{}, err
	}
	return revisionTree{root: root, site: filepath.Join(root, filepath.FromSlash(strings.TrimSpace(string(prefix))))}, nil
}

// untar writes the regular files and directories of a tar stream under dir.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.FromSlash(h.Name)
		if !fs.ValidPath(h.Name) && !fs.ValidPath(strings.TrimSuffix(h.Name, "/")) {
			return fmt.Errorf("git archive holds a path that leaves its folder: %q", h.Name)
		}
		dst := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
	}
}
