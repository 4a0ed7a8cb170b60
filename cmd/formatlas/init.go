package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// starter is the small atlas that init writes: content/ alone, since the
// theme is built in.
//
//go:embed starter/content
var starter embed.FS

func initCommand() *Command {
	return &Command{
		Name:  "init",
		Usage: "[DIR]",
		Short: "start a new atlas in an empty or new directory",
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 1 {
					return usageError{fmt.Sprintf("unexpected arguments: %v", args[1:])}
				}
				dir := "."
				if len(args) == 1 {
					dir = args[0]
				}
				if dir == "" {
					return usageError{"the directory may not be empty; . is the current one"}
				}
				n, err := writeStarter(dir)
				if err != nil {
					return err
				}
				fmt.Fprintf(env.Stdout, "formatlas init: wrote a starter atlas of %d files to %s/content\n\n", n, dir)
				fmt.Fprintf(env.Stdout, "Next:\n\tcd %s\n\tformatlas serve        # see it at http://127.0.0.1:1313/, rebuilt as you edit\n\tformatlas check        # every problem, as path:line:col: message\n\tformatlas build        # the site, into public/\n\n", dir)
				fmt.Fprintln(env.Stdout, "Edit content/site.toml first, then replace the example countries, source, formats and lesson with your own. To change the look, put a file of the same name in templates/ or static/: it replaces the built-in theme's, and static/site.css is added after its stylesheet.")
				return nil
			}
		},
	}
}

// writeStarter writes the starter atlas into dir, creating it if need be,
// and returns how many files it wrote. It refuses a directory that holds
// anything: it never writes over a file.
func writeStarter(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return 0, refusal{fmt.Sprintf("%s is not empty: init writes only into an empty or new directory", dir)}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
			return 0, refusal{fmt.Sprintf("%s is a file, not a directory", dir)}
		}
		return 0, err
	}
	n := 0
	err = fs.WalkDir(starter, "starter", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("starter", filepath.FromSlash(p))
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := starter.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644) // never over a file
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		n++
		return f.Close()
	})
	return n, err
}
