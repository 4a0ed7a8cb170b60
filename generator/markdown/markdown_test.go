package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// fakeResolver knows format:jef and country:FIN, relative to a page one level down.
type fakeResolver struct{}

func (fakeResolver) Resolve(scheme, target string) (string, string) {
	switch scheme + ":" + target {
	case "format:jef":
		return "jef.html", ""
	case "format:jef#history":
		return "jef.html#history", ""
	case "country:FIN":
		return "../countries/fin.html", ""
	}
	return "", "unknown " + scheme + " " + target
}

func convert(t *testing.T, src string, reserved ...string) (string, []string) {
	t.Helper()
	r := New(Options{}).Convert(Doc{Path: "x.md", Source: []byte(src), Resolver: fakeResolver{},
		Reserved: reserved, HeadingShift: 1})
	html := r.HTML
	var msgs []string
	for _, e := range r.Errs {
		msgs = append(msgs, e.Error())
	}
	return string(html), msgs
}

func TestCrossReferences(t *testing.T) {
	html, errs := convert(t, "See [JEF](format:jef), [its history](format:jef#history) and [Finland](country:FIN).\n"+
		"An [outside link](https://example.org/) stays.\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{`<a href="jef.html">JEF</a>`, `<a href="jef.html#history">`,
		`<a href="../countries/fin.html">Finland</a>`, `<a href="https://example.org/">`} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
}

func TestUnresolvedPositions(t *testing.T) {
	_, errs := convert(t, "# Title\n\nText [a](format:nope) and\n  [b](country:XX), [](format:empty).\n")
	want := []string{
		"x.md:3:10: unknown format nope",
		"x.md:4:7: unknown country XX",
		"x.md:4:23: unknown format empty",
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}

func TestHeadingsShiftedAndReservedIDs(t *testing.T) {
	html, _ := convert(t, "## Members\n\n## Members\n\n###### Deep\n", "members")
	for _, want := range []string{`<h3 id="members-1">Members</h3>`, `<h3 id="members-2">Members</h3>`, `<h6 id="deep">Deep</h6>`} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
}

func TestExtensions(t *testing.T) {
	html, _ := convert(t, "\"Quoted\" -- text.[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```go\nfunc f() {}\n```\n\n[^1]: Note.\n")
	for _, want := range []string{"&ldquo;Quoted&rdquo; &ndash; text", "<table>", `<td>1</td>`,
		`<pre class="chroma">`, `<span class="kd">func</span>`, `id="fn:1"`} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "style=") {
		t.Error("highlighted code has inline styles; the CSP forbids them")
	}
}

func TestCSS(t *testing.T) {
	css, err := New(Options{}).CSS()
	if err != nil || !strings.Contains(string(css), ".chroma .kd") {
		t.Errorf("chroma CSS lacks keyword rules (err %v)", err)
	}
}

func TestLinksRecordedAndFootnotesChecked(t *testing.T) {
	src := "A [jef](format:jef#history), [rel](other.html#x), [ext](https://example.org/) and [^n].\n\n```\n[^code]\n```\n\n[^m]: defined but unused\n"
	r := New(Options{}).Convert(Doc{Path: "x.md", Source: []byte(src), Resolver: fakeResolver{}})
	var got []string
	for _, l := range r.Links {
		got = append(got, l.Pos.String()+" "+l.Dest+" -> "+l.Href)
	}
	want := []string{"x.md:1:9 format:jef#history -> jef.html#history", "x.md:1:36 other.html#x -> other.html#x"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Errs) != 1 || r.Errs[0].Error() != "x.md:1:83: footnote [^n] has no definition" {
		t.Errorf("errors: %v", r.Errs)
	}
}

func TestRawHTMLIsInert(t *testing.T) {
	html, _ := convert(t, "\ufeffHi <script>alert(1)</script> [x](javascript:alert(1))\n\n<div onclick=\"x\">raw</div>\n")
	for _, bad := range []string{"<script", "javascript:", "onclick", "\ufeff"} {
		if strings.Contains(html, bad) {
			t.Errorf("output contains %q:\n%s", bad, html)
		}
	}
}

