package maps

import (
	"slices"
	"strconv"

	"formatlas/generator/load"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
	"formatlas/generator/viz"
)

// PageView is the map page, for the date shown or a snapshot's: the
// choropleth in the first view, for detail, and in the last, for the whole
// (the same when there is one), then the site's own maps.
type PageView struct {
	view.Page
	Counts    []*view.MapFigure // formats per country, in each view
	Maps      []*view.MapFigure // the site's own maps
	Snapshot  string            // on a snapshot's page: its date and label
	Snapshots []view.NavItem    // the page at each snapshot date, and the present
	Views     []ViewNote        // how each view is drawn
	ShapesID  string            // the id of the section on how the maps are drawn
}

// ViewNote says how a view is drawn.
type ViewNote struct{ Label, Projection string }

// Page is a map page to make: its path, and its view, made where it is
// rendered.
type Page struct {
	Path string
	View func() PageView
}

// Pages are the map page of the date shown and one a snapshot.
func (x *Maps) Pages() []Page {
	out := []Page{{view.MapsPath, func() PageView { return x.page(view.MapsPath, nil) }}}
	for i := range x.s.Snapshots {
		sn := &x.s.Snapshots[i]
		path := view.SnapshotMapsPath(sn.Date)
		out = append(out, Page{path, func() PageView { return x.page(path, sn) }})
	}
	return out
}

// held is the role each country held in each format: on the date shown, or
// on sn's date.
func (x *Maps) held(sn *site.Snapshot) map[*site.Country]map[*site.Format]string {
	out := map[*site.Country]map[*site.Format]string{}
	add := func(c *site.Country, f *site.Format, role string) {
		if out[c] == nil {
			out[c] = map[*site.Format]string{}
		}
		if have, ok := out[c][f]; !ok || x.rank[role] < x.rank[have] { // the highest role held
			out[c][f] = role
		}
	}
	if sn == nil {
		for _, c := range x.s.Countries {
			for _, mb := range c.Memberships {
				add(c, mb.Format, mb.Role)
			}
		}
		return out
	}
	held := x.s.HeldOn(sn.Date)
	for _, f := range x.s.Formats {
		for _, h := range held[f] {
			add(h.Country, f, h.Role)
		}
	}
	return out
}

func (x *Maps) page(path string, sn *site.Snapshot) PageView {
	title, date := "Maps", x.s.Shown
	if sn != nil {
		title, date = "Maps on "+sn.Date.Human(), sn.Date
	}
	v := PageView{Page: x.m.Frame(path, title), ShapesID: view.MapsShapesAnchor}
	if sn != nil {
		v.Snapshot = sn.Date.Human() + " (" + sn.Label + ")"
	}
	if len(x.s.Snapshots) > 0 {
		v.Snapshots = append(v.Snapshots, view.NavItem{Label: x.s.Shown.Human(), Href: view.RelURL(path, view.MapsPath), Current: sn == nil})
		for i := range x.s.Snapshots {
			o := &x.s.Snapshots[i]
			v.Snapshots = append(v.Snapshots, view.NavItem{Label: o.Label + " (" + o.Date.Human() + ")", Href: view.RelURL(path, view.SnapshotMapsPath(o.Date)), Current: o == sn})
		}
	}
	for _, mv := range x.s.MapViews {
		v.Views = append(v.Views, ViewNote{Label: mv.Label, Projection: projectionName(mv)})
	}
	held := x.held(sn)
	frames := x.frames // the first view, for detail, and the last, for the whole
	if len(frames) > 2 {
		frames = []*frame{frames[0], frames[len(frames)-1]}
	}
	for _, f := range frames {
		if fig := x.counts(path, f, held); fig != nil {
			fig.Date = date.Human()
			v.Counts = append(v.Counts, fig)
		}
	}
	for i := range x.s.Maps {
		if fig := x.siteMap(path, &x.s.Maps[i], held); fig != nil {
			fig.Date = date.Human()
			v.Maps = append(v.Maps, fig)
		}
	}
	return v
}

