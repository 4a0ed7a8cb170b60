package viz

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Item is one thing a picture shows: a label, the page it links to, and its
// members.
type Item struct {
	Label, Href string
	Short       string // a shorter label for a column head ("NATO"); Label when ""
	Set         Set
}

// head is the item's label for a column head.
func (it Item) head() string { return cmp.Or(it.Short, it.Label) }

// charWidth is the most an 11-pixel character of system-ui takes, for
// margins that fit every label whole.
const charWidth = 6.8

// longest is the length in characters of the longest label of items, each
// taken by label.
func longest(items []Item, label func(Item) string) float64 {
	n := 0
	for _, it := range items {
		n = max(n, utf8.RuneCountInString(label(it)))
	}
	return float64(n)
}

// HeatMap draws the pairwise overlap of items, in the order given: each cell
// is shaded by the Jaccard index of two items' member sets and, when there is
// room, shows the number of shared members; the diagonal holds each item's
// own size. Row labels link to the items' pages.
func HeatMap(id, title string, items []Item) string {
	n := len(items)
	// The margins fit every label whole: the rows' at the left, and the
	// column heads', which lean right at 60 degrees, above and to the right.
	const cell = 22.0 // a cell fits its number at 11 px
	rowChars := longest(items, func(it Item) string { return it.Label })
	headChars := longest(items, Item.head)
	left := math.Ceil(rowChars*charWidth) + 12
	top := math.Ceil(headChars*charWidth*0.87) + 16
	right := math.Ceil(headChars*charWidth*0.5) + 12
	w, h := int(left+cell*float64(n)+right), int(top+cell*float64(n)+10)
	desc := fmt.Sprintf("A %d by %d grid; darker cells share more members relative to their size. Each row and column is one of: %s.",
		n, n, labels(items))
	s := newSVG(w, h, id, title, desc)
	// The row labels stay in view while the grid scrolls; on a narrow
	// screen they are the short ones, where those differ.
	s.split(0, int(left))
	narrow, nleft := -1, math.Ceil(longest(items, Item.head)*charWidth)+12
	if slices.ContainsFunc(items, func(it Item) bool { return it.head() != it.Label }) {
		narrow = s.narrow(0, int(nleft))
	}
	s.in(1)
	s.b.Grow(n*(400+n*40) + min(n, 40)*min(n, 40)*200) // labels, the cells' paths or their rectangles and tooltips
	for i, it := range items {
		y := top + cell*float64(i)
		s.in(0)
		s.link(it.Href, it.Label)
		s.text(left-6, y+cell*0.7, "end", it.Label, 0)
		s.endLink()
		if narrow >= 0 {
			s.in(narrow)
			s.link(it.Href, it.Label)
			s.text(nleft-6, y+cell*0.7, "end", it.head(), 0)
			s.endLink()
		}
		s.in(1)
		x := left + cell*float64(i) + cell*0.6
		s.text(x, top-6, "start", it.head(), -60)
	}
	// Small maps give every cell its number and a tooltip; large ones only
	// shade the cells, to keep the picture's size bounded: the table beside
	// it has every figure.
	if n > 40 {
		s.shadedCells(items, int(left), int(top), cell)
		return s.end()
	}
	for i, a := range items {
		for j, b := range items {
			x, y := left+cell*float64(j), top+cell*float64(i)
			shared := Shared(a.Set, b.Set)
			sim := 1 - Jaccard(a.Set, b.Set)
			s.put("<g><title>", esc(a.Label))
			if i == j {
				s.put(": ")
				s.int(a.Set.Len())
				s.put(" members")
			} else {
				s.put(" and ", esc(b.Label), ": ")
				s.int(shared)
				s.put(" shared, Jaccard ")
				s.b.Write(strconv.AppendFloat(s.num[:0], sim, 'f', 2, 64))
			}
			s.put("</title>")
			s.rect(x, y, cell-1, cell-1, shade(sim), "")
			if shared > 0 {
				fg := "#1d2329"
				if sim > 0.55 {
					fg = "#ffffff"
				}
				s.put("<text")
				s.attrs(xy, x+(cell-1)/2, y+cell*0.68)
				s.put(` text-anchor="middle" fill="`, fg, `">`)
				s.int(shared)
				s.put("</text>")
			}
			s.put("</g>")
		}
	}
	return s.end()
}

