package diff

import (
	"fmt"
	"slices"
	"strings"

	"formatlas/generator/site"
)

func formatRecord(f *site.Format) record {
	parent := ""
	if f.Parent != nil {
		parent = f.Parent.ID
	}
	var events []string
	for _, e := range f.Events {
		ev := e.Date.String() + " " + e.Change
		if e.Country != nil {
			ev += " " + e.Country.Code
		}
		if e.Role != "" {
			ev += " as " + e.Role
		}
		if e.Status != "" {
			ev += ", status " + e.Status
		}
		if e.FormerName != "" {
			ev += ", formerly " + e.FormerName
		}
		if e.Note != "" {
			ev += ": " + e.Note
		}
		events = append(events, ev+" ["+citations([]site.Citation{e.Source})+"]")
	}
	var episodes []string // those the member list alone cannot say: dated, or with sources of their own
	for _, sp := range f.Spans {
		if sp.Since.IsZero() && sp.Until.IsZero() && !sp.Own {
			continue // a membership change, reported with the memberships
		}
		episodes = append(episodes, fmt.Sprintf("%s %s %s–%s [%s]", sp.Country.Code, sp.Role, sp.Since, sp.Until, strings.ReplaceAll(citations(sp.Sources), listSep, " ")))
	}
	var history []string
	for _, c := range f.StatusHistory {
		history = append(history, fmt.Sprintf("%s %s [%s]", c.Date, c.Status, citations([]site.Citation{c.Source})))
	}
	successor := ""
	if f.Successor != nil {
		successor = f.Successor.ID
	}
	return record{Item{f.ID, f.Name}, [][2]string{
		{"name", f.Name}, {"abbr", f.Abbr}, {"short", f.Short}, {"category", f.Category}, {"status", f.Status},
		{"founded", f.Founded.String()}, {"parent", parent}, {"summary", f.Summary},
		{"focus", strings.Join(f.Focus, listSep)}, {"sources", citations(f.Sources)},
		{"member_list", f.MemberList}, {"member_list_note", f.MemberListNote},
		{"aliases", strings.Join(f.Aliases, listSep)}, {"events", strings.Join(events, listSep)},
		{"episodes", strings.Join(episodes, listSep)}, {"status_history", strings.Join(history, listSep)},
		{"successor", successor},
	}}
}

// compareFormats compares formats and their memberships. A removed format and
// an added one are a rename when the new one has the old id as an alias, or
// has the old one's name, or its category and members.
func compareFormats(old, new *site.Site) (Changes, []MembershipChange) {
	var c Changes
	var members []MembershipChange
	renamedTo := map[string]*site.Format{} // old id -> new format
	for _, o := range old.Formats {
		if new.Format(o.ID) != nil {
			continue
		}
		if n := renameOf(o, old, new); n != nil {
			renamedTo[o.ID] = n
			c.Renamed = append(c.Renamed, Rename{From: o.ID, To: n.ID, Name: n.Name, Alias: slices.Contains(n.Aliases, o.ID)})
		}
	}
	isRenameTarget := map[string]string{}
	for from, n := range renamedTo {
		isRenameTarget[n.ID] = from
	}
	for _, n := range new.Formats {
		o := old.Format(n.ID)
		if from, ok := isRenameTarget[n.ID]; ok && o == nil {
			o = old.Format(from)
		}
		if o == nil {
			c.Added = append(c.Added, Item{n.ID, n.Name})
			continue
		}
		or, nr := formatRecord(o), formatRecord(n)
		if o.ID != n.ID { // a rename, reported as such: its new alias is no field change
			or, nr = or.without("aliases"), nr.without("aliases")
		}
		if fc := fieldChanges(or, nr); len(fc) > 0 {
			c.Changed = append(c.Changed, FieldChanges{Item: Item{n.ID, n.Name}, Fields: fc})
		}
		members = append(members, compareMembers(o, n)...)
	}
	for _, o := range old.Formats {
		if new.Format(o.ID) == nil && renamedTo[o.ID] == nil {
			c.Removed = append(c.Removed, Item{o.ID, o.Name})
		}
	}
	return c, members
}

func renameOf(o *site.Format, old, new *site.Site) *site.Format {
	for _, n := range new.Formats {
		if old.Format(n.ID) != nil {
			continue // not new
		}
		if slices.Contains(n.Aliases, o.ID) || n.Name == o.Name ||
			(n.Category == o.Category && len(n.Members) > 0 && memberKey(n) == memberKey(o)) {
			return n
		}
	}
	return nil
}

func memberKey(f *site.Format) string {
	var parts []string
	for _, m := range f.Members {
		parts = append(parts, m.Country.Code+":"+m.Role)
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

// compareMembers lists the countries that joined, left or changed role.
func compareMembers(o, n *site.Format) []MembershipChange {
	roles := func(f *site.Format) map[string]string {
		m := map[string]string{}
		for _, mem := range f.Members {
			m[mem.Country.Code] = mem.Role
		}
		return m
	}
	or, nr := roles(o), roles(n)
	var out []MembershipChange
	for _, m := range n.Members {
		code := m.Country.Code
		switch prev, ok := or[code]; {
		case !ok:
			out = append(out, MembershipChange{Format: n.ID, Country: code, Change: "joined", NewRole: m.Role})
		case prev != m.Role:
			out = append(out, MembershipChange{Format: n.ID, Country: code, Change: "role", OldRole: prev, NewRole: m.Role})
		}
	}
	for _, m := range o.Members {
		if _, ok := nr[m.Country.Code]; !ok {
			out = append(out, MembershipChange{Format: n.ID, Country: m.Country.Code, Change: "left", OldRole: m.Role})
		}
	}
	slices.SortFunc(out, func(a, b MembershipChange) int { return strings.Compare(a.Country+a.Change, b.Country+b.Change) })
	return out
}

func compareLessons(old, new *site.Site) Changes {
	rec := func(s *site.Site) []record {
		var out []record
		for _, l := range s.Lessons {
			var ev []string
			for _, e := range l.Evidence {
				ev = append(ev, fmt.Sprintf("%s: %s [%s]", e.Format.ID, e.Note, citations([]site.Citation{e.Source})))
			}
			out = append(out, record{Item{l.ID, l.Title}, [][2]string{{"title", l.Title}, {"kind", l.Kind},
				{"summary", l.Summary}, {"sources", citations(l.Sources)}, {"evidence", strings.Join(ev, listSep)},
				{"aliases", strings.Join(l.Aliases, listSep)}}})
		}
		slices.SortFunc(out, func(a, b record) int { return strings.Compare(a.ID, b.ID) })
		return out
	}
	return compareRecords(rec(old), rec(new))
}
