package load

import (
	"fmt"
	"testing"
)

// TestTOMLFilePositions places keys and values in texts whose strings and
// comments hold what looks like quotes, keys or the value itself.
func TestTOMLFilePositions(t *testing.T) {
	tests := []struct {
		name, src string
		key, lit  string // lit "" asks for the key's position
		nth       int
		want      string
	}{
		{"triple quotes in a basic string", "summary = \"a ''' b\"\nname = \"x\"\n", "name", "", 0, "2:1"},
		{"triple quotes in a literal string", "note = 'x \"\"\" y'\nname = \"x\"\n", "name", "x", 0, "2:8"},
		{"one triple quote in a comment", "a = 1 # '''\nname = \"x\"\n", "name", "", 0, "2:1"},
		{"multi-line basic string", "summary = \"\"\"\nname = \"y\"\n\"\"\"\nname = \"x\"\n", "name", "x", 0, "4:8"},
		{"multi-line literal string on one line", "summary = '''a = 1'''\nname = 'x'\n", "name", "x", 0, "2:8"},
		{"multi-line string closing with extra quotes", "s = \"\"\"a\"\"\"\"\"\nname = \"x\"\n", "name", "x", 0, "2:8"},
		{"escaped quote", "s = \"a \\\" ''' \"\nname = \"x\"\n", "name", "", 0, "2:1"},
		{"escaped backslash", "s = \"a\\\\\"\nname = \"x\"\n", "name", "x", 0, "2:8"},
		{"line-ending backslash", "s = \"\"\"a \\\n  '''b\"\"\"\nname = \"x\"\n", "name", "", 0, "3:1"},
		{"code in a comment above", "[members]\n# FIN joins later, \"FIN\" too\nmember = [\"FIN\", \"XXX\"]\n", "members.member", "FIN", 0, "3:11"},
		{"code in a trailing comment", "member = [ # \"XXX\" is a placeholder\n  # \"FIN\" too\n  \"FIN\", \"XXX\"]\n", "member", "XXX", 0, "3:10"},
		{"code inside another string", "member = [\"a 'FIN' b\", 'FIN']\n", "member", "FIN", 0, "1:24"},
		{"second occurrence", "member = [\"FIN\", 'FIN']\n", "member", "FIN", 1, "1:18"},
		{"key-like line in an array", "member = [\n  \"FIN\",\n]\nx = \"FIN\"\n", "member", "FIN", 0, "2:3"},
		{"key in an array's comment", "x = 1\nmember = [\n  # lead = \"GBR\"\n  \"GBR\",\n]\nlead = 2\n", "lead", "", 0, "6:1"},
		{"CRLF", "a = 1\r\n[[event]]\r\nchange = \"left\" # x\r\n[[event]]\r\nchange = \"left\"\r\n", "event.1.change", "left", 0, "5:10"},
		{"unclosed string", "s = \"abc\nname = \"x\"\n", "name", "x", 0, "2:8"},
		{"no final newline", "name = \"x\"", "name", "x", 0, "1:8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newTOMLFile("f.toml", []byte(tt.src))
			pos := f.Key(tt.key)
			if tt.lit != "" {
				pos = f.Value(tt.key, tt.lit, tt.nth)
			}
			if got := fmt.Sprintf("%d:%d", pos.Line, pos.Col); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestTOMLFileLines holds the lexer's lines to the file's: one a newline, the
// last one after the final newline too, as line numbers count them.
func TestTOMLFileLines(t *testing.T) {
	for _, src := range []string{"", "a = 1", "a = 1\n", "a = \"\"\"\n\n\"\"\"\n", "a = 'x\n\n"} {
		lines, _ := lexTOML(src)
		want := 1
		for _, c := range src {
			if c == '\n' {
				want++
			}
		}
		if len(lines) != want {
			t.Errorf("%q: %d lines, want %d", src, len(lines), want)
		}
	}
}
