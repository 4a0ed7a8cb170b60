package tomlpos

import "testing"

// TestLexLines holds the lexer's lines to the file's: one a newline, the
// last one after the final newline too, as line numbers count them.
func TestLexLines(t *testing.T) {
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
