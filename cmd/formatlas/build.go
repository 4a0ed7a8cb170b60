package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"formatlas/generator"
)

func buildCommand() *Command {
	return &Command{
		Name:  "build",
		Usage: "[--site DIR] [--out DIR]",
		Short: "build the site into a directory (default public/)",
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			siteDir := fs.String("site", ".", "the site `directory`, holding content/, templates/ and static/")
			out := fs.String("out", "public", "the output `directory`; replaced atomically")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected arguments: %v", args)}
				}
				start := time.Now()
				files, err := generator.Build(os.DirFS(*siteDir), *out)
				if err != nil {
					return err
				}
				fmt.Fprintf(env.Stderr, "formatlas: wrote %d files to %s in %v\n", len(files), *out, time.Since(start).Round(time.Millisecond))
				return nil
			}
		},
	}
}
