// Package view holds what the templates are given: a typed view for each
// kind of page, the output paths and anchors that the views carry (templates
// spell none), the labels of the vocabulary, and the Maker that builds the
// parts every view shares, for the site or for the print edition.
package view

import (
	"html/template"
)

// Page is what every page's view carries: the shared frame of the site.
type Page struct {
	SiteTitle   string
	Description string // the site's, or the page's own record's summary: see Describe
	URL         string // its address under base_url, for the canonical link and Open Graph; "" without one
	Title       string // of this page; equal to SiteTitle on the home page
	Path        string // output path, relative to the site root
	Root        string // relative prefix to the site root ("", "../", or "/" on 404.html)
	AsOf        string // the date the members are shown for, for humans
	ContentAsOf string // the date the content describes, when AsOf is another
	Shell       *Shell // the navigation bar and the footer
	Links       *Links // the site's own pages, from this one
	// StatusLabels head the columns of countries' statuses ("NATO", "EU"):
	// the site's country_status, in order.
	StatusLabels []string
	MetaPolicy   string // the Content-Security-Policy as a meta tag, for a host that sets no headers
	Code         bool   // the page has highlighted code, and links the highlighting stylesheet
	// TOC is the page's table of contents: its sections, when it has more
	// than four (see Contents); nil otherwise.
	TOC []TOCEntry
}

// TOCEntry is a section of a page in its table of contents, with the
// subsections of a commentary.
type TOCEntry struct {
	Href, Text string // Href is the section's anchor, "#members"
	Sub        []TOCEntry
}

// Contents is the table of contents of a page of these sections: nil for
// four or fewer, which a reader takes in without one.
func Contents(sections []TOCEntry) []TOCEntry {
	if len(sections) <= 4 {
		return nil
	}
	return sections
}

// Section is the entry of a page's section id, headed text, if present.
func Section(sections []TOCEntry, present bool, id, text string, sub ...TOCEntry) []TOCEntry {
	if !present {
		return sections
	}
	return append(sections, TOCEntry{Href: "#" + id, Text: text, Sub: sub})
}

// Links are the site's own pages and files, relative to a page (with its
// Root before each path), so that templates name them by field and spell
// no path. Every page of one depth shares one.
type Links struct {
	Root, Home, Formats, Countries, Matrix, MatrixAZ, MatrixCount, MatrixRegion string
	Pictures, Overlaps, UpSet, Timeline, Maps, Lessons, Sources, Print, Data    string
	Offline, Manifest, Favicon, Changes                                         string
}

// Shell is what the navigation bar and the footer show. Every page of one
// directory that the navigation does not name shares one Shell, so that
// base.html renders them once per directory with memo.
type Shell struct {
	SiteTitle, Root   string
	Links             *Links
	Nav               []NavItem
	FreePages         []NavItem // links to the free pages, for the footer
	AsOf, ContentAsOf string
}

// NavItem is one entry of the navigation bar.
type NavItem struct {
	Label, Href string
	Current     bool // the page itself
	Section     bool // the page is one of this item's section: a format's page of Formats
}

// FormatRef is a link to a format.
type FormatRef struct {
	ID, Name, Abbr, Href string
	Label                string // for tight places: the short label, else Abbr, else Name
	Category, Status     string
	MemberList           string // complete, incomplete or derived; "" for a part of the matrix
}

// CountryRef is a link to a country.
type CountryRef struct {
	Code, Name, Href string
}

// Cite is a citation linking to the bibliography.
type Cite struct {
	Title, Short, Locator, Href string
}

// SourceCites is one source cited by a record, with every locator cited.
type SourceCites struct {
	Title, Href string
	Locators    []string
}

// RoleInfo describes a role for legends and member lists.
type RoleInfo struct {
	Role, Label, Symbol, Short string
	One                        string // one holder, with its article: "a member", "an invited country"
}

// MemberGroup is the countries holding one role in a format.
type MemberGroup struct {
	RoleInfo
	Countries []MemberRef
}

// MemberRef is a member country with what is known of when.
type MemberRef struct {
	CountryRef
	When      string      // "since 2020-03-27", "until 2020-01-31", or ""
	Uncertain string      // why the role on the shown date is not certain, or ""
	Sources   *SourceList // its own sources, nil when it rests on the format's
}

// EventView is a dated change of a format.
type EventView struct {
	Date, DateISO, Change, Role, Note string
	Country                           *CountryRef
	Source                            Cite
}

// SharedView is a format sharing members with the one on the page.
type SharedView struct {
	Format  FormatRef
	Shared  int
	Jaccard string
}

