package render

import (
	"html/template"
	"strings"

	"formatlas/generator/site"
)

// matrix builds the countries-by-formats table: formats grouped by category
// under a two-level header, one row per country, totals on both axes.
func (p *planner) matrix() MatrixView {
	formats := sortedFormats(p.s.Formats)
	v := MatrixView{Page: p.frame(MatrixPath, "Membership matrix"), Legend: legend(), Formats: len(formats)}
	col := make(map[*site.Format]int, len(formats))
	for i, f := range formats {
		col[f] = i
		if len(v.Groups) == 0 || v.Groups[len(v.Groups)-1].Label != categoryLabels[f.Category] {
			v.Groups = append(v.Groups, MatrixGroup{ID: f.Category, Label: categoryLabels[f.Category]})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Formats = append(g.Formats, p.formatRef(MatrixPath, f))
	}
	v.ColumnTotals = make([]int, len(formats))
	row := make([]string, len(formats)) // role per column, reused for each country
	var b strings.Builder
	for _, c := range byName(p.s.Countries) {
		clear(row)
		for _, m := range c.Memberships {
			row[col[m.Format]] = m.Role
			v.ColumnTotals[col[m.Format]]++
		}
		b.Reset()
		for _, role := range row {
			writeCell(&b, role)
		}
		v.Rows = append(v.Rows, MatrixRow{Country: p.countryRef(MatrixPath, c),
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