func TestIDPrefix(t *testing.T) {
	r := New(Options{}).Convert(Doc{Path: "x.md", Source: []byte("## Purpose\n\nText.[^1]\n\n[^1]: Note.\n"),
		Resolver: fakeResolver{}, IDPrefix: "f-jef-"})
	html := string(r.HTML)
	for _, want := range []string{`<h2 id="f-jef-purpose">`, `id="f-jef-fnref:1"`, `href="#f-jef-fn:1"`, `<li id="f-jef-fn:1">`} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
	plain := New(Options{}).Convert(Doc{Path: "x.md", Source: []byte("## Purpose\n\nText.[^1]\n\n[^1]: Note.\n"), Resolver: fakeResolver{}})
	if !strings.Contains(string(plain.HTML), `<h2 id="purpose">`) || !strings.Contains(string(plain.HTML), `id="fn:1"`) {
		t.Errorf("a document without a prefix got one:\n%s", plain.HTML)
	}
}

// variantResolver resolves as the print edition does: anchors on one page.
type variantResolver struct{}

func (variantResolver) Resolve(scheme, target string) (string, string) {
	return "#" + scheme + "-" + strings.ToLower(target), ""
}

// TestVariants renders one parse for a page and for a print edition: the
// variant's links and ids are its own, the code is highlighted in both, and
// the page's rendering is what Convert gives.
func TestVariants(t *testing.T) {
	src := "## Purpose\n\nSee [the JEF](format:jef) and [Finland](country:FIN).[^1]\n\n```go\nfunc f() {}\n```\n\n[^1]: Note.\n"
	c := New(Options{})
	doc := Doc{Path: "x.md", Source: []byte(src), Resolver: fakeResolver{}, HeadingShift: 1}
	page, variants := c.ConvertVariants(doc, Variant{Resolver: variantResolver{}, IDPrefix: "f-x-"})
	if plain := c.Convert(doc); string(plain.HTML) != string(page.HTML) {
		t.Errorf("the page differs from Convert's:\n%s\n%s", page.HTML, plain.HTML)
	}
	print := string(variants[0].HTML)
	for _, want := range []string{`<h3 id="f-x-purpose">`, `href="#format-jef"`, `href="#country-fin"`, `id="f-x-fnref:1"`, `<span class="kd">func</span>`} {
		if !strings.Contains(print, want) {
			t.Errorf("the variant lacks %s:\n%s", want, print)
		}
	}
	for _, want := range []string{`<h3 id="purpose">`, `href="jef.html"`, `href="../countries/fin.html"`, `<span class="kd">func</span>`} {
		if !strings.Contains(string(page.HTML), want) {
			t.Errorf("the page lacks %s:\n%s", want, page.HTML)
		}
	}
	if len(variants[0].Links) != 2 || variants[0].Links[0].Href != "#format-jef" || variants[0].Links[0].Pos != page.Links[0].Pos {
		t.Errorf("variant links %+v, page links %+v", variants[0].Links, page.Links)
	}
}

// TestPlainText is the prose of a document for search: no code, no markup,
// escapes and entities resolved, white space folded.
func TestPlainText(t *testing.T) {
	src := "# Title\n\nIt's **bold**text, a \\*star\\* &amp; [a link](format:jef)\nacross lines.\n\n```go\nfunc hidden() {}\n```\n\n- one\n- two\n"
	r := New(Options{}).Convert(Doc{Path: "x.md", Source: []byte(src), Resolver: fakeResolver{}})
	want := "Title It’s boldtext, a *star* & a link across lines. one two"
	if r.Text != want {
		t.Errorf("got  %q\nwant %q", r.Text, want)
	}
}

