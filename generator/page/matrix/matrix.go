// Package matrix builds the countries-by-formats membership matrix: formats
// grouped by category under a two-level header, one row per country, totals
// on both axes, in every row order; and on a large site, its parts.
package matrix

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"

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
	StatusList   string         // the status formats, for matrix.js's filters: [[id, label], ...] in JSON
	Snapshot     string         // on a snapshot's page: its date and label
	Controls     *Controls      // the filters and sorts of the page's own matrix; nil in the print edition
}

// Controls are the matrix's filters and sorts, made with the page so that
// they take their place before any script runs; matrix.js makes them work.
type Controls struct {
	Regions     []string       // the rows' regions, sorted
	Statuses    []view.NavItem // each status format: Href is its id
	Formats     []view.FormatRef
	Order       string // the label of the page's own row order
	MemberRoles string // the roles the column totals count, space-separated
	Countries   int    // rows
	Columns     int    // formats, or parts in the overview
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
	Country view.CountryRef
	Cells   template.HTML
	Total   int
	Region  string
	// Statuses are the row's data attributes for the filters: the role held
	// in each status format, or "none" (` data-nato="member"`).
	Statuses template.HTMLAttr
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
	whole     *whole  // nil on a site whose matrix comes in parts
	dates     []dated // the date shown, then each snapshot's
}

// dated is the date a page of the matrix shows: the date shown, or a
// snapshot's, with the roles held then.
type dated struct {
	snap *site.Snapshot // nil for the date shown
	of   func(*site.Format) []held
}

// overviewPath is the matrix on d: the whole, or the overview of its parts.
func (d dated) overviewPath() string {
	if d.snap == nil {
		return view.MatrixPath
	}
	return view.SnapshotMatrixPath(d.snap.Date)
}

// partPath is the page of part pt on d.
func (d dated) partPath(pt part) string {
	if d.snap == nil {
		return pt.path
	}
	return view.SnapshotMatrixPartPath(d.snap.Date, pt.category, pt.k)
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
	x.dates = []dated{{of: members}}
	for i := range s.Snapshots {
		x.dates = append(x.dates, x.then(&s.Snapshots[i]))
	}
	return x
}

// then is the date of sn, whose roles are worked out once, by the first of
// its pages that is built.
func (x *Matrix) then(sn *site.Snapshot) dated {
	holdings := sync.OnceValue(func() map[*site.Format][]site.Holding { return x.s.HeldOn(sn.Date) })
	return dated{snap: sn, of: func(f *site.Format) []held {
		var out []held
		for _, h := range holdings()[f] {
			hd := held{country: h.Country, role: h.Role}
			if !slices.ContainsFunc(f.Members, func(ms *site.Membership) bool { return ms.Country == h.Country }) {
				hd.gone = sn.Date // no row on the country's page: its line for the snapshot
			}
			out = append(out, hd)
		}
		return out
	}}
}

// Page is one page of the matrix, its view made where it is rendered.
type Page struct {
	Path  string
	First bool // a page of the whole matrix, among the dearest of the site
	View  func() View
}

// Pages are the matrix page of every order, the matrix at each snapshot
// and, on a large site, the parts of the matrix on every date.
func (x *Matrix) Pages() []Page {
	var pages []Page
	for _, o := range view.MatrixOrders {
		pages = append(pages, Page{Path: o.Path, First: true, View: x.withControls(o.Label, func() View { return x.in(x.m, o.Key, o.Path, x.whole) })})
	}
	clustered := view.MatrixOrders[0].Label // the snapshots and the parts list their rows so
	for _, d := range x.dates[1:] {
		pages = append(pages, Page{Path: d.overviewPath(), View: x.withControls(clustered, func() View { return x.snapshot(d) })})
	}
	for _, d := range x.dates {
		for i := range x.parts {
			pages = append(pages, Page{Path: d.partPath(x.parts[i]), View: x.withControls(clustered, func() View { return x.part(d, i) })})
		}
	}
	return pages
}