// shadedCells draws the cells of a large heat map as one path per shade, in
// the order the shades first appear: a fifth of the bytes of a rectangle per
// cell, which at 100 formats is 10,000 rectangles.
func (s *svg) shadedCells(items []Item, left, top, cell int) {
	var shades []string
	paths := map[string][]byte{}
	for i, a := range items {
		for j, b := range items {
			fill := shade(1 - Jaccard(a.Set, b.Set))
			d, seen := paths[fill]
			if !seen {
				shades = append(shades, fill)
			}
			d = append(d, 'M')
			d = strconv.AppendInt(d, int64(left+cell*j), 10)
			d = append(d, ' ')
			d = strconv.AppendInt(d, int64(top+cell*i), 10)
			d = append(d, 'h')
			d = strconv.AppendInt(d, int64(cell-1), 10)
			d = append(d, 'v')
			d = strconv.AppendInt(d, int64(cell-1), 10)
			d = append(d, 'h')
			d = strconv.AppendInt(d, int64(1-cell), 10)
			paths[fill] = append(d, 'z')
		}
	}
	for _, fill := range shades {
		s.put(`<path fill="`, fill, `" d="`, string(paths[fill]), `"/>`)
	}
}

// Combo is an exact combination of sets that some elements hold: Sets are
// indexes into the sets, Elements into the universe.
type Combo struct {
	Sets     []int
	Elements []int
}

