package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"formatlas/generator/diag"
	"formatlas/generator/load"
)

// Options change what linking makes of the content: they are inputs to it,
// never writes to the model after, which is read-only once linked.
type Options struct {
	// AsOf shows the members of this date instead of as_of; zero means as_of.
	AsOf load.Date
	// BaseURL replaces base_url, as for a deploy preview; the caller checks it.
	BaseURL string
	// MetaPolicy, if set, is the Content-Security-Policy every page carries
	// as a meta tag, for a host that sets no headers.
	MetaPolicy string
}

// Link resolves the references between records and derives the relations the
// pages need. It reports every unresolved reference at its position.
func Link(c *load.Content) (*Site, error) { return LinkWith(c, Options{}) }

// LinkWith links as Link does, with opts.
func LinkWith(c *load.Content, opts Options) (*Site, error) {
	l := &linker{s: &Site{
		Title:            c.Site.Title,
		Description:      c.Site.Description,
		Editors:          c.Site.Editors,
		BaseURL:          cmp.Or(opts.BaseURL, c.Site.BaseURL),
		AsOf:             c.Site.AsOf,
		Licence:          c.Site.Licence,
		LicenceURL:       c.Site.LicenceURL,
		LicenceStatement: c.Site.LicenceStatement, Intro: c.Site.Intro, Record: &c.Site, MetaPolicy: opts.MetaPolicy,
		formats:   map[string]*Format{},
		countries: map[string]*Country{},
		sources:   map[string]*Source{},
		lessons:   map[string]*Lesson{},
		pages:     map[string]*Page{},
	}}
	for _, sn := range c.Site.Snapshots {
		// load reports a snapshot without a date, and a second of one date
		if !sn.Date.IsZero() && !slices.ContainsFunc(l.s.Snapshots, func(o Snapshot) bool { return o.Date == sn.Date }) {
			l.s.Snapshots = append(l.s.Snapshots, Snapshot{Date: sn.Date, Label: sn.Label})
		}
	}
	slices.SortFunc(l.s.Snapshots, func(a, b Snapshot) int { return a.Date.Compare(b.Date) })
	l.s.Categories, l.s.Groups = c.Site.Vocabulary()
	l.s.roleRank = map[string]int{}
	for _, r := range c.Site.RoleVocabulary() {
		if _, dup := l.s.roleRank[r.ID]; !dup { // a second is reported by load
			l.s.roleRank[r.ID] = len(l.s.Roles)
			l.s.Roles = append(l.s.Roles, r)
		}
	}
	l.sources(c.Sources)
	l.countries(c.Countries)
	l.formats(c.Formats)
	l.lessons(c.Lessons)
	l.pages(c.Pages)
	l.checkAliases()
	for _, st := range c.Site.CountryStatuses {
		if f := l.s.formats[st.Format]; f != nil {
			l.s.Statuses = append(l.s.Statuses, Status{Format: f, Label: st.Label})
		} else if st.Format != "" {
			l.errs.Add(st.Where.Value("format", st.Format), "country_status: unknown format %q%s", st.Format, diag.DidYouMean(st.Format, l.formatIDs()))
		}
	}
	l.s.MapViews = c.Site.MapViewVocabulary()
	l.maps(c.Site.Maps)
	l.derive(opts.AsOf)
	return l.s, l.errs.Err()
}

// maps links the site's own maps, each class's formats resolved.
func (l *linker) maps(raw []load.Map) {
	for _, m := range raw {
		out := Map{ID: m.ID, Title: m.Title, Description: m.Description}
		for _, c := range m.Classes {
			class := MapClass{Label: c.Label, Roles: c.Roles}
			for n, id := range c.Formats {
				if f := l.s.formats[id]; f != nil {
					class.Formats = append(class.Formats, f)
				} else {
					l.errs.Add(c.Where.ValueN("formats", id, load.CountBefore(c.Formats[:n], id)), "map %q: unknown format %q%s", m.ID, id, diag.DidYouMean(id, l.formatIDs()))
				}
			}
			out.Classes = append(out.Classes, class)
		}
		l.s.Maps = append(l.s.Maps, out)
	}
}

type linker struct {
	s    *Site
	errs diag.List
}

func (l *linker) sources(raw []load.Source) {
	for i := range raw {
		r := &raw[i]
		if prev, dup := l.s.sources[r.ID]; dup {
			l.errs.Add(r.Where.Value("id", r.ID), "duplicate source id %q (first at %s)", r.ID, prev.Record.Where.Pos())
			continue
		}
		src := &Source{ID: r.ID, Title: r.Title, Author: r.Author, Publisher: r.Publisher,
			Note: r.Note, Date: r.Date, Accessed: r.Accessed, Record: r}
		if load.WebURL(r.URL) { // another URL is reported by load, and never linked
			src.URL = r.URL
		}
		if load.WebURL(r.ArchiveURL) {
			src.ArchiveURL = r.ArchiveURL
		}
		l.s.sources[r.ID] = src
		l.s.Sources = append(l.s.Sources, src)
	}
	slices.SortFunc(l.s.Sources, func(a, b *Source) int { return strings.Compare(a.ID, b.ID) })
}