// withControls is a page's view with the controls of its matrix, its rows
// in the order labelled order.
func (x *Matrix) withControls(order string, make func() View) func() View {
	return func() View {
		v := make()
		v.Controls = controls(x.s, &v, order)
		return v
	}
}

// snapshotLinks link from the page at from to the matrix on each date,
// each at pathAt; current is the page's own date.
func (x *Matrix) snapshotLinks(from string, current dated, pathAt func(dated) string) []view.NavItem {
	if len(x.dates) == 1 {
		return nil
	}
	var out []view.NavItem
	for _, d := range x.dates {
		label := x.s.Shown.Human()
		if d.snap != nil {
			label = d.snap.Label + " (" + d.snap.Date.Human() + ")"
		}
		out = append(out, view.NavItem{Label: label, Href: view.RelURL(from, pathAt(d)), Current: d.snap == current.snap})
	}
	return out
}

// snapshot is the matrix as the content says it stood on d, a snapshot's
// date, rows in the clustered order: the whole, or the overview of its parts.
func (x *Matrix) snapshot(d dated) View {
	sn, path := d.snap, d.overviewPath()
	v := View{Page: x.m.Frame(path, "Membership matrix, "+sn.Label), Formats: len(x.formats), StatusList: statusList(x.s),
		Caption:  "Countries by formats on " + sn.Date.Human() + ": the role each country held in each format",
		Snapshot: sn.Date.Human() + " (" + sn.Label + ")"}
	v.Snapshots = x.snapshotLinks(path, d, dated.overviewPath)
	if x.parts != nil {
		x.overview(x.m, &v, x.clustered, d)
		return v
	}
	v.Legend = view.Legend(x.s)
	v.Groups, v.Rows, v.ColumnTotals = roleCells(x.m, path, x.formats, x.clustered, d.of)
	x.filterRoles(v.Rows, x.clustered, d)
	return v
}

// filterRoles sets the status roles of the rows of countries, for the
// filters, to those held on d, a snapshot's date.
func (x *Matrix) filterRoles(rows []Row, countries []*site.Country, d dated) {
	rolesIn := func(f *site.Format) map[*site.Country]string { // worked out once a page, not once a row
		out := map[*site.Country]string{}
		if f != nil {
			for _, h := range d.of(f) {
				if _, seen := out[h.country]; !seen {
					out[h.country] = h.role
				}
			}
		}
		return out
	}
	held := make([]map[*site.Country]string, len(x.s.Statuses))
	for i, st := range x.s.Statuses {
		held[i] = rolesIn(st.Format)
	}
	roles := make([]string, len(x.s.Statuses))
	for i, c := range countries {
		for k := range held {
			roles[k] = held[k][c]
		}
		rows[i].Statuses = statusAttrs(x.s, roles)
	}
}

// statusAttrs are the data attributes of a row whose country holds roles
// in the status formats of s, in order ("" for none).
func statusAttrs(s *site.Site, roles []string) template.HTMLAttr {
	var b strings.Builder
	for i, st := range s.Statuses {
		b.WriteString(" data-")
		b.WriteString(view.EscapeText(st.Format.ID))
		b.WriteString(`="`)
		b.WriteString(view.EscapeText(cmp.Or(roles[i], "none")))
		b.WriteString(`"`)
	}
	return template.HTMLAttr(b.String())
}

// statusList is the site's status formats as matrix.js reads them from the
// table: [[id, label], ...] in JSON.
func statusList(s *site.Site) string {
	if len(s.Statuses) == 0 {
		return ""
	}
	list := [][2]string{}
	for _, st := range s.Statuses {
		list = append(list, [2]string{st.Format.ID, st.Label})
	}
	js, _ := json.Marshal(list) // strings always marshal
	return string(js)
}

