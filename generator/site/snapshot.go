package site

import (
	"slices"
	"strings"

	"formatlas/generator/load"
)

// Snapshot is another date the site shows beside as_of, such as the date of
// the source the atlas starts from.
type Snapshot struct {
	Date  load.Date
	Label string
}

// Change is one thing that changed between two dates: a country began or
// ended a role (Country set), or a format was founded or changed its status
// (Country nil; an end is a change of status to defunct).
type Change struct {
	Date    load.Date
	Format  *Format
	Country *Country
	Role    string
	Kind    string // "began", "ended", "founded", "status"
	Status  string // the new status, for "status"
	Sources []Citation
}

// HeldOn is what each format's members held on date d, as far as the spans
// tell: the holdings of the formats that existed then, in the formats' order.
func (s *Site) HeldOn(d load.Date) map[*Format][]Holding {
	out := map[*Format][]Holding{}
	for _, f := range s.Formats {
		if !f.ExistsAt(d) {
			continue
		}
		for _, sp := range f.Spans {
			if h, ok := sp.At(d, s.AsOf); ok {
				out[f] = append(out[f], h)
			}
		}
	}
	return out
}

// Changes lists what changed after from, up to and including to, in date
// order, then by format and country: each dated start and end of a span, and
// each founding and status change of a format. A date that the year or
// month of from may hold is counted. An undated span changes
// nothing that the content can date.
func (s *Site) Changes(from, to load.Date) []Change {
	in := func(d load.Date) bool { // a date the year or month of from may hold counts: it may be after
		r := within(d, from)
		return !d.IsZero() && (r == after || r == overlap) && within(d, to) != after
	}
	var out []Change
	for _, f := range s.Formats {
		if in(f.Founded) {
			out = append(out, Change{Date: f.Founded, Format: f, Kind: "founded", Sources: f.Sources})
		}
		for _, c := range f.StatusHistory {
			if in(c.Date) {
				out = append(out, Change{Date: c.Date, Format: f, Kind: "status", Status: c.Status, Sources: []Citation{c.Source}})
			}
		}
		for _, sp := range f.Spans {
			if in(sp.Since) {
				out = append(out, Change{Date: sp.Since, Format: f, Country: sp.Country, Role: sp.Role, Kind: "began", Sources: sp.Sources})
			}
			if in(sp.Until) {
				out = append(out, Change{Date: sp.Until, Format: f, Country: sp.Country, Role: sp.Role, Kind: "ended", Sources: sp.Sources})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Change) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Format.ID, b.Format.ID); c != 0 {
			return c
		}
		if c := strings.Compare(code(a.Country), code(b.Country)); c != 0 {
			return c
		}
		return kindRank[a.Kind] - kindRank[b.Kind] // a role ends before the next begins
	})
	return out
}

var kindRank = map[string]int{"founded": 0, "status": 1, "ended": 2, "began": 3}

func code(c *Country) string {
	if c == nil {
		return ""
	}
	return c.Code
}
