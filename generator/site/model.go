// Package site links the raw records of package load into one immutable model:
// references become pointers, inverse relations are filled in (children,
// memberships per country), and derived facts are computed once (NATO and EU
// status, the formats that share most members). Nothing here knows about HTML.
package site

import (
	"cmp"
	"formatlas/generator/load"
	"maps"
	"slices"
	"strconv"
)

// Site is the linked model of a whole site. Slices are sorted: formats by id,
// countries by code, sources by id.
type Site struct {
	Title, Description, BaseURL string
	Editors                     []string   // the atlas's editors, for its citation; none: the title stands for them
	AsOf                        load.Date  // the date the content describes
	Shown                       load.Date  // the date the members are shown for: AsOf unless linking was given another
	Snapshots                   []Snapshot // other dates to show beside AsOf, in date order
	Licence, LicenceURL         string     // of the data and commentary: an SPDX id, and its text
	LicenceStatement, Intro     string     // the data page's paragraph on the licence, and the home page's on the atlas
	MetaPolicy                  string     // the Content-Security-Policy every page carries as a meta tag, if any
	Record                      *load.Site // the vocabulary of lesson kinds, among others
	// Categories are the kinds of format, in display order, and Groups the
	// categories pictured together: the site's vocabulary, or the defaults.
	Categories []load.Category
	Groups     []load.Group
	// Roles are the roles countries hold in formats, in display order, each
	// with its symbol and letter: the site's vocabulary, or the defaults.
	Roles    []load.Role
	roleRank map[string]int // the place of each role among Roles

	Formats   []*Format
	Countries []*Country
	Sources   []*Source
	Lessons   []*Lesson // sorted by kind (load.LessonKinds order), then title
	Pages     []*Page   // sorted by slug

	// Statuses are the formats whose membership is a column of each
	// country (NATO, the EU), as site.toml declares them; Country.Statuses
	// follows them.
	Statuses []Status

	// MapViews are the views maps are drawn in, in order (site.toml's, or
	// load.DefaultMapViews), and Maps the site's own maps.
	MapViews []load.MapView
	Maps     []Map

	formats   map[string]*Format
	countries map[string]*Country
	sources   map[string]*Source
	lessons   map[string]*Lesson
	pages     map[string]*Page
}

// Map is a map of the site's own: its classes sort the countries.
type Map struct {
	ID, Title, Description string
	Classes                []MapClass
}

// MapClass is one class of a Map: the countries that hold one of Roles
// (any role, when none) in one of Formats, and are in no class before it.
type MapClass struct {
	Label   string
	Formats []*Format
	Roles   []string
}

// Class is the index of the class of a country that holds roles (by
// format), or -1 for none.
func (m *Map) Class(roles map[*Format]string) int {
	for i, c := range m.Classes {
		for _, f := range c.Formats {
			if r, ok := roles[f]; ok && (len(c.Roles) == 0 || slices.Contains(c.Roles, r)) {
				return i
			}
		}
	}
	return -1
}

// Status is a format whose membership is a column of each country.
type Status struct {
	Format *Format
	Label  string // the column's heading: "NATO"
}

// Category is the category id of the site's vocabulary; an unknown id, which
// load reports, is its own label.
func (s *Site) Category(id string) load.Category {
	for _, c := range s.Categories {
		if c.ID == id {
			return c
		}
	}
	return load.Category{ID: id, Label: id}
}

// Role is the role id of the site's vocabulary; an unknown id, which load
// reports, is its own label.
func (s *Site) Role(id string) load.Role {
	for _, r := range s.Roles { // a few: quicker than a map
		if r.ID == id {
			return r
		}
	}
	return load.Role{ID: id, Label: id}
}

// RoleIDs are the ids of the site's roles, in order.
func (s *Site) RoleIDs() []string {
	ids := make([]string, len(s.Roles))
	for i, r := range s.Roles {
		ids[i] = r.ID
	}
	return ids
}

// IsMembership reports whether the role counts as a membership, which
// counts of members count; the other roles are counted apart.
func (s *Site) IsMembership(role string) bool { return s.Role(role).Counts() }

// Lesson returns the lesson with id, or nil.
func (s *Site) Lesson(id string) *Lesson { return s.lessons[id] }

// Page returns the free page with slug, or nil.
func (s *Site) Page(slug string) *Page { return s.pages[slug] }

// Format returns the format with id, or nil.
func (s *Site) Format(id string) *Format { return s.formats[id] }

// Country returns the country with code, or nil.
func (s *Site) Country(code string) *Country { return s.countries[code] }

// Source returns the source with id, or nil.
func (s *Site) Source(id string) *Source { return s.sources[id] }

