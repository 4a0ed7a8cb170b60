// Package pictures draws the site's pictures, as SVG made at build time:
// the overlaps of formats as heat maps, the combinations of memberships as
// UpSet plots, and the timeline of formats; and links the pages of the
// formats and countries they show to them.
package pictures

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"formatlas/generator/load"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
	"formatlas/generator/viz"
)

// Bounds that keep the pictures readable, and their cost bounded, on a site
// of thousands of formats: the largest formats are drawn, and the page says so.
const (
	maxHeatMap  = 100 // formats in one heat map
	maxAcross   = 20  // formats in the heat map across categories
	maxUpSet    = 20  // sets in one UpSet plot
	maxTimeline = 150 // formats on the timeline
	maxUndated  = 100 // formats named as left off it
)

// OverlapsView holds a heat map per category of formats.
type OverlapsView struct {
	view.Page
	Maps []HeatMapView
}

// HeatMapView is one heat map with its table.
type HeatMapView struct {
	ID, Label string
	Single    int // for a category of one format, its number of members (lead and member); no map is drawn
	SVG       template.HTML
	Shown     int // formats drawn; Total when all are
	Total     int
	Formats   []view.FormatRef
	Rows      []HeatRow
}

// HeatRow is a row of the accessible table.
type HeatRow struct {
	Format view.FormatRef
	Cells  template.HTML // <td>3 (0.43)</td> per column format, made in Go as the matrix's are
}

// UpSetView holds the UpSet plots.
type UpSetView struct {
	view.Page
	Plots []UpSetPlot
}

// UpSetPlot is one plot with its combinations listed.
type UpSetPlot struct {
	ID, Label, Summary string
	SVG                template.HTML
	Shown, Total       int
	Combos             []ComboView
}

// ComboView is one exact combination and the countries that hold it.
type ComboView struct {
	Anchor    string
	Formats   []view.FormatRef
	Countries []view.CountryRef
}

// TimelineView is the timeline of formats.
type TimelineView struct {
	view.Page
	SVG          template.HTML
	Shown, Total int
	Rows         []TimelineRowView
	Undated      []view.FormatRef // the formats the content dates no event of, which the timeline leaves out: the first maxUndated
	MoreUndated  int              // and how many more
}

// TimelineRowView is a format's dates in words, for readers of the table.
type TimelineRowView struct {
	Format view.FormatRef
	Dates  string
}

// formatSets gives each format its set of country indexes.
func (x *Pictures) formatSets(formats []*site.Format) []viz.Set {
	index := map[*site.Country]int{}
	for i, c := range x.s.Countries {
		index[c] = i
	}
	sets := make([]viz.Set, len(formats))
	for i, f := range formats {
		sets[i] = viz.NewSet(len(x.s.Countries))
		for _, m := range f.Members {
			sets[i].Add(index[m.Country])
		}
	}
	return sets
}

// largest keeps the n formats with most members (ties by id), in their order.
func largest(formats []*site.Format, n int) []*site.Format {
	if len(formats) <= n {
		return formats
	}
	ranked := slices.Clone(formats)
	slices.SortStableFunc(ranked, func(a, b *site.Format) int {
		if d := len(b.Members) - len(a.Members); d != 0 {
			return d
		}
		return strings.Compare(a.ID, b.ID)
	})
	keep := map[*site.Format]bool{}
	for _, f := range ranked[:n] {
		keep[f] = true
	}
	return slices.DeleteFunc(slices.Clone(formats), func(f *site.Format) bool { return !keep[f] })
}

func (x *Pictures) items(from string, formats []*site.Format) []viz.Item {
	sets := x.formatSets(formats)
	items := make([]viz.Item, len(formats))
	for i, f := range formats {
		items[i] = viz.Item{Label: Label(f), Short: shortLabel(f), Href: x.m.FormatRef(from, f).Href, Set: sets[i]}
	}
	return items
}

