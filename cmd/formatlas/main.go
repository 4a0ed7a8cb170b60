// Command formatlas builds the formatlas site: a static atlas of security
// cooperation formats made from TOML records and Markdown commentary.
//
// It is a table of subcommands; the work is done by package generator.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// Command is one subcommand, after cmd/go/internal/base.Command.
type Command struct {
	Name  string
	Usage string // the arguments, after the name
	Short string // one line for the command list
	Flags func(fs *flag.FlagSet) func(ctx context.Context, env *Env, args []string) error
}

// Env is what a command may touch: its output streams. Tests drive commands
// through it without os.Exit.
type Env struct {
	Stdout, Stderr io.Writer
}

// errUsage marks an error as a usage error: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// refusal is a command line that names something the command will not do,
// such as an --out it may not replace: exit status 2, without the usage.
type refusal struct{ msg string }

func (e refusal) Error() string { return e.msg }

func commands() []*Command {
	return []*Command{buildCommand(), checkCommand(), diffCommand(), initCommand(), serveCommand(), versionCommand()}
}

// gcPercent is the heap growth between collections when GOGC does not set
// it: twice the default, so that a build of a thousand formats collects
// half as often (a tenth less CPU) and still peaks below the limit.
const gcPercent = 200

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(context.Background(), os.Args[1:], &Env{Stdout: os.Stdout, Stderr: os.Stderr}))
}

// run executes the command line args and returns the exit status:
// 0 success, 1 content or build error, 2 usage error.
func run(ctx context.Context, args []string, env *Env) int {
	if len(args) == 0 {
		usage(env.Stderr)
		return 2
	}
	name, rest := args[0], args[1:]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		return help(env, rest)
	}
	if name == "--version" || name == "-version" {
		name = "version"
	}
	cmd := lookup(name)
	if cmd == nil {
		fmt.Fprintf(env.Stderr, "formatlas: unknown command %q\n", name)
		usage(env.Stderr)
		return 2
	}
	fs := flag.NewFlagSet("formatlas "+cmd.Name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { commandUsage(env.Stderr, cmd, fs) }
	runFn := cmd.Flags(fs)
	positional, err := parseFlags(fs, rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	err = runFn(ctx, env, positional)
	var ue usageError
	var refused refusal
	switch {
	case err == nil:
		return 0
	case errors.As(err, &refused):
		fmt.Fprintf(env.Stderr, "formatlas %s: %s\n", cmd.Name, refused.msg)
		return 2
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "formatlas %s: %s\n", cmd.Name, ue.msg)
		fs.Usage()
		return 2
	case errors.Is(err, errReported):
		return 1
	default:
		fmt.Fprintln(env.Stderr, err)
		return 1
	}
}

// parseFlags parses the flags in args and returns the other arguments. Flags
// may come after arguments too (diff HEAD --format json), which fs.Parse
// alone does not allow: it stops at the first argument. "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			positional = append(positional, args[i+1:]...)
			i = len(args)
		case len(a) < 2 || a[0] != '-':
			positional = append(positional, a)
		default:
			flags = append(flags, a)
			if takesValue(fs, a) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, err
	}
	return positional, nil
}

// takesValue reports whether flag argument a ("-name" or "--name", without
// "=value") names a flag of fs whose value is the next argument: any but a
// boolean flag. An unknown flag takes none, and fs.Parse reports it.
func takesValue(fs *flag.FlagSet, a string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	if strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

func lookup(name string) *Command {
	for _, c := range commands() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func help(env *Env, args []string) int {
	if len(args) == 0 {
		usage(env.Stdout)
		return 0
	}
	cmd := lookup(args[0])
	if cmd == nil {
		fmt.Fprintf(env.Stderr, "formatlas help: unknown command %q\n", args[0])
		return 2
	}
	fs := flag.NewFlagSet("formatlas "+cmd.Name, flag.ContinueOnError)
	cmd.Flags(fs)
	commandUsage(env.Stdout, cmd, fs)
	return 0
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("formatlas builds a static atlas of security cooperation formats.\n\n")
	b.WriteString("Usage:\n\n\tformatlas <command> [arguments]\n\nThe commands are:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "\t%-8s %s\n", c.Name, c.Short)
	}
	b.WriteString("\nUse \"formatlas help <command>\" for more about a command.\n")
	io.WriteString(w, b.String())
}

func commandUsage(w io.Writer, cmd *Command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: formatlas %s %s\n\n%s\n\nFlags:\n", cmd.Name, cmd.Usage, cmd.Short)
	fs.SetOutput(w)
	fs.PrintDefaults()
}
