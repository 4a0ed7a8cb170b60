package viz

import (
	"fmt"
	"html"
	"strings"
)

// svg builds one picture. Text is escaped; links are relative hrefs given
// by the caller. Fonts are the reader's own (system-ui), so nothing is fetched.
type svg struct {
	b strings.Builder
}

func newSVG(w, h int, id, title, desc string) *svg {
	s := &svg{}
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="group" aria-labelledby="%s-title" aria-describedby="%s-desc" class="viz" font-family="system-ui, sans-serif" font-size="11">`,
		w, h, w, h, id, id)
	fmt.Fprintf(&s.b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, esc(title), id, esc(desc))
	return s
}

func esc(s string) string { return html.EscapeString(s) }

func (s *svg) rect(x, y, w, h float64, fill, extra string) {
	fmt.Fprintf(&s.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"%s/>`, x, y, w, h, fill, extra)
}

func (s *svg) circle(x, y, r float64, fill string) {
	fmt.Fprintf(&s.b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"/>`, x, y, r, fill)
}

func (s *svg) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	fmt.Fprintf(&s.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"/>`, x1, y1, x2, y2, stroke, width)
}

// text writes a label; anchor is start, middle or end; rotate turns it about
// its point (for column heads).
func (s *svg) text(x, y float64, anchor, label string, rotate int) {
	tr := ""
	if rotate != 0 {
		tr = fmt.Sprintf(` transform="rotate(%d %.1f %.1f)"`, rotate, x, y)
	}
	fmt.Fprintf(&s.b, `<text x="%.1f" y="%.1f" text-anchor="%s"%s fill="#1d2329">%s</text>`, x, y, anchor, tr, esc(label))
}

// link wraps what follows, up to endLink, in a link with a tooltip title.
func (s *svg) link(href, title string) {
	fmt.Fprintf(&s.b, `<a href="%s"><title>%s</title>`, esc(href), esc(title))
}

func (s *svg) endLink() { s.b.WriteString(`</a>`) }

func (s *svg) String() string { return s.b.String() + "</svg>" }

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
