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
