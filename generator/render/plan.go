package render

import (
	"cmp"
	"fmt"
	"html/template"
	"io/fs"
	pathpkg "path"
	"slices"
	"strings"
	"sync"

	"formatlas/generator/diag"
	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// page is one entry of the page plan: where it goes, which template renders it
// and the view it gets.
type page struct {
	path     string
	template string
	view     any
	links    []markdown.Link // internal links of the page's Markdown
	// A page planned without its view gets it where it is rendered, and
	// drops it after, so that a build never holds every view at once: a
	// format's (with its print-edition article), or what build returns.
	format *site.Format
	build  func() any
	first  bool // one page of the site as a whole: rendered before the rest
}

// planner builds the page plan for one site.
type planner struct {
	s    *site.Site
	fsys fs.FS // the site directory, where the commentaries are read
	md   *markdown.Converter
	errs diag.List
	// inPage makes links to formats, countries, lessons and sources anchors
	// of the one page being planned: the print edition.
	inPage   bool
	idPrefix string // set per document in the print edition
	// static maps each file of static/ to its path in the output, for the
	// static: links and images of Markdown.
	static map[string]string

	clusteredOrder []*site.Country // the seriated matrix order, once computed
	whole          *wholeMatrix    // the rows of the one-page matrix, made once for every order
	shells         *sync.Map       // shellKey -> *Shell
	pics           *pictured       // what the pictures show, once computed
}

// shellKey tells apart the Shells of pages: the links of the navigation
// bar depend on the directory and root, and the page it marks current.
type shellKey struct{ dir, root, current string }

func newPlanner(s *site.Site, fsys fs.FS, md *markdown.Converter, shells *sync.Map, static map[string]string) *planner {
	return &planner{s: s, fsys: fsys, md: md, shells: shells, static: static}
}

// commentary reads the Markdown at path, a commentary of the site: nil if
// path is "".
func (p *planner) commentary(path string) ([]byte, diag.List) {
	if path == "" {
		return nil, nil
	}
	src, _, err := load.ReadMarkdown(p.fsys, path)
	var errs diag.List
	errs.Append(err)
	return src, errs
}

// printedFormat is a format's article of the print edition, planned with
// its page.
type printedFormat struct {
	view FormatView
	conv converted
}

// printPlanner plans the print edition, where every link is an anchor on
// the one page.
func (p *planner) printPlanner() *planner {
	pp := *p
	pp.inPage, pp.errs, pp.whole = true, nil, nil
	return &pp
}

// href links from the page at from to the page target, or, in the print
// edition, to the anchor of that thing on the same page.
func (p *planner) href(from, target, anchor string) string {
	if p.inPage {
		return "#" + anchor
	}
	return relURL(from, target)
}

func (p *planner) frame(path, title string) Page {
	root := rootOf(path)
	if path == NotFoundPath {
		root = "/" // a server returns 404.html at any depth
	}
	pg := Page{SiteTitle: p.s.Title, Description: p.s.Description, Title: title,
		Path: path, Root: root, AsOf: p.s.Shown.Human(), Links: p.links(root)}
	if p.s.Shown != p.s.AsOf {
		pg.ContentAsOf = p.s.AsOf.Human()
	}
	pg.Shell = p.shell(pg)
	return pg
}

// shell is the Shell of the page pg, shared with the pages of its directory
// that make the same one.
func (p *planner) shell(pg Page) *Shell {
	path, root := pg.Path, pg.Root
	nav := []NavItem{
		{Label: "Home", Href: HomePath},
		{Label: "Formats", Href: FormatsPath},
		{Label: "Countries", Href: CountriesPath},
		{Label: "Matrix", Href: MatrixPath},
		{Label: "Pictures", Href: PicturesPath},
		{Label: "Lessons", Href: LessonsPath},
		{Label: "Sources", Href: SourcesPath},
	}
	if about := p.s.Page("about"); about != nil {
		nav = append(nav, NavItem{Label: "About", Href: PagePath(about)})
	}
	var free []NavItem
	for _, fp := range p.s.Pages {
		free = append(free, NavItem{Label: fp.Title, Href: PagePath(fp)})
	}
	key := shellKey{dir: pathpkg.Dir(path), root: root}
	for _, items := range [][]NavItem{nav, free} {
		for i := range items {
			items[i].Current = items[i].Href == path
			if items[i].Current {
				key.current = path
			}
			items[i].Href = p.link(path, root, items[i].Href)
		}
	}
	sh, _ := p.shells.LoadOrStore(key, &Shell{SiteTitle: pg.SiteTitle, Root: root, Links: pg.Links, Nav: nav, FreePages: free,
		AsOf: pg.AsOf, ContentAsOf: pg.ContentAsOf})
	return sh.(*Shell)
}

// linksKey keys the Links of pages at one root in the planner's shells.
type linksKey struct{ root string }

// links are the site's pages from pages whose root is root, made once.
func (p *planner) links(root string) *Links {
	if l, ok := p.shells.Load(linksKey{root}); ok {
		return l.(*Links)
	}
	orders := map[string]string{}
	for _, o := range matrixOrders {
		orders[o.key] = root + o.path
	}
	l, _ := p.shells.LoadOrStore(linksKey{root}, &Links{Root: root,
		Home: root + HomePath, Formats: root + FormatsPath, Countries: root + CountriesPath,
		Matrix: root + MatrixPath, MatrixAZ: orders["az"], MatrixCount: orders["count"], MatrixRegion: orders["region"],
		Pictures: root + PicturesPath, Overlaps: root + OverlapsPath, UpSet: root + UpSetPath, Timeline: root + TimelinePath,
		Lessons: root + LessonsPath, Sources: root + SourcesPath, Print: root + PrintPath, Data: root + DataPath,
		Offline: root + publish.OfflinePath, Manifest: root + publish.ManifestPath, Favicon: root + FaviconPath})
	return l.(*Links)
}

// link is the URL of target from the page at from: relative, except on the
// 404 page, whose root is "/".
func (p *planner) link(from, root, target string) string {
	if root == "/" {
		return root + target
	}
	return relURL(from, target)
}

func (p *planner) formatRef(from string, f *site.Format) FormatRef {
	return FormatRef{ID: f.ID, Name: f.Name, Abbr: f.Abbr, Href: p.href(from, FormatPath(f), FormatAnchor(f)),
		Category: f.Category, Status: f.Status}
}

func (p *planner) countryRef(from string, c *site.Country) CountryRef {
	return CountryRef{Code: c.Code, Name: c.Name, Href: p.href(from, CountryPath(c), CountryAnchor(c))}
}

func (p *planner) cite(from string, c site.Citation) Cite {
	return Cite{Title: c.Source.Title, Short: shortCite(c.Source), Locator: c.Locator,
		Href: p.href(from, SourcesPath, SourceAnchor(c.Source)) + p.fragment("#"+SourceAnchor(c.Source))}
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

// fragment is frag outside the print edition, where href already ends in it.
func (p *planner) fragment(frag string) string {
	if p.inPage {
		return ""
	}
	return frag
}

// byName lists countries in the order readers look them up: by name.
func byName(countries []*site.Country) []*site.Country {
	out := slices.Clone(countries)
	slices.SortFunc(out, func(a, b *site.Country) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Code, b.Code))
	})
	return out
}

