package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"formatlas/generator/serve"
)

func serveCommand() *Command {
	return &Command{
		Name:  "serve",
		Usage: "[--site DIR] [--addr HOST:PORT]",
		Short: "serve the site, rebuild on every change and reload open pages",
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			siteDir := fs.String("site", ".", "the site `directory`, holding content/ and, to override the built-in theme, templates/ and static/")
			addr := fs.String("addr", "127.0.0.1:1313", "the `address` to listen on (loopback by default)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected arguments: %v", args)}
				}
				ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
				defer stop()
				return serve.New(serve.Options{SiteDir: *siteDir, Addr: *addr, Log: env.Stderr}).Run(ctx, nil)
			}
		},
	}
}
