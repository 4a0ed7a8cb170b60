package page

import (
	"slices"
	"strings"

	"formatlas/generator/load"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
)

// changes is the page of what changed between each snapshot and as_of, by
// format and by country.
func (p *Planner) changes() view.ChangesView {
	m, from := p.site, view.ChangesPath
	v := view.ChangesView{Page: m.Frame(from, "What changed"), ContentDate: p.s.AsOf.Human()}
	for _, sn := range p.s.Snapshots {
		period := view.ChangePeriod{Label: sn.Label, From: sn.Date.Human(), To: p.s.AsOf.Human(), Anchor: "since-" + sn.Date.String()}
		byFormat := map[*site.Format]*view.ChangeGroup{}
		byCountry := map[*site.Country]*view.ChangeGroup{}
		var formats []*site.Format
		var countries []*site.Country
		for _, ch := range p.s.Changes(sn.Date, p.s.AsOf) {
			item := view.ChangeItem{Date: ch.Date.Human(), DateISO: ch.Date.String(), Kind: ch.Kind, Status: ch.Status}
			if ch.Role != "" {
				item.Role = view.Role(ch.Role)
			}
			for _, c := range ch.Sources {
				item.Sources = append(item.Sources, m.Cite(from, c))
			}
			g := byFormat[ch.Format]
			if g == nil {
				ref := m.FormatRef(from, ch.Format)
				g = &view.ChangeGroup{Name: ref.Name, Href: ref.Href}
				byFormat[ch.Format] = g
				formats = append(formats, ch.Format)
			}
			fi := item
			if ch.Country != nil {
				ref := m.CountryRef(from, ch.Country)
				fi.Other = &view.NavItem{Label: ref.Name, Href: ref.Href}
			}
			g.Changes = append(g.Changes, fi)
			if ch.Country == nil {
				continue
			}
			cg := byCountry[ch.Country]
			if cg == nil {
				ref := m.CountryRef(from, ch.Country)
				cg = &view.ChangeGroup{Name: ref.Name, Href: ref.Href}
				byCountry[ch.Country] = cg
				countries = append(countries, ch.Country)
			}
			ci := item
			ref := m.FormatRef(from, ch.Format)
			ci.Other = &view.NavItem{Label: ref.Name, Href: ref.Href}
			cg.Changes = append(cg.Changes, ci)
		}
		slices.SortFunc(formats, site.CompareFormats)
		for _, f := range formats {
			period.ByFormat = append(period.ByFormat, *byFormat[f])
		}
		for _, c := range view.ByName(countries) {
			period.ByCountry = append(period.ByCountry, *byCountry[c])
		}
		v.Periods = append(v.Periods, period)
	}
	return v
}

// snapshotLines say, for each snapshot, how each country of f stood then,
// where that differs from the date shown; linked by m from the page at from.
func (p *Planner) formatSnapshotLines(m *view.Maker, from string, f *site.Format) []view.SnapshotLine {
	var out []view.SnapshotLine
	for _, sn := range p.s.Snapshots {
		if then, now := f.ExistsAt(sn.Date), f.ExistsAt(p.s.Shown); then != now {
			line := view.SnapshotLine{Label: sn.Label, Date: sn.Date.Human(), Then: notExisting(f, sn.Date), Now: "founded " + f.Founded.Human()}
			if !now {
				line.Then, line.Now = "the format existed", p.standing(f, nil, p.s.Shown, true)
			}
			out = append(out, line)
			continue
		} else if !then {
			continue // it existed on neither date
		}
		var countries []*site.Country
		for _, sp := range f.Spans {
			if !slices.Contains(countries, sp.Country) {
				countries = append(countries, sp.Country)
			}
		}
		for _, c := range view.ByName(countries) {
			if p.standing(f, c, sn.Date, false) != p.standing(f, c, p.s.Shown, false) {
				ref := m.CountryRef(from, c)
				out = append(out, view.SnapshotLine{Label: sn.Label, Date: sn.Date.Human(), Then: p.standing(f, c, sn.Date, false),
					Name: ref.Name, Href: ref.Href, Now: p.standing(f, c, p.s.Shown, true)})
			}
		}
	}
	return out
}

// countrySnapshotLines are the lines of a country's page: for each
// snapshot, each format whose standing of c then differs from the date shown.
func (p *Planner) countrySnapshotLines(m *view.Maker, from string, c *site.Country) []view.SnapshotLine {
	var formats []*site.Format
	seen := map[*site.Format]bool{} // a country has thousands of spans at 10,000 formats
	for _, sp := range c.Spans {
		if !seen[sp.Format] {
			seen[sp.Format] = true
			formats = append(formats, sp.Format)
		}
	}
	slices.SortFunc(formats, site.CompareFormats)
	var out []view.SnapshotLine
	for _, sn := range p.s.Snapshots {
		for _, f := range formats {
			if !f.ExistsAt(sn.Date) && !f.ExistsAt(p.s.Shown) {
				continue // it existed on neither date
			}
			if p.standing(f, c, sn.Date, false) != p.standing(f, c, p.s.Shown, false) {
				ref := m.FormatRef(from, f)
				out = append(out, view.SnapshotLine{Label: sn.Label, Date: sn.Date.Human(), Then: p.standing(f, c, sn.Date, false),
					Name: ref.Name, Href: ref.Href, Now: p.standing(f, c, p.s.Shown, true)})
			}
		}
	}
	return out
}

// standing says in words how c stood in f on d: its role ("partner"; with
// dated, "member since 4 April 2023"), "not a member", "not known", or
// that the format did not exist.
func (p *Planner) standing(f *site.Format, c *site.Country, d load.Date, dated bool) string {
	if !f.ExistsAt(d) || c == nil {
		if end := f.Ended(); dated && !end.IsZero() && !f.ExistsAt(d) {
			return "the format ended on " + end.Human()
		}
		return notExisting(f, d)
	}
	switch f.StateOf(c, d, p.s.AsOf) {
	case site.NotMember:
		return "not a member"
	case site.NotKnown:
		return "not known"
	}
	var roles []string
	for _, sp := range f.Spans {
		if sp.Country != c {
			continue
		}
		if _, ok := sp.At(d, p.s.AsOf); ok {
			r := strings.ToLower(view.Role(sp.Role).Label)
			if dated && !sp.Since.IsZero() {
				r += " since " + sp.Since.Human()
			}
			roles = append(roles, r)
		}
	}
	return strings.Join(roles, " and ")
}

// notExisting says that f did not exist on d: not yet, or no longer.
func notExisting(f *site.Format, d load.Date) string {
	if !f.Founded.IsZero() && d.Compare(f.Founded) < 0 {
		return "the format did not exist yet"
	}
	return "the format had ended"
}
