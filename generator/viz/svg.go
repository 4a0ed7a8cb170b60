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
//
// A picture is drawn in one part, or split into parts side by side, each its
// own <svg> over a slice of the same coordinates, so that a part of labels
// can stay in view (position: sticky) while the rest scrolls in a narrow
// frame; see split.
type svg struct {
	b               *strings.Builder // the part being drawn
	parts           []*part
	w, h            int
	id, title, desc string
	num             [32]byte // scratch for formatting a number
}

// part is one <svg> of a picture: the slice from x0, w wide, of the
// picture's coordinates. A sticky part stays in view; a part with a
// standIn is shown on wide screens only, the stand-in (narrow) on narrow
// ones.
type part struct {
	x0, w   int
	sticky  bool
	narrow  bool
	standIn *part
	b       strings.Builder
}

// class is the part's classes, for the stylesheet.
func (p *part) class() string {
	c := "viz"
	if p.sticky {
		c += " viz-sticky"
	}
	switch {
	case p.standIn != nil:
		c += " viz-wide"
	case p.narrow:
		c += " viz-narrow"
	}
	return c
}

func newSVG(w, h int, id, title, desc string) *svg {
	s := &svg{w: w, h: h, id: id, title: title, desc: desc, parts: []*part{{w: w}}}
	s.b = &s.parts[0].b
	return s
}

// split cuts the picture at the xs, in increasing order, into parts drawn
// side by side; part sticky stays in view while the others scroll. It is
// called before anything is drawn, and leaves part 0 to be drawn.
func (s *svg) split(sticky int, xs ...int) {
	s.parts = s.parts[:0]
	x0 := 0
	for _, x := range append(xs, s.w) {
		s.parts = append(s.parts, &part{x0: x0, w: x - x0})
		x0 = x
	}
	s.parts[sticky].sticky = true
	s.in(0)
}

// narrow adds to part k a stand-in for narrow screens, w wide from 0 in
// coordinates of its own, shown in its place by the stylesheet below 40em
// (labels by their short names); it returns the stand-in's index.
func (s *svg) narrow(k, w int) int {
	stand := &part{w: w, sticky: s.parts[k].sticky, narrow: true}
	s.parts[k].standIn = stand
	s.parts = append(s.parts, stand)
	return len(s.parts) - 1
}

// in makes part k the one drawn.
func (s *svg) in(k int) { s.b = &s.parts[k].b }

// across draws a band from y, h high, over the whole width of every part.
func (s *svg) across(y, h float64, fill string) {
	cur := s.b
	for _, p := range s.parts {
		s.b = &p.b
		s.rect(float64(p.x0), y, float64(p.w), h, fill, "")
	}
	s.b = cur
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

// end closes the picture and returns it; s is done with. A picture of one
// part is one <svg>; one of several is a <div class="viz-split"> of them,
// named and described by the first. The narrow stand-ins come right after
// the parts they stand in for.
func (s *svg) end() string {
	var out strings.Builder
	size := 512
	for _, p := range s.parts {
		size += p.b.Len() + 256
	}
	out.Grow(size)
	s.b = &out
	label := `" aria-labelledby="` + s.id + `-title" aria-describedby="` + s.id + `-desc"`
	if len(s.parts) > 1 {
		s.put(`<div class="viz-split" role="group`, label, `>`)
	}
	order := make([]*part, 0, len(s.parts))
	for _, p := range s.parts {
		if !p.narrow {
			order = append(order, p)
			if p.standIn != nil {
				order = append(order, p.standIn)
			}
		}
	}
	for i, p := range order {
		s.put(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="`)
		s.int(p.x0)
		s.put(" 0 ")
		s.int(p.w)
		s.put(" ")
		s.int(s.h)
		s.put(`" width="`)
		s.int(p.w)
		s.put(`" height="`)
		s.int(s.h)
		if len(s.parts) == 1 {
			s.put(`" role="group`, label)
		} else {
			s.put(`"`)
		}
		s.put(` class="`, p.class(), `" font-family="system-ui, sans-serif" font-size="11">`)
		if i == 0 {
			s.put(`<title id="`, s.id, `-title">`, esc(s.title), `</title><desc id="`, s.id, `-desc">`, esc(s.desc), `</desc>`)
		}
		out.WriteString(p.b.String())
		s.put("</svg>")
	}
	if len(s.parts) > 1 {
		s.put("</div>")
	}
	return out.String()
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
