package viz

import (
	"html"
	"strconv"
	"strings"
)

// svg builds one picture. Text is escaped; links are relative hrefs given
// by the caller. Fonts are the reader's own (system-ui), so nothing is fetched.
// Numbers are written with strconv, as fmt's %.1f and %d would write them:
// a heat map of 40 formats has 1,600 cells.
type svg struct {
	b   strings.Builder
	num [32]byte // scratch for formatting a number
}

func newSVG(w, h int, id, title, desc string) *svg {
	s := &svg{}
	s.put(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	s.int(w)
	s.put(" ")
	s.int(h)
	s.put(`" width="`)
	s.int(w)
	s.put(`" height="`)
	s.int(h)
	s.put(`" role="group" aria-labelledby="`, id, `-title" aria-describedby="`, id,
		`-desc" class="viz" font-family="system-ui, sans-serif" font-size="11">`)
	s.put(`<title id="`, id, `-title">`, esc(title), `</title><desc id="`, id, `-desc">`, esc(desc), `</desc>`)
	return s
}

func esc(s string) string { return html.EscapeString(s) }

// put writes strings as they are.
func (s *svg) put(parts ...string) {
	for _, p := range parts {
		s.b.WriteString(p)
	}
}

// dec writes v to one decimal place, as %.1f does.
func (s *svg) dec(v float64) { s.b.Write(strconv.AppendFloat(s.num[:0], v, 'f', 1, 64)) }

// int writes v in decimal, as %d does.
func (s *svg) int(v int) { s.b.Write(strconv.AppendInt(s.num[:0], int64(v), 10)) }

// attrs writes ` name="v"` for each name and v, v to one decimal place.
func (s *svg) attrs(names []string, vs ...float64) {
	for i, v := range vs {
		s.put(" ", names[i], `="`)
		s.dec(v)
		s.put(`"`)
	}
}

var (
	xywh = []string{"x", "y", "width", "height"}
	cxyr = []string{"cx", "cy", "r"}
	x1y2 = []string{"x1", "y1", "x2", "y2", "stroke-width"}
	xy   = []string{"x", "y"}
)

func (s *svg) rect(x, y, w, h float64, fill, extra string) {
	s.put("<rect")
	s.attrs(xywh, x, y, w, h)
	s.put(` fill="`, fill, `"`, extra, "/>")
}

func (s *svg) circle(x, y, r float64, fill string) {
	s.put("<circle")
	s.attrs(cxyr, x, y, r)
	s.put(` fill="`, fill, `"/>`)
}

func (s *svg) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	s.put("<line")
	s.attrs(x1y2[:4], x1, y1, x2, y2)
	s.put(` stroke="`, stroke, `"`)
	s.attrs(x1y2[4:], width)
	s.put("/>")
}

// text writes a label; anchor is start, middle or end; rotate turns it about
// its point (for column heads).
func (s *svg) text(x, y float64, anchor, label string, rotate int) {
	s.put("<text")
	s.attrs(xy, x, y)
	s.put(` text-anchor="`, anchor, `"`)
	if rotate != 0 {
		s.put(` transform="rotate(`)
		s.int(rotate)
		s.put(" ")
		s.dec(x)
		s.put(" ")
		s.dec(y)
		s.put(`)"`)
	}
	s.put(` fill="#1d2329">`, esc(label), "</text>")
}

// link wraps what follows, up to endLink, in a link with a tooltip title.
func (s *svg) link(href, title string) {
	s.put(`<a href="`, esc(href), `"><title>`, esc(title), `</title>`)
}

func (s *svg) endLink() { s.b.WriteString(`</a>`) }

// end closes the picture and returns it; s is done with.
func (s *svg) end() string {
	s.b.WriteString("</svg>")
	return s.b.String()
}

// shade is a fill for a value in [0,1], from white to the site's blue, with
// the value also given as text wherever it matters: never colour alone.
func shade(v float64) string {
	v = min(max(v, 0), 1)
	r := 255 - int(v*(255-31))
	g := 255 - int(v*(255-95))
	b := 255 - int(v*(255-153))
	const hex = "0123456789abcdef"
	return string([]byte{'#', hex[r>>4], hex[r&15], hex[g>>4], hex[g&15], hex[b>>4], hex[b&15]})
}
