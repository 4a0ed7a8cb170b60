package render

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"formatlas/generator/site"
	"formatlas/generator/viz"
)

// matrix builds the countries-by-formats table: formats grouped by category
// under a two-level header, one row per country, totals on both axes.
// matrixOrders are the row orders of the matrix, each its own page so that
// every order works without JavaScript; the first is the default.
var matrixOrders = []struct{ key, path, label string }{
	{"clustered", MatrixPath, "Clustered"},
	{"az", "matrix-az.html", "A–Z"},
	{"count", "matrix-count.html", "Number of formats"},
	{"region", "matrix-region.html", "Region"},
}

// orderCountries lists the countries in a matrix order. Clustered puts
// countries with similar membership rows next to each other (viz.Seriate).
func (p *planner) orderCountries(key string) []*site.Country {
	out := byName(p.s.Countries)
	switch key {
	case "count":
		slices.SortStableFunc(out, func(a, b *site.Country) int { return len(b.Memberships) - len(a.Memberships) })
	case "region":
		slices.SortStableFunc(out, func(a, b *site.Country) int { return strings.Compare(cmp.Or(a.Region, "~"), cmp.Or(b.Region, "~")) })
	case "clustered":
		out = p.clustered()
	}
	return out
}

// clustered is the seriated order of countries, computed once per plan.
func (p *planner) clustered() []*site.Country {
	if p.clusteredOrder == nil {
		countries := byName(p.s.Countries)
		col := map[*site.Format]int{}
		for i, f := range p.s.Formats {
			col[f] = i
		}
		sets := make([]viz.Set, len(countries))
		for i, c := range countries {
			sets[i] = viz.NewSet(len(p.s.Formats))
			for _, m := range c.Memberships {
				sets[i].Add(col[m.Format])
			}
		}
		for _, k := range viz.Seriate(sets) {
			p.clusteredOrder = append(p.clusteredOrder, countries[k])
		}
	}
	return p.clusteredOrder
}

// matrices plans the matrix page of every order.
func (p *planner) matrices() []page {
	var pages []page
	for _, o := range matrixOrders {
		pages = append(pages, page{o.path, "matrix", p.matrixIn(o.key, o.path), nil})
	}
	return pages
}

func (p *planner) matrix() MatrixView { return p.matrixIn("clustered", MatrixPath) }

func (p *planner) matrixIn(order, path string) MatrixView {
	formats := sortedFormats(p.s.Formats)
	v := MatrixView{Page: p.frame(path, "Membership matrix"), Legend: legend(), Formats: len(formats)}
	for _, o := range matrixOrders {
		v.Orders = append(v.Orders, NavItem{Label: o.label, Href: relURL(path, o.path), Current: o.key == order})
	}
	col := make(map[*site.Format]int, len(formats))
	for i, f := range formats {
		col[f] = i
		if len(v.Groups) == 0 || v.Groups[len(v.Groups)-1].Label != categoryLabels[f.Category] {
			v.Groups = append(v.Groups, MatrixGroup{ID: f.Category, Label: categoryLabels[f.Category]})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Formats = append(g.Formats, p.formatRef(path, f))
	}
	v.ColumnTotals = make([]int, len(formats))
	row := make([]string, len(formats)) // role per column, reused for each country
	var b strings.Builder
	for _, c := range p.orderCountries(order) {
		clear(row)
		for _, m := range c.Memberships {
			row[col[m.Format]] = m.Role
			v.ColumnTotals[col[m.Format]]++
		}
		b.Reset()
		for _, role := range row {
			writeCell(&b, role)
		}
		v.Rows = append(v.Rows, MatrixRow{Country: p.countryRef(path, c),
			Cells: template.HTML(b.String()), Total: len(c.Memberships),
			Region: c.Region, NATO: roleOrNone(c.NATO), EU: roleOrNone(c.EU)})
	}
	return v
}

// writeCell writes one cell: a symbol and a letter to see, the role's name for
// screen readers. The text comes from the fixed role table, so it needs no escaping.
func writeCell(b *strings.Builder, role string) {
	if role == "" {
		b.WriteString("<td></td>")
		return
	}
	r := roles[role]
	b.WriteString(`<td class="r-`)
	b.WriteString(r.Role)
	b.WriteString(`"><span aria-hidden="true">`)
	b.WriteString(r.Symbol)
	b.WriteString(" ")
	b.WriteString(r.Short)
	b.WriteString(`</span><span class="vh">`)
	b.WriteString(r.Label)
	b.WriteString("</span></td>")
}

func roleOrNone(m *site.Membership) string {
	if m == nil {
		return "none"
	}
	return m.Role
}
