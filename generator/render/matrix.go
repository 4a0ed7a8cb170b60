package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"

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

// matrixPartSize is the most format columns one matrix page holds. A site
// with more formats gets, in every order, an overview of countries by parts
// of at most this many formats, each cell a count, and the full matrix in
// those parts, a page each: at 10,000 formats and 200 countries a part is
// 100 x 200 cells, under a megabyte, where one table would be 2 million cells.
const matrixPartSize = 100

// matrixPart is one part of a large site's matrix: consecutive formats of one
// category.
type matrixPart struct {
	path, label, category string
	formats               []*site.Format
}

// matrixParts splits formats, sorted by category, into parts of at most
// matrixPartSize formats of one category; nil when one page holds them all.
func matrixParts(formats []*site.Format) []matrixPart {
	if len(formats) <= matrixPartSize {
		return nil
	}
	var parts []matrixPart
	for start := 0; start < len(formats); {
		cat := formats[start].Category
		end := start
		for end < len(formats) && formats[end].Category == cat {
			end++
		}
		for i, k := start, 1; i < end; i, k = i+matrixPartSize, k+1 {
			chunk := formats[i:min(i+matrixPartSize, end)]
			label := fmt.Sprintf("%d–%d", i-start+1, i-start+len(chunk))
			parts = append(parts, matrixPart{path: fmt.Sprintf("matrix/%s-%d.html", cat, k),
				label: label, category: cat, formats: chunk})
		}
		start = end
	}
	return parts
}

// matrices plans the matrix page of every order and, on a large site, the
// parts of the matrix.
func (p *planner) matrices() []page {
	var pages []page
	p.clustered() // computed here, once, for the pages built on other cores
	p.whole = &wholeMatrix{}
	for _, o := range matrixOrders {
		pages = append(pages, page{path: o.path, template: "matrix", first: true,
			build: func() any { return p.matrixIn(o.key, o.path) }})
	}
	parts := matrixParts(sortedFormats(p.s.Formats))
	for i := range parts {
		pages = append(pages, page{path: parts[i].path, template: "matrix", build: func() any { return p.matrixPart(parts, i) }})
	}
	return pages
}

func (p *planner) matrix() MatrixView { return p.matrixIn("clustered", MatrixPath) }

// matrixIn is the matrix page of one row order: the whole matrix, or on a
// large site its overview.
func (p *planner) matrixIn(order, path string) MatrixView {
	formats := sortedFormats(p.s.Formats)
	parts := matrixParts(formats)
	v := MatrixView{Page: p.frame(path, "Membership matrix"), Formats: len(formats),
		Caption: "Countries by formats: the role each country holds in each format"}
	for _, o := range matrixOrders {
		v.Orders = append(v.Orders, NavItem{Label: o.label, Href: relURL(path, o.path), Current: o.key == order})
	}
	if parts != nil {
		p.overview(&v, parts, order)
		return v
	}
	v.Legend = legend()
	if p.whole == nil {
		v.Groups, v.Rows, v.ColumnTotals = p.roleCells(path, formats, p.orderCountries(order))
		return v
	}
	w := p.whole.get(p, formats)
	v.Groups, v.ColumnTotals = w.groups, w.totals
	for _, c := range p.orderCountries(order) {
		v.Rows = append(v.Rows, w.rows[w.at[c]])
	}
	return v
}

// wholeMatrix is the matrix of a site small enough for one page, made once
// for the pages of every order: they differ only in the order of the rows,
// and, all four at the top of the site, not in their links.
type wholeMatrix struct {
	once   sync.Once
	groups []MatrixGroup
	rows   []MatrixRow // in A–Z order
	at     map[*site.Country]int
	totals []int
}

func (w *wholeMatrix) get(p *planner, formats []*site.Format) *wholeMatrix {
	w.once.Do(func() {
		countries := byName(p.s.Countries)
		w.groups, w.rows, w.totals = p.roleCells(MatrixPath, formats, countries)
		w.at = make(map[*site.Country]int, len(countries))
		for k, c := range countries {
			w.at[c] = k
		}
	})
	return w
}

// matrixPart is the page of parts[i], rows in the clustered order.
func (p *planner) matrixPart(parts []matrixPart, i int) MatrixView {
	part := parts[i]
	title := fmt.Sprintf("Membership matrix: %s %s", categoryLabels[part.category], part.label)
	v := MatrixView{Page: p.frame(part.path, title), Formats: len(part.formats), Legend: legend(),
		Caption: fmt.Sprintf("Countries by formats, %s %s: the role each country holds in each format", categoryLabels[part.category], part.label)}
	v.Parts = p.partLinks(part.path, parts, part.path)
	v.PartsIntro = template.HTML(fmt.Sprintf(`This is one part of the matrix: its %d formats are at most %d of the %d, in one category. The <a href="%s">overview</a> counts each country's formats in every part, in every order.`,
		len(part.formats), matrixPartSize, len(p.s.Formats), relURL(part.path, MatrixPath)))
	v.Groups, v.Rows, v.ColumnTotals = p.roleCells(part.path, part.formats, p.clustered())
	return v
}

