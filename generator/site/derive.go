package site

import (
	"slices"
	"strings"

	"formatlas/generator/load"
)

// derive fills in the inverse relations and derived facts, in a fixed order.
func (l *linker) derive() {
	s := l.s
	for _, f := range s.Formats {
		if f.Parent != nil {
			f.Parent.Children = append(f.Parent.Children, f)
		}
		slices.SortStableFunc(f.Members, func(a, b *Membership) int {
			if c := roleIndex(a.Role) - roleIndex(b.Role); c != 0 {
				return c
			}
			return strings.Compare(a.Country.Name, b.Country.Name)
		})
		for _, m := range f.Members {
			m.Country.Memberships = append(m.Country.Memberships, m)
		}
	}
	for _, f := range s.Formats {
		slices.SortFunc(f.Children, byName)
	}
	for _, c := range s.Countries {
		slices.SortFunc(c.Memberships, func(a, b *Membership) int { return CompareFormats(a.Format, b.Format) })
		for _, m := range c.Memberships {
			switch m.Format {
			case s.NATO:
				if s.NATO != nil {
					c.NATO = m
				}
			case s.EU:
				if s.EU != nil {
					c.EU = m
				}
			}
		}
	}
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

// CompareFormats orders formats by category (in load.Categories order), then name.
func CompareFormats(a, b *Format) int {
	if c := CategoryIndex(a.Category) - CategoryIndex(b.Category); c != 0 {
		return c
	}
	return byName(a, b)
}

// CategoryIndex is the position of category in load.Categories.
func CategoryIndex(category string) int { return slices.Index(load.Categories, category) }

func roleIndex(role string) int { return slices.Index(load.Roles, role) }