func (l *linker) countries(raw []load.Country) {
	for i := range raw {
		r := &raw[i]
		if prev, dup := l.s.countries[r.Code]; dup {
			l.errs.Add(r.Where.Value("code", r.Code), "duplicate country code %q (first at %s)", r.Code, prev.Record.Where.Pos())
			continue
		}
		c := &Country{Code: r.Code, Name: r.Name, Region: r.Region, Aliases: r.Aliases, Record: r}
		l.s.countries[r.Code] = c
		l.s.Countries = append(l.s.Countries, c)
	}
	slices.SortFunc(l.s.Countries, func(a, b *Country) int { return strings.Compare(a.Code, b.Code) })
}

func (l *linker) formats(raw []load.Format) {
	for i := range raw {
		r := &raw[i]
		f := &Format{ID: r.ID, Name: r.Name, Abbr: r.Abbr, Short: r.Short, Category: r.Category, Status: r.Status,
			Founded: r.Founded, Summary: r.Summary, Focus: r.Focus,
			MemberList: cmp.Or(r.MemberList, "complete"), MemberListNote: r.MemberListNote,
			CommentaryPath: r.CommentaryPath, Record: r}
		f.categoryRank = slices.IndexFunc(l.s.Categories, func(c load.Category) bool { return c.ID == r.Category })
		if f.categoryRank < 0 {
			f.categoryRank = len(l.s.Categories) // reported by load; last
		}
		l.s.formats[r.ID] = f
		l.s.Formats = append(l.s.Formats, f)
	}
	slices.SortFunc(l.s.Formats, func(a, b *Format) int { return strings.Compare(a.ID, b.ID) })
	for _, f := range l.s.Formats {
		l.format(f)
	}
	l.checkParentCycles()
	l.checkSuccessorCycles()
}

// format resolves one format's references.
func (l *linker) format(f *Format) {
	w := f.Record.Where
	for _, ref := range f.Record.Sources {
		if c, ok := l.cite(ref, w, "sources"); ok {
			f.Sources = append(f.Sources, c)
		}
	}
	if id := f.Record.Parent; id != "" {
		if f.Parent = l.s.formats[id]; f.Parent == nil {
			l.errs.Add(w.Value("parent", id), "unknown parent format %q%s", id, diag.DidYouMean(id, l.formatIDs()))
		}
	}
	seen := map[*Country]string{}
	for _, list := range f.Record.Members.InOrder(l.s.RoleIDs()) {
		role, codes := list.Role, list.Codes
		key := "members." + role
		count := map[string]int{}
		for _, code := range codes {
			nth := count[code]
			count[code]++
			c := l.country(code, w, key)
			if c == nil {
				continue
			}
			if prev, dup := seen[c]; dup {
				l.errs.Add(w.ValueN(key, code, nth), "country %s is listed twice in format %q (already as %s)", code, f.ID, prev)
				continue
			}
			seen[c] = role
			f.Members = append(f.Members, &Membership{Country: c, Format: f, Role: role})
		}
	}
	for i := range f.Record.Episodes {
		l.episode(f, &f.Record.Episodes[i], seen)
	}
	for i := range f.Record.Events {
		l.event(f, &f.Record.Events[i])
	}
	slices.SortStableFunc(f.Events, func(a, b *Event) int { return a.Date.Compare(b.Date) })
	l.history(f)
}

// episode links one [[member]] of f. listed holds the countries of its
// [members]: a country's roles are given one way or the other.
func (l *linker) episode(f *Format, r *load.Episode, listed map[*Country]string) {
	if r.Country == "" {
		return // reported by load
	}
	c := l.country(r.Country, r.Where, "country")
	if c == nil {
		return
	}
	if role, ok := listed[c]; ok {
		l.errs.Add(r.Where.Value("country", r.Country), "country %s is in [members] (as %s) and in a [[member]] of format %q: give its roles one way", r.Country, role, f.ID)
		return
	}
	ep := Span{Country: c, Format: f, Role: r.Role, Since: r.Since, Until: r.Until, Note: r.Note, Own: len(r.Sources) > 0}
	for _, ref := range r.Sources {
		if ct, ok := l.cite(ref, r.Where, "sources"); ok {
			ep.Sources = append(ep.Sources, ct)
		}
	}
	f.episodes = append(f.episodes, ep)
}

func (l *linker) event(f *Format, r *load.Event) {
	e := &Event{Date: r.Date, Change: r.Change, Role: r.Role, Note: r.Note, Status: r.Status, FormerName: r.FormerName}
	if r.Country != "" {
		e.Country = l.country(r.Country, r.Where, "country")
	}
	if r.Source != "" {
		e.Source, _ = l.cite(r.Source, r.Where, "source")
	}
	f.Events = append(f.Events, e)
}

func (l *linker) country(code string, w load.Where, key string) *Country {
	c := l.s.countries[code]
	if c == nil {
		l.errs.Add(w.Value(key, code), "unknown country code %q%s", code, diag.DidYouMean(code, l.countryCodes()))
	}
	return c
}

