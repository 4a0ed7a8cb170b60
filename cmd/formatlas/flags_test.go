package main

import (
	"flag"
	"io"
	"slices"
	"strings"
	"testing"
)

// TestParseFlags holds that flags are taken before and after arguments, as
// the flag package takes them before, and that "--" ends them.
func TestParseFlags(t *testing.T) {
	for _, tt := range []struct {
		args       []string
		site       string
		force      bool
		positional []string
		err        string
	}{
		{args: nil, site: "."},
		{args: []string{"HEAD"}, site: ".", positional: []string{"HEAD"}},
		{args: []string{"--site", "s", "HEAD"}, site: "s", positional: []string{"HEAD"}},
		{args: []string{"HEAD", "--site", "s"}, site: "s", positional: []string{"HEAD"}},
		{args: []string{"HEAD", "-site=s", "main"}, site: "s", positional: []string{"HEAD", "main"}},
		{args: []string{"a", "--force", "b"}, site: ".", force: true, positional: []string{"a", "b"}},
		{args: []string{"--force=false", "a"}, site: ".", positional: []string{"a"}},
		{args: []string{"a", "--", "--site", "s"}, site: ".", positional: []string{"a", "--site", "s"}},
		{args: []string{"--site", "--", "a", "--force"}, site: "--", force: true, positional: []string{"a"}},
		{args: []string{"--site", "-force", "a"}, site: "-force", positional: []string{"a"}},
		{args: []string{"-", "a"}, site: ".", positional: []string{"-", "a"}},
		{args: []string{"a", "--site"}, err: "flag needs an argument: -site"},
		{args: []string{"a", "--nope"}, err: "flag provided but not defined: -nope"},
		{args: []string{"a", "---site", "s"}, err: "bad flag syntax: ---site"},
	} {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		site := fs.String("site", ".", "")
		force := fs.Bool("force", false, "")
		positional, err := parseFlags(fs, tt.args)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%q: error %v, want %q", tt.args, err, tt.err)
			}
			continue
		}
		if err != nil || *site != tt.site || *force != tt.force || !slices.Equal(positional, tt.positional) {
			t.Errorf("%q: site %q, force %v, arguments %q, error %v; want %q, %v, %q",
				tt.args, *site, *force, positional, err, tt.site, tt.force, tt.positional)
		}
	}
}

// TestFlagsAfterArguments runs every subcommand with a flag after an
// argument: the flag is parsed, and only the argument is left over.
func TestFlagsAfterArguments(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "extra", "--force", "--out", "x"}, "formatlas build: unexpected arguments: [extra]\n"},
		{[]string{"check", "extra", "--format", "github"}, "formatlas check: unexpected arguments: [extra]\n"},
		{[]string{"diff", "HEAD", "--format", "xml"}, "formatlas diff: --format is markdown or json, not \"xml\"\n"},
		{[]string{"diff", "a", "b", "c", "--format", "json"}, "formatlas diff: diff takes OLD and optionally NEW: each a site directory or a git revision\n"},
		{[]string{"serve", "extra", "--addr", "127.0.0.1:0"}, "formatlas serve: unexpected arguments: [extra]\n"},
	} {
		code, _, errOut := formatlas(t, tt.args...)
		if code != 2 || !strings.HasPrefix(errOut, tt.want) {
			t.Errorf("formatlas %q: exit %d, stderr %q; want 2 and %q first", tt.args, code, errOut, tt.want)
		}
	}
}
