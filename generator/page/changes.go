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
	v := view.ChangesView{Page: p.site.Frame(view.ChangesPath, "What changed"), ContentDate: p.s.AsOf.Human()}
	for _, sn := range p.s.Snapshots {
		v.Periods = append(v.Periods, p.period(sn))
	}
	return v
}

// period is what changed from the snapshot sn to as_of.
func (p *Planner) period(sn site.Snapshot) view.ChangePeriod {
	m, from := p.site, view.ChangesPath
	period := view.ChangePeriod{Label: sn.Label, From: sn.Date.Human(), To: p.s.AsOf.Human(), Anchor: "since-" + sn.Date.String()}
	byFormat, byCountry := newGrouped[*site.Format](), newGrouped[*site.Country]()
	for _, ch := range p.s.Changes(sn.Date, p.s.AsOf) {
		item := view.ChangeItem{Date: ch.Date.Human(), DateISO: ch.Date.String(), Kind: ch.Kind, Status: ch.Status}
		if ch.Role != "" {
			item.Role = view.Role(p.s, ch.Role)
		}
		for _, c := range ch.Sources {
			item.Sources = append(item.Sources, m.Cite(from, c))
		}
		f := m.FormatRef(from, ch.Format)
		if ch.Country == nil {
			byFormat.add(ch.Format, f.Name, f.Href, item)
			continue
		}
		c := m.CountryRef(from, ch.Country)
		// under the format it links the country, under the country the format
		item.Other = &view.NavItem{Label: c.Name, Href: c.Href}
		byFormat.add(ch.Format, f.Name, f.Href, item)
		item.Other = &view.NavItem{Label: f.Name, Href: f.Href}
		byCountry.add(ch.Country, c.Name, c.Href, item)
	}
	period.ByFormat = byFormat.in(slices.SortedFunc(slices.Values(byFormat.keys), site.CompareFormats))
	period.ByCountry = byCountry.in(view.ByName(byCountry.keys))
	return period
}

// grouped collects changes under the thing they concern.
type grouped[K comparable] struct {
	keys   []K
	groups map[K]*view.ChangeGroup
}

func newGrouped[K comparable]() *grouped[K] { return &grouped[K]{groups: map[K]*view.ChangeGroup{}} }

// add puts item under k, whose page is name at href.
func (g *grouped[K]) add(k K, name, href string, item view.ChangeItem) {
	if g.groups[k] == nil {
		g.groups[k] = &view.ChangeGroup{Name: name, Href: href}
		g.keys = append(g.keys, k)
	}
	g.groups[k].Changes = append(g.groups[k].Changes, item)
}

// in is the groups of keys, in that order.
func (g *grouped[K]) in(keys []K) []view.ChangeGroup {
	var out []view.ChangeGroup
	for _, k := range keys {
		out = append(out, *g.groups[k])
	}
	return out
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
			if then := p.standing(f, c, sn.Date, false); then != p.standing(f, c, p.s.Shown, false) {
				ref := m.CountryRef(from, c)
				out = append(out, view.SnapshotLine{Label: sn.Label, Date: sn.Date.Human(), Then: then,
					Name: ref.Name, Href: ref.Href, Now: p.standing(f, c, p.s.Shown, true), Sources: p.heldSources(m, from, f, c, sn.Date)})
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
			if then := p.standing(f, c, sn.Date, false); then != p.standing(f, c, p.s.Shown, false) {
				ref := m.FormatRef(from, f)
				out = append(out, view.SnapshotLine{Label: sn.Label, Date: sn.Date.Human(), Then: then,
					Name: ref.Name, Href: ref.Href, Now: p.standing(f, c, p.s.Shown, true),
					ID: view.ThenAnchor(sn.Date, f), Sources: p.heldSources(m, from, f, c, sn.Date)})
			}
		}
	}
	return out
}

// heldSources are the sources of the role c held in f on d, linked by m
// from the page at from; nil if it held none.
func (p *Planner) heldSources(m *view.Maker, from string, f *site.Format, c *site.Country, d load.Date) *view.SourceList {
	if !f.ExistsAt(d) {
		return nil // a list of a later date may be held "perhaps" before the format was founded
	}
	for _, sp := range f.Spans {
		if _, ok := sp.At(d, p.s.AsOf); ok && sp.Country == c && len(sp.Sources) > 0 {
			return p.sourceList(m, from, sp.Sources)
		}
	}
	return nil
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
			r := strings.ToLower(view.Role(p.s, sp.Role).Label)
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