// cite resolves a source reference "<id>" or "<id>#<locator>".
func (l *linker) cite(ref string, w load.Where, key string) (Citation, bool) {
	id, locator, _ := strings.Cut(ref, "#")
	src := l.s.sources[id]
	if src == nil {
		l.errs.Add(w.Value(key, ref), "unknown source %q%s", id, diag.DidYouMean(id, l.sourceIDs()))
		return Citation{}, false
	}
	c := Citation{Source: src, Locator: locator}
	if locator != "" {
		label, ok := src.LocatorLabel(locator)
		if n := load.NoteLocator(locator); !ok && n > 0 {
			msg := fmt.Sprintf("source %q declares notes = %d: it has no note %d", id, src.Record.Notes, n)
			if src.Record.Notes == 0 {
				msg = fmt.Sprintf("source %q declares no footnotes: add notes = <how many> for note %d", id, n)
			}
			l.errs.Add(w.Value(key, ref), "%s", msg)
			return Citation{}, false
		}
		if !ok {
			l.errs.Add(w.Value(key, ref), "source %q declares no locator %q%s: add it to its locators (or notes, for a footnote)",
				id, locator, diag.DidYouMean(locator, src.Locators()))
			return Citation{}, false
		}
		c.Label = label
	}
	return c, true
}

func (l *linker) lessons(raw []load.Lesson) {
	for i := range raw {
		r := &raw[i]
		ls := &Lesson{ID: r.ID, Title: r.Title, Kind: r.Kind, Summary: r.Summary,
			CommentaryPath: r.CommentaryPath, Record: r}
		for _, ref := range r.Sources {
			if c, ok := l.cite(ref, r.Where, "sources"); ok {
				ls.Sources = append(ls.Sources, c)
			}
		}
		for j := range r.Evidence {
			e := &r.Evidence[j]
			f := l.s.formats[e.Format]
			if f == nil {
				if e.Format != "" {
					l.errs.Add(e.Where.Value("format", e.Format), "unknown format %q%s", e.Format, diag.DidYouMean(e.Format, l.formatIDs()))
				}
				continue
			}
			ev := &Evidence{Lesson: ls, Format: f, Note: e.Note}
			if e.Source != "" {
				ev.Source, _ = l.cite(e.Source, e.Where, "source")
			}
			ls.Evidence = append(ls.Evidence, ev)
		}
		l.s.lessons[r.ID] = ls
		l.s.Lessons = append(l.s.Lessons, ls)
	}
	slices.SortFunc(l.s.Lessons, func(a, b *Lesson) int {
		return cmp.Or(slices.Index(load.LessonKinds, a.Kind)-slices.Index(load.LessonKinds, b.Kind),
			strings.Compare(a.Title, b.Title), strings.Compare(a.ID, b.ID))
	})
	for _, ls := range l.s.Lessons {
		for _, e := range ls.Evidence {
			if !slices.Contains(e.Format.Lessons, ls) {
				e.Format.Lessons = append(e.Format.Lessons, ls)
			}
		}
	}
}

func (l *linker) pages(raw []load.Page) {
	for i := range raw {
		r := &raw[i]
		p := &Page{Slug: r.Slug, Title: r.Title, Body: r.Body, Path: r.Path}
		l.s.pages[r.Slug] = p
		l.s.Pages = append(l.s.Pages, p)
	}
}

// checkAliases keeps the aliases that can be served: a lowercase slug that is
// no record's id and no other record's alias. The rest are reported, and
// never become redirect pages.
func (l *linker) checkAliases() {
	taken := map[string]string{}
	for _, f := range l.s.Formats {
		taken[f.ID] = f.ID
	}
	for _, f := range l.s.Formats {
		f.Aliases = l.aliases("format", f.ID, f.Record.Aliases, f.Record.Where, taken)
	}
	taken = map[string]string{}
	for _, ls := range l.s.Lessons {
		taken[ls.ID] = ls.ID
	}
	for _, ls := range l.s.Lessons {
		ls.Aliases = l.aliases("lesson", ls.ID, ls.Record.Aliases, ls.Record.Where, taken)
	}
}

func (l *linker) aliases(kind, id string, aliases []string, w load.Where, taken map[string]string) []string {
	var kept []string
	for _, a := range aliases {
		if !load.SlugRE.MatchString(a) {
			continue // reported by load
		}
		if owner, dup := taken[a]; dup {
			l.errs.Add(w.Value("aliases", a), "alias %q of %s %q is already the id or an alias of %s %q", a, kind, id, kind, owner)
			continue
		}
		taken[a] = id
		kept = append(kept, a)
	}
	slices.Sort(kept)
	return kept
}

func (l *linker) checkParentCycles() {
	l.checkCycles(func(f *Format) *Format { return f.Parent }, func(f *Format) {
		l.errs.Add(f.Record.Where.Value("parent", f.Record.Parent), "format %q is its own ancestor: parent formats form a cycle", f.ID)
	})
}

func (l *linker) formatIDs() []string    { return keys(l.s.formats) }
func (l *linker) countryCodes() []string { return keys(l.s.countries) }
func (l *linker) sourceIDs() []string    { return keys(l.s.sources) }

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
