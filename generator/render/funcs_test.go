package render

import (
	"fmt"
	"html/template"
	"testing"
)

func Example_plural() {
	plural := funcMap(nil, nil)["plural"].(func(int, string, string) string)
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

func Example_hasAsset() {
	names := assets{"style.css": "assets/style.1a2b3c4d.css"}
	has := funcMap(names, nil)["hasAsset"].(func(string) bool)
	fmt.Println(has("style.css"), has("site.css"))
	// Output: true false
}

// TestMemoEach renders a partial per element, once per distinct element,
// each on a line of its own (memoEach) or with an escaped separator between
// them (memoJoin), and refuses what it cannot tell apart.
func TestMemoEach(t *testing.T) {
	calls := 0
	set := template.Must(template.New("").Funcs(template.FuncMap{"count": func() int { calls++; return calls }}).
		Parse(`{{define "item"}}<li>{{.}} {{count}}</li>{{end}}`))
	m := &memoizer{set: set}
	got, err := m.renderEach("item", []string{"a", "b&c", "a"})
	if want := template.HTML("\n<li>a 1</li>\n<li>b&amp;c 2</li>\n<li>a 1</li>"); err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
	got, err = m.renderJoin("item", ", <&>", []string{"b&c", "a"}, false)
	if want := template.HTML("<li>b&amp;c 2</li>, &lt;&amp;&gt;<li>a 1</li>"); err != nil || got != want {
		t.Errorf("memoJoin: got %q, %v; want %q", got, err, want)
	}
	if got, err := m.renderJoin("item", ", ", []string{}, false); err != nil || got != "" {
		t.Errorf("memoJoin of nothing: got %q, %v", got, err)
	}
	if _, err := m.renderEach("item", "not a slice"); err == nil {
		t.Error("memoEach took a string")
	}
	if _, err := m.renderEach("item", nil); err == nil {
		t.Error("memoEach took nil")
	}
	if _, err := m.renderEach("item", [][]string{{"x"}}); err == nil {
		t.Error("memoEach took elements that cannot be compared")
	}
}