// HomeView is the home page.
type HomeView struct {
	Page
	Formats, Countries, Sources, Memberships int
	OtherRoles                               int    // roles that are no memberships: partners, observers, …
	OtherRoleNames                           string // their holders: "partners, observers and aspirants"
	Intro                                    string // what the atlas covers
	Inferred                                 int    // memberships from member lists that are incomplete or derived
	Categories                               []CategoryGroup
	// Offline is set on the offline copy's own home page, which offers no
	// archive; OfflineSize is the archive's size on the site's ("1.4 MB").
	Offline     bool
	OfflineSize string
	SiteURL     string // base_url, where the offline copy says the current atlas is
}

// CategoryGroup is the formats of one category.
type CategoryGroup struct {
	ID, Label, Blurb string
	Anchor, Href     string // its section's id on the formats page, and a link to it there
	Formats          []FormatRow
}

// FormatRow is a format in a list.
type FormatRow struct {
	FormatRef
	Summary, Founded string
	Members          int
}

// FormatsView is the formats index.
type FormatsView struct {
	Page
	Categories []CategoryGroup
}

// FormatView is one format's page.
type FormatView struct {
	Page
	Format                     FormatRef
	CategoryLabel, Summary     string
	Founded                    string
	Focus                      []string
	Parent                     *FormatRef
	Children                   []FormatRef
	Groups                     []MemberGroup
	MemberCount                int         // its memberships (load.MembershipRoles)
	Others                     []RoleCount // its other roles, counted apart
	MemberList, MemberListNote string
	Events                     []EventView
	Commentary                 template.HTML
	Text                       string // the commentary as plain text, for the search index
	Sources                    []SourceCites
	Shared                     []SharedView
	Lessons                    []LessonEvidence
	Timeline                   template.HTML  // the picture of its dated events
	Map                        *MapFigure     // its members on a map
	Pictures                   []NavItem      // the pictures that show it
	CategoryHref               string         // its category's section of the formats page
	Anchors                    PrintAnchors   // its article's ids, in the print edition
	Snapshots                  []SnapshotLine // how its members stood at each snapshot, where that differs
	Successor                  *FormatRef     // the format that replaced it
	Predecessors               []FormatRef    // the formats it replaced
}

// PrintAnchors are the ids of a format's article in the print edition.
type PrintAnchors struct {
	Article, Members, History, Commentary string
}

// LessonEvidence is a lesson a format illustrates, and how.
type LessonEvidence struct {
	Lesson LessonRef
	Note   string
	Source Cite
}

// LessonRef is a link to a lesson.
type LessonRef struct {
	ID, Title, Kind, KindLabel, Href string
	KindOne                          string // the kind's label for one lesson ("Risk")
}

// LessonsView is the lessons-learned summary.
type LessonsView struct {
	Page
	Kinds []LessonKindGroup
}

// LessonKindGroup is the lessons of one kind.
type LessonKindGroup struct {
	Kind, Label, Blurb string
	Anchor             string // its section's id on the lessons page
	Lessons            []LessonRow
}

// LessonRow is a lesson in the summary, with its formats.
type LessonRow struct {
	LessonRef
	Summary string
	Formats []FormatRef
}

// LessonView is one lesson's page.
type LessonView struct {
	Page
	Lesson     LessonRef
	KindHref   string // its kind's section of the lessons page
	Anchor     string // its article's id in the print edition
	Summary    string
	Evidence   []EvidenceView
	Commentary template.HTML
	Text       string // the commentary as plain text, for the search index
	Sources    []SourceCites
}

// EvidenceView is a format that shows a lesson.
type EvidenceView struct {
	Format FormatRef
	Note   string
	Source Cite
}

// FreePageView is a free page from content/pages.
type FreePageView struct {
	Page
	Body template.HTML
	Text string // the body as plain text, for the search index
}

// NotFoundView is 404.html.
type NotFoundView struct {
	Page
}

// CountriesView is the countries index.
type CountriesView struct {
	Page
	Countries []CountryRow
}

// CountryRow is a country in the index.
type CountryRow struct {
	CountryRef
	Region   string
	Statuses []string // its standing in each status format: "Member", "Not a member"
	Formats  int
}

// StatusCell is a country's standing in one status format.
type StatusCell struct{ Label, Value string }

// CountryView is one country's page.
type CountryView struct {
	Page
	Country     CountryRef
	Region      string
	Aliases     []string // other names it is known by
	Summary     string   // the sentence that opens its page
	Statuses    []StatusCell
	Memberships []MembershipView
	Timeline    []TimelineItem // its dated roles
	Undated     int            // roles held by as_of whose start is not dated
	UndatedBy   string         // the date they are all known to be held from (members_as_of), if they share one
	ContentDate string
	Sources     []SourceCites  // behind its memberships
	Pictures    []NavItem      // its combinations in the UpSet plots
	Snapshots   []SnapshotLine // how it stood in its formats at each snapshot, where that differs
	Map         *MapFigure     // where it is
}

