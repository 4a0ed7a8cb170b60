package tomlpos

import (
	"fmt"
	"testing"
)

// TestFilePositions places keys and values in texts whose strings and
// comments hold what looks like quotes, keys or the value itself.
func TestFilePositions(t *testing.T) {
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
			f := New("f.toml", []byte(tt.src))
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

// TestFileTables places keys and values under table headers and in
// array-of-tables entries, numbered from 0.
func TestFileTables(t *testing.T) {
	src := "name = \"x\"\n\n[members]\nlead = [\"GBR\"]\nmember = [\n  \"DNK\",\n  \"GBR\",\n]\n\n[[event]]\ndate = 1\n\n[[event]]\ndate = 2\ncountry = \"FIN\"\n"
	f := New("f.toml", []byte(src))
	cases := []struct {
		got  string
		want string
	}{
		{f.Key("name").String(), "f.toml:1:1"},
		{f.Key("members.lead").String(), "f.toml:4:1"},
		{f.Value("members.member", "GBR", 0).String(), "f.toml:7:3"},
		{f.Value("members.lead", "GBR", 0).String(), "f.toml:4:9"},
		{f.Key("event.1.date").String(), "f.toml:14:1"},
		{f.Value("event.1.country", "FIN", 0).String(), "f.toml:15:11"},
		{f.Key("event.1").String(), "f.toml:13:1"},
		{f.Key("event.1.nothing").String(), "f.toml:13:1"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}

// TestKeysLike finds a key in every entry of an array of tables, as
// BurntSushi/toml names it without the entry's index.
// TestSubtableOfArray places the keys of a table under an element of an
// array of tables, [source.locators], under that element.
func TestSubtableOfArray(t *testing.T) {
	src := "[[source]]\nid = \"a\"\n\n[[source]]\nid = \"b\"\n\n[source.locators]\nintro = \"Introduction\"\n\n[[source]]\nid = \"c\"\n"
	f := New("s.toml", []byte(src))
	for key, want := range map[string]string{
		"source.1.locators.intro": "s.toml:8:1",
		"source.1.locators":       "s.toml:7:1",
		"source.2.id":             "s.toml:11:1",
	} {
		if got := f.Key(key).String(); got != want {
			t.Errorf("%s: got %s, want %s", key, got, want)
		}
	}
}

func TestKeysLike(t *testing.T) {
	src := "x = 1\n[[event]]\nchnage = 1\n[[event]]\ndate = 2\nchnage = 3\n"
	f := New("f.toml", []byte(src))
	tests := []struct {
		path string
		want string
	}{
		{"event.chnage", "[f.toml:3:1 f.toml:6:1]"},
		{"x", "[f.toml:1:1]"},
		{"event.nothing", "[f.toml:1:1]"}, // no such key: the file itself
	}
	for _, tt := range tests {
		if got := fmt.Sprint(f.KeysLike(tt.path)); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.path, got, tt.want)
		}
	}
}

// TestPosition counts lines and columns from 1, and takes an offset outside
// the text to its nearest end.
func TestPosition(t *testing.T) {
	f := New("f.toml", []byte("a = 1\nbc = 2\n"))
	for off, want := range map[int]string{-1: "f.toml:1:1", 0: "f.toml:1:1", 7: "f.toml:2:2", 13: "f.toml:3:1", 99: "f.toml:3:1"} {
		if got := f.Position(off).String(); got != want {
			t.Errorf("offset %d: got %s, want %s", off, got, want)
		}
	}
	if f.Path() != "f.toml" {
		t.Errorf("Path() = %q, want f.toml", f.Path())
	}
}

func TestJoin(t *testing.T) {
	tests := []struct{ table, key, want string }{
		{"", "", ""},
		{"", "name", "name"},
		{"members", "", "members"},
		{"event.1", "date", "event.1.date"},
	}
	for _, tt := range tests {
		if got := Join(tt.table, tt.key); got != tt.want {
			t.Errorf("Join(%q, %q) = %q, want %q", tt.table, tt.key, got, tt.want)
		}
	}
}