// shortLabel is a format's abbreviation, or its name, in a column head of a
// picture, marked * as Label marks it.
func shortLabel(f *site.Format) string {
	if f.MemberList != "complete" {
		return f.Label() + " *"
	}
	return f.Label()
}

// Label is a format's name in a picture, marked * when its member list is
// incomplete or derived from a rule: what the picture shows of it is
// inferred, not listed.
func Label(f *site.Format) string {
	if f.MemberList != "complete" {
		return f.Name + " *"
	}
	return f.Name
}

// Overlaps is the page of heat maps, one a category.
func (x *Pictures) Overlaps() OverlapsView {
	v := OverlapsView{Page: x.m.Frame(view.OverlapsPath, "Overlaps between formats")}
	all := slices.DeleteFunc(slices.Clone(view.SortedFormats(x.s.Formats)), func(f *site.Format) bool { return len(f.Members) == 0 })
	if len(all) > 1 {
		v.Maps = append(v.Maps, x.heatMap("across", "Across categories", "shared members of the largest formats of every category", all, maxAcross))
	}
	for _, g := range x.m.CategoryGroups(view.OverlapsPath) {
		var formats []*site.Format
		for _, r := range g.Formats {
			formats = append(formats, x.s.Format(r.ID))
		}
		if len(formats) == 1 { // one cell says less than a sentence
			f := formats[0]
			v.Maps = append(v.Maps, HeatMapView{ID: "cat-" + g.ID, Label: g.Label, Shown: 1, Total: 1,
				Formats: []view.FormatRef{x.m.FormatRef(view.OverlapsPath, f)}, Single: view.MembershipCount(x.s, f.Members)})
			continue
		}
		v.Maps = append(v.Maps, x.heatMap("cat-"+g.ID, g.Label, "shared members of "+strings.ToLower(g.Label), formats, maxHeatMap))
	}
	return v
}

// heatMap is the heat map of the largest formats, at most limit of them,
// in the order that sets similar ones side by side, with its table.
func (x *Pictures) heatMap(id, label, title string, formats []*site.Format, limit int) HeatMapView {
	shown := largest(formats, limit)
	items := x.items(view.OverlapsPath, shown)
	sets := make([]viz.Set, len(items))
	for i := range items {
		sets[i] = items[i].Set
	}
	order := viz.Seriate(sets)
	ordered := make([]viz.Item, len(order))
	hm := HeatMapView{ID: id, Label: label, Shown: len(shown), Total: len(formats)}
	for i, k := range order {
		ordered[i] = items[k]
		hm.Formats = append(hm.Formats, x.m.FormatRef(view.OverlapsPath, shown[k]))
	}
	hm.SVG = template.HTML(viz.HeatMap("heat-"+id, upperFirst(title), ordered))
	for i, a := range ordered {
		var cells []byte
		for _, b := range ordered {
			cells = append(cells, "<td>"...)
			cells = strconv.AppendInt(cells, int64(viz.Shared(a.Set, b.Set)), 10)
			cells = append(cells, " ("...)
			cells = strconv.AppendFloat(cells, 1-viz.Jaccard(a.Set, b.Set), 'f', 2, 64)
			cells = append(cells, ")</td>"...)
		}
		hm.Rows = append(hm.Rows, HeatRow{Format: hm.Formats[i], Cells: template.HTML(cells)})
	}
	return hm
}

// upperFirst is s with its first letter in upper case.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Pictures is what the pictures of one site show, worked out once, before
// the pages are built on every core, so that the pages the pictures
// summarise can link back to them.
type Pictures struct {
	m          *view.Maker // links to the site's pages
	s          *site.Site
	timeline   []datedFormat // the formats on the timeline, in its order
	onTimeline map[*site.Format]bool
	upsets     []upsetPlot
}

// datedFormat is a format and its dated points.
type datedFormat struct {
	f   *site.Format
	pts []viz.Point
}