// Combinations groups the elements of the universe (0..n-1) by the exact
// combination of sets they belong to, skipping elements in none, largest
// combination first (ties: fewer sets, then set indexes).
func Combinations(sets []Item, n int) []Combo {
	byKey := map[string]*Combo{}
	var keys []string
	for e := range n {
		var in []int
		for i, s := range sets {
			if s.Set.Has(e) {
				in = append(in, i)
			}
		}
		if len(in) == 0 {
			continue
		}
		key := fmt.Sprint(in)
		c, ok := byKey[key]
		if !ok {
			c = &Combo{Sets: in}
			byKey[key] = c
			keys = append(keys, key)
		}
		c.Elements = append(c.Elements, e)
	}
	out := make([]Combo, 0, len(keys))
	for _, k := range keys {
		out = append(out, *byKey[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if len(a.Elements) != len(b.Elements) {
			return len(a.Elements) > len(b.Elements)
		}
		if len(a.Sets) != len(b.Sets) {
			return len(a.Sets) < len(b.Sets)
		}
		return slices.Compare(a.Sets, b.Sets) < 0
	})
	return out
}

// UpSet draws an UpSet plot (Lex et al., 2014) of the sets over combos: a bar
// per combination with its size, a dot matrix of the sets that make it, and
// a bar per set with its size. Set labels link to the sets' pages; each
// combination's column links to anchorPrefix plus its index, where the page
// lists its elements.
func UpSet(id, title string, sets []Item, combos []Combo, anchorPrefix string) string {
	const col, row, top, barH = 22.0, 20.0, 120.0, 100.0
	left := max(260, 166+math.Ceil(longest(sets, Item.head)*charWidth)+10) // the set labels whole
	w := int(left + col*float64(len(combos)) + 20)
	h := int(top + row*float64(len(sets)) + 20)
	maxCombo, maxSet := 1, 1
	for _, c := range combos {
		maxCombo = max(maxCombo, len(c.Elements))
	}
	for _, s := range sets {
		maxSet = max(maxSet, s.Set.Len())
	}
	desc := fmt.Sprintf("%d combinations of %d sets, largest first. Columns are the exact combinations held; dots show the sets in each; bars show sizes.", len(combos), len(sets))
	s := newSVG(w, h, id, title, desc)
	// The sets' sizes scroll away; their labels stay in view while the
	// combinations scroll.
	s.split(1, 162, int(left))
	for i, set := range sets {
		y := top + row*float64(i)
		if i%2 == 0 {
			s.across(y, row, "#f3f6f9")
		}
		s.in(0)
		bw := 90 * float64(set.Set.Len()) / float64(maxSet)
		s.rect(160-bw, y+5, bw, row-10, "#7f9fbf", "")
		s.text(160-bw-4, y+row*0.68, "end", fmt.Sprint(set.Set.Len()), 0)
		s.in(1)
		s.link(set.Href, set.Label)
		s.text(166, y+row*0.68, "start", set.head(), 0)
		s.endLink()
	}
	s.in(2)
	for j, c := range combos {
		x := left + col*float64(j) + col/2
		bh := (barH - 20) * float64(len(c.Elements)) / float64(maxCombo)
		s.link(fmt.Sprintf("#%s%d", anchorPrefix, j+1), fmt.Sprintf("Combination %d: %d", j+1, len(c.Elements)))
		s.rect(x-col*0.35, top-6-bh, col*0.7, bh, "#1f5f99", "")
		s.text(x, top-10-bh, "middle", fmt.Sprint(len(c.Elements)), 0)
		s.endLink()
		first, last := -1, -1
		for i := range sets {
			y := top + row*float64(i) + row/2
			if slices.Contains(c.Sets, i) {
				if first < 0 {
					first = i
				}
				last = i
				s.circle(x, y, 5, "#1d2329")
			} else {
				s.circle(x, y, 4, "#d5dbe1")
			}
		}
		if first >= 0 && last > first {
			s.line(x, top+row*float64(first)+row/2, x, top+row*float64(last)+row/2, "#1d2329", 2)
		}
	}
	return s.end()
}

// TimelineRow is one line of a timeline: an item and its dated points.
type TimelineRow struct {
	Label, Href string
	Short       string // the label on a narrow screen; Label when ""
	Points      []Point
}

// Point is a date on a timeline, as a fractional year, with what happened.
type Point struct {
	Year  float64
	Label string
}

// Timeline draws rows of dated points over a shared axis of years, each row
// linking to its item's page; each point carries its label as a tooltip and
// rows list their points in the description.
func Timeline(id, title string, rows []TimelineRow) string {
	lo, hi := 0.0, 0.0
	for _, r := range rows {
		for _, p := range r.Points {
			if lo == 0 || p.Year < lo {
				lo = p.Year
			}
			hi = max(hi, p.Year)
		}
	}
	if lo == 0 {
		return ""
	}
	lo, hi = float64(int(lo)/5*5), float64(int(hi)/5*5+5)
	cutFrom, cut := timeGap(rows)
	at := func(y float64) float64 { // the year on a scale without the gap
		switch {
		case cut == 0 || y <= cutFrom:
			return y
		case y < cutFrom+cut:
			return cutFrom
		}
		return y - cut
	}
	// pad keeps the first year's tick whole, clear of the labels' part.
	const top, row, width, pad = 30.0, 18.0, 640.0, 16.0
	chars, short, shortened := 0, 0, false
	for _, r := range rows {
		chars = max(chars, utf8.RuneCountInString(r.Label))
		short = max(short, utf8.RuneCountInString(cmp.Or(r.Short, r.Label)))
		shortened = shortened || cmp.Or(r.Short, r.Label) != r.Label
	}
	left := math.Ceil(float64(chars)*charWidth) + 16 // the labels whole
	nleft := math.Ceil(float64(short)*charWidth) + 16
	w, h := int(left+pad+width+20), int(top+row*float64(len(rows))+10)
	x := func(y float64) float64 { return left + pad + width*(at(y)-lo)/(at(hi)-lo) }
	var summary []string
	for _, r := range rows {
		var ps []string
		for _, p := range r.Points {
			ps = append(ps, p.Label)
		}
		summary = append(summary, r.Label+": "+strings.Join(ps, ", "))
	}
	s := newSVG(w, h, id, title, strings.Join(summary, "; ")+".")
	s.split(0, int(left)) // the labels stay in view while the years scroll
	narrow := -1
	if shortened {
		narrow = s.narrow(0, int(nleft))
	}
	s.in(1)
	for y := lo; y <= hi; y += 5 {
		if cut > 0 && y > cutFrom && y < cutFrom+cut {
			continue
		}
		s.line(x(y), top-8, x(y), float64(h)-8, "#d5dbe1", 1)
		s.text(x(y), top-12, "middle", fmt.Sprint(int(y)), 0)
	}
	if cut > 0 { // the years left out, marked by a break in the axis
		s.put(`<path d="M`)
		s.dec(x(cutFrom) - 4)
		s.put(" ")
		s.dec(top - 2)
		s.put(`l4 -6 4 6" fill="none" stroke="#5b6670" stroke-width="1.5"><title>`)
		s.put(esc(fmt.Sprintf("%d to %d left out: no dated events", int(math.Ceil(cutFrom)), int(cutFrom+cut))), `</title></path>`)
	}
	for i, r := range rows {
		y := top + row*float64(i) + row/2
		s.in(0)
		s.link(r.Href, r.Label)
		s.text(left-8, y+4, "end", r.Label, 0)
		s.endLink()
		if narrow >= 0 {
			s.in(narrow)
			s.link(r.Href, r.Label)
			s.text(nleft-8, y+4, "end", cmp.Or(r.Short, r.Label), 0)
			s.endLink()
		}
		s.in(1)
		if len(r.Points) > 1 {
			s.line(x(r.Points[0].Year), y, x(r.Points[len(r.Points)-1].Year), y, "#7f9fbf", 2)
		}
		for _, p := range r.Points {
			s.put("<circle")
			s.attrs(cxyr[:2], x(p.Year), y)
			s.put(` r="4.5" fill="#1f5f99"><title>`, esc(p.Label), "</title></circle>")
		}
	}
	return s.end()
}

// timeGap finds the longest stretch of years without a dated point, when it
// is longer than 15 years: where the cut starts and how many years it
// leaves out, keeping a year and a half either side. It returns 0, 0 when
// there is none.
func timeGap(rows []TimelineRow) (from, years float64) {
	var ys []float64
	for _, r := range rows {
		for _, p := range r.Points {
			ys = append(ys, p.Year)
		}
	}
	slices.Sort(ys)
	for i := 1; i < len(ys); i++ {
		if g := ys[i] - ys[i-1]; g > 15 && g-3 > years {
			from, years = ys[i-1]+1.5, g-3
		}
	}
	return from, years
}

// labels joins the items' labels, for a picture's description.
func labels(items []Item) string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return strings.Join(out, ", ")
}