// controls are the filters and sorts of v, a page of the matrix in the row
// order labelled order.
func controls(s *site.Site, v *View, order string) *Controls {
	c := &Controls{Order: order, Countries: len(v.Rows)}
	for _, r := range v.Rows {
		if r.Region != "" && !slices.Contains(c.Regions, r.Region) {
			c.Regions = append(c.Regions, r.Region)
		}
	}
	slices.Sort(c.Regions)
	for _, st := range s.Statuses {
		c.Statuses = append(c.Statuses, view.NavItem{Label: st.Label, Href: st.Format.ID})
	}
	var members []string
	for _, r := range s.Roles {
		if r.Counts() {
			members = append(members, r.ID)
		}
	}
	c.MemberRoles = strings.Join(members, " ")
	for _, g := range v.Groups {
		c.Columns += len(g.Formats)
		if v.Legend != nil { // a page of roles, not the overview of the parts
			c.Formats = append(c.Formats, g.Formats...)
		}
	}
	return c
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
	k                     int // its number among its category's parts, from 1
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
			out = append(out, part{path: view.MatrixPartPath(cat, k), label: label, category: cat, k: k, formats: chunk})
		}
		start = end
	}
	return out
}

// in is the matrix page of one row order, linked by m: the whole matrix,
// from w when given, or on a large site its overview.
func (x *Matrix) in(m *view.Maker, order, path string, w *whole) View {
	v := View{Page: m.Frame(path, "Membership matrix"), Formats: len(x.formats), StatusList: statusList(x.s),
		Caption: "Countries by formats: the role each country holds in each format"}
	for _, o := range view.MatrixOrders {
		v.Orders = append(v.Orders, view.NavItem{Label: o.Label, Href: view.RelURL(path, o.Path), Current: o.Key == order})
	}
	if order == "clustered" {
		v.Snapshots = x.snapshotLinks(path, x.dates[0], dated.overviewPath)
	}
	if x.parts != nil {
		x.overview(m, &v, x.orderCountries(order), x.dates[0])
		return v
	}
	v.Legend = view.Legend(x.s)
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

// part is the page of part i on d, rows in the clustered order.
func (x *Matrix) part(d dated, i int) View {
	pt := x.parts[i]
	path, label := d.partPath(pt), x.s.Category(pt.category).Label
	v := View{Page: x.m.Frame(path, fmt.Sprintf("Membership matrix: %s %s", label, pt.label)), Formats: len(pt.formats), Legend: view.Legend(x.s), StatusList: statusList(x.s),
		Caption: fmt.Sprintf("Countries by formats, %s %s: the role each country holds in each format", label, pt.label)}
	if sn := d.snap; sn != nil {
		v.Title += ", " + sn.Label
		v.Caption = fmt.Sprintf("Countries by formats, %s %s, on %s: the role each country held in each format", label, pt.label, sn.Date.Human())
		v.Snapshot = sn.Date.Human() + " (" + sn.Label + ")"
	}
	v.Parts = x.partLinks(path, d, i)
	v.PartsIntro = template.HTML(fmt.Sprintf(`This is one part of the matrix: its %d formats are at most %d of the %d, in one category. The <a href="%s">overview</a> counts each country's formats in every part.`,
		len(pt.formats), partSize, len(x.s.Formats), view.RelURL(path, d.overviewPath())))
	v.Snapshots = x.snapshotLinks(path, d, func(o dated) string { return o.partPath(pt) })
	v.Groups, v.Rows, v.ColumnTotals = roleCells(x.m, path, pt.formats, x.clustered, d.of)
	if d.snap != nil {
		x.filterRoles(v.Rows, x.clustered, d)
	}
	return v
}

// partLinks links from the page at from to every part on d, grouped by
// category; current is the page's own part, or -1.
func (x *Matrix) partLinks(from string, d dated, current int) []Group {
	var groups []Group
	for i, pt := range x.parts {
		if len(groups) == 0 || groups[len(groups)-1].ID != pt.category {
			groups = append(groups, Group{ID: pt.category, Label: x.s.Category(pt.category).Label})
		}
		g := &groups[len(groups)-1]
		g.Parts = append(g.Parts, view.NavItem{Label: pt.label, Href: view.RelURL(from, d.partPath(pt)), Current: i == current})
	}
	return groups
}

// overview fills v with the rows of countries by parts on d, linked by m:
// each cell counts the formats of the part the country took part in.
func (x *Matrix) overview(m *view.Maker, v *View, countries []*site.Country, d dated) {
	v.Caption = "Countries by parts of the matrix: how many formats of each part each country takes part in"
	if d.snap != nil {
		v.Caption = "Countries by parts of the matrix on " + d.snap.Date.Human() + ": how many formats of each part each country took part in"
	}
	v.Parts = x.partLinks(v.Path, d, -1)
	v.PartsIntro = template.HTML(fmt.Sprintf("With %d formats, the matrix comes in parts of at most %d formats of one category, a page each. This overview counts, for each country, the formats of each part it takes part in.",
		len(x.s.Formats), partSize))
	at := make(map[*site.Country]int, len(countries))
	for k, c := range countries {
		at[c] = k
	}
	n := len(x.parts)
	counts := make([]int, len(countries)*n)      // country by part
	last := make([]*site.Format, len(countries)) // the format a country was last counted in: two roles are one format
	v.ColumnTotals = make([]int, n)
	for i, pt := range x.parts {
		if len(v.Groups) == 0 || v.Groups[len(v.Groups)-1].ID != pt.category {
			v.Groups = append(v.Groups, Group{ID: pt.category, Label: x.s.Category(pt.category).Label})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Formats = append(g.Formats, view.FormatRef{ID: pt.path, Name: x.s.Category(pt.category).Label + " " + pt.label,
			Abbr: pt.label, Label: pt.label, Href: view.RelURL(v.Path, d.partPath(pt)), Category: pt.category})
		for _, f := range pt.formats {
			for _, h := range d.of(f) {
				if k, ok := at[h.country]; ok && last[k] != f {
					last[k] = f
					counts[k*n+i]++
					v.ColumnTotals[i]++
				}
			}
		}
	}
	var b strings.Builder
	for k, c := range countries {
		b.Reset()
		total := 0
		for _, count := range counts[k*n : (k+1)*n] {
			if count == 0 {
				b.WriteString("<td></td>")
			} else {
				fmt.Fprintf(&b, "<td>%d</td>", count)
			}
			total += count
		}
		v.Rows = append(v.Rows, row(x.s, m.CountryRef(v.Path, c), c, b.String(), total))
	}
	if d.snap != nil {
		x.filterRoles(v.Rows, countries, d)
	}
}

// held is the role a country holds in a format.
type held struct {
	country *site.Country
	role    string
	gone    load.Date // set for a role of this snapshot date that the country holds no longer
}

// members are the roles held in f on the date shown.
func members(f *site.Format) []held {
	out := make([]held, len(f.Members))
	for i, ms := range f.Members {
		out[i] = held{country: ms.Country, role: ms.Role}
	}
	return out
}

// cell is what one cell of the matrix shows: the roles held, at most two,
// and, for a snapshot's role that is no longer held, the snapshot's date.
type cell struct {
	roles [2]string
	gone  load.Date
}

// roleCells lays out formats as columns grouped by category and the countries
// as rows, each cell the roles held, as of tells: one, or two at once.
func roleCells(m *view.Maker, path string, formats []*site.Format, countries []*site.Country, of func(*site.Format) []held) ([]Group, []Row, []int) {
	var groups []Group
	for _, f := range formats {
		if len(groups) == 0 || groups[len(groups)-1].ID != f.Category {
			groups = append(groups, Group{ID: f.Category, Label: m.Site().Category(f.Category).Label})
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
	s, roles := m.Site(), cellRoles(m.Site())
	totals := make([]int, len(formats))
	cells := make([]cell, len(countries)*len(formats)) // country by column
	for i, f := range formats {
		counted := map[*site.Country]bool{}
		for _, h := range of(f) {
			k, ok := at[h.country]
			if !ok {
				continue
			}
			c := &cells[k*len(formats)+i]
			if c.roles[0] == "" {
				c.roles[0] = h.role
			} else if c.roles[1] == "" && c.roles[0] != h.role {
				c.roles[1] = h.role
			}
			c.gone = h.gone
			if s.IsMembership(h.role) && !counted[h.country] { // partners and the like are no members
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
		ref := m.CountryRef(path, c)
		for i, cl := range cells[k*len(formats) : (k+1)*len(formats)] {
			switch {
			case cl.roles[0] == "":
				b.WriteString("<td></td>")
				continue
			case cl.gone.IsZero():
				writeCell(&b, roles, cl.roles, m.MembershipHref(ref, formats[i]))
			default:
				writeCell(&b, roles, cl.roles, m.ThenHref(ref, cl.gone, formats[i]))
			}
			total++
		}
		rows = append(rows, row(m.Site(), ref, c, b.String(), total))
	}
	return groups, rows, totals
}

// row is the row of c, linked by ref: its cells, pre-rendered, and its total.
func row(s *site.Site, ref view.CountryRef, c *site.Country, cells string, total int) Row {
	roles := make([]string, len(c.Statuses))
	for i, m := range c.Statuses {
		if m != nil {
			roles[i] = m.Role
		}
	}
	return Row{Country: ref, Cells: template.HTML(cells), Total: total, Region: c.Region, Statuses: statusAttrs(s, roles)}
}

// cellRoles are the roles of s as cells write them, escaped once for the
// thousands of cells: their ids, labels, symbols and letters come from
// content.
func cellRoles(s *site.Site) map[string]view.RoleInfo {
	out := map[string]view.RoleInfo{}
	for _, r := range s.Roles {
		info := view.Role(s, r.ID)
		out[r.ID] = view.RoleInfo{Role: view.EscapeText(info.Role), Label: view.EscapeText(info.Label),
			Symbol: view.EscapeText(info.Symbol), Short: view.EscapeText(info.Short)}
	}
	return out
}

// writeCell writes a cell holding a role, linked to href, the row on the
// country's page that gives the membership's dates, role and sources: a
// link, so that keyboard and touch reach it. The link's text is the role's
// name, for screen readers; the stylesheet draws the symbol and letter to
// see (td.r-lead::before and so on, written from the roles), which halves
// the bytes of a matrix of thousands of cells. roles are escaped already
// (cellRoles), and href is made of slugs and country codes.
func writeCell(b *strings.Builder, roles map[string]view.RoleInfo, cell [2]string, href string) {
	r := roleOf(roles, cell[0])
	b.WriteString(`<td class="r-`)
	b.WriteString(r.Role)
	if cell[1] != "" { // for matrix.js's role filter
		b.WriteString(`" data-role2="`)
		b.WriteString(roleOf(roles, cell[1]).Role)
	}
	b.WriteString(`"><a href="`)
	b.WriteString(href)
	b.WriteString(`"><span class="vh">`)
	b.WriteString(r.Label)
	if cell[1] == "" {
		b.WriteString("</span></a></td>")
		return
	}
	// a second role held at once: its symbol and letter beside the first's
	r2 := roleOf(roles, cell[1])
	b.WriteString(" and ")
	b.WriteString(r2.Label)
	b.WriteString(`</span></a><span class="r2" aria-hidden="true">`)
	b.WriteString(r2.Symbol)
	b.WriteString(" ")
	b.WriteString(r2.Short)
	b.WriteString("</span></td>")
}

// roleOf is role's entry of roles; an unknown role, which load reports, is
// its own escaped label.
func roleOf(roles map[string]view.RoleInfo, role string) view.RoleInfo {
	if r, ok := roles[role]; ok {
		return r
	}
	return view.RoleInfo{Role: view.EscapeText(role), Label: view.EscapeText(role)}
}
