// Package matrix builds the countries-by-formats membership matrix: formats
// grouped by category under a two-level header, one row per country, totals
// on both axes, in every row order; and on a large site, its parts.
package matrix

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"formatlas/generator/load"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
	"formatlas/generator/viz"
)

// View is the matrix page.
type View struct {
	view.Page
	Caption      string
	Orders       []view.NavItem // the matrix in each row order
	Parts        []Group        // on a large site, the parts of the matrix by category
	PartsIntro   template.HTML  // what the parts are, with a link to the overview from a part
	Groups       []Group
	Rows         []Row
	ColumnTotals []int
	Legend       []view.RoleInfo
	Formats      int
	Snapshots    []view.NavItem // the matrix at each snapshot date, and the present
	Snapshot     string         // on a snapshot's page: its label and date
}

// Group is a category heading spanning its formats' columns.
type Group struct {
	ID, Label string
	Formats   []view.FormatRef
	Parts     []view.NavItem // in a list of the matrix's parts
}

// Row is one country's row. Cells is pre-rendered: at thousands of formats
// a template call per cell would dominate the build.
type Row struct {
	Country  view.CountryRef
	Cells    template.HTML
	Total    int
	Region   string
	NATO, EU string // the role held, or "none": for the filters
}

// Matrix is the matrix of one site, worked out once, before its pages are
// built on every core: the clustered order of the countries and, on a site
// small enough for one page, the rows, which the pages of every order share.
type Matrix struct {
	m         *view.Maker // links to the site's pages
	s         *site.Site
	formats   []*site.Format // in display order
	parts     []part         // nil when one page holds every format
	clustered []*site.Country
	whole     *whole // nil on a site whose matrix comes in parts
}

// New works out the matrix of m's site, linked by m.
func New(m *view.Maker) *Matrix {
	s := m.Site()
	x := &Matrix{m: m, s: s, formats: view.SortedFormats(s.Formats)}
	x.parts = parts(x.formats)
	x.clustered = clustered(s)
	if x.parts == nil {
		x.whole = x.makeWhole()
	}
	return x
}

// Page is one page of the matrix, its view made where it is rendered.
type Page struct {
	Path  string
	First bool // a page of the whole matrix, among the dearest of the site
	View  func() View
}

// Pages are the matrix page of every order and, on a large site, the parts
// of the matrix.
func (x *Matrix) Pages() []Page {
	var pages []Page
	for _, o := range view.MatrixOrders {
		pages = append(pages, Page{Path: o.Path, First: true, View: func() View { return x.in(x.m, o.Key, o.Path, x.whole) }})
	}
	for i := range x.parts {
		pages = append(pages, Page{Path: x.parts[i].path, View: func() View { return x.part(i) }})
	}
	if x.parts == nil { // a large site's snapshots would need their own parts
		for _, sn := range x.s.Snapshots {
			pages = append(pages, Page{Path: view.SnapshotMatrixPath(sn.Date), View: func() View { return x.snapshot(sn) }})
		}
	}
	return pages
}

// snapshotLinks link from the page at from to the matrix at each snapshot
// and at the date shown; current is the page's own.
func (x *Matrix) snapshotLinks(from, current string) []view.NavItem {
	if x.parts != nil || len(x.s.Snapshots) == 0 {
		return nil
	}
	out := []view.NavItem{{Label: x.s.Shown.Human(), Href: view.RelURL(from, view.MatrixPath), Current: current == view.MatrixPath}}
	for _, sn := range x.s.Snapshots {
		p := view.SnapshotMatrixPath(sn.Date)
		out = append(out, view.NavItem{Label: sn.Label + " (" + sn.Date.Human() + ")", Href: view.RelURL(from, p), Current: current == p})
	}
	return out
}

