package diag

import (
	"errors"
	"testing"
)

func TestListSortsAndDeduplicates(t *testing.T) {
	var l List
	l.Add(Position{Path: "b.toml", Line: 2, Col: 1}, "second")
	l.Add(Position{Path: "a.toml", Line: 10, Col: 3}, "first")
	l.Add(Position{Path: "b.toml", Line: 2, Col: 1}, "second")
	l.Append(&Error{Pos: Position{Path: "a.toml", Line: 9, Col: 1}, Msg: "zeroth"})
	l.Append(errors.New("no position"))
	want := "no position\na.toml:9:1: zeroth\na.toml:10:3: first\nb.toml:2:1: second"
	if got := l.Err().Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if (List{}).Err() != nil {
		t.Error("an empty list is an error")
	}
}

func TestClosest(t *testing.T) {
	candidates := []string{"fin", "fnc", "jef", "arts-keil-2021", "pesco"}
	cases := map[string]string{
		"jeff":           "jef",
		"FNI":            "fin",
		"arts-keil-2012": "arts-keil-2021",
		"pesko":          "pesco",
		"zzzzzz":         "",
	}
	for word, want := range cases {
		if got := Closest(word, candidates); got != want {
			t.Errorf("Closest(%q) = %q, want %q", word, got, want)
		}
	}
}

// TestErrorIsOneLine: a path or message with control characters in it is
// still one line of output, the path quoted, so that no file name can start
// a line of its own (a CI workflow command, say).
func TestErrorIsOneLine(t *testing.T) {
	for _, tc := range []struct {
		err  Error
		want string
	}{
		{Error{Pos: Position{Path: "content/formats/jef.toml", Line: 2, Col: 3}, Msg: "plain"}, "content/formats/jef.toml:2:3: plain"},
		{Error{Pos: Position{Path: "content/x\n::error::forged.toml", Line: 1, Col: 1}, Msg: "bad"}, `"content/x\n::error::forged.toml":1:1: bad`},
		{Error{Pos: Position{Path: "a\rb"}, Msg: "m"}, `"a\rb": m`},
		{Error{Pos: Position{Path: "bad\xffutf8.md", Line: 1}, Msg: "m"}, `"bad\xffutf8.md":1: m`},
		{Error{Pos: Position{Path: "café.md", Line: 1}, Msg: "tab\tkept"}, "café.md:1: tab\tkept"},
		{Error{Msg: "two\nlines and \x1b[31mcolour"}, `two\nlines and \x1b[31mcolour`},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
