package render

import (
	"fmt"
	"testing"
)

func Example_plural() {
	fmt.Println(plural(1, "country", "countries"))
	fmt.Println(plural(3, "country", "countries"))
	fmt.Println(plural(0, "format", "formats"))
	// Output:
	// 1 country
	// 3 countries
	// 0 formats
}

func Example_join() {
	fmt.Println(funcMap(nil, nil)["join"].(func([]string, string) string)([]string{"readiness", "crisis response"}, ", "))
	// Output: readiness, crisis response
}

func Example_lower() {
	fmt.Println(funcMap(nil, nil)["lower"].(func(string) string)("FIN"))
	// Output: fin
}

func Example_asset() {
	names := assets{"style.css": "assets/style.1a2b3c4d.css"}
	asset := funcMap(names, nil)["asset"].(func(string) (string, error))
	fmt.Println(asset("style.css"))
	_, err := asset("missing.css")
	fmt.Println(err)
	// Output:
	// assets/style.1a2b3c4d.css <nil>
	// no asset missing.css in static/ (only .css and .js files are assets)
}

func TestRelURL(t *testing.T) {
	cases := []struct{ from, to, want string }{
		{"formats/jef.html", "formats/fnc.html", "fnc.html"},
		{"formats/jef.html", "countries/fin.html", "../countries/fin.html"},
		{"formats/jef.html", "matrix.html", "../matrix.html"},
		{"index.html", "formats/jef.html", "formats/jef.html"},
		{"matrix.html", "sources.html", "sources.html"},
	}
	for _, c := range cases {
		if got := relURL(c.from, c.to); got != c.want {
			t.Errorf("relURL(%q, %q) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}