// snapshot is the matrix as the content says it stood on the snapshot's
// date, rows in the clustered order.
func (x *Matrix) snapshot(sn site.Snapshot) View {
	path := view.SnapshotMatrixPath(sn.Date)
	v := View{Page: x.m.Frame(path, "Membership matrix, "+sn.Label), Formats: len(x.formats), Legend: view.Legend(),
		Caption:  "Countries by formats on " + sn.Date.Human() + ": the role each country held in each format",
		Snapshot: sn.Label + ", " + sn.Date.Human()}
	v.Snapshots = x.snapshotLinks(path, path)
	holdings := x.s.HeldOn(sn.Date)
	then := func(f *site.Format) []held {
		var out []held
		for _, h := range holdings[f] {
			out = append(out, held{h.Country, h.Role})
		}
		return out
	}
	v.Groups, v.Rows, v.ColumnTotals = roleCells(x.m, path, x.formats, x.clustered, then)
	roleThen := func(f *site.Format, c *site.Country) string { // for the filters: the NATO and EU roles of then
		for _, h := range then(f) {
			if h.country == c {
				return h.role
			}
		}
		return "none"
	}
	for i, c := range x.clustered {
		v.Rows[i].NATO, v.Rows[i].EU = roleThen(x.s.NATO, c), roleThen(x.s.EU, c)
	}
	return v
}

// Print is the print edition's matrix, linked by pm: clustered, and its own
// rows, whose links are anchors.
func (x *Matrix) Print(pm *view.Maker) View { return x.in(pm, "clustered", view.MatrixPath, nil) }

// orderCountries lists the countries in a matrix order. Clustered puts
// countries with similar membership rows next to each other (viz.Seriate).
func (x *Matrix) orderCountries(key string) []*site.Country {
	out := view.ByName(x.s.Countries)
	switch key {
	case "count":
		slices.SortStableFunc(out, func(a, b *site.Country) int { return len(b.Memberships) - len(a.Memberships) })
	case "region":
		slices.SortStableFunc(out, func(a, b *site.Country) int { return strings.Compare(cmp.Or(a.Region, "~"), cmp.Or(b.Region, "~")) })
	case "clustered":
		out = x.clustered
	}
	return out
}

// clustered is the seriated order of the countries of s.
func clustered(s *site.Site) []*site.Country {
	countries := view.ByName(s.Countries)
	col := map[*site.Format]int{}
	for i, f := range s.Formats {
		col[f] = i
	}
	sets := make([]viz.Set, len(countries))
	for i, c := range countries {
		sets[i] = viz.NewSet(len(s.Formats))
		for _, m := range c.Memberships {
			sets[i].Add(col[m.Format])
		}
	}
	var out []*site.Country
	for _, k := range viz.Seriate(sets) {
		out = append(out, countries[k])
	}
	return out
}

// partSize is the most format columns one matrix page holds. A site
// with more formats gets, in every order, an overview of countries by parts
// of at most this many formats, each cell a count, and the full matrix in
// those parts, a page each: at 10,000 formats and 200 countries a part is
// 100 x 200 cells, under a megabyte, where one table would be 2 million cells.
const partSize = 100

// part is one part of a large site's matrix: consecutive formats of one
// category.
type part struct {
	path, label, category string
	formats               []*site.Format
}

// parts splits formats, sorted by category, into parts of at most
// partSize formats of one category; nil when one page holds them all.
func parts(formats []*site.Format) []part {
	if len(formats) <= partSize {
		return nil
	}
	var out []part
	for start := 0; start < len(formats); {
		cat := formats[start].Category
		end := start
		for end < len(formats) && formats[end].Category == cat {
			end++
		}
		for i, k := start, 1; i < end; i, k = i+partSize, k+1 {
			chunk := formats[i:min(i+partSize, end)]
			label := fmt.Sprintf("%d–%d", i-start+1, i-start+len(chunk))
			out = append(out, part{path: view.MatrixPartPath(cat, k), label: label, category: cat, formats: chunk})
		}
		start = end
	}
	return out
}