// upsetPlot is what one UpSet plot draws.
type upsetPlot struct {
	id, label, phrase string
	shown             []*site.Format // at most maxUpSet of total
	total             int
	items             []viz.Item // linked from view.UpSetPath
	combos            []viz.Combo
	combo             map[*site.Country]int // the combination each country holds
}

// anchor is the id of the listing of combination j on the UpSet page.
func (u upsetPlot) anchor(j int) string { return fmt.Sprintf("%s-%d", u.id, j+1) }

// New works out the pictures of m's site, linked by m.
func New(m *view.Maker) *Pictures {
	x := &Pictures{m: m, s: m.Site(), onTimeline: map[*site.Format]bool{}}
	for _, f := range x.s.Formats {
		if pts := datedPoints(f); len(pts) > 0 {
			x.timeline = append(x.timeline, datedFormat{f, pts})
		}
	}
	slices.SortStableFunc(x.timeline, func(a, b datedFormat) int {
		if c := cmp.Compare(a.pts[0].Year, b.pts[0].Year); c != 0 {
			return c
		}
		return strings.Compare(a.f.ID, b.f.ID)
	})
	for _, d := range x.timeline[:min(len(x.timeline), maxTimeline)] {
		x.onTimeline[d.f] = true
	}
	for _, g := range x.s.Groups { // the categories drawn together in one UpSet plot

		var formats []*site.Format
		for _, f := range view.SortedFormats(x.s.Formats) {
			if slices.Contains(g.Categories, f.Category) && len(f.Members) > 0 {
				formats = append(formats, f)
			}
		}
		if len(formats) == 0 {
			continue
		}
		u := upsetPlot{id: g.ID, label: g.Label, phrase: cmp.Or(g.Phrase, g.Label), shown: largest(formats, maxUpSet), total: len(formats),
			combo: map[*site.Country]int{}}
		u.items = x.items(view.UpSetPath, u.shown)
		u.combos = viz.Combinations(u.items, len(x.s.Countries))
		for j, c := range u.combos {
			for _, e := range c.Elements {
				u.combo[x.s.Countries[e]] = j
			}
		}
		x.upsets = append(x.upsets, u)
	}
	return x
}

// FormatLinks link from the page of f to the pictures that show it.
func (x *Pictures) FormatLinks(from string, f *site.Format) []view.NavItem {
	out := []view.NavItem{{Label: "the overlaps in its category", Href: view.RelURL(from, view.OverlapsPath) + "#cat-" + f.Category}}
	if x.onTimeline[f] {
		out = append(out, view.NavItem{Label: "the timeline", Href: view.RelURL(from, view.TimelinePath)})
	}
	for _, u := range x.upsets {
		if slices.Contains(u.shown, f) {
			out = append(out, view.NavItem{Label: "the combinations of " + u.phrase, Href: view.RelURL(from, view.UpSetPath) + "#" + u.id})
		}
	}
	return out
}

// CountryLinks link from the page of c to the combinations it holds in the
// UpSet plots.
func (x *Pictures) CountryLinks(from string, c *site.Country) []view.NavItem {
	var out []view.NavItem
	for _, u := range x.upsets {
		if j, ok := u.combo[c]; ok {
			out = append(out, view.NavItem{Label: "its combination of " + u.phrase, Href: view.RelURL(from, view.UpSetPath) + "#" + u.anchor(j)})
		}
	}
	return out
}