// BenchmarkDeepNesting converts Markdown that nests lists deeply, at 400 KB
// and 800 KB: the cost must grow with the size, not its square. "one-line" is
// 200,000 list markers on one line, which goldmark took 80 s to parse at
// 400 KB and which is now refused; "rule" is the same markers without the
// text, a thematic break; "at-limit" is lines nested 32 deep, which
// goldmark parses.
func BenchmarkDeepNesting(b *testing.B) {
	c := New(Options{})
	for _, kb := range []int{400, 800} {
		for _, shape := range []struct {
			name       string
			unit, tail string
		}{
			{"one-line", "- ", "x"},
			{"rule", "- ", ""}, // a thematic break, not lists
			{"at-limit", strings.Repeat("- ", MaxNesting) + "x\n\n", ""},
			{"angle-destinations", "[a](<x ", "y"}, // refused: more than MaxNesting open at once
		} {
			src := []byte(strings.Repeat(shape.unit, kb<<10/len(shape.unit)) + shape.tail)
			b.Run(fmt.Sprintf("%s/%dKB", shape.name, kb), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					r := c.Convert(Doc{Path: "deep.md", Source: src, Resolver: fakeResolver{}})
					if (len(r.Errs) > 0) != (shape.name == "one-line" || shape.name == "angle-destinations") {
						b.Fatalf("%d errors", len(r.Errs))
					}
				}
			})
		}
	}
}

// TestNestingLimit refuses what goes one level past MaxNesting, at the
// marker or parenthesis that does, and nothing that stays within it.
func TestNestingLimit(t *testing.T) {
	deep := strings.Repeat("- ", MaxNesting)
	for _, tc := range []struct {
		src  string
		want string
	}{
		{deep + "x", ""},
		{deep + "- x", fmt.Sprintf("d.md:1:%d", 2*MaxNesting+1)},
		{"  " + strings.Repeat("> ", MaxNesting+1) + "x", fmt.Sprintf("d.md:1:%d", 2*MaxNesting+3)},
		{strings.Repeat("1) ", MaxNesting+1) + "x", fmt.Sprintf("d.md:1:%d", 3*MaxNesting+1)},
		{"x\n" + strings.Repeat("(", MaxNesting+1), fmt.Sprintf("d.md:2:%d", MaxNesting+1)},
		{strings.Repeat("(", MaxNesting) + " " + strings.Repeat("(", MaxNesting), ""},
		{strings.Repeat(`\(`, MaxNesting+1), ""},
		{"``" + strings.Repeat("(", MaxNesting+1) + "``", ""},
		{"~~~\n" + strings.Repeat("(", MaxNesting+1) + "\n~~~", ""},
		{strings.Repeat("* ", MaxNesting+5), ""}, // a thematic break
		// what goldmark parses as text, though it looks like a fence to a careless reader
		{"```a`b\n" + deep + "- x", fmt.Sprintf("d.md:2:%d", 2*MaxNesting+1)},
		{"```\ncode\n```x\n" + deep + "- x\n```\n" + deep + "- y", fmt.Sprintf("d.md:6:%d", 2*MaxNesting+1)},
		{"- a\n  ```\n" + deep + "- x", fmt.Sprintf("d.md:3:%d", 2*MaxNesting+1)},
		{"~~~~\n" + deep + "- x\n~~~\n~~~~ \n" + deep + "- y", fmt.Sprintf("d.md:5:%d", 2*MaxNesting+1)},
		{strings.Repeat("[a](<x ", MaxNesting) + "[a](<x", fmt.Sprintf("d.md:1:%d", 7*MaxNesting+5)},
		{strings.Repeat("[a](<x> ", MaxNesting+5), ""},
	} {
		r := New(Options{}).Convert(Doc{Path: "d.md", Source: []byte(tc.src), Resolver: fakeResolver{}})
		got := ""
		if len(r.Errs) > 0 {
			got = r.Errs[0].Pos.String()
		}
		if got != tc.want || len(r.Errs) > 1 {
			t.Errorf("%.40q...: errors %v, want at %q", tc.src, r.Errs, tc.want)
		}
	}
}

// A document has code if a fenced block stands anywhere in it: at the top,
// in a list or in a footnote.
func TestCodeAnywhere(t *testing.T) {
	c := New(Options{})
	for src, want := range map[string]bool{
		"# T\n\nText with `inline code`.\n":                       false,
		"Text.\n\n```go\nx := 1\n```\n":                           true,
		"- an item\n\n  ```\n  x\n  ```\n":                        true,
		"Text.[^1]\n\n[^1]: A note.\n\n    ```\n    x\n    ```\n": true,
	} {
		if got := c.Convert(Doc{Path: "x.md", Source: []byte(src), Resolver: fakeResolver{}}).Code; got != want {
			t.Errorf("Code of %q = %v, want %v", src, got, want)
		}
	}
}