// partLinks links from the page at from to every part, grouped by category.
func (p *planner) partLinks(from string, parts []matrixPart, current string) []MatrixGroup {
	var groups []MatrixGroup
	for _, part := range parts {
		if len(groups) == 0 || groups[len(groups)-1].ID != part.category {
			groups = append(groups, MatrixGroup{ID: part.category, Label: categoryLabels[part.category]})
		}
		g := &groups[len(groups)-1]
		g.Parts = append(g.Parts, NavItem{Label: part.label, Href: relURL(from, part.path), Current: part.path == current})
	}
	return groups
}

// overview fills v with countries by parts: each cell counts the formats of
// the part the country takes part in.
func (p *planner) overview(v *MatrixView, parts []matrixPart, order string) {
	v.Caption = "Countries by parts of the matrix: how many formats of each part each country takes part in"
	v.Parts = p.partLinks(v.Path, parts, "")
	v.PartsIntro = template.HTML(fmt.Sprintf("With %d formats, the matrix comes in parts of at most %d formats of one category, a page each. This overview counts, for each country, the formats of each part it takes part in.",
		len(p.s.Formats), matrixPartSize))
	part := map[*site.Format]int{}
	for i, pt := range parts {
		for _, f := range pt.formats {
			part[f] = i
		}
		if len(v.Groups) == 0 || v.Groups[len(v.Groups)-1].ID != pt.category {
			v.Groups = append(v.Groups, MatrixGroup{ID: pt.category, Label: categoryLabels[pt.category]})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Formats = append(g.Formats, FormatRef{ID: pt.path, Name: categoryLabels[pt.category] + " " + pt.label,
			Abbr: pt.label, Href: relURL(v.Path, pt.path), Category: pt.category})
	}
	v.ColumnTotals = make([]int, len(parts))
	counts := make([]int, len(parts))
	var b strings.Builder
	for _, c := range p.orderCountries(order) {
		clear(counts)
		for _, m := range c.Memberships {
			counts[part[m.Format]]++
			v.ColumnTotals[part[m.Format]]++
		}
		b.Reset()
		for _, n := range counts {
			if n == 0 {
				b.WriteString("<td></td>")
			} else {
				fmt.Fprintf(&b, "<td>%d</td>", n)
			}
		}
		v.Rows = append(v.Rows, p.matrixRow(v.Path, c, b.String(), len(c.Memberships)))
	}
}

// roleCells lays out formats as columns grouped by category and the countries
// as rows, each cell the role held.
func (p *planner) roleCells(path string, formats []*site.Format, countries []*site.Country) ([]MatrixGroup, []MatrixRow, []int) {
	var groups []MatrixGroup
	for _, f := range formats {
		if len(groups) == 0 || groups[len(groups)-1].ID != f.Category {
			groups = append(groups, MatrixGroup{ID: f.Category, Label: categoryLabels[f.Category]})
		}
		g := &groups[len(groups)-1]
		g.Formats = append(g.Formats, p.formatRef(path, f))
	}
	// The roles come from the formats' member lists, not the countries':
	// a part of a large matrix has a hundred formats of twenty members, and
	// a country thousands of memberships.
	at := make(map[*site.Country]int, len(countries))
	for k, c := range countries {
		at[c] = k
	}
	totals := make([]int, len(formats))
	roles := make([]string, len(countries)*len(formats)) // country by column
	for i, f := range formats {
		for _, m := range f.Members {
			if k, ok := at[m.Country]; ok {
				roles[k*len(formats)+i] = m.Role
				totals[i]++
			}
		}
	}
	var rows []MatrixRow
	var b strings.Builder
	for k, c := range countries {
		b.Reset()
		total := 0
		for _, role := range roles[k*len(formats) : (k+1)*len(formats)] {
			writeCell(&b, role)
			if role != "" {
				total++
			}
		}
		rows = append(rows, p.matrixRow(path, c, b.String(), total))
	}
	return groups, rows, totals
}

// matrixRow is the row of c: its cells, pre-rendered, and its total.
func (p *planner) matrixRow(path string, c *site.Country, cells string, total int) MatrixRow {
	return MatrixRow{Country: p.countryRef(path, c), Cells: template.HTML(cells), Total: total,
		Region: c.Region, NATO: roleOrNone(c.NATO), EU: roleOrNone(c.EU)}
}

// writeCell writes one cell: the role's name, for screen readers. The
// stylesheet draws the symbol and letter to see (table.matrix td.r-lead::before
// and so on), which halves the bytes of a matrix of thousands of cells. The
// text comes from the fixed role table, so it needs no escaping.
func writeCell(b *strings.Builder, role string) {
	if role == "" {
		b.WriteString("<td></td>")
		return
	}
	r := roles[role]
	b.WriteString(`<td class="r-`)
	b.WriteString(r.Role)
	b.WriteString(`"><span class="vh">`)
	b.WriteString(r.Label)
	b.WriteString("</span></td>")
}

func roleOrNone(m *site.Membership) string {
	if m == nil {
		return "none"
	}
	return m.Role
}