// Format is one security cooperation format.
type Format struct {
	ID, Name, Abbr   string
	Short            string // the atlas's own label for tight places; see Label
	Category, Status string
	categoryRank     int // the place of Category among Site.Categories, for CompareFormats
	Founded          load.Date
	Summary          string
	Focus            []string
	Sources          []Citation
	MemberList       string // complete, incomplete or derived
	MemberListNote   string

	Parent   *Format
	Children []*Format // sorted by name

	// Members are those of Site.Shown, sorted by role (in load.Roles order),
	// then country name.
	Members []*Membership
	// Spans are every role the content knows of, dated where events allow,
	// each with its sources: a run of episodes per country, a later role
	// never erasing an earlier one.
	Spans    []Span
	Events   []*Event // in date order
	episodes []Span   // its [[member]] episodes, as linked

	// Shared lists the formats with the most members in common, best first.
	Shared []Overlap
	// Lessons are the lessons this format illustrates, in Site.Lessons order.
	Lessons []*Lesson

	// StatusHistory are its dated status changes, FormerNames the names it
	// had before each renaming, both in date order. Successor is the format
	// that replaced it, Predecessors those it replaced, by id.
	// ShownStatus is its status on Site.Shown, as far as its history tells;
	// Status is the record's, on as_of.
	ShownStatus   string
	StatusHistory []StatusChange
	FormerNames   []FormerName
	Successor     *Format
	Predecessors  []*Format

	Aliases        []string     // former ids, sorted; their pages redirect here
	CommentaryPath string       // its Markdown, read where it is rendered; "" if none
	Record         *load.Format // where each field came from, for error positions
}

// Label is the name for tight places: the short label if there is one,
// else the abbreviation, else the name.
func (f *Format) Label() string {
	return cmp.Or(f.Short, f.Abbr, f.Name)
}

// Role returns the role of country c in f, or "".
func (f *Format) Role(c *Country) string {
	for _, m := range f.Members {
		if m.Country == c {
			return m.Role
		}
	}
	return ""
}

// Country is one country, with every format it takes part in.
type Country struct {
	Code, Name, Region string
	Aliases            []string // other names it is known by
	// Memberships are sorted by format category (Site.Categories order), then name.
	Memberships []*Membership
	// Statuses are its memberships of the formats of Site.Statuses, in that
	// order, each nil if it has none.
	Statuses []*Membership
	// Spans are every role it held in any format, dated ones first by date:
	// pointers into the formats' Spans.
	Spans  []*Span
	Record *load.Country
}

// Membership is a country's role in a format.
type Membership struct {
	Country *Country
	Format  *Format
	Role    string
	// Since and Until date the role where events allow; zero when unknown.
	Since, Until load.Date
	// Uncertain is set when the content cannot tell whether the role was
	// held on Site.Shown: its start is not dated, or not to that precision.
	Uncertain bool
	Sources   []Citation // those of its span
	Own       bool       // the span's sources are its own, not its format's
}

// Source is one work the site cites.
type Source struct {
	ID, Title, Author, Publisher, URL, Note string
	ArchiveURL                              string
	Date, Accessed                          load.Date // Accessed: when URL was last checked
	Record                                  *load.Source
}

// LocatorLabel is the label a reader finds in the work at the locator id
// ("note 19" for note-19, a section's title for its id); false when the
// source declares no such locator.
func (s *Source) LocatorLabel(id string) (string, bool) {
	if n := load.NoteLocator(id); n > 0 && n <= s.Record.Notes {
		return "note " + strconv.Itoa(n), true
	}
	label, ok := s.Record.Locators[id]
	return label, ok
}

// Locators are the ids of the locators the source declares, its sections'
// sorted, then its footnotes in order.
func (s *Source) Locators() []string {
	ids := slices.Sorted(maps.Keys(s.Record.Locators))
	for n := 1; n <= s.Record.Notes; n++ {
		ids = append(ids, "note-"+strconv.Itoa(n))
	}
	return ids
}

// Citation is a reference to a source, with an optional locator such as a
// footnote ("note-19") or a section.
type Citation struct {
	Source  *Source
	Locator string // the id, as the content and the exports write it
	Label   string // the locator as a reader finds it in the work: "note 19"
}

// Ref is the reference as the content writes it, "<source id>" or
// "<source id>#<locator>"; "" for no citation.
func (c Citation) Ref() string {
	switch {
	case c.Source == nil:
		return ""
	case c.Locator == "":
		return c.Source.ID
	}
	return c.Source.ID + "#" + c.Locator
}

// Refs are the references of cs, in order, leaving out empty citations;
// never nil.
func Refs(cs []Citation) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if r := c.Ref(); r != "" {
			out = append(out, r)
		}
	}
	return out
}

// Event is a dated change of a format.
type Event struct {
	Date       load.Date
	Change     string
	Country    *Country // nil when the event concerns the whole format
	Role       string
	Source     Citation
	Note       string
	Status     string // the format's status from this date, when it changes it
	FormerName string // the name before a "renamed" event
}

// Overlap is another format and how many members it shares.
type Overlap struct {
	Format  *Format
	Shared  int
	Jaccard float64 // shared / size of the union of both member sets
}

// Lesson is a lesson the atlas draws, with the formats that show it.
type Lesson struct {
	ID, Title, Kind, Summary string
	Sources                  []Citation
	Evidence                 []*Evidence
	Aliases                  []string // former ids, sorted

	CommentaryPath string // as for a Format
	Record         *load.Lesson
}

// Evidence is a format that shows a lesson.
type Evidence struct {
	Lesson *Lesson
	Format *Format
	Note   string
	Source Citation
}

// Page is a free page such as "About".
type Page struct {
	Slug, Title string
	Body        []byte
	Path        string
}

// CommentaryPaths are the paths of the commentaries of the formats and
// lessons, in that order.
func (s *Site) CommentaryPaths() []string {
	var paths []string
	for _, f := range s.Formats {
		paths = append(paths, f.CommentaryPath)
	}
	for _, l := range s.Lessons {
		paths = append(paths, l.CommentaryPath)
	}
	return slices.DeleteFunc(paths, func(p string) bool { return p == "" })
}
