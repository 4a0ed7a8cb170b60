package linkcheck

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	files := []File{
		{Path: "index.html", Data: []byte(`<a href="formats/a.html#members">ok</a><a href="formats/">dir</a>` +
			`<a href="missing.html">x</a><link href="style.css"><a href="https://example.org/">ext</a><a href="/abs.html">abs</a>`)},
		{Path: "formats/a.html", Data: []byte(`<h2 id="members">M</h2><a href="../index.html#nope">x</a><img src="../logo.png"><a href="#members">self</a>`)},
		{Path: "404.html", Data: []byte(`<a href="/index.html">home</a>`)},
		{Path: "style.css", Data: []byte(`body{}`)},
	}
	var got []string
	for _, p := range Check("/", files) {
		got = append(got, p.String())
	}
	want := []string{
		`formats/a.html: ../index.html#nope: no element with id "nope" in index.html`,
		`formats/a.html: ../logo.png: no such file logo.png`,
		`index.html: /abs.html: root-relative link: it fails from file://`,
		`index.html: formats/: names a directory, not a file: it fails from file://`,
		`index.html: missing.html: no such file missing.html`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestScan reads ids and links as a browser would: inside inline SVG and
// MathML, in any case and quoting, with character references decoded, and
// not inside comments, scripts or text.
func TestScan(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>a <a href="no-title.html"></title>
<script>var s = '<a href="no-script.html">';</script><style>a[href="no-style.html"]{}</style></head>
<body><!-- <a href="no-comment.html" id="no-comment"> --><p>text href="no-text.html"</p>
<h2 ID='Upper' class=x>H</h2><a HREF=plain.html>p</a><a href="q.html?a=1&amp;b=2#x&#45;y">q</a>
<svg viewBox="0 0 10 10" aria-label="a > b" id="pic"><title id="pic-title">T</title><a href="svg.html"><rect/></a>
<svg id="inner"><a href="inner.html"/></svg></svg>
<math id="m"><mi href="math.html">x</mi></math>
<img src="i.png" alt="<a href='no-alt.html'>"><textarea><a href="no-textarea.html"></textarea><a href>empty</a></body></html>`
	data := []byte(page)
	got := Scan("p.html", data)
	wantIDs := []string{"Upper", "inner", "m", "pic", "pic-title"}
	wantRefs := []string{"plain.html", "q.html?a=1&b=2#x-y", "svg.html", "inner.html", "math.html", "i.png", ""}
	if !slices.Equal(got.IDs, wantIDs) {
		t.Errorf("ids %q, want %q", got.IDs, wantIDs)
	}
	if !slices.Equal(got.Refs, wantRefs) {
		t.Errorf("links %q, want %q", got.Refs, wantRefs)
	}
	if string(data) != page {
		t.Error("Scan changed the page it read")
	}
	if other := Scan("style.css", data); other.IDs != nil || other.Refs != nil {
		t.Errorf("a file that is not HTML was scanned: %+v", other)
	}
}

// TestJoin shows a page scanned in parts gives what it gives scanned whole.
func TestJoin(t *testing.T) {
	parts := []string{`<h1 id="b">x</h1><a href="#a">`, `</a><article id="a"><a href="x.html">y</a></article>`, `<p id="b">again</p>`}
	var scanned []Page
	for _, p := range parts {
		scanned = append(scanned, Scan("p.html", []byte(p)))
	}
	whole := Scan("p.html", []byte(strings.Join(parts, "")))
	if got := Join("p.html", scanned...); !slices.Equal(got.IDs, whole.IDs) || !slices.Equal(got.Refs, whole.Refs) {
		t.Errorf("joined %+v, whole %+v", got, whole)
	}
}

// FuzzSplitRef holds splitRef to url.Parse wherever it takes a reference.
func FuzzSplitRef(f *testing.F) {
	for _, s := range []string{"", "#x", "../formats/jef.html#history", "a.html##b", "//host/x", "http://x", "a?b", "a%20b", "/abs.html", "a b", "x#y#z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		p, frag, ok := splitRef(ref)
		if !ok {
			return
		}
		u, err := url.Parse(ref)
		if err != nil || u.Scheme != "" || u.Host != "" || u.RawQuery != "" || u.Path != p || u.Fragment != frag {
			t.Fatalf("splitRef(%q) = %q, %q; url.Parse: %+v, %v", ref, p, frag, u, err)
		}
	})
}

// TestDuplicateIDs reports an id that stands twice on a page, once, and in
// a page joined from parts whichever parts hold it.
func TestDuplicateIDs(t *testing.T) {
	got := Check("/", []File{
		{Path: "a.html", Data: []byte(`<p id="x"></p><p id="y"></p><p id="x"></p><svg><g id="x"/></svg><a href="#y">y</a>`)},
		{Path: "b.html", Data: []byte(`<p id="x"></p><p id="y"></p>`)},
	})
	if len(got) != 1 || got[0].Page != "a.html" || got[0].Link != "" || !strings.Contains(got[0].Msg, `the id "x" stands on the page more than once`) {
		t.Errorf("got %v, want x twice on a.html", got)
	}
	joined := Join("p.html", Scan("p.html", []byte(`<p id="a"></p>`)), Scan("p.html", []byte(`<p id="b"></p><p id="a"></p>`)))
	if !slices.Equal(joined.Dups, []string{"a"}) || !slices.Equal(joined.IDs, []string{"a", "b"}) {
		t.Errorf("joined: ids %v, dups %v", joined.IDs, joined.Dups)
	}
}

// TestCheckPageDuplicateIDs: a page checked again alone reports its
// repeated ids too, as the whole check does.
func TestCheckPageDuplicateIDs(t *testing.T) {
	ix := NewIndex("/", []string{"a.html"}, []Page{Scan("a.html", []byte(`<p id="x"></p>`))})
	got := ix.CheckPage("a.html", []byte(`<p id="x"></p><p id="x"></p>`))
	if len(got) != 1 || !strings.Contains(got[0].Msg, `"x" stands on the page more than once`) {
		t.Errorf("got %v", got)
	}
}

// TestNotFoundUnderAPath: 404.html of a site published under a path links
// from that path, and a link outside it is broken.
func TestNotFoundUnderAPath(t *testing.T) {
	page := Scan("404.html", []byte(`<a href="/atlas/index.html">home</a><a href="/index.html">root</a><a href="/atlas/nosuch.html">x</a>`))
	got := CheckPages("/atlas/", []string{"404.html", "index.html"}, []Page{page})
	var msgs []string
	for _, p := range got {
		msgs = append(msgs, p.Link+": "+p.Msg)
	}
	want := []string{"/atlas/nosuch.html: no such file nosuch.html", "/index.html: outside the site's path /atlas/"}
	if !slices.Equal(msgs, want) {
		t.Errorf("got %q, want %q", msgs, want)
	}
}

// TestExpect keeps for the end only the links that a list of the files
// to come cannot settle: a fragment, a file not on the list, or a link the
// check would refuse whatever the files. The check then reports what it
// reports without the list.
func TestExpect(t *testing.T) {
	var sc Scanner
	sc.Expect([]string{"index.html", "formats/a.html", "assets/style.css"})
	page := `<link href="../assets/style.css"><a href="../index.html">home</a><a href="a.html#members">m</a>` +
		`<a href="b.html">missing</a><a href="../index.html#">empty fragment</a><a href="/index.html">root</a>` +
		`<a href="./">dir</a><a href="../../index.html">outside</a><a href="a.html?x=1">query</a><a href="https://example.org/a.html">ext</a>`
	got := sc.Scan("formats/a.html", []byte(page))
	want := []string{"a.html#members", "b.html", "../index.html#", "/index.html", "./", "../../index.html", "a.html?x=1", "https://example.org/a.html"}
	if !slices.Equal(got.Refs, want) {
		t.Errorf("kept %q, want %q", got.Refs, want)
	}
	files := []File{{Path: "index.html", Data: []byte(`<p>home</p>`)}, {Path: "formats/a.html", Data: []byte(page)}, {Path: "assets/style.css"}}
	var all, kept []string
	for _, p := range Check("/", files) {
		all = append(all, p.String())
	}
	for _, p := range CheckPages("/", []string{"index.html", "formats/a.html", "assets/style.css"}, []Page{Scan("index.html", files[0].Data), got, {Path: "assets/style.css"}}) {
		kept = append(kept, p.String())
	}
	if !slices.Equal(all, kept) || len(all) == 0 {
		t.Errorf("with the list:\n%s\nwithout:\n%s", strings.Join(kept, "\n"), strings.Join(all, "\n"))
	}
}
