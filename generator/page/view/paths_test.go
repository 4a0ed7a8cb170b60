package view

import "testing"

func TestRelURL(t *testing.T) {
	cases := []struct{ from, to, want string }{
		{"formats/jef.html", "formats/fnc.html", "fnc.html"},
		{"formats/jef.html", "countries/fin.html", "../countries/fin.html"},
		{"formats/jef.html", "matrix.html", "../matrix.html"},
		{"index.html", "formats/jef.html", "formats/jef.html"},
		{"matrix.html", "sources.html", "sources.html"},
	}
	for _, c := range cases {
		if got := RelURL(c.from, c.to); got != c.want {
			t.Errorf("RelURL(%q, %q) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}
