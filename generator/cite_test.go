package generator_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"formatlas/generator/export"
)

// parseCitations is a script that reads BibTeX and RIS files with
// citation-js (npm, in .ci), the parsers reference managers build on, and
// prints each file's records as CSL-JSON.
const parseCitations = `
const {Cite} = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");
const fs = require("fs");
const out = {};
for (const f of process.argv.slice(1)) {
  const type = f.endsWith(".bib") ? "@bibtex/text" : "@ris/file";
  out[f] = new Cite(fs.readFileSync(f, "utf8"), {forceType: type}).data;
}
console.log(JSON.stringify(out));
`

// cslName is a name as CSL-JSON gives it: a person's parts, or a literal.
type cslName struct{ Given, Family, Literal string }

func (n cslName) String() string {
	return strings.TrimSpace(strings.Join(strings.Fields(n.Given+" "+n.Family+" "+n.Literal), " "))
}

type cslRecord struct {
	Title  string
	URL    string
	Author []cslName
	Editor []cslName
	Issued struct {
		DateParts [][]int `json:"date-parts"`
	}
}

// The atlas's suggested citation comes as BibTeX and RIS files that
// citation-js reads back to the same title, address, date and names: the
// editors of site.toml, or the site's title in their place.
func TestCitationFilesParse(t *testing.T) {
	node, err := exec.LookPath("node")
	modules := filepath.Join(repoRoot, ".ci", "node_modules")
	if _, serr := os.Stat(filepath.Join(modules, "@citation-js", "plugin-ris")); err != nil || serr != nil {
		requireInCI(t, "node or citation-js is missing (npm ci --prefix .ci)")
	}
	edited := realFS(t)
	site := string(edited["content/site.toml"].Data)
	edited["content/site.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(site, "\nbase_url", "\neditors = [\"Jane Doe\", \"Ann-Marie O'Neill\"]\nbase_url", 1))}
	for name, c := range map[string]struct {
		fs      fstest.MapFS
		names   []string
		editors bool
	}{
		"the real site": {realFS(t), []string{"Atlas of Security Cooperation Formats"}, false},
		"with editors":  {edited, []string{"Jane Doe", "Ann-Marie O'Neill"}, true},
	} {
		dir := t.TempDir()
		var paths []string
		for _, f := range mustGenerate(t, c.fs) {
			if f.Path == export.BibTeXPath || f.Path == export.RISPath {
				p := filepath.Join(dir, filepath.Base(f.Path))
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, p)
			}
		}
		if len(paths) != 2 {
			t.Fatalf("%s: %d citation files, want 2", name, len(paths))
		}
		cmd := exec.Command(node, append([]string{"-e", parseCitations}, paths...)...)
		cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: citation-js: %v", name, err)
		}
		var parsed map[string][]cslRecord
		if err := json.Unmarshal(out, &parsed); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		for _, p := range paths {
			recs := parsed[p]
			if len(recs) != 1 {
				t.Errorf("%s, %s: %d records, want 1", name, filepath.Base(p), len(recs))
				continue
			}
			r := recs[0]
			people := r.Author
			if c.editors {
				people = r.Editor
			}
			var names []string
			for _, n := range people {
				names = append(names, n.String())
				if !c.editors && n.Given != "" { // the title read as a person's name
					t.Errorf("%s, %s: the title as author was read as a person: %+v", name, filepath.Base(p), n)
				}
			}
			if r.Title != "Atlas of Security Cooperation Formats" || r.URL != "https://formatlas.netlify.app/" ||
				len(r.Issued.DateParts) == 0 || r.Issued.DateParts[0][0] != 2026 || strings.Join(names, "; ") != strings.Join(c.names, "; ") {
				t.Errorf("%s, %s: read back as %+v, names %q, want names %q", name, filepath.Base(p), r, names, c.names)
			}
		}
	}
}