// plan lists every page of the site, in output path order. Format and
// country pages, and the parts of a large matrix, get their views where they
// are rendered.
func (p *planner) plan() []page {
	lazy := func(path, template string, build func() any) page {
		return page{path: path, template: template, build: build, first: true}
	}
	p.pictures() // computed here, once, for the pages built on other cores
	pages := []page{
		lazy(HomePath, "home", func() any { return p.home() }),
		lazy(FormatsPath, "formats", func() any { return p.formats() }),
		lazy(CountriesPath, "countries", func() any { return p.countries() }),
		{path: PicturesPath, template: "pictures", view: PicturesView{Page: p.frame(PicturesPath, "Pictures")}},
		lazy(OverlapsPath, "overlaps", func() any { return p.overlaps() }),
		lazy(UpSetPath, "upset", func() any { return p.upset() }),
		lazy(TimelinePath, "timeline", func() any { return p.timeline() }),
		lazy(SourcesPath, "sources", func() any { return p.sources() }),
		lazy(LessonsPath, "lessons", func() any { return p.lessons() }),
		{path: NotFoundPath, template: "404", view: NotFoundView{Page: p.frame(NotFoundPath, "Page not found")}},
		lazy(DataPath, "data", func() any { return p.dataPage() }),
	}
	for _, f := range p.s.Formats {
		pages = append(pages, page{path: FormatPath(f), template: "format", format: f})
	}
	pages = append(pages, p.matrices()...)
	for _, l := range p.s.Lessons {
		src, err := p.commentary(l.CommentaryPath)
		v, conv := p.lesson(l, src)
		pages = append(pages, page{path: LessonPath(l), template: "lesson", view: v, links: conv.links})
		p.errs = append(append(p.errs, err...), conv.errs...)
	}
	for _, pg := range p.s.Pages {
		v, conv := p.freePage(pg)
		pages = append(pages, page{path: PagePath(pg), template: "page", view: v, links: conv.links})
		p.errs = append(p.errs, conv.errs...)
	}
	for _, c := range p.s.Countries {
		pages = append(pages, page{path: CountryPath(c), template: "country", build: func() any { return p.country(c) }})
	}
	slices.SortFunc(pages, func(a, b page) int { return strings.Compare(a.path, b.path) })
	return pages
}

