// Package diff says what changed in meaning between two versions of a site:
// records added, removed and renamed, field changes, memberships joined, left
// or changed, commentary reworded, URLs that break, and the output files whose
// bytes change. It compares linked models, so a change of TOML formatting or
// a rewrap of Markdown is no change in meaning. Load builds a version from a
// site directory or from a git revision, read without touching the work tree.
package diff

import (
	"crypto/sha256"
	"slices"
	"sort"
	"strings"

	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// Report is the difference between an old and a new site.
type Report struct {
	Formats     Changes            `json:"formats"`
	Memberships []MembershipChange `json:"memberships"`
	Countries   Changes            `json:"countries"`
	Lessons     Changes            `json:"lessons"`
	Sources     Changes            `json:"sources"`
	Pages       Changes            `json:"pages"`
	Commentary  []CommentaryChange `json:"commentary"`
	// BrokenURLs are pages of the old site that the new one neither has nor
	// redirects: a removed record, or a renamed one without an alias.
	BrokenURLs []string `json:"broken_urls"`
	Output     Output   `json:"output"`
}

// Changes are the records of one kind that were added, removed, renamed or changed.
type Changes struct {
	Added   []Item         `json:"added"`
	Removed []Item         `json:"removed"`
	Renamed []Rename       `json:"renamed"`
	Changed []FieldChanges `json:"changed"`
}

// Item names a record.
type Item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Rename is a record whose id changed; Alias says whether the old URL still works.
type Rename struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Name  string `json:"name"`
	Alias bool   `json:"alias"`
}

// FieldChanges are the changed fields of one record.
type FieldChanges struct {
	Item
	Fields []FieldChange `json:"fields"`
}

// FieldChange is one field, old and new. For a list (sources, events,
// focus, aliases, evidence), Removed and Added hold the items that differ
// instead.
type FieldChange struct {
	Field   string   `json:"field"`
	Old     string   `json:"old,omitempty"`
	New     string   `json:"new,omitempty"`
	Removed []string `json:"removed,omitempty"`
	Added   []string `json:"added,omitempty"`
}

// listSep joins the items of a list field inside a record.
const listSep = "\n"

// MembershipChange is a country joining, leaving or changing role in a format.
type MembershipChange struct {
	Format  string `json:"format"`
	Country string `json:"country"`
	Change  string `json:"change"` // joined, left or role
	OldRole string `json:"old_role,omitempty"`
	NewRole string `json:"new_role,omitempty"`
}

// CommentaryChange is a commentary whose words changed, with an excerpt.
type CommentaryChange struct {
	Kind    string `json:"kind"` // format, lesson or page
	ID      string `json:"id"`
	Excerpt string `json:"excerpt"`
}

// Output lists the output files whose bytes change.
type Output struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Changed []string `json:"changed"`
}

// Side is one version of a site: its model and its rendered files.
type Side struct {
	Site  *site.Site
	Files []publish.File
	// Commentary is the Markdown of each commentary, by its path: the model
	// does not hold it, and a revision's files are gone once it is built.
	Commentary map[string][]byte
}

// Compare reports what changed from old to new.
func Compare(old, new Side) *Report {
	r := &Report{}
	r.Formats, r.Memberships = compareFormats(old.Site, new.Site)
	r.Countries = compareRecords(countryRecords(old.Site), countryRecords(new.Site))
	r.Lessons = compareLessons(old.Site, new.Site)
	r.Sources = compareRecords(sourceRecords(old.Site), sourceRecords(new.Site))
	r.Pages = compareRecords(pageRecords(old.Site), pageRecords(new.Site))
	r.Commentary = compareCommentary(old, new, r)
	r.BrokenURLs = brokenURLs(old, new)
	r.Output = compareOutput(old.Files, new.Files)
	return r
}

// NoChangeInMeaning reports whether only the output bytes, if anything, differ.
func (r *Report) NoChangeInMeaning() bool {
	empty := func(c Changes) bool {
		return len(c.Added)+len(c.Removed)+len(c.Renamed)+len(c.Changed) == 0
	}
	return empty(r.Formats) && empty(r.Countries) && empty(r.Lessons) && empty(r.Sources) && empty(r.Pages) &&
		len(r.Memberships)+len(r.Commentary)+len(r.BrokenURLs) == 0
}

// record is a record reduced to comparable fields, in a fixed order.
type record struct {
	Item
	fields [][2]string // name, value
}

