package main

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"
	"strings"
)

func versionCommand() *Command {
	return &Command{
		Name:  "version",
		Usage: "",
		Short: "print the version of formatlas",
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected arguments: %v", args)}
				}
				fmt.Fprintln(env.Stdout, "formatlas", version())
				return nil
			}
		},
	}
}

// version is the module version and VCS revision the binary was built
// from, as its build information records them: "v1.2.0", "(devel) 1a2b3c4d5e6f
// (modified)". Without VCS information, as under go run or in tests, it is
// "(devel)".
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = " (modified)"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && !strings.Contains(v, rev) { // a pseudo-version already names the revision
		v += " " + rev + modified
	}
	return v
}
