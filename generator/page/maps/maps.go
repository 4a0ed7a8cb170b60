// Package maps draws the site's maps, as SVG made at build time: a
// format's members by role on its page, a country's place on its page, and
// the map page's choropleth of formats per country and the site's own maps
// (site.toml's [[map]]), for the date shown and each snapshot.
//
// Each map is drawn in the first of the site's views (its [[map_view]]s)
// that holds all its countries, over that view's shared background file.
package maps

import (
	"fmt"
	"html/template"

	"formatlas/generator/geo"
	"formatlas/generator/load"
	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/site"
	"formatlas/generator/viz"
)

// Maps plans the maps of one site. It is read-only once made.
type Maps struct {
	m      *view.Maker
	s      *site.Site
	frames []*frame
	rank   map[string]int // each role's place among the site's roles
	Err    error          // the map data could not be read: no maps are drawn
}

// frame is a view of the site's, drawn.
type frame struct {
	*viz.MapFrame
	label string
}

// New draws the site's views of the embedded map data.
func New(m *view.Maker) *Maps {
	x := &Maps{m: m, s: m.Site(), rank: map[string]int{}}
	for i, r := range x.s.Roles {
		x.rank[r.ID] = i
	}
	w, err := geo.Embedded()
	if err != nil {
		x.Err = fmt.Errorf("map data: %w", err)
		return x
	}
	for _, v := range x.s.MapViews {
		b := [4]float64{v.Bounds[0], v.Bounds[1], v.Bounds[2], v.Bounds[3]}
		x.frames = append(x.frames, &frame{MapFrame: viz.NewMapFrame(v.ID, projection(v), b, w), label: v.Label})
	}
	return x
}

// projection is the projection of a view that load has checked.
func projection(v load.MapView) geo.Projection {
	if v.Projection == "laea" {
		return geo.NewLAEA(geo.GRS80, v.Center[0], v.Center[1], 0, 0)
	}
	return geo.EqualEarth{R: geo.AuthalicRadius}
}

// Files are the views' backgrounds.
func (x *Maps) Files() []publish.File {
	var out []publish.File
	for _, f := range x.frames {
		out = append(out, publish.File{Path: view.MapBackgroundPath(f.ID), Data: f.Background()})
	}
	return out
}

// pick is the first frame that holds every code of the data among codes,
// else the first that holds the most of them.
func (x *Maps) pick(codes []string) *frame {
	best, most := x.frames[0], -1
	for _, f := range x.frames {
		held, all := 0, true
		for _, c := range codes {
			sh, ok := f.Shape(c)
			if ok && sh.In {
				held++
			}
			all = all && (!ok || sh.In)
		}
		if all {
			return f
		}
		if held > most {
			best, most = f, held
		}
	}
	return best
}

// draw makes the figure of areas, the countries' shapes, in the frame that
// holds them all, from the page at from.
func (x *Maps) draw(from, id, title string, areas []viz.MapArea, countries []*site.Country) *view.MapFigure {
	if len(x.frames) == 0 {
		return nil
	}
	codes := make([]string, len(areas))
	for i, a := range areas {
		codes[i] = a.Code
	}
	return x.figure(from, x.pick(codes), id, title, areas, countries)
}

// figure draws areas in the frame f: the countries it cannot show are
// listed as missing. It is nil when it can show none.
func (x *Maps) figure(from string, f *frame, id, title string, areas []viz.MapArea, countries []*site.Country) *view.MapFigure {
	fig := &view.MapFigure{ID: id, Title: title, View: f.label, Date: x.s.Shown.Human(), AboutHref: view.RelURL(from, view.MapsPath) + "#" + view.MapsShapesAnchor}
	for i, a := range areas {
		if sh, ok := f.Shape(a.Code); !ok || !sh.Shown() {
			fig.Missing = append(fig.Missing, x.m.CountryRef(from, countries[i]))
		}
	}
	if len(fig.Missing) == len(areas) {
		return nil
	}
	fig.SVG = template.HTML(viz.DrawMap(f.MapFrame, viz.MapSpec{ID: id, Title: title,
		Background: view.RelURL(from, view.MapBackgroundPath(f.ID)), Areas: areas}))
	return fig
}

// Format is the map of f's members, by role.
func (x *Maps) Format(from string, f *site.Format) *view.MapFigure {
	if len(f.Members) == 0 {
		return nil
	}
	var areas []viz.MapArea
	var countries []*site.Country
	counts := map[string]int{}
	for _, mb := range f.Members {
		r := x.s.Role(mb.Role)
		c := x.m.CountryRef(from, mb.Country)
		areas = append(areas, viz.MapArea{Code: c.Code, Href: x.m.MembershipHref(c, f), Title: c.Name + ": " + r.Label,
			Class: "r-" + r.ID, Pattern: r.Fill()})
		countries = append(countries, mb.Country)
		counts[r.ID]++
	}
	fig := x.draw(from, "map-"+f.ID, "Members of "+f.Name+" on a map", areas, countries)
	if fig == nil {
		return nil
	}
	for _, r := range x.s.Roles {
		if n := counts[r.ID]; n > 0 {
			fig.Key = append(fig.Key, view.MapKey{Class: "r-" + r.ID, Pattern: r.Fill(), Label: r.Label, Count: n})
		}
	}
	return fig
}

// Country is the map that places c.
func (x *Maps) Country(from string, c *site.Country) *view.MapFigure {
	formats := 0 // a country may hold two roles in one format
	for i, mb := range c.Memberships {
		if i == 0 || c.Memberships[i-1].Format != mb.Format {
			formats++
		}
	}
	n := view.Plural(formats, "format", "formats")
	title := c.Name + " on a map"
	fig := x.draw(from, "map-"+view.CountryAnchor(c), title,
		[]viz.MapArea{{Code: c.Code, Title: c.Name + ": takes part in " + n, Class: "here", Pattern: "solid"}}, []*site.Country{c})
	if fig != nil {
		fig.Key = []view.MapKey{{Class: "here", Pattern: "solid", Label: c.Name + ", in " + n}}
	}
	return fig
}