func (p *planner) categoryGroups(from string) []CategoryGroup {
	var groups []CategoryGroup
	for _, f := range sortedFormats(p.s.Formats) {
		if len(groups) == 0 || groups[len(groups)-1].ID != f.Category {
			groups = append(groups, CategoryGroup{ID: f.Category, Label: categoryLabels[f.Category], Blurb: categoryBlurbs[f.Category],
				Anchor: CategoryAnchor(f.Category), Href: "#" + CategoryAnchor(f.Category)})
		}
		g := &groups[len(groups)-1]
		g.Formats = append(g.Formats, FormatRow{FormatRef: p.formatRef(from, f), Summary: f.Summary,
			Founded: f.Founded.Human(), Members: len(f.Members)})
	}
	return groups
}

func sortedFormats(formats []*site.Format) []*site.Format {
	out := slices.Clone(formats)
	slices.SortFunc(out, site.CompareFormats)
	return out
}

func (p *planner) home() HomeView {
	members := 0
	for _, f := range p.s.Formats {
		members += len(f.Members)
	}
	return HomeView{Page: p.frame(HomePath, p.s.Title), Formats: len(p.s.Formats),
		Countries: len(p.s.Countries), Sources: len(p.s.Sources), Memberships: members,
		Categories: p.categoryGroups(HomePath)}
}

func (p *planner) formats() FormatsView {
	return FormatsView{Page: p.frame(FormatsPath, "Formats"), Categories: p.categoryGroups(FormatsPath)}
}

// reservedIDs are element ids the format template uses; commentary headings
// get other ids.
var reservedIDs = []string{"top", "main", "nav", "summary", "facts", "members", "history",
	"commentary", "sources", "shared", "related", "lessons", "footnotes", "site-search", "site-search-results"}

// format plans the page of f, with the commentary src.
func (p *planner) format(f *site.Format, src []byte) (FormatView, converted) {
	v := p.formatFacts(f)
	html, conv := p.markdown(f.CommentaryPath, src, FormatPath(f), reservedIDs, 1)
	v.Commentary, v.Text = html, conv.text
	if !p.inPage {
		v.Timeline = p.formatTimeline(f)
	}
	return v, conv
}

