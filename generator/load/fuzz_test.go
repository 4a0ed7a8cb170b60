package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"formatlas/generator/diag"
)

// FuzzLoadFormat loads arbitrary bytes as a format record. Loading must never
// panic, and every problem must name the record's file and a line and column
// inside it.
func FuzzLoadFormat(f *testing.F) {
	f.Add([]byte("name = \"JEF\"\ncategory = \"flexible\"\nstatus = \"active\"\nsources = [\"s\"]\n\n[members]\nlead = [\"GBR\"]\n"))
	f.Add([]byte("name = 5\n[[event]]\ndate = \"2017-13\"\nchange = \"x\"\n[[event]]\ndate = 2012-09-04\n"))
	f.Add([]byte("founded = 1979-05-27T07:32:00Z\nfocus = [1, 2]\n[members]\nboss = [\"X\"]\n"))
	f.Add([]byte("\ufeffname = \"\"\"\nmulti\n\"\"\"\ncategory = 'minilateral'\r\n"))
	f.Add([]byte("[members\nlead = [\"GBR\""))
	f.Add([]byte("summary = \"a ''' b\" # \"\"\"\nnote = '''x\n\"GBR\" = '''\n[members]\nlead = [ # \"GBR\"\n  \"GBR\", \"XXX\"]\nabbr = \"\a\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{
			"content/site.toml":           {Data: []byte("title = \"T\"\n")},
			"content/countries.toml":      {Data: []byte("[[country]]\ncode = \"GBR\"\nname = \"UK\"\n")},
			"content/sources.toml":        {Data: []byte("[[source]]\nid = \"s\"\ntitle = \"S\"\n")},
			"content/formats/fuzzed.toml": {Data: src},
		}
		_, err := Load(fsys)
		if err == nil {
			return
		}
		list, ok := err.(diag.List)
		if !ok {
			t.Fatalf("error of type %T: %v", err, err)
		}
		lines := strings.Count(strings.TrimPrefix(string(src), "\ufeff"), "\n") + 1
		for _, e := range list {
			if e.Pos.Path != "content/formats/fuzzed.toml" {
				t.Fatalf("problem outside the fuzzed file: %v", e)
			}
			if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Fatalf("position outside the file (%d lines): %v", lines, e)
			}
		}
	})
}