// UpSet is the page of UpSet plots.
func (x *Pictures) UpSet() UpSetView {
	v := UpSetView{Page: x.m.Frame(view.UpSetPath, "Combinations of memberships")}
	for _, u := range x.upsets {
		plot := UpSetPlot{ID: u.id, Label: u.label, Shown: len(u.shown), Total: u.total}
		plot.SVG = template.HTML(viz.UpSet("upset-"+u.id, u.label+": which countries hold which combination", u.items, u.combos, u.id+"-"))
		var parts []string
		for j, c := range u.combos {
			cv := ComboView{Anchor: u.anchor(j)}
			var names []string
			for _, i := range c.Sets {
				cv.Formats = append(cv.Formats, x.m.FormatRef(view.UpSetPath, u.shown[i]))
				names = append(names, u.shown[i].Label())
			}
			for _, e := range c.Elements {
				cv.Countries = append(cv.Countries, x.m.CountryRef(view.UpSetPath, x.s.Countries[e]))
			}
			plot.Combos = append(plot.Combos, cv)
			if j < 3 {
				parts = append(parts, fmt.Sprintf("%s (%d)", strings.Join(names, " + "), len(c.Elements)))
			}
		}
		plot.Summary = fmt.Sprintf("%d countries take part in these %d formats, in %d distinct combinations. The largest: %s.",
			countHolders(u.combos), len(u.shown), len(u.combos), strings.Join(parts, "; "))
		v.Plots = append(v.Plots, plot)
	}
	return v
}

func countHolders(combos []viz.Combo) int {
	n := 0
	for _, c := range combos {
		n += len(c.Elements)
	}
	return n
}

// yearOf places a date on a timeline: mid-year or mid-month when the day or
// month is not known.
func yearOf(d load.Date) float64 {
	switch d.Prec {
	case load.Year:
		return float64(d.Year) + 0.5
	case load.Month:
		return float64(d.Year) + (float64(d.Month)-0.5)/12
	}
	return float64(d.Year) + (float64(d.Month)-1)/12 + float64(d.Day)/365
}

// datedPoints are a format's founding and dated events, in date order.
func datedPoints(f *site.Format) []viz.Point {
	var pts []viz.Point
	if !f.Founded.IsZero() {
		pts = append(pts, viz.Point{Year: yearOf(f.Founded), Label: "founded " + f.Founded.Human()})
	}
	for _, e := range f.Events {
		if e.Date.IsZero() || ((e.Change == "founded" || e.Change == "launched") && e.Date.Year == f.Founded.Year && e.Country == nil) {
			continue
		}
		label := e.Change + " " + e.Date.Human()
		if e.Country != nil {
			label = e.Country.Name + " " + label
		}
		pts = append(pts, viz.Point{Year: yearOf(e.Date), Label: label})
	}
	slices.SortStableFunc(pts, func(a, b viz.Point) int {
		switch {
		case a.Year < b.Year:
			return -1
		case a.Year > b.Year:
			return 1
		}
		return 0
	})
	return pts
}

// Timeline is the page of the timeline of formats.
func (x *Pictures) Timeline() TimelineView {
	v := TimelineView{Page: x.m.Frame(view.TimelinePath, "Timeline of formats")}
	all := x.timeline
	v.Total = len(all)
	all = all[:min(len(all), maxTimeline)]
	v.Shown = len(all)
	var rows []viz.TimelineRow
	for _, d := range all {
		f, pts := d.f, d.pts
		ref := x.m.FormatRef(view.TimelinePath, f)
		rows = append(rows, viz.TimelineRow{Label: f.Name, Short: f.Label(), Href: ref.Href, Points: pts})
		var words []string
		for _, pt := range pts {
			words = append(words, pt.Label)
		}
		v.Rows = append(v.Rows, TimelineRowView{Format: ref, Dates: strings.Join(words, "; ")})
	}
	v.SVG = template.HTML(viz.Timeline("timeline", "Formats by their founding and other dated events", rows))
	for _, f := range x.s.Formats {
		switch {
		case len(datedPoints(f)) > 0:
		case len(v.Undated) < maxUndated:
			v.Undated = append(v.Undated, x.m.FormatRef(view.TimelinePath, f))
		default:
			v.MoreUndated++
		}
	}
	return v
}

// FormatTimeline is the picture of one format's dated events, for its page.
func FormatTimeline(f *site.Format) template.HTML {
	pts := datedPoints(f)
	if len(pts) == 0 {
		return ""
	}
	return template.HTML(viz.Timeline("events-"+f.ID, "Dated events of "+f.Name,
		[]viz.TimelineRow{{Label: f.Label(), Href: "#history", Points: pts}}))
}