// formatAndPrint plans the page of f and, with pp, its article of the print
// edition, from one parse of its commentary. The article's ids get the prefix
// of the format's anchor ("f-jef_purpose", see ArticlePrefix), so that the many commentaries of
// the print edition never share an id.
func (p *planner) formatAndPrint(pp *planner, f *site.Format) (FormatView, converted, printedFormat) {
	from := FormatPath(f)
	v, printed := p.formatFacts(f), printedFormat{view: pp.formatFacts(f)}
	src, err := p.commentary(f.CommentaryPath)
	conv := converted{errs: err}
	if src != nil {
		prefix := ArticlePrefix(FormatAnchor(f))
		r, alt := p.md.ConvertVariants(markdown.Doc{Path: f.CommentaryPath, Source: src,
			Resolver: resolver{s: p.s, from: from, static: p.static}, Reserved: reservedIDs, HeadingShift: 1},
			markdown.Variant{Resolver: resolver{s: p.s, from: from, inPage: true, prefix: prefix, static: p.static}, IDPrefix: prefix})
		v.Commentary, v.Text, conv = template.HTML(r.HTML), r.Text, converted{links: r.Links, errs: r.Errs}
		printed.view.Commentary, printed.conv = template.HTML(alt[0].HTML), converted{links: alt[0].Links}
	}
	v.Timeline = p.formatTimeline(f)
	return v, conv, printed
}

