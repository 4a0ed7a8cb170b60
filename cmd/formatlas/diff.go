package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"

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
				theme := diff.Theme(*siteDir, newArg)
				var sides [2]diff.Side
				for i, arg := range []string{args[0], newArg} {
					s, themed, err := diff.Load(ctx, *siteDir, arg, theme)
					var unknown *diff.UnknownError
					if errors.As(err, &unknown) {
						return usageError{unknown.Error()}
					}
					if err != nil {
						return err
					}
					if themed {
						fmt.Fprintf(env.Stderr, "formatlas diff: %s does not build with its own templates; its content was built with the current ones\n", arg)
					}
					sides[i] = s
				}
				report := diff.Compare(sides[0], sides[1])
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
