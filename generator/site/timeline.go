package site

import (
	"cmp"
	"slices"
	"strings"

	"formatlas/generator/load"
)

// Span is a time a country held a role in a format, as far as the content
// knows. Since is zero when no dated event says when it began: the member
// list then says only that the role was held by the site's as_of date. Until
// is zero while the role is still held.
type Span struct {
	Country      *Country
	Format       *Format
	Role         string
	Since, Until load.Date
	// By is the date from which a span without Since is known to be held,
	// to its Until or as_of: the format's members_as_of. Zero means as_of.
	By load.Date
	// Sources establish the span: its own, given in a [[member]], else its
	// format's, with those of the events that date it.
	Sources []Citation
	Own     bool   // the sources are the span's own, not its format's
	Note    string // a [[member]]'s note
}

// Holding is a span seen from one date: held for certain, or only perhaps
// when the content cannot tell (no dated start, or a start known only to a
// year or month that holds the date).
type Holding struct {
	Span
	Uncertain bool
}

// spans derives each format's spans from its member list and its dated
// events: "joined" and "role" events date the start of the role held at
// as_of; a "left" event ends a span, for a country that may no longer be in
// the list at all.
func (f *Format) spans(roleRank map[string]int) []Span {
	byCountry := map[*Country][]*Event{}
	for _, e := range f.Events {
		if e.Country != nil {
			byCountry[e.Country] = append(byCountry[e.Country], e)
		}
	}
	out := make([]Span, 0, len(f.Members)+len(f.episodes))
	// The events that date a format's members mostly cite one source, so
	// its spans share one list of their sources for each such citation:
	// a site of ten thousand formats has some hundred thousand spans.
	cited := map[Citation][]Citation{}
	withFormats := func(c Citation) []Citation {
		cites, ok := cited[c]
		if !ok {
			cites = withCitation(f.Sources, c)
			cited[c] = cites
		}
		return cites
	}
	held := map[*Country]bool{}
	for _, m := range f.Members {
		held[m.Country] = true
		sp := Span{Country: m.Country, Format: f, Role: m.Role, By: f.Record.MembersAsOf}
		var dating *Event
		for _, e := range byCountry[m.Country] { // in date order
			switch {
			case e.Change == "joined", e.Change == "role" && e.Role == m.Role:
				sp.Since, dating = e.Date, e // the latest start of the role now held
			case e.Change == "invited" && m.Role == "invited":
				sp.Since, dating = e.Date, e
			}
		}
		sp.Sources = f.Sources
		if dating != nil {
			sp.Sources = withFormats(dating.Source)
		}
		out = append(out, sp)
	}
	for _, ep := range f.episodes {
		held[ep.Country] = true // its events date nothing: the episodes say when
		if !ep.Own {
			ep.Sources = f.Sources
		}
		if ep.Since.IsZero() { // undated, it is known from the list's date, as [members] is
			ep.By = f.Record.MembersAsOf
		}
		out = append(out, ep)
	}
	for c, evs := range byCountry {
		if held[c] {
			continue
		}
		for _, e := range evs {
			if e.Change != "left" {
				continue
			}
			sp := Span{Country: c, Format: f, Role: cmp.Or(e.Role, "member"), Until: e.Date}
			var joined *Event
			for _, j := range evs {
				if j.Change == "joined" && j.Date.Compare(e.Date) < 0 {
					sp.Since, joined = j.Date, j
				}
			}
			sp.Sources = withFormats(e.Source)
			if joined != nil {
				sp.Sources = withCitation(sp.Sources, joined.Source)
			}
			out = append(out, sp)
		}
	}
	slices.SortStableFunc(out, func(a, b Span) int {
		if c := roleRank[a.Role] - roleRank[b.Role]; c != 0 {
			return c
		}
		if c := cmp.Or(strings.Compare(a.Country.Name, b.Country.Name), strings.Compare(a.Country.Code, b.Country.Code)); c != 0 {
			return c
		}
		return a.Since.Compare(b.Since)
	})
	return out
}

// withCitation is cites with c after them, unless c is among them or empty.
func withCitation(cites []Citation, c Citation) []Citation {
	if c.Source == nil || slices.Contains(cites, c) {
		return cites
	}
	return append(slices.Clip(cites), c)
}

// At says whether the span was held on date d, given the site's as_of: no,
// yes, or perhaps (returned as a Holding with Uncertain set).
func (sp Span) At(d, asOf load.Date) (Holding, bool) {
	if !sp.Until.IsZero() {
		switch within(d, sp.Until) {
		case after, same:
			return Holding{}, false
		case overlap:
			return Holding{Span: sp, Uncertain: true}, true
		}
	}
	if sp.Since.IsZero() {
		// The list says only that the role was held from By, else as_of:
		// a date before it, or within its year or month, is perhaps.
		if r := within(d, cmp.Or(sp.By, asOf)); r == before || r == overlap {
			return Holding{Span: sp, Uncertain: true}, true
		}
		return Holding{Span: sp}, true
	}
	switch within(d, sp.Since) {
	case before:
		return Holding{}, false
	case overlap:
		return Holding{Span: sp, Uncertain: true}, true
	}
	return Holding{Span: sp}, true
}

type relation = load.Relation

const (
	before  = load.Before
	same    = load.Same
	overlap = load.Overlap
	after   = load.After
)

// within places date d against date e, each at its own precision.
func within(d, e load.Date) relation { return load.Within(d, e) }
