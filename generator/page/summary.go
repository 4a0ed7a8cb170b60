package page

import (
	"cmp"
	"fmt"
	"strings"

	"formatlas/generator/markdown"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
)

// countrySummary is the sentence that opens c's page, made from its data:
// its standing in the formats that give countries a status (country_status
// in site.toml: NATO and the EU here), with its dates where the content has them, and how many formats it
// takes part in, by role. "Finland has been a member of the North Atlantic
// Treaty Organization since 4 April 2023 and is a member of the European
// Union. It takes part in 14 formats: as member in 10, as partner in 4."
// A country whose name takes an article ("the United Kingdom") says so in
// countries.toml, with the one article the vocabulary allows, "the".
func countrySummary(s *site.Site, c *site.Country) string {
	var standing []string
	var outside []*site.Format
	for i, st := range s.Statuses { // the formats that give countries a status
		if m := c.Statuses[i]; m == nil {
			outside = append(outside, st.Format)
		} else {
			standing = append(standing, stands(s, m))
		}
	}
	if len(standing) == 2 && strings.HasPrefix(standing[0], isMember) && strings.HasPrefix(standing[1], isMember) {
		standing = []string{standing[0] + " and of" + strings.TrimPrefix(standing[1], isMember)}
	}
	if len(standing) == 0 && len(outside) == 2 {
		standing = []string{"is a member of neither the " + outside[0].Name + " nor the " + outside[1].Name}
	} else {
		for _, f := range outside {
			standing = append(standing, "is not a member of the "+f.Name)
		}
	}
	name := cmp.Or(c.Name, c.Code) // a country without a name is reported by load
	if name == "" {
		return ""
	}
	if c.Record != nil && c.Record.Article != "" { // "the United Kingdom", at the start of a sentence
		name = "The " + name
	}
	var b strings.Builder
	b.WriteString(name)
	if len(standing) > 0 {
		b.WriteString(" " + strings.Join(standing, " and ") + ". It")
	}
	formats, byRole := countRoles(s, c)
	switch {
	case formats == 0:
		b.WriteString(" takes part in none of the formats this atlas records.")
	case formats == 1:
		fmt.Fprintf(&b, " takes part in 1 format, as %s.", byRole[0].label)
	case len(byRole) == 1:
		fmt.Fprintf(&b, " takes part in %d formats, in all of them as %s.", formats, byRole[0].label)
	default:
		var in []string
		for _, r := range byRole {
			in = append(in, fmt.Sprintf("as %s in %d", r.label, r.n))
		}
		fmt.Fprintf(&b, " takes part in %d formats: %s.", formats, strings.Join(in, ", "))
	}
	return b.String()
}

const isMember = "is a member of"

// stands says how m stands: "has been a member of the X since 4 April
// 2023", "is a member of the X", "holds the role of aspirant in the X".
func stands(s *site.Site, m *site.Membership) string {
	name := "the " + m.Format.Name
	since := ""
	if !m.Since.IsZero() && !m.Uncertain {
		since = " since " + m.Since.Human()
	}
	switch {
	case m.Role != "member":
		return "holds the role of " + strings.ToLower(view.Role(s, m.Role).Label) + " in " + name + since
	case since != "":
		return "has been a member of " + name + since
	}
	return isMember + " " + name
}

// roleCount is how many of a country's formats it holds a role in.
type roleCount struct {
	label string // "member", "lead nation"
	n     int
}

// countRoles counts the formats c takes part in and, in the role order of
// s, those it holds each role in.
func countRoles(s *site.Site, c *site.Country) (int, []roleCount) {
	formats := 0
	counts := map[string]int{}
	for i, m := range c.Memberships {
		if i == 0 || c.Memberships[i-1].Format != m.Format {
			formats++
		}
		counts[m.Role]++
	}
	var out []roleCount
	for _, r := range s.Roles {
		if n := counts[r.ID]; n > 0 {
			out = append(out, roleCount{strings.ToLower(r.Label), n})
		}
	}
	return formats, out
}

// headingEntries are the table-of-contents entries of a commentary's
// headings at level.
func headingEntries(hs []markdown.Heading, level int) []view.TOCEntry {
	var out []view.TOCEntry
	for _, h := range hs {
		if h.Level == level && h.ID != "" {
			out = append(out, view.TOCEntry{Href: "#" + h.ID, Text: h.Text})
		}
	}
	return out
}

// firstSentence is the text up to the end of its first sentence of at
// least 40 characters, for a page's description: the whole text if it has
// no such end.
func firstSentence(text string) string {
	for i := 40; i < len(text); i++ {
		if j := strings.IndexAny(text[i:], ".!?"); j < 0 {
			break
		} else if i += j; i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
			return text[:i+1]
		}
	}
	return text
}
