package view

import (
	"cmp"
	"fmt"
	"net/url"
	pathpkg "path"
	"slices"
	"strings"

	"formatlas/generator/load"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// Linker makes the links from a page to the things of the site: to their
// own pages for the site, or to their anchors on one page for the print
// edition.
type Linker interface {
	// Thing links from the page at from to the thing whose page is target
	// and whose anchor in the print edition is anchor.
	Thing(from, target, anchor string) string
	// Entry links from the page at from to the entry anchor of the page
	// target, such as a source of the bibliography.
	Entry(from, target, anchor string) string
	// Place links to the place part within the thing that thing links
	// (a membership's row on a country's page). The print edition gives
	// things one row each, so there it is the thing itself.
	Place(thing, part string) string
}

// SiteLinks link each thing's own page, by the shortest relative URL.
type SiteLinks struct{}

func (SiteLinks) Thing(from, target, _ string) string { return RelURL(from, target) }

func (SiteLinks) Entry(from, target, anchor string) string {
	return RelURL(from, target) + "#" + anchor
}

func (SiteLinks) Place(thing, part string) string { return thing + "#" + part }

// PrintLinks link each thing's anchor on the one page of the print edition.
type PrintLinks struct{}

func (PrintLinks) Thing(_, _, anchor string) string { return "#" + anchor }

func (PrintLinks) Entry(_, _, anchor string) string { return "#" + anchor }

func (PrintLinks) Place(thing, _ string) string { return thing }

// Maker builds the parts that the views of one site share: each page's
// frame and the links from it to formats, countries, lessons and sources,
// made by its Linker. It is read-only once made, and used from every core.
type Maker struct {
	s     *site.Site
	link  Linker
	links map[string]*Links // by root: every page at one depth shares one
	// notFound is the root of 404.html: the path of base_url ("/", or
	// "/atlas/" for a site published at example.org/atlas/), since a server
	// returns that page at any depth.
	notFound     string
	statusLabels []string // the headings of the country statuses
	baseURL      string   // base_url if it is valid, for pages' addresses; a bad one is reported by load
}

// NewMaker is the Maker of views of s whose links link makes.
func NewMaker(s *site.Site, link Linker) *Maker {
	m := &Maker{s: s, link: link, links: map[string]*Links{}, notFound: SitePath(s.BaseURL)}
	if load.BaseURLProblem(s.BaseURL) == "" {
		m.baseURL = s.BaseURL
	}
	for _, st := range s.Statuses {
		m.statusLabels = append(m.statusLabels, st.Label)
	}
	for _, root := range []string{"", "../", m.notFound} {
		m.links[root] = siteLinks(root)
	}
	return m
}

// Site is the site the views show.
func (m *Maker) Site() *site.Site { return m.s }

// siteLinks are the site's pages from pages whose root is root.
func siteLinks(root string) *Links {
	orders := map[string]string{}
	for _, o := range MatrixOrders {
		orders[o.Key] = root + o.Path
	}
	return &Links{Root: root,
		Home: root + HomePath, Formats: root + FormatsPath, Countries: root + CountriesPath,
		Matrix: root + MatrixPath, MatrixAZ: orders["az"], MatrixCount: orders["count"], MatrixRegion: orders["region"],
		Pictures: root + PicturesPath, Overlaps: root + OverlapsPath, UpSet: root + UpSetPath, Timeline: root + TimelinePath, Maps: root + MapsPath,
		Lessons: root + LessonsPath, Sources: root + SourcesPath, Print: root + PrintPath, Data: root + DataPath,
		Offline: root + publish.OfflinePath, Manifest: root + publish.ManifestPath, Favicon: root + FaviconPath,
		Changes: root + ChangesPath}
}

// Frame is the frame of the page at path, titled title.
func (m *Maker) Frame(path, title string) Page {
	root := RootOf(path)
	if path == NotFoundPath {
		root = m.notFound // a server returns 404.html at any depth
	}
	pg := Page{SiteTitle: m.s.Title, Description: m.s.Description, Title: title, StatusLabels: m.statusLabels, MetaPolicy: m.s.MetaPolicy,
		Path: path, Root: root, AsOf: m.s.Shown.Human(), Links: m.links[root]}
	if m.baseURL != "" && path != NotFoundPath {
		pg.URL = m.baseURL + path // as the sitemap gives it
	}
	if m.s.Shown != m.s.AsOf {
		pg.ContentAsOf = m.s.AsOf.Human()
	}
	pg.Shell = m.shell(pg)
	return pg
}

// Describe makes text, a record's summary, the page's description, in
// place of the site's: its whitespace collapsed and, past 200 characters,
// cut at a word with an ellipsis. An empty text leaves the site's.
func (pg *Page) Describe(text string) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return
	}
	if r := []rune(text); len(r) > 200 {
		cut := string(r[:200])
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i]
		}
		text = strings.TrimRight(cut, ",;:.") + "…"
	}
	pg.Description = text
}

