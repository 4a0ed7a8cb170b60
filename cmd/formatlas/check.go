package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"formatlas/generator"
	"formatlas/generator/diag"
)

func checkCommand() *Command {
	return &Command{
		Name:  "check",
		Usage: "[--site DIR] [--format text|github]",
		Short: "check the content and templates, writing nothing",
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			siteDir := fs.String("site", ".", "the site `directory`, holding content/ and, to override the built-in theme, templates/ and static/")
			format := fs.String("format", "text", "how to print problems: text (path:line:col: message) or github (workflow annotations)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected arguments: %v", args)}
				}
				if *format != "text" && *format != "github" {
					return usageError{fmt.Sprintf("--format is text or github, not %q", *format)}
				}
				fsys, closeRoot, err := openSite(*siteDir)
				if err != nil {
					return err
				}
				defer closeRoot()
				r, err := generator.Check(fsys, generator.Options{})
				if err != nil {
					return reportProblems(env.Stdout, env.Stderr, "check", *format, err)
				}
				fmt.Fprintf(env.Stdout, "formatlas check: no problems in %d formats, %d countries, %d lessons, %d pages, %d sources (%d files)\n",
					len(r.Site.Formats), len(r.Site.Countries), len(r.Site.Lessons), len(r.Site.Pages), len(r.Site.Sources), len(r.Files))
				return nil
			}
		},
	}
}

// errReported is a failure whose problems are already printed.
var errReported = errors.New("")

// reportProblems prints every problem of err in the chosen format to out and
// a count to summary, and returns an error for exit status 1.
func reportProblems(out, summary io.Writer, command, format string, err error) error {
	var list diag.List
	if !errors.As(err, &list) {
		return err
	}
	for _, e := range list {
		if format == "github" {
			fmt.Fprintln(out, e.GitHub())
		} else {
			fmt.Fprintln(out, e.Error())
		}
	}
	fmt.Fprintf(summary, "formatlas %s: %s\n", command, plural(len(list), "problem"))
	return errReported
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