// projectionName names v's projection for the page on how maps are drawn.
func projectionName(v load.MapView) string {
	if v.Projection == "laea" {
		return "Lambert azimuthal equal-area, centred on " + strconv.FormatFloat(v.Center[0], 'f', -1, 64) + "° longitude, " + strconv.FormatFloat(v.Center[1], 'f', -1, 64) + "° latitude"
	}
	return "Equal Earth"
}

// classes are the ranges of a choropleth: at most five, each an upper
// bound, from the quantiles of the counts.
func classes(counts []int) []int {
	sorted := slices.Sorted(slices.Values(counts))
	var uppers []int
	const k = 5
	for i := 1; i <= k && len(sorted) > 0; i++ {
		u := sorted[(i*len(sorted)+k-1)/k-1]
		if len(uppers) == 0 || u > uppers[len(uppers)-1] {
			uppers = append(uppers, u)
		}
	}
	return uppers
}

// counts is the choropleth of formats per country in the frame f.
func (x *Maps) counts(from string, f *frame, held map[*site.Country]map[*site.Format]string) *view.MapFigure {
	var countries []*site.Country
	var ns []int
	for _, c := range x.s.Countries {
		if sh, ok := f.Shape(c.Code); ok && sh.Shown() && len(held[c]) > 0 {
			countries = append(countries, c)
			ns = append(ns, len(held[c]))
		}
	}
	if len(countries) == 0 {
		return nil
	}
	uppers := classes(ns)
	key := make([]view.MapKey, len(uppers))
	for i, u := range uppers {
		lo := 1
		if i > 0 {
			lo = uppers[i-1] + 1
		}
		label := view.Plural(u, "format", "formats")
		if lo < u {
			label = strconv.Itoa(lo) + "–" + strconv.Itoa(u) + " formats"
		}
		key[i] = view.MapKey{Class: "ch-" + strconv.Itoa(i+1), Pattern: "solid", Label: label}
	}
	areas := make([]viz.MapArea, len(countries))
	for i, c := range countries {
		k, _ := slices.BinarySearch(uppers, ns[i])
		key[k].Count++
		ref := x.m.CountryRef(from, c)
		areas[i] = viz.MapArea{Code: c.Code, Href: ref.Href, Title: c.Name + ": " + view.Plural(ns[i], "format", "formats"),
			Class: key[k].Class, Pattern: "solid"}
	}
	fig := x.figure(from, f, "map-count-"+f.ID, "Formats per country: "+f.label, areas, countries)
	if fig != nil {
		fig.Key, fig.AboutHref = key, "#"+view.MapsShapesAnchor
	}
	return fig
}

// classColour is the colour class of a map's i-th class: the theme has six,
// which the seventh and later classes take again, with other patterns.
func classColour(i int) string { return "mc-" + strconv.Itoa(i%6+1) }

// siteMap is one of the site's own maps: each country in its class.
func (x *Maps) siteMap(from string, m *site.Map, held map[*site.Country]map[*site.Format]string) *view.MapFigure {
	lists := make([]view.MapList, len(m.Classes))
	var areas []viz.MapArea
	var countries []*site.Country
	for _, c := range x.s.Countries {
		i := m.Class(held[c])
		if i < 0 {
			continue
		}
		ref := x.m.CountryRef(from, c)
		lists[i].Countries = append(lists[i].Countries, ref)
		areas = append(areas, viz.MapArea{Code: c.Code, Href: ref.Href, Title: c.Name + ": " + m.Classes[i].Label,
			Class: classColour(i), Pattern: load.Patterns[i%len(load.Patterns)]})
		countries = append(countries, c)
	}
	if len(areas) == 0 {
		return nil
	}
	fig := x.draw(from, "map-"+m.ID, m.Title, areas, countries)
	if fig == nil {
		return nil
	}
	fig.AboutHref, fig.Desc = "#"+view.MapsShapesAnchor, m.Description
	for i, c := range m.Classes {
		lists[i].Label = c.Label
		fig.Key = append(fig.Key, view.MapKey{Class: classColour(i), Pattern: load.Patterns[i%len(load.Patterns)], Label: c.Label, Count: len(lists[i].Countries)})
	}
	fig.Lists = lists
	return fig
}
