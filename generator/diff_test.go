package generator_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"formatlas/generator"
	"formatlas/generator/diff"
)

func checkSide(t *testing.T, fsys fstest.MapFS) diff.Side {
	t.Helper()
	r, err := generator.Check(fsys, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return diff.NewSide(fsys, r)
}

// TestDiffGolden compares testdata/diff/old with testdata/diff/new, a pair
// that holds every kind of change: formats added and renamed with and
// without an alias, field and membership changes, lessons, sources and
// countries added, removed and changed, reworded and rewrapped commentary.
func TestDiffGolden(t *testing.T) {
	report := diff.Compare(checkSide(t, fixtureFS(t, "diff/old")), checkSide(t, fixtureFS(t, "diff/new")))
	var md bytes.Buffer
	if err := report.WriteMarkdown(&md, "old", "new"); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(report, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"want.md": md.Bytes(), "want.json": append(js, '\n')} {
		path := filepath.Join(repoRoot, "testdata", "diff", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs:\n%s", name, lineDiff(string(want), string(got)))
		}
	}
	for _, must := range []string{"renamed `nb` → `nordic-group`", "with an alias", "renamed `fnc` → `fnc-umbrella`",
		"without an alias", "`formats/fnc.html`", "jef: NOR left", "jef: DEU joined as member", "jef: FIN changed role, member → partner",
		"removed `overlap`", "added `drift`", "added `new-report`", "added `POL`", "~~", "**"} {
		if !strings.Contains(md.String(), must) {
			t.Errorf("the report lacks %q", must)
		}
	}
	if strings.Contains(md.String(), "page `about`") {
		t.Error("a rewrapped page was reported as a change in meaning")
	}
}

// TestDiffNoChangeInMeaning reformats every TOML file (spacing, key order,
// comments) and rewraps a commentary: no change in meaning, and for the TOML
// change no output file changes either.
func TestDiffNoChangeInMeaning(t *testing.T) {
	old := fixtureFS(t, "site-small")
	reformatted := cloneFS(old)
	reformatted["content/formats/jef.toml"] = &fstest.MapFile{Data: []byte(`# Reformatted: same meaning.
summary   =   "A UK-led high-readiness force."
abbr = "JEF"
name = "Joint Expeditionary Force"   # the name
status = "active"
category = "flexible"
founded = 2012
parent = "fnc"
member_list_note = "The fixture lists three of its members."
member_list = "incomplete"
sources = [
  "arts-keil-2021#note-19",
  "arts-keil-2021#agile-alliance",
  "fixture",
]

[members]
member = ["SWE", "FIN", "NOR"]
lead = ["GBR"]

[[event]]
source = "arts-keil-2021#agile-alliance"
change = "operational"
date = 2018

[[event]]
note = "Announced as a successor force."
date = 2012
change = "announced"
source = "arts-keil-2021#agile-alliance"
`)}
	r := diff.Compare(checkSide(t, old), checkSide(t, reformatted))
	if !r.NoChangeInMeaning() || len(r.Output.Added)+len(r.Output.Removed)+len(r.Output.Changed) != 0 {
		t.Errorf("a TOML reformat changed something: %+v", r)
	}

	rewrapped := cloneFS(old)
	md := string(old["content/formats/jef.md"].Data)
	rewrapped["content/formats/jef.md"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(md, "\n[FNC]", " [FNC]"))}
	r = diff.Compare(checkSide(t, old), checkSide(t, rewrapped))
	if !r.NoChangeInMeaning() {
		t.Errorf("a rewrap changed the meaning: %+v", r.Commentary)
	}
	var out bytes.Buffer
	r.WriteMarkdown(&out, "a", "b")
	if !strings.Contains(out.String(), "No change in meaning.") || !strings.Contains(out.String(), "`formats/jef.html`") {
		t.Errorf("a rewrap's report should say no change in meaning and list the page whose bytes change:\n%s", out.String())
	}
}

// TestDiffTime: diff reports, as field changes in meaning, an episode moved
// to another date, a status change added and a successor dropped.
func TestDiffTime(t *testing.T) {
	old := fixtureFS(t, "site-time")
	new := fixtureFS(t, "site-time")
	edit := func(name, from, to string) {
		f := new[name]
		if !strings.Contains(string(f.Data), from) {
			t.Fatalf("%s lacks %q", name, from)
		}
		new[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), from, to, 1)), Mode: f.Mode}
	}
	edit("content/formats/nato.toml", "since = 2023-04-04", "since = 2023-04-05")
	edit("content/formats/late.toml", `status = "active"`, `status = "dormant"`)
	new["content/formats/late.toml"].Data = append(new["content/formats/late.toml"].Data,
		"\n[[event]]\ndate = 2025\nchange = \"declaration\"\nstatus = \"dormant\"\nsource = \"fixture\"\n"...)
	edit("content/formats/commission.toml", "successor = \"commission-council\"\n", "")
	r := diff.Compare(checkSide(t, old), checkSide(t, new))
	got := map[string]string{}
	for _, fc := range r.Formats.Changed {
		for _, f := range fc.Fields {
			got[fc.ID+" "+f.Field] = fmt.Sprintf("-%v +%v %s→%s", f.Removed, f.Added, f.Old, f.New)
		}
	}
	want := map[string]string{
		"nato episodes":        "-[FIN member 2023-04-04– [fixture]] +[FIN member 2023-04-05– [fixture]] →",
		"late status":          "-[] +[] active→dormant",
		"late status_history":  "-[] +[] →2025 dormant [fixture]",
		"commission successor": "-[] +[] commission-council→",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %q, want %q", k, got[k], w)
		}
	}
	if _, ok := got["late events"]; !ok {
		t.Error("the new event is not reported")
	}
}
