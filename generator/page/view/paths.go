package view

import (
	"fmt"
	"path"
	"strings"

	"formatlas/generator/load"
	"formatlas/generator/site"
)

// Output paths. Every page is a file, so links work from file:// as well as
// from a server.
const (
	HomePath      = "index.html"
	FormatsPath   = "formats/index.html"
	CountriesPath = "countries/index.html"
	MatrixPath    = "matrix.html"
	SourcesPath   = "sources.html"
	LessonsPath   = "lessons/index.html"
	PrintPath     = "print.html"
	ChangesPath   = "changes.html" // what changed since each snapshot
	FaviconPath   = "favicon.svg"  // a file of static/ that every page's head links
	NotFoundPath  = "404.html"
)

// Paths of the picture pages.
const (
	PicturesPath = "pictures.html"
	OverlapsPath = "overlaps.html"
	UpSetPath    = "upset.html"
	TimelinePath = "timeline.html"
	MapsPath     = "maps.html"
)

// MapsShapesAnchor is the id of the map page's section on how the maps are
// drawn, which every map's caption links.
const MapsShapesAnchor = "shapes"

// SnapshotMapsPath is the map page as it stood on the date of a snapshot.
func SnapshotMapsPath(d load.Date) string { return "maps-" + d.String() + ".html" }

// MapBackgroundPath is the shared, link-free picture of the map view id,
// which maps of that view are drawn over.
func MapBackgroundPath(id string) string { return "maps/" + id + ".svg" }

// Paths of the data exports and the page that documents them.
const (
	DataPath           = "data/index.html"
	FormatsJSONPath    = "data/formats.json"
	CountriesJSONPath  = "data/countries.json"
	LessonsJSONPath    = "data/lessons.json"
	SourcesJSONPath    = "data/sources.json"
	MembershipsCSVPath = "data/memberships.csv"
	EventsCSVPath      = "data/events.csv"
)

// MatrixOrders are the row orders of the matrix, each its own page so that
// every order works without JavaScript; the first is the default.
var MatrixOrders = []struct{ Key, Path, Label string }{
	{"clustered", MatrixPath, "Clustered"},
	{"az", "matrix-az.html", "A–Z"},
	{"count", "matrix-count.html", "Number of formats"},
	{"region", "matrix-region.html", "Region"},
}

// MatrixPartPath is the page of the k-th part (from 1) of category's
// formats, on a site whose matrix comes in parts.
func MatrixPartPath(category string, k int) string {
	return fmt.Sprintf("matrix/%s-%d.html", category, k)
}

// SnapshotMatrixPath is the matrix as it stood on the date of a snapshot:
// on a site whose matrix comes in parts, its overview.
func SnapshotMatrixPath(d load.Date) string { return "matrix-" + d.String() + ".html" }

// SnapshotMatrixPartPath is the k-th part of category's formats in the
// matrix as it stood on the date of a snapshot.
func SnapshotMatrixPartPath(d load.Date, category string, k int) string {
	return fmt.Sprintf("matrix/%s-%d-%s.html", category, k, d)
}

// AliasPath is the page left at the former URL of a format or lesson: dir
// is "formats" or "lessons".
func AliasPath(dir, alias string) string { return dir + "/" + alias + ".html" }

// FormatPath is the page of format f.
func FormatPath(f *site.Format) string { return "formats/" + f.ID + ".html" }

// CountryPath is the page of country c.
func CountryPath(c *site.Country) string { return "countries/" + strings.ToLower(c.Code) + ".html" }

// LessonPath is the page of lesson l.
func LessonPath(l *site.Lesson) string { return "lessons/" + l.ID + ".html" }

// PagePath is the free page p.
func PagePath(p *site.Page) string { return "pages/" + p.Slug + ".html" }

// Anchors of things in the print edition, where everything is on one page.
func FormatAnchor(f *site.Format) string   { return "f-" + f.ID }
func CountryAnchor(c *site.Country) string { return "c-" + strings.ToLower(c.Code) }
func LessonAnchor(l *site.Lesson) string   { return "l-" + l.ID }

// MembershipAnchor is the id, on a country's page, of the row of its first
// role in f.
func MembershipAnchor(f *site.Format) string { return "in-" + f.ID }

// ThenAnchor is the id, on a country's page, of the line that says how it
// stood in f on the snapshot date d.
func ThenAnchor(d load.Date, f *site.Format) string { return "then-" + d.String() + "-" + f.ID }

// CategoryAnchor is the id of category's section on the formats page.
func CategoryAnchor(category string) string { return "cat-" + category }

// KindAnchor is the id of a lesson kind's section on the lessons page.
func KindAnchor(kind string) string { return "kind-" + kind }

// DataFileAnchor is the id of an export's entry on the data page.
func DataFileAnchor(name string) string { return "file-" + name }

// ArticlePrefix starts the ids of the commentary of the thing whose print
// edition anchor is anchor ("f-jef_purpose"). Ids are slugs, which never hold
// "_", so no article's ids meet another thing's anchor: with "-", a format
// jef-purpose and jef's heading "Purpose" were both f-jef-purpose.
func ArticlePrefix(anchor string) string { return anchor + "_" }

// SourceAnchor is the id of source src's entry on the bibliography page.
func SourceAnchor(src *site.Source) string { return "src-" + src.ID }

// RootOf is the relative prefix from page to the site root: "" or "../".
func RootOf(page string) string {
	return strings.Repeat("../", strings.Count(page, "/"))
}

// RelURL is the shortest relative URL from page to target, both paths from the
// site root: "jef.html" between two format pages, "../countries/fin.html" from one.
func RelURL(page, target string) string {
	dir, _ := path.Split(page)
	if tdir, file := path.Split(target); tdir == dir {
		return file
	}
	return RootOf(page) + target
}

// EscapeText escapes s for HTML text and quoted attribute values exactly as
// html/template does, so that rows made in Go, for speed, match those made
// by templates.
var EscapeText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;").Replace