// in is the matrix page of one row order, linked by m: the whole matrix,
// from w when given, or on a large site its overview.
func (x *Matrix) in(m *view.Maker, order, path string, w *whole) View {
	v := View{Page: m.Frame(path, "Membership matrix"), Formats: len(x.formats),
		Caption: "Countries by formats: the role each country holds in each format"}
	for _, o := range view.MatrixOrders {
		v.Orders = append(v.Orders, view.NavItem{Label: o.Label, Href: view.RelURL(path, o.Path), Current: o.Key == order})
	}
	if x.parts != nil {
		x.overview(m, &v, order)
		return v
	}
	v.Legend = view.Legend()
	if order == "clustered" {
		v.Snapshots = x.snapshotLinks(path, path)
	}
	if w == nil {
		v.Groups, v.Rows, v.ColumnTotals = roleCells(m, path, x.formats, x.orderCountries(order), members)
		return v
	}
	v.Groups, v.ColumnTotals = w.groups, w.totals
	for _, c := range x.orderCountries(order) {
		v.Rows = append(v.Rows, w.rows[w.at[c]])
	}
	return v
}

// whole is the matrix of a site small enough for one page, made once for
// the pages of every order: they differ only in the order of the rows, and,
// all four at the top of the site, not in their links.
type whole struct {
	groups []Group
	rows   []Row // in A–Z order
	at     map[*site.Country]int
	totals []int
}

func (x *Matrix) makeWhole() *whole {
	countries := view.ByName(x.s.Countries)
	w := &whole{at: make(map[*site.Country]int, len(countries))}
	w.groups, w.rows, w.totals = roleCells(x.m, view.MatrixPath, x.formats, countries, members)
	for k, c := range countries {
		w.at[c] = k
	}
	return w
}

// part is the page of part i, rows in the clustered order.
func (x *Matrix) part(i int) View {
	pt := x.parts[i]
	label := view.CategoryLabel(pt.category)
	v := View{Page: x.m.Frame(pt.path, fmt.Sprintf("Membership matrix: %s %s", label, pt.label)), Formats: len(pt.formats), Legend: view.Legend(),
		Caption: fmt.Sprintf("Countries by formats, %s %s: the role each country holds in each format", label, pt.label)}
	v.Parts = x.partLinks(pt.path, pt.path)
	v.PartsIntro = template.HTML(fmt.Sprintf(`This is one part of the matrix: its %d formats are at most %d of the %d, in one category. The <a href="%s">overview</a> counts each country's formats in every part, in every order.`,
		len(pt.formats), partSize, len(x.s.Formats), view.RelURL(pt.path, view.MatrixPath)))
	v.Groups, v.Rows, v.ColumnTotals = roleCells(x.m, pt.path, pt.formats, x.clustered, members)
	return v
}

// partLinks links from the page at from to every part, grouped by category.
func (x *Matrix) partLinks(from string, current string) []Group {
	var groups []Group
	for _, pt := range x.parts {
		if len(groups) == 0 || groups[len(groups)-1].ID != pt.category {
			groups = append(groups, Group{ID: pt.category, Label: view.CategoryLabel(pt.category)})
		}
		g := &groups[len(groups)-1]
		g.Parts = append(g.Parts, view.NavItem{Label: pt.label, Href: view.RelURL(from, pt.path), Current: pt.path == current})
	}
	return groups
}

