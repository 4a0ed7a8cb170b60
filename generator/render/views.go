package render

import (
	"html/template"
)

// Page is what every page's view carries: the shared frame of the site.
type Page struct {
	SiteTitle   string
	Description string
	Title       string // of this page; equal to SiteTitle on the home page
	Path        string // output path, relative to the site root
	Root        string // relative prefix to the site root ("", "../", or "/" on 404.html)
	Nav         []NavItem
	AsOf        string // the date the site describes, for humans
}

// NavItem is one entry of the navigation bar.
type NavItem struct {
	Label, Href string
	Current     bool
}

// FormatRef is a link to a format.
type FormatRef struct {
	ID, Name, Abbr, Href string
	Category, Status     string
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
}

// MemberGroup is the countries holding one role in a format.
type MemberGroup struct {
	RoleInfo
	Countries []CountryRef
}

// EventView is a dated change of a format.
type EventView struct {
	Date, Change, Role, Note string
	Country                  *CountryRef
	Source                   Cite
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
	Categories                               []CategoryGroup
}

// CategoryGroup is the formats of one category.
type CategoryGroup struct {
	ID, Label, Blurb string
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
	MemberCount                int
	MemberList, MemberListNote string
	Events                     []EventView
	Commentary                 template.HTML
	Sources                    []SourceCites
	Shared                     []SharedView
}

// CountriesView is the countries index.
type CountriesView struct {
	Page
	Countries []CountryRow
}

// CountryRow is a country in the index.
type CountryRow struct {
	CountryRef
	Region, NATO, EU string
	Formats          int
}

// CountryView is one country's page.
type CountryView struct {
	Page
	Country     CountryRef
	Region      string
	NATO, EU    string
	Memberships []MembershipView
}

// MembershipView is one of a country's formats, with its role.
type MembershipView struct {
	Format        FormatRef
	CategoryLabel string
	RoleInfo
}

// MatrixView is the countries-by-formats membership matrix.
type MatrixView struct {
	Page
	Groups       []MatrixGroup
	Rows         []MatrixRow
	ColumnTotals []int
	Legend       []RoleInfo
	Formats      int
}

// MatrixGroup is a category heading spanning its formats' columns.
type MatrixGroup struct {
	Label   string
	Formats []FormatRef
}

// MatrixRow is one country's row. Cells is pre-rendered: at thousands of
// formats a template call per cell would dominate the build.
type MatrixRow struct {
	Country CountryRef
	Cells   template.HTML
	Total   int
}

// SourcesView is the bibliography.
type SourcesView struct {
	Page
	Sources []SourceView
}

// SourceView is one bibliography entry.
type SourceView struct {
	ID, Anchor, Title, Author, Publisher, Date, URL, Note string
	CitedBy                                               []FormatRef
}