// shell is the navigation bar and footer of the page pg.
func (m *Maker) shell(pg Page) *Shell {
	path, root := pg.Path, pg.Root
	nav := []NavItem{
		{Label: "Home", Href: HomePath},
		{Label: "Formats", Href: FormatsPath},
		{Label: "Countries", Href: CountriesPath},
		{Label: "Matrix", Href: MatrixPath},
		{Label: "Pictures", Href: PicturesPath},
		{Label: "Lessons", Href: LessonsPath},
		{Label: "Sources", Href: SourcesPath},
		{Label: "Data", Href: DataPath},
	}
	if about := m.s.Page("about"); about != nil {
		nav = append(nav, NavItem{Label: "About", Href: PagePath(about)})
	}
	var free []NavItem
	for _, fp := range m.s.Pages {
		free = append(free, NavItem{Label: fp.Title, Href: PagePath(fp)})
	}
	within := sectionOf(path)
	for _, items := range [][]NavItem{nav, free} {
		for i := range items {
			items[i].Current = items[i].Href == path
			items[i].Section = !items[i].Current && items[i].Href == within
			items[i].Href = link(path, root, items[i].Href)
		}
	}
	return &Shell{SiteTitle: pg.SiteTitle, Root: root, Links: pg.Links, Nav: nav, FreePages: free,
		AsOf: pg.AsOf, ContentAsOf: pg.ContentAsOf}
}

// link is the URL of target from the page at from: relative, except on the
// 404 page, whose root is the site's path ("/").
func link(from, root, target string) string {
	if strings.HasPrefix(root, "/") {
		return root + target
	}
	return RelURL(from, target)
}

// SitePath is the path of the site's base URL, with a slash at each end:
// "/" when it has none or no base URL is given.
func SitePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" || u.Path == "/" {
		return "/"
	}
	return "/" + strings.Trim(u.Path, "/") + "/"
}

// FormatRef links from the page at from to f, with its status on the date
// shown.
func (m *Maker) FormatRef(from string, f *site.Format) FormatRef {
	return FormatRef{ID: f.ID, Name: f.Name, Abbr: f.Abbr, Label: f.Label(), Href: m.link.Thing(from, FormatPath(f), FormatAnchor(f)),
		Category: f.Category, Status: f.ShownStatus, MemberList: f.MemberList}
}

// CountryRef links from the page at from to c.
func (m *Maker) CountryRef(from string, c *site.Country) CountryRef {
	return CountryRef{Code: c.Code, Name: c.Name, Href: m.link.Thing(from, CountryPath(c), CountryAnchor(c))}
}

// MembershipHref links to the row of c's membership in f on c's page, where
// its dates, role and sources are; country is the link to c from the same
// page (CountryRef).
func (m *Maker) MembershipHref(country CountryRef, f *site.Format) string {
	return m.link.Place(country.Href, MembershipAnchor(f))
}

// ThenHref links to the line on c's page that says how it stood in f on
// the snapshot date d, for a role it no longer holds.
func (m *Maker) ThenHref(country CountryRef, d load.Date, f *site.Format) string {
	return m.link.Place(country.Href, ThenAnchor(d, f))
}

// LessonRef links from the page at from to l.
func (m *Maker) LessonRef(from string, l *site.Lesson) LessonRef {
	return LessonRef{ID: l.ID, Title: l.Title, Kind: l.Kind, KindLabel: m.s.Record.LessonKind(l.Kind).Label, KindOne: m.s.Record.LessonKind(l.Kind).OneLabel(),
		Href: m.link.Thing(from, LessonPath(l), LessonAnchor(l))}
}

