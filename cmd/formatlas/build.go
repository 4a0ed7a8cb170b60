package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"formatlas/generator"
	"formatlas/generator/load"
	"formatlas/generator/publish"
)

// buildMemoryLimit is the soft limit on the heap that a build works under
// when GOMEMLIMIT does not set one: the garbage collector runs more often
// near it rather than let a large site's build double its live heap. A build
// streams its output, so builds of up to some thousands of formats never
// reach it. One of 10,000 formats and 200 countries keeps about 250 MB live
// and peaks near 470 MB, a quarter of what Hugo takes for the same site;
// under 384 MiB it took a fifth more time, the collector scanning the live
// heap again every few hundred milliseconds. check, serve and diff hold the
// whole output in memory and get no limit.
const buildMemoryLimit = 448 << 20

func buildCommand() *Command {
	return &Command{
		Name:  "build",
		Usage: "[--site DIR] [--out DIR] [--force] [--base-url URL] [--as-of DATE] [--github-pages] [--cpuprofile FILE]",
		Short: "build the site into a directory (default public/)",
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			siteDir := fs.String("site", ".", "the site `directory`, holding content/ and, to override the built-in theme, templates/ and static/")
			out := fs.String("out", "public", "the output `directory`; replaced atomically, and only if a formatlas build made it")
			force := fs.Bool("force", false, "replace --out even if it is a non-empty folder that no formatlas build made")
			asOf := fs.String("as-of", "", "show membership as of this `date` (2019, 2019-06 or 2019-06-01) instead of as_of in site.toml")
			baseURL := fs.String("base-url", "", "the site's absolute `URL`, ending in a slash, in place of base_url in site.toml (for deploy previews)")
			pages := fs.Bool("github-pages", false, "build for GitHub Pages, which sets no headers: the Content-Security-Policy as a meta tag in each page, and .nojekyll")
			cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this `file`, for go tool pprof")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected arguments: %v", args)}
				}
				var opts generator.Options
				if *asOf != "" {
					d, err := load.ParseDate(*asOf)
					if err != nil {
						return usageError{err.Error()}
					}
					opts.AsOf = d
				}
				opts.BaseURL, opts.GitHubPages = *baseURL, *pages
				opts.SiteDir, opts.Force = *siteDir, *force
				opts.Warn = func(msg string) { fmt.Fprintf(env.Stderr, "formatlas: warning: %s\n", msg) }
				if os.Getenv("GOMEMLIMIT") == "" {
					debug.SetMemoryLimit(buildMemoryLimit)
				}
				if *cpuProfile != "" {
					stop, err := startCPUProfile(*cpuProfile)
					if err != nil {
						return err
					}
					defer stop()
				}
				start := time.Now()
				fsys, closeRoot, err := openSite(*siteDir)
				if err != nil {
					return err
				}
				defer closeRoot()
				files, err := generator.Build(fsys, *out, opts)
				var outErr *publish.OutError
				if errors.As(err, &outErr) {
					return refusal{outErr.Error()}
				}
				if err != nil {
					return reportProblems(env.Stderr, env.Stderr, "build", "text", err)
				}
				fmt.Fprintf(env.Stderr, "formatlas: wrote %d files to %s in %v\n", files, *out, time.Since(start).Round(time.Millisecond))
				return nil
			}
		},
	}
}

// startCPUProfile starts a CPU profile into the file at path and returns
// what stops it and closes the file.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