// overview fills v with countries by parts, linked by m: each cell counts
// the formats of the part the country takes part in.
func (x *Matrix) overview(m *view.Maker, v *View, order string) {
	v.Caption = "Countries by parts of the matrix: how many formats of each part each country takes part in"
	v.Parts = x.partLinks(v.Path, "")
	v.PartsIntro = template.HTML(fmt.Sprintf("With %d formats, the matrix comes in parts of at most %d formats of one category, a page each. This overview counts, for each country, the formats of each part it takes part in.",
		len(x.s.Formats), partSize))
	in := map[*site.Format]int{}
	for i, pt := range x.parts {
		for _, f := range pt.formats {
			in[f] = i
		}
		if len(v.Groups) == 0 || v.Groups[len(v.Groups)-1].ID != pt.category {
			v.Groups = append(v.Groups, Group{ID: pt.category, Label: view.CategoryLabel(pt.category)})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Formats = append(g.Formats, view.FormatRef{ID: pt.path, Name: view.CategoryLabel(pt.category) + " " + pt.label,
			Abbr: pt.label, Href: view.RelURL(v.Path, pt.path), Category: pt.category})
	}
	v.ColumnTotals = make([]int, len(x.parts))
	counts := make([]int, len(x.parts))
	var b strings.Builder
	for _, c := range x.orderCountries(order) {
		clear(counts)
		for _, ms := range c.Memberships {
			counts[in[ms.Format]]++
			v.ColumnTotals[in[ms.Format]]++
		}
		b.Reset()
		for _, n := range counts {
			if n == 0 {
				b.WriteString("<td></td>")
			} else {
				fmt.Fprintf(&b, "<td>%d</td>", n)
			}
		}
		v.Rows = append(v.Rows, row(m, v.Path, c, b.String(), len(c.Memberships)))
	}
}

// held is the role a country holds in a format.
type held struct {
	country *site.Country
	role    string
}

// members are the roles held in f on the date shown.
func members(f *site.Format) []held {
	out := make([]held, len(f.Members))
	for i, ms := range f.Members {
		out[i] = held{ms.Country, ms.Role}
	}
	return out
}

// roleCells lays out formats as columns grouped by category and the countries
// as rows, each cell the roles held, as of tells: one, or two at once.
func roleCells(m *view.Maker, path string, formats []*site.Format, countries []*site.Country, of func(*site.Format) []held) ([]Group, []Row, []int) {
	var groups []Group
	for _, f := range formats {
		if len(groups) == 0 || groups[len(groups)-1].ID != f.Category {
			groups = append(groups, Group{ID: f.Category, Label: view.CategoryLabel(f.Category)})
		}
		g := &groups[len(groups)-1]
		g.Formats = append(g.Formats, m.FormatRef(path, f))
	}
	// The roles come from the formats' member lists, not the countries':
	// a part of a large matrix has a hundred formats of twenty members, and
	// a country thousands of memberships.
	at := make(map[*site.Country]int, len(countries))
	for k, c := range countries {
		at[c] = k
	}
	totals := make([]int, len(formats))
	roles := make([][2]string, len(countries)*len(formats)) // country by column: the roles held, at most two
	for i, f := range formats {
		counted := map[*site.Country]bool{}
		for _, h := range of(f) {
			k, ok := at[h.country]
			if !ok {
				continue
			}
			cell := &roles[k*len(formats)+i]
			if cell[0] == "" {
				cell[0] = h.role
			} else if cell[1] == "" && cell[0] != h.role {
				cell[1] = h.role
			}
			if slices.Contains(load.MembershipRoles, h.role) && !counted[h.country] { // partners and the like are no members
				totals[i]++
				counted[h.country] = true
			}
		}
	}
	var rows []Row
	var b strings.Builder
	for k, c := range countries {
		b.Reset()
		total := 0
		for _, cell := range roles[k*len(formats) : (k+1)*len(formats)] {
			writeCell(&b, cell)
			if cell[0] != "" {
				total++
			}
		}
		rows = append(rows, row(m, path, c, b.String(), total))
	}
	return groups, rows, totals
}

// row is the row of c, linked by m: its cells, pre-rendered, and its total.
func row(m *view.Maker, path string, c *site.Country, cells string, total int) Row {
	return Row{Country: m.CountryRef(path, c), Cells: template.HTML(cells), Total: total,
		Region: c.Region, NATO: view.RoleOrNone(c.NATO), EU: view.RoleOrNone(c.EU)}
}

// writeCell writes one cell: the role's name, for screen readers. The
// stylesheet draws the symbol and letter to see (table.matrix td.r-lead::before
// and so on), which halves the bytes of a matrix of thousands of cells. The
// text comes from the fixed role table, so it needs no escaping.
func writeCell(b *strings.Builder, cell [2]string) {
	if cell[0] == "" {
		b.WriteString("<td></td>")
		return
	}
	r := view.Role(cell[0])
	b.WriteString(`<td class="r-`)
	b.WriteString(r.Role)
	b.WriteString(`"><span class="vh">`)
	b.WriteString(r.Label)
	if cell[1] != "" { // a second role held at once: its symbol and letter beside the first's
		r2 := view.Role(cell[1])
		b.WriteString(" and ")
		b.WriteString(r2.Label)
		b.WriteString(`</span><span class="r2" aria-hidden="true">`)
		b.WriteString(r2.Symbol)
		b.WriteString(" ")
		b.WriteString(r2.Short)
	}
	b.WriteString("</span></td>")
}
