// Package synth generates, in memory, the synthetic "security formats" site
// that ../shared/bench/gen.py writes with --formatlas (shared/ sits beside the
// repository), byte for byte. Benchmarks use it to build a site of any size
// without running Python or touching the disk.
//
// gen.py derives everything from one SplitMix64 stream, so this package is a
// line-by-line port: the same word lists, the same draws in the same order,
// and the same file layout. TestMatchesGenPy checks the two against each
// other; a change to gen.py must be mirrored here.
package synth

import (
	"fmt"
	"slices"
	"strings"
)

// Options sizes the site. Zero Seed, MinMembers and MaxMembers mean gen.py's
// defaults (42, 5 and 30); N and C are taken as given (gen.py's --c defaults
// to 60). As in gen.py, N > 0 needs C >= 2.
type Options struct {
	N, C                   int    // number of formats and of countries
	Seed                   uint64 // seed of the SplitMix64 stream
	MinMembers, MaxMembers int    // bounds of a format's member count (capped at C)
	// Codes, if given, replace the drawn codes in order, after they are
	// drawn, so that the rest of the site is drawn as before: real codes
	// give the countries shapes on maps. Codes past C are not used.
	Codes []string
}

// Defaults of gen.py's command-line flags.
const (
	defaultSeed       = 42
	defaultMinMembers = 5
	defaultMaxMembers = 30
)

// country is a synthetic country: a three-letter code and a made-up name.
type country struct{ code, name string }

// format is one synthetic format with the data its two files are written from.
type format struct {
	id, title, kind string
	founded         int
	members         []string // country codes
	body            string   // Markdown
}

// Site returns the formatlas site's content/ files as path -> bytes, with
// paths like "content/formats/f0001.toml", exactly as gen.py --formatlas
// writes them below its --out directory.
func Site(opts Options) map[string][]byte {
	opts = withDefaults(opts)
	countries, formats := generate(opts)

	files := map[string][]byte{
		"content/site.toml":      []byte(siteTOML),
		"content/sources.toml":   []byte(sourcesTOML),
		"content/countries.toml": []byte(countriesTOML(countries)),
	}
	for _, f := range formats {
		files["content/formats/"+f.id+".toml"] = []byte(formatTOML(f))
		files["content/formats/"+f.id+".md"] = []byte(f.body)
	}
	return files
}

func withDefaults(o Options) Options {
	if o.Seed == 0 {
		o.Seed = defaultSeed
	}
	if o.MinMembers == 0 {
		o.MinMembers = defaultMinMembers
	}
	if o.MaxMembers == 0 {
		o.MaxMembers = defaultMaxMembers
	}
	return o
}

// generate mirrors gen.py's generate(): countries first, then per format, in
// order, title, kind, founded, member count, member sample and body.
func generate(o Options) ([]country, []format) {
	r := &splitMix64{s: o.Seed}
	countries := makeCountries(r, o.C)
	for i := range min(len(countries), len(o.Codes)) {
		countries[i].code = o.Codes[i]
	}
	codes := make([]string, len(countries))
	names := make(map[string]string, len(countries))
	for i, c := range countries {
		codes[i] = c.code
		names[c.code] = c.name
	}

	formats := make([]format, 0, o.N)
	for i := 1; i <= o.N; i++ {
		adj := choice(r, adjectives)
		noun := choice(r, nouns)
		f := format{
			id:    fmt.Sprintf("f%04d", i),
			title: fmt.Sprintf("%s %s %04d", adj, noun, i),
		}
		f.kind = choice(r, kinds)
		f.founded = r.randint(1945, 2024)
		k := r.randint(min(o.MinMembers, o.C), min(o.MaxMembers, o.C))
		f.members = sample(r, codes, k)
		f.body = body(r, i, f.members, names)
		formats = append(formats, f)
	}
	return countries, formats
}

// makeCountries draws c distinct codes (redrawing duplicates), then c names.
// All codes come before any name, as in gen.py.
func makeCountries(r *splitMix64, c int) []country {
	countries := make([]country, 0, c)
	seen := make(map[string]bool, c)
	for len(countries) < c {
		var b [3]byte
		for j := range b {
			b[j] = letters[r.randint(0, 25)]
		}
		if code := string(b[:]); !seen[code] {
			seen[code] = true
			countries = append(countries, country{code: code})
		}
	}
	for i := range countries {
		n := r.randint(2, 3) // syllable count is drawn before the syllables
		var name strings.Builder
		for range n {
			name.WriteString(choice(r, syllables))
		}
		countries[i].name = capitalize(name.String())
	}
	return countries
}

const siteTOML = `title = "Security Formats (synthetic)"
description = "Synthetic benchmark site"
base_url = "https://example.org/"
as_of = 2026-01-01
`

const sourcesTOML = `[[source]]
id = "synthetic"
title = "Synthetic benchmark data"
author = "gen.py"
date = 2026-01-01
`

// countriesTOML lists every country; the region goes by position, not a draw.
// Strings are quoted without escaping, as gen.py's f-strings do.
func countriesTOML(countries []country) string {
	var b strings.Builder
	for i, c := range countries {
		fmt.Fprintf(&b, "[[country]]\ncode = \"%s\"\nname = \"%s\"\nregion = \"%s\"\n\n",
			c.code, c.name, regions[i%len(regions)])
	}
	return b.String()
}

// formatTOML is a format's data file; its category follows from its kind.
func formatTOML(f format) string {
	cat := categories[slices.Index(kinds, f.kind)%len(categories)]
	return fmt.Sprintf("name = \"%s\"\ncategory = \"%s\"\nstatus = \"active\"\n"+
		"founded = %d\nsummary = \"A synthetic %s of %d members.\"\n"+
		"sources = [\"synthetic\"]\n\n[members]\nmember = %s\n",
		f.title, cat, f.founded, f.kind, len(f.members), tomlList(f.members))
}

// tomlList writes strings as gen.py's toml_list does: quoted, without escaping
// (the synthetic strings contain no quote or backslash).
func tomlList(xs []string) string {
	quoted := make([]string, len(xs))
	for i, x := range xs {
		quoted[i] = `"` + x + `"`
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}
