package tomlpos

import (
	"strings"
	"testing"
)

// TestControlEscapes reports the escapes that stand for a control character,
// and no escape of tab or newline, of a printable character, or in a literal
// string or a comment.
func TestControlEscapes(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"\\u", `a = "x\u0007y"`, []string{"f.toml:1:7: an escape for the control character U+0007 in the text; remove it"}},
		{"\\U", `a = "\U0000001F"`, []string{"f.toml:1:6: an escape for the control character U+001F in the text; remove it"}},
		{"\\x", `a = "\x1b"`, []string{"f.toml:1:6: an escape for the control character U+001B in the text; remove it"}},
		{"short ones", `a = "\b\f\e\r"`, []string{
			"f.toml:1:6: an escape for the control character U+0008 in the text; remove it",
			"f.toml:1:8: an escape for the control character U+000C in the text; remove it",
			"f.toml:1:10: an escape for the control character U+001B in the text; remove it",
			"f.toml:1:12: an escape for the control character U+000D in the text; remove it",
		}},
		{"multi-line", "a = \"\"\"\nx \\e\n\"\"\"", []string{"f.toml:2:3: an escape for the control character U+001B in the text; remove it"}},
		{"tab and newline", `a = "\t\n\u0009\u000A"`, nil},
		{"printable", `a = "\u0041\"\\"`, nil},
		{"escaped backslash", `a = "\\u0007"`, nil},
		{"literal string", `a = '\u0007'`, nil},
		{"comment", `a = 1 # "\u0007"`, nil},
		{"too few digits", `a = "\u00"`, nil},
		{"not hex", `a = "\u00zz"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range New("f.toml", []byte(tt.src)).ControlEscapes() {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