// formatFacts is the view of f but its commentary and timeline.
func (p *planner) formatFacts(f *site.Format) FormatView {
	from := FormatPath(f)
	v := FormatView{Page: p.frame(from, f.Name), Format: p.formatRef(from, f),
		CategoryLabel: categoryLabels[f.Category], Summary: f.Summary, Founded: f.Founded.Human(),
		Focus: f.Focus, MemberCount: len(f.Members), MemberList: memberListLabels[f.MemberList],
		MemberListNote: f.MemberListNote, CategoryHref: relURL(from, FormatsPath) + "#" + CategoryAnchor(f.Category)}
	if p.inPage {
		a := FormatAnchor(f)
		v.Anchors = PrintAnchors{Article: a, Members: ArticlePrefix(a) + "members", History: ArticlePrefix(a) + "history",
			Commentary: ArticlePrefix(a) + "commentary"}
	}
	if f.Parent != nil {
		ref := p.formatRef(from, f.Parent)
		v.Parent = &ref
	}
	for _, c := range f.Children {
		v.Children = append(v.Children, p.formatRef(from, c))
	}
	for _, m := range f.Members {
		if len(v.Groups) == 0 || v.Groups[len(v.Groups)-1].Role != m.Role {
			v.Groups = append(v.Groups, MemberGroup{RoleInfo: roles[m.Role]})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Countries = append(g.Countries, p.memberRef(from, m))
	}
	for _, e := range f.Events {
		ev := EventView{Date: e.Date.Human(), DateISO: e.Date.String(), Change: e.Change, Role: e.Role, Note: e.Note}
		if e.Country != nil {
			ref := p.countryRef(from, e.Country)
			ev.Country = &ref
		}
		if e.Source.Source != nil {
			ev.Source = p.cite(from, e.Source)
		}
		v.Events = append(v.Events, ev)
	}
	v.Sources = p.groupCites(from, f.Sources)
	if !p.inPage {
		v.Pictures = p.formatPictures(from, f)
	}
	for _, o := range f.Shared {
		v.Shared = append(v.Shared, SharedView{Format: p.formatRef(from, o.Format), Shared: o.Shared,
			Jaccard: fmt.Sprintf("%.2f", o.Jaccard)})
	}
	for _, l := range f.Lessons {
		for _, e := range l.Evidence {
			if e.Format == f {
				le := LessonEvidence{Lesson: p.lessonRef(from, l), Note: e.Note}
				if e.Source.Source != nil {
					le.Source = p.cite(from, e.Source)
				}
				v.Lessons = append(v.Lessons, le)
			}
		}
	}
	return v
}

// groupCites merges citations of one source into one entry with its locators,
// keeping the order in which sources are first cited.
func (p *planner) groupCites(from string, cites []site.Citation) []SourceCites {
	var out []SourceCites
	index := map[*site.Source]int{}
	for _, c := range cites {
		i, ok := index[c.Source]
		if !ok {
			i = len(out)
			index[c.Source] = i
			ref := p.cite(from, site.Citation{Source: c.Source})
			out = append(out, SourceCites{Title: ref.Title, Href: ref.Href})
		}
		if c.Locator != "" {
			out[i].Locators = append(out[i].Locators, c.Locator)
		}
	}
	return out
}

// memberRef is a member with what is known of when it held its role.
func (p *planner) memberRef(from string, m *site.Membership) MemberRef {
	r := MemberRef{CountryRef: p.countryRef(from, m.Country)}
	switch {
	case !m.Until.IsZero():
		r.When = "until " + m.Until.Human()
	case !m.Since.IsZero():
		r.When = "since " + m.Since.Human()
	}
	if m.Uncertain {
		if m.Since.IsZero() {
			r.Uncertain = "held by " + p.s.AsOf.Human() + "; not known for " + p.s.Shown.Human()
		} else {
			r.Uncertain = "dated only to " + m.Since.Human()
		}
	}
	return r
}

func (p *planner) countries() CountriesView {
	v := CountriesView{Page: p.frame(CountriesPath, "Countries")}
	for _, c := range byName(p.s.Countries) {
		v.Countries = append(v.Countries, CountryRow{CountryRef: p.countryRef(CountriesPath, c),
			Region: c.Region, NATO: p.status(c.NATO, p.s.NATO), EU: p.status(c.EU, p.s.EU), Formats: len(c.Memberships)})
	}
	return v
}

// status says a country's standing in NATO or the EU, from its membership of
// that format; "" when the site has no such format.
func (p *planner) status(m *site.Membership, of *site.Format) string {
	switch {
	case of == nil:
		return ""
	case m == nil:
		return "Not a member"
	}
	return roles[m.Role].Label
}

func (p *planner) country(c *site.Country) CountryView {
	from := CountryPath(c)
	v := CountryView{Page: p.frame(from, c.Name), Country: p.countryRef(from, c), Region: c.Region, ContentDate: p.s.AsOf.Human(),
		NATO: p.status(c.NATO, p.s.NATO), EU: p.status(c.EU, p.s.EU)}
	var cites []site.Citation
	for _, m := range c.Memberships {
		v.Memberships = append(v.Memberships, MembershipView{Format: p.formatRef(from, m.Format),
			CategoryLabel: categoryLabels[m.Format.Category], RoleInfo: roles[m.Role], Uncertain: m.Uncertain})
		cites = append(cites, m.Format.Sources...)
	}
	// The timeline lists the dated roles; the undated ones are the table
	// above, held by as_of, and are only counted.
	for _, sp := range c.Spans {
		if sp.Since.IsZero() && sp.Until.IsZero() {
			v.Undated++
			continue
		}
		v.Timeline = append(v.Timeline, TimelineItem{Format: p.formatRef(from, sp.Format), RoleInfo: roles[sp.Role],
			From: sp.Since.Human(), To: sp.Until.Human()})
	}
	v.Sources = p.groupCites(from, cites)
	v.Pictures = p.countryPictures(from, c)
	return v
}

func (p *planner) sources() SourcesView {
	v := SourcesView{Page: p.frame(SourcesPath, "Sources")}
	cited := map[*site.Source][]FormatRef{}
	for _, f := range sortedFormats(p.s.Formats) {
		seen := map[*site.Source]bool{}
		for _, c := range f.Sources {
			if !seen[c.Source] {
				seen[c.Source] = true
				cited[c.Source] = append(cited[c.Source], p.formatRef(SourcesPath, f))
			}
		}
	}
	citedLessons := map[*site.Source][]LessonRef{}
	for _, l := range p.s.Lessons {
		seen := map[*site.Source]bool{}
		for _, c := range l.Sources {
			if !seen[c.Source] {
				seen[c.Source] = true
				citedLessons[c.Source] = append(citedLessons[c.Source], p.lessonRef(SourcesPath, l))
			}
		}
	}
	for _, s := range p.s.Sources {
		v.Sources = append(v.Sources, SourceView{ID: s.ID, Anchor: SourceAnchor(s), Title: s.Title,
			Author: s.Author, Publisher: s.Publisher, Date: s.Date.Human(), URL: s.URL, Note: s.Note,
			CitedBy: cited[s], CitedByLessons: citedLessons[s]})
	}
	return v
}