// without returns r less the named field.
func (r record) without(field string) record {
	out := record{Item: r.Item}
	for _, f := range r.fields {
		if f[0] != field {
			out.fields = append(out.fields, f)
		}
	}
	return out
}

func compareRecords(old, new []record) Changes {
	var c Changes
	oldBy := index(old)
	newBy := index(new)
	for _, n := range new {
		o, ok := oldBy[n.ID]
		if !ok {
			c.Added = append(c.Added, n.Item)
			continue
		}
		if fc := fieldChanges(o, n); len(fc) > 0 {
			c.Changed = append(c.Changed, FieldChanges{Item: n.Item, Fields: fc})
		}
	}
	for _, o := range old {
		if _, ok := newBy[o.ID]; !ok {
			c.Removed = append(c.Removed, o.Item)
		}
	}
	return c
}

func index(rs []record) map[string]record {
	m := make(map[string]record, len(rs))
	for _, r := range rs {
		m[r.ID] = r
	}
	return m
}

func fieldChanges(o, n record) []FieldChange {
	var out []FieldChange
	for i, f := range n.fields {
		if i >= len(o.fields) || o.fields[i][1] == f[1] {
			continue
		}
		if strings.Contains(o.fields[i][1]+f[1], listSep) || isList[f[0]] {
			removed, added := listDiff(split(o.fields[i][1]), split(f[1]))
			out = append(out, FieldChange{Field: f[0], Removed: removed, Added: added})
			continue
		}
		out = append(out, FieldChange{Field: f[0], Old: o.fields[i][1], New: f[1]})
	}
	return out
}

var isList = map[string]bool{"sources": true, "events": true, "focus": true, "aliases": true, "evidence": true}

func split(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(v, listSep)
}

// listDiff returns the items only in old and only in new, in their order. An
// item moved within the list is no change.
func listDiff(old, new []string) (removed, added []string) {
	in := func(xs []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	om, nm := in(old), in(new)
	for _, x := range old {
		if !nm[x] {
			removed = append(removed, x)
		}
	}
	for _, x := range new {
		if !om[x] {
			added = append(added, x)
		}
	}
	return removed, added
}

func countryRecords(s *site.Site) []record {
	var out []record
	for _, c := range s.Countries {
		out = append(out, record{Item{c.Code, c.Name}, [][2]string{{"name", c.Name}, {"region", c.Region}}})
	}
	return out
}

func sourceRecords(s *site.Site) []record {
	var out []record
	for _, src := range s.Sources {
		out = append(out, record{Item{src.ID, src.Title}, [][2]string{{"title", src.Title}, {"author", src.Author},
			{"publisher", src.Publisher}, {"date", src.Date.String()}, {"url", src.URL}, {"note", src.Note}}})
	}
	return out
}

func pageRecords(s *site.Site) []record {
	var out []record
	for _, p := range s.Pages {
		out = append(out, record{Item{p.Slug, p.Title}, [][2]string{{"title", p.Title}}})
	}
	return out
}

func citations(cs []site.Citation) string { return strings.Join(site.Refs(cs), listSep) }

// compareOutput lists the output files whose bytes differ, by hash.
func compareOutput(old, new []publish.File) Output {
	hash := func(files []publish.File) map[string][32]byte {
		m := make(map[string][32]byte, len(files))
		for _, f := range files {
			m[f.Path] = sha256.Sum256(f.Data)
		}
		return m
	}
	oh, nh := hash(old), hash(new)
	var out Output
	for p, h := range nh {
		o, ok := oh[p]
		switch {
		case !ok:
			out.Added = append(out.Added, p)
		case o != h:
			out.Changed = append(out.Changed, p)
		}
	}
	for p := range oh {
		if _, ok := nh[p]; !ok {
			out.Removed = append(out.Removed, p)
		}
	}
	sort.Strings(out.Added)
	sort.Strings(out.Removed)
	sort.Strings(out.Changed)
	return out
}

// brokenURLs lists the old site's pages that the new site lacks: not a page,
// and no redirect either.
func brokenURLs(old, new Side) []string {
	have := map[string]bool{}
	for _, f := range new.Files {
		have[f.Path] = true
	}
	var out []string
	for _, f := range old.Files {
		if strings.HasSuffix(f.Path, ".html") && !have[f.Path] {
			out = append(out, f.Path)
		}
	}
	slices.Sort(out)
	return out
}