// Cite links from the page at from to the bibliography entry of c's source.
func (m *Maker) Cite(from string, c site.Citation) Cite {
	return Cite{Title: c.Source.Title, Short: shortCite(c.Source), Locator: c.Label,
		Href: m.link.Entry(from, SourcesPath, SourceAnchor(c.Source))}
}

// shortCite is an author-date label such as "Sophie Arts and Steven Keil, 2021".
func shortCite(s *site.Source) string {
	who := cmp.Or(s.Author, s.Publisher)
	if who == "" {
		return s.Title
	}
	if s.Date.Year != 0 {
		return fmt.Sprintf("%s, %d", who, s.Date.Year)
	}
	return who
}

// GroupCites merges citations of one source into one entry with its
// locators, each once, keeping the order in which sources and locators are
// first cited.
func (m *Maker) GroupCites(from string, cites []site.Citation) []SourceCites {
	var out []SourceCites
	index := map[*site.Source]int{}
	for _, c := range cites {
		i, ok := index[c.Source]
		if !ok {
			i = len(out)
			index[c.Source] = i
			ref := m.Cite(from, site.Citation{Source: c.Source})
			out = append(out, SourceCites{Title: ref.Title, Href: ref.Href})
		}
		if c.Label != "" && !slices.Contains(out[i].Locators, c.Label) {
			out[i].Locators = append(out[i].Locators, c.Label)
		}
	}
	return out
}

// CategoryGroups are the formats by category, in display order, linked from
// the page at from.
func (m *Maker) CategoryGroups(from string) []CategoryGroup {
	var groups []CategoryGroup
	for _, f := range SortedFormats(m.s.Formats) {
		if len(groups) == 0 || groups[len(groups)-1].ID != f.Category {
			groups = append(groups, CategoryGroup{ID: f.Category, Label: m.s.Category(f.Category).Label, Blurb: m.s.Category(f.Category).Description,
				Anchor: CategoryAnchor(f.Category), Href: "#" + CategoryAnchor(f.Category)})
		}
		g := &groups[len(groups)-1]
		g.Formats = append(g.Formats, FormatRow{FormatRef: m.FormatRef(from, f), Summary: f.Summary,
			Founded: f.Founded.Human(), Members: len(f.Members)})
	}
	return groups
}

// Status says a country's standing in a status format (country_status), from
// its membership of it; "" when the site has no such format.
func Status(s *site.Site, m *site.Membership, of *site.Format) string {
	switch {
	case of == nil:
		return ""
	case m == nil:
		return "Not a member"
	}
	return s.Role(m.Role).Label
}

// Statuses are c's standings in the status formats of s, in order.
func Statuses(s *site.Site, c *site.Country) []string {
	out := make([]string, len(s.Statuses))
	for i, st := range s.Statuses {
		out[i] = Status(s, c.Statuses[i], st.Format)
	}
	return out
}

// RoleOrNone is the role of the membership m, or "none": for filters and
// exports.
func RoleOrNone(m *site.Membership) string {
	if m == nil {
		return "none"
	}
	return m.Role
}

// ByName lists countries in the order readers look them up: by name.
func ByName(countries []*site.Country) []*site.Country {
	out := slices.Clone(countries)
	slices.SortFunc(out, func(a, b *site.Country) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Code, b.Code))
	})
	return out
}

// SortedFormats lists formats in display order: by category, then name.
func SortedFormats(formats []*site.Format) []*site.Format {
	out := slices.Clone(formats)
	slices.SortFunc(out, site.CompareFormats)
	return out
}

// sectionOf is the path of the navigation's item whose section holds the
// page at path: a folder's index for a page in the folder, the matrix for
// its other orders, dates and parts, the pictures for each picture's page.
func sectionOf(path string) string {
	switch {
	case path == OverlapsPath || path == UpSetPath || path == TimelinePath || strings.HasPrefix(path, "maps"):
		return PicturesPath
	case strings.HasPrefix(path, "matrix"):
		return MatrixPath
	case strings.Contains(path, "/"):
		return pathpkg.Dir(path) + "/index.html"
	}
	return ""
}

// Bytes is a file's size for readers: "820 KB", "1.4 MB" (powers of 1,000).
func Bytes(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000-500: // 999,500 bytes round to 1.0 MB, not 1000 KB
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