// MapFigure is one map with what a reader needs beside it: its title, its
// key, the date it shows, the view it is drawn in, and the countries it
// could not draw.
type MapFigure struct {
	ID, Title string
	Desc      string // what it shows, in a sentence or two
	SVG       template.HTML
	Key       []MapKey
	Date      string // the date it shows, for humans
	View      string // the view it is drawn in: "Europe"
	Missing   []CountryRef
	Lists     []MapList // the countries of each class, its text version, where no list beside it is
	AboutHref string    // the map page's account of the shapes and borders
}

// MapKey is one entry of a map's key: a swatch drawn in Class and Pattern,
// what it stands for, and how many countries it covers.
type MapKey struct {
	Class, Pattern, Label string
	Count                 int
}

// MapList is the countries of one class of a map.
type MapList struct {
	Label     string
	Countries []CountryRef
}

// TimelineItem is one of a country's roles over time.
type TimelineItem struct {
	Format FormatRef
	RoleInfo
	From, To string // "2020-03-27", "by 1 February 2021", "" while held
}

// MembershipView is one of a country's formats, with its role.
type MembershipView struct {
	Anchor        string // the row's id, on the first row of its format (MembershipAnchor)
	Format        FormatRef
	CategoryLabel string
	RoleInfo
	Uncertain bool
	When      string      // "since 4 April 2023", "until …", or ""
	Sources   *SourceList // what establishes it: its own sources, else its format's
}

// SourceList is the citations behind one fact. A pointer to one is
// comparable, so views that hold one can be rendered with memo.
type SourceList struct {
	Items []Cite
}

// SourcesView is the bibliography.
type SourcesView struct {
	Page
	Sources []SourceView
}

// SourceView is one bibliography entry.
type SourceView struct {
	ID, Anchor, Title, Author, Publisher, Date, URL, Note string
	Accessed, ArchiveURL                                  string   // when URL was checked, and a lasting copy
	Locators                                              []string // the places in it that citations may name, by their labels
	CitedBy                                               []FormatRef
	CitedByLessons                                        []LessonRef
}

// PicturesView is the index of the pictures.
type PicturesView struct{ Page }

// RedirectView is the page left at a former URL: a meta refresh, which works
// offline too, and a plain link.
type RedirectView struct {
	Page
	Target string // relative to this page
}

// DataView is the page that documents the exports.
type DataView struct {
	Page
	ContentDate                      string
	Licence, LicenceURL, LicenceText string // the data's licence; LicenceText is the site's own paragraph on it
	Citation                         string // the one suggested citation of the atlas, as text
	BibTeX, RIS                      string // links to the same as BibTeX and as RIS
	Files                            []DataFileView
}

// DataFileView is one export and its fields.
type DataFileView struct {
	Name, Href, Format, About string
	Anchor                    string      // its entry's id on the data page
	Fields                    [][2]string // name, meaning
}

// ChangesView is the page of what changed between each snapshot and the
// date the content describes.
type ChangesView struct {
	Page
	ContentDate string
	Periods     []ChangePeriod
}

// ChangePeriod is what changed from a snapshot to as_of, by format and by
// country.
type ChangePeriod struct {
	Label, From, To string // the snapshot's label, its date and as_of, for humans
	Anchor          string
	ByFormat        []ChangeGroup
	ByCountry       []ChangeGroup
}

// ChangeGroup is the changes of one format or one country.
type ChangeGroup struct {
	Name, Href string
	Changes    []ChangeItem
}

// ChangeItem is one change: a role that began or ended, a format founded,
// or a status changed. Other links the country of a format's change, or the
// format of a country's.
type ChangeItem struct {
	Date, DateISO string
	Kind          string // began, ended, founded, status
	Role          RoleInfo
	Status        string
	Other         *NavItem
	Sources       []Cite
}

// SnapshotLine says how a membership stood at a snapshot, where that differs
// from the date shown: "February 2021: partner".
type SnapshotLine struct {
	Label, Date string      // the snapshot's label, and its date for humans
	Then        string      // the role then, or "not a member", "not known", "did not exist yet"
	Name, Href  string      // the format (on a country's page) or country (on a format's) it concerns
	Now         string      // the role now, with its dates, or "not a member"
	ID          string      // on a country's page, the line's id (ThenAnchor): the snapshot matrix links it
	Sources     *SourceList // those of the role held then, if one was
}
