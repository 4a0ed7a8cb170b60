package site

import (
	"cmp"
	"slices"
	"strings"

	"formatlas/generator/internal/par"
	"formatlas/generator/load"
)

// derive fills in the inverse relations and derived facts, in a fixed order,
// with the members of the date shown: as_of unless shown is another.
func (l *linker) derive(shown load.Date) {
	s := l.s
	for _, f := range s.Formats {
		if f.Parent != nil {
			f.Parent.Children = append(f.Parent.Children, f)
		}
		s.sortMembers(f.Members)
	}
	par.Do(len(s.Formats), func(i int) { // each format's own, on every core
		f := s.Formats[i]
		slices.SortFunc(f.Children, byName)
		f.Spans = f.spans(s.roleRank)
	})
	for _, f := range s.Formats {
		for i := range f.Spans {
			sp := &f.Spans[i]
			sp.Country.Spans = append(sp.Country.Spans, sp)
		}
	}
	// Each country's spans are sorted by their formats' ranks: at 10,000
	// formats a country has thousands, and comparing names is the dear part.
	rank := make(map[*Format]int, len(s.Formats))
	for i, f := range slices.SortedFunc(slices.Values(s.Formats), CompareFormats) {
		rank[f] = i
	}
	par.Do(len(s.Countries), func(i int) {
		c := s.Countries[i]
		slices.SortStableFunc(c.Spans, func(a, b *Span) int {
			// dated starts first, by date; undated ones after, by format
			switch {
			case a.Since.IsZero() != b.Since.IsZero():
				if a.Since.IsZero() {
					return 1
				}
				return -1
			case !a.Since.IsZero():
				if c := a.Since.Compare(b.Since); c != 0 {
					return c
				}
			}
			return rank[a.Format] - rank[b.Format]
		})
	})
	if shown.IsZero() {
		shown = s.AsOf
	}
	s.Shown = shown
	if !shown.IsZero() {
		s.showAt(shown) // drops, say, a country that left before as_of
		return
	}
	par.Do(len(s.Formats), func(i int) { // no date to show: the roles still held
		f := s.Formats[i]
		f.Members, f.ShownStatus = f.Members[:0], f.Status
		for _, sp := range f.Spans {
			if sp.Until.IsZero() {
				f.Members = append(f.Members, &Membership{Country: sp.Country, Format: f, Role: sp.Role, Since: sp.Since, Sources: sp.Sources, Own: sp.Own})
			}
		}
		s.sortMembers(f.Members)
	})
	s.deriveMemberships()
}

// showAt makes every format's members those it had on date d, as far as the
// spans tell: a role whose start is not known, or not known to d's
// precision, is kept as uncertain. Countries' memberships, NATO and EU status
// and shared-member rankings follow.
func (s *Site) showAt(d load.Date) {
	s.Shown = d
	par.Do(len(s.Formats), func(i int) {
		f := s.Formats[i]
		f.Members = f.Members[:0]
		f.ShownStatus = cmp.Or(f.StatusAt(d), f.Status)
		if !f.ExistsAt(d) {
			return // founded later, or ended: no members then
		}
		for _, sp := range f.Spans {
			if h, ok := sp.At(d, s.AsOf); ok {
				f.Members = append(f.Members, &Membership{Country: sp.Country, Format: f, Role: sp.Role,
					Since: sp.Since, Until: sp.Until, Uncertain: h.Uncertain, Sources: sp.Sources, Own: sp.Own})
			}
		}
		s.sortMembers(f.Members)
	})
	s.deriveMemberships()
}

// sortMembers sorts ms by role, in the site's order, then country name.
func (s *Site) sortMembers(ms []*Membership) {
	slices.SortStableFunc(ms, func(a, b *Membership) int {
		if c := s.roleRank[a.Role] - s.roleRank[b.Role]; c != 0 {
			return c
		}
		return strings.Compare(a.Country.Name, b.Country.Name)
	})
}

// deriveMemberships fills each country's memberships, its statuses and the
// shared-member rankings from the formats' members.
func (s *Site) deriveMemberships() {
	for _, c := range s.Countries {
		c.Memberships, c.Statuses = nil, make([]*Membership, len(s.Statuses))
	}
	for _, f := range s.Formats {
		for _, m := range f.Members {
			m.Country.Memberships = append(m.Country.Memberships, m)
		}
	}
	par.Do(len(s.Countries), func(i int) {
		c := s.Countries[i]
		slices.SortFunc(c.Memberships, func(a, b *Membership) int { return CompareFormats(a.Format, b.Format) })
		for _, m := range c.Memberships {
			for i, st := range s.Statuses {
				if m.Format == st.Format && c.Statuses[i] == nil {
					c.Statuses[i] = m
				}
			}
		}
	})
	computeOverlaps(s.Formats, len(s.Countries), s.countryIndex())
}

func (s *Site) countryIndex() map[*Country]int {
	idx := make(map[*Country]int, len(s.Countries))
	for i, c := range s.Countries {
		idx[c] = i
	}
	return idx
}

func byName(a, b *Format) int {
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// CompareFormats orders formats by category (in Site.Categories order), then name.
func CompareFormats(a, b *Format) int {
	if c := a.categoryRank - b.categoryRank; c != 0 {
		return c
	}
	return byName(a, b)
}
