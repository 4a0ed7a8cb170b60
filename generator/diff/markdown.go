package diff

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteMarkdown writes the report for people: a pull request summary.
func (r *Report) WriteMarkdown(w io.Writer, oldName, newName string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## formatlas diff: %s → %s\n\n", oldName, newName)
	if r.NoChangeInMeaning() {
		b.WriteString("No change in meaning.\n\n")
	}
	writeChanges(&b, "Formats", r.Formats)
	if len(r.Memberships) > 0 {
		b.WriteString("### Memberships\n\n")
		for _, m := range r.Memberships {
			switch m.Change {
			case "joined":
				fmt.Fprintf(&b, "- %s: %s joined as %s\n", m.Format, m.Country, m.NewRole)
			case "left":
				fmt.Fprintf(&b, "- %s: %s left (was %s)\n", m.Format, m.Country, m.OldRole)
			default:
				fmt.Fprintf(&b, "- %s: %s changed role, %s → %s\n", m.Format, m.Country, m.OldRole, m.NewRole)
			}
		}
		b.WriteString("\nBy country:\n\n")
		for _, line := range byCountry(r.Memberships) {
			fmt.Fprintf(&b, "- %s\n", line)
		}
		b.WriteString("\n")
	}
	writeChanges(&b, "Countries", r.Countries)
	writeChanges(&b, "Lessons", r.Lessons)
	writeChanges(&b, "Sources", r.Sources)
	writeChanges(&b, "Pages", r.Pages)
	if len(r.Commentary) > 0 {
		b.WriteString("### Commentary\n\n")
		for _, c := range r.Commentary {
			fmt.Fprintf(&b, "- %s `%s`: %s\n", c.Kind, c.ID, c.Excerpt)
		}
		b.WriteString("\n")
	}
	if len(r.BrokenURLs) > 0 {
		b.WriteString("### Broken URLs\n\nThese pages of the old site are gone, and nothing redirects them (add `aliases` to the record):\n\n")
		for _, u := range r.BrokenURLs {
			fmt.Fprintf(&b, "- `%s`\n", u)
		}
		b.WriteString("\n")
	}
	o := r.Output
	if len(o.Added)+len(o.Removed)+len(o.Changed) == 0 {
		b.WriteString("### Output\n\nNo output file changes.\n")
	} else {
		fmt.Fprintf(&b, "### Output\n\n%d added, %d removed, %d changed.\n\n", len(o.Added), len(o.Removed), len(o.Changed))
		for _, group := range []struct {
			verb  string
			paths []string
		}{{"added", o.Added}, {"removed", o.Removed}, {"changed", o.Changed}} {
			for _, p := range group.paths {
				fmt.Fprintf(&b, "- %s `%s`\n", group.verb, p)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeChanges(b *strings.Builder, title string, c Changes) {
	if len(c.Added)+len(c.Removed)+len(c.Renamed)+len(c.Changed) == 0 {
		return
	}
	fmt.Fprintf(b, "### %s\n\n", title)
	for _, it := range c.Added {
		fmt.Fprintf(b, "- added `%s` (%s)\n", it.ID, it.Name)
	}
	for _, it := range c.Removed {
		fmt.Fprintf(b, "- removed `%s` (%s)\n", it.ID, it.Name)
	}
	for _, rn := range c.Renamed {
		alias := "with an alias: the old URL redirects"
		if !rn.Alias {
			alias = "without an alias: the old URL breaks"
		}
		fmt.Fprintf(b, "- renamed `%s` → `%s` (%s), %s\n", rn.From, rn.To, rn.Name, alias)
	}
	for _, fc := range c.Changed {
		fmt.Fprintf(b, "- changed `%s` (%s):\n", fc.ID, fc.Name)
		for _, f := range fc.Fields {
			if f.Removed == nil && f.Added == nil {
				fmt.Fprintf(b, "  - %s: %s → %s\n", f.Field, quote(f.Old), quote(f.New))
				continue
			}
			fmt.Fprintf(b, "  - %s:", f.Field)
			for _, x := range f.Removed {
				fmt.Fprintf(b, " −%s", quote(x))
			}
			for _, x := range f.Added {
				fmt.Fprintf(b, " +%s", quote(x))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
}

func quote(s string) string {
	if s == "" {
		return "(none)"
	}
	return "“" + s + "”"
}

// byCountry regroups membership changes per country, in code order.
func byCountry(ms []MembershipChange) []string {
	per := map[string][]string{}
	var codes []string
	for _, m := range ms {
		if _, ok := per[m.Country]; !ok {
			codes = append(codes, m.Country)
		}
		switch m.Change {
		case "joined":
			per[m.Country] = append(per[m.Country], "joined "+m.Format+" as "+m.NewRole)
		case "left":
			per[m.Country] = append(per[m.Country], "left "+m.Format)
		default:
			per[m.Country] = append(per[m.Country], m.Format+": "+m.OldRole+" → "+m.NewRole)
		}
	}
	slices.Sort(codes)
	var out []string
	for _, c := range codes {
		out = append(out, c+": "+strings.Join(per[c], "; "))
	}
	return out
}
