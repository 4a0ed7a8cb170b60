// Package page plans the pages of a site: for each, its output path, the
// template that renders it and its typed view (package view), made from the
// linked model. The matrix and the pictures are planned by packages of their
// own, page/matrix and page/pictures.
package page

import (
	"cmp"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strings"

	"formatlas/generator/diag"
	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/page/maps"
	"formatlas/generator/page/matrix"
	"formatlas/generator/page/pictures"
	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// Page is one entry of the page plan: where it goes, which template renders
// it and the view it gets.
type Page struct {
	Path     string
	Template string
	View     any
	Links    []markdown.Link // internal links of the page's Markdown
	// A page planned without its view gets it where it is rendered, and
	// drops it after, so that a build never holds every view at once: a
	// format's (with Planner.FormatPage), or what Build returns.
	Format *site.Format
	Build  func() any
	First  bool // one page of the site as a whole: rendered before the rest
	// HostOnly keeps the page out of the offline archive: a host's page
	// (404.html), whose links start at the server's root.
	HostOnly bool
}

// Planner plans the pages of one site. It is made before the pages are
// built on every core, and works out then, once, what many pages share: the
// matrix and the pictures. It is read-only after.
type Planner struct {
	s      *site.Site
	fsys   fs.FS // the site directory, where the commentaries are read
	md     *markdown.Converter
	static map[string]string // each file of static/ by its path there, to its path in the output
	site   *view.Maker       // views whose links go to the site's pages
	print  *view.Maker       // views whose links go to anchors of the print edition
	matrix *matrix.Matrix
	pics   *pictures.Pictures
	maps   *maps.Maps
	// spanSources are the source lists of the spans, by citeKey, shared by
	// the pages one folder deep.
	spanSources map[string]*view.SourceList
}

// New is the planner of s, whose commentaries are read from fsys and
// converted by md; static maps each file of static/ to its path in the
// output, for the static: links and images of Markdown.
func New(s *site.Site, fsys fs.FS, md *markdown.Converter, static map[string]string) *Planner {
	p := &Planner{s: s, fsys: fsys, md: md, static: static,
		site: view.NewMaker(s, view.SiteLinks{}), print: view.NewMaker(s, view.PrintLinks{})}
	p.matrix = matrix.New(p.site)
	p.pics = pictures.New(p.site)
	p.maps = maps.New(p.site)
	p.shareSpanSources()
	return p
}

// MapFiles are the shared backgrounds of the maps.
func (p *Planner) MapFiles() []publish.File { return p.maps.Files() }

// Converted is what a document's Markdown reports: its internal links, to
// place broken ones found later, its errors, and its text.
type Converted struct {
	Links []markdown.Link
	Errs  diag.List
	Text  string // the prose as plain text, for the search index
	Lead  string // its first paragraph as plain text, for the page's description
	Code  bool   // it has highlighted code
	// Headings are its top-level headings, for the page's table of contents.
	Headings []markdown.Heading
}

// Commentary reads the Markdown at path, a commentary of the site: nil if
// path is "".
func (p *Planner) Commentary(path string) ([]byte, diag.List) {
	if path == "" {
		return nil, nil
	}
	src, _, err := load.ReadMarkdown(p.fsys, path)
	var errs diag.List
	errs.Append(err)
	return src, errs
}

// Plan lists every page of the site: in output path order, then the pages
// left at former URLs. Format and country pages, and the matrix, get their
// views where they are rendered. The errors are those of the Markdown
// converted here.
func (p *Planner) Plan() ([]Page, diag.List) {
	var errs diag.List
	lazy := func(path, template string, build func() any) Page {
		return Page{Path: path, Template: template, Build: build, First: true}
	}
	pages := []Page{
		lazy(view.HomePath, "home", func() any { return p.home() }),
		lazy(view.FormatsPath, "formats", func() any { return p.formats() }),
		lazy(view.CountriesPath, "countries", func() any { return p.countries() }),
		{Path: view.PicturesPath, Template: "pictures", View: view.PicturesView{Page: p.site.Frame(view.PicturesPath, "Pictures")}},
		lazy(view.OverlapsPath, "overlaps", func() any { return p.pics.Overlaps() }),
		lazy(view.UpSetPath, "upset", func() any { return p.pics.UpSet() }),
		lazy(view.TimelinePath, "timeline", func() any { return p.pics.Timeline() }),
		lazy(view.SourcesPath, "sources", func() any { return p.sources(p.site) }),
		lazy(view.LessonsPath, "lessons", func() any { return p.lessons() }),
		{Path: view.NotFoundPath, Template: "404", View: view.NotFoundView{Page: p.site.Frame(view.NotFoundPath, "Page not found")}, HostOnly: true},
		lazy(view.DataPath, "data", func() any { return p.dataPage() }),
		lazy(view.ChangesPath, "changes", func() any { return p.changes() }),
	}
	for _, f := range p.s.Formats {
		pages = append(pages, Page{Path: view.FormatPath(f), Template: "format", Format: f})
	}
	for _, mp := range p.maps.Pages() {
		pages = append(pages, Page{Path: mp.Path, Template: "maps", Build: func() any { return mp.View() }})
	}
	errs.Append(p.maps.Err)
	for _, mp := range p.matrix.Pages() {
		pages = append(pages, Page{Path: mp.Path, Template: "matrix", First: mp.First, Build: func() any { return mp.View() }})
	}
	for _, l := range p.s.Lessons {
		src, err := p.Commentary(l.CommentaryPath)
		v, conv := p.Lesson(l, src)
		pages = append(pages, Page{Path: view.LessonPath(l), Template: "lesson", View: v, Links: conv.Links})
		errs = append(append(errs, err...), conv.Errs...)
	}
	for _, pg := range p.s.Pages {
		v, conv := p.freePage(pg)
		pages = append(pages, Page{Path: view.PagePath(pg), Template: "page", View: v, Links: conv.Links})
		errs = append(errs, conv.Errs...)
	}
	for _, c := range p.s.Countries {
		pages = append(pages, Page{Path: view.CountryPath(c), Template: "country", Build: func() any { return p.country(c) }})
	}
	slices.SortFunc(pages, func(a, b Page) int { return strings.Compare(a.Path, b.Path) })
	return append(pages, p.redirectPages()...), errs
}

func (p *Planner) home() view.HomeView {
	members, others, inferred := 0, 0, 0
	for _, f := range p.s.Formats {
		n := view.MembershipCount(p.s, f.Members)
		members, others = members+n, others+len(f.Members)-n
		if f.MemberList != "complete" {
			inferred += n
		}
	}
	v := view.HomeView{Page: p.site.Frame(view.HomePath, p.s.Title), Formats: len(p.s.Formats),
		Countries: len(p.s.Countries), Sources: len(p.s.Sources), Memberships: members, OtherRoles: others, Inferred: inferred,
		OtherRoleNames: view.OtherRoleNames(p.s), Intro: p.s.Intro,
		Categories: p.site.CategoryGroups(view.HomePath)}
	if v.URL != "" { // a valid base_url
		v.SiteURL = p.s.BaseURL
	}
	return v
}

func (p *Planner) formats() view.FormatsView {
	return view.FormatsView{Page: p.site.Frame(view.FormatsPath, "Formats"), Categories: p.site.CategoryGroups(view.FormatsPath)}
}

// reservedIDs are element ids the format template uses; commentary headings
// get other ids.
var reservedIDs = []string{"top", "main", "nav", "summary", "facts", "members", "snapshots", "history",
	"commentary", "sources", "shared", "related", "lessons", "footnotes", "site-search", "site-search-results", "page-toc-title"}

// Article is a format's article of the print edition, planned with its page.
type Article struct {
	View  view.FormatView
	Links []markdown.Link
}

// FormatPage plans the page of f and its article of the print edition, its
// commentary read from the site directory.
func (p *Planner) FormatPage(f *site.Format) (view.FormatView, Converted, Article) {
	src, errs := p.Commentary(f.CommentaryPath)
	v, conv, article := p.Format(f, src)
	conv.Errs = append(errs, conv.Errs...)
	return v, conv, article
}

// Format plans the page of f and its article of the print edition, with the
// commentary src, from one parse of it: as a build does, and serve after an
// edit of the commentary. The article's ids get the prefix of the format's
// anchor ("f-jef_purpose", see view.ArticlePrefix), so that the many
// commentaries of the print edition never share an id.
func (p *Planner) Format(f *site.Format, src []byte) (view.FormatView, Converted, Article) {
	from := view.FormatPath(f)
	v, article := p.formatFacts(p.site, f), Article{View: p.formatFacts(p.print, f)}
	v.Pictures = p.pics.FormatLinks(from, f)
	v.Snapshots = p.formatSnapshotLines(p.site, from, f)
	a := view.FormatAnchor(f)
	article.View.Anchors = view.PrintAnchors{Article: a, Members: view.ArticlePrefix(a) + "members",
		History: view.ArticlePrefix(a) + "history", Commentary: view.ArticlePrefix(a) + "commentary"}
	var conv Converted
	if src != nil {
		prefix := view.ArticlePrefix(a)
		r, alt := p.md.ConvertVariants(markdown.Doc{Path: f.CommentaryPath, Source: src,
			Resolver: siteResolver{s: p.s, from: from, static: p.static}, Reserved: reservedIDs, HeadingShift: 1},
			markdown.Variant{Resolver: printResolver{s: p.s, from: from, prefix: prefix, static: p.static}, IDPrefix: prefix})
		v.Commentary, v.Text, conv = template.HTML(r.HTML), r.Text, Converted{Links: r.Links, Errs: r.Errs}
		article.View.Commentary, article.Links = template.HTML(alt[0].HTML), alt[0].Links
		v.Code, article.View.Code = r.Code, r.Code
		conv.Headings = r.Headings
	}
	// the sections of format.html, as its conditions show them
	toc := view.Section(nil, true, "members", "Members")
	toc = view.Section(toc, len(v.Snapshots) > 0, "snapshots", "Then and now")
	toc = view.Section(toc, len(v.Events) > 0, "history", "History")
	toc = view.Section(toc, v.Commentary != "", "commentary", "Commentary", headingEntries(conv.Headings, 3)...)
	toc = view.Section(toc, len(v.Shared) > 0, "shared", "Formats sharing most members")
	toc = view.Section(toc, len(v.Lessons) > 0, "lessons", "Lessons it illustrates")
	v.TOC = view.Contents(view.Section(toc, len(v.Sources) > 0, "sources", "Sources"))
	v.Timeline = pictures.FormatTimeline(f)
	v.Map = p.maps.Format(from, f)
	return v, conv, article
}

// formatFacts is the view of f but its commentary, timeline and pictures,
// linked by m.
func (p *Planner) formatFacts(m *view.Maker, f *site.Format) view.FormatView {
	from := view.FormatPath(f)
	v := view.FormatView{Page: m.Frame(from, f.Name), Format: m.FormatRef(from, f),
		CategoryLabel: p.s.Category(f.Category).Label, Summary: f.Summary, Founded: f.Founded.Human(),
		Focus: f.Focus, MemberCount: view.MembershipCount(p.s, f.Members), Others: view.OtherRoles(p.s, f.Members), MemberList: view.MemberListLabel(f.MemberList),
		MemberListNote: f.MemberListNote, CategoryHref: view.RelURL(from, view.FormatsPath) + "#" + view.CategoryAnchor(f.Category)}
	v.Page.Describe(cmp.Or(f.Summary, f.Name+" ("+v.CategoryLabel+")"))
	if f.Parent != nil {
		ref := m.FormatRef(from, f.Parent)
		v.Parent = &ref
	}
	for _, c := range f.Children {
		v.Children = append(v.Children, m.FormatRef(from, c))
	}
	if f.Successor != nil {
		ref := m.FormatRef(from, f.Successor)
		v.Successor = &ref
	}
	for _, pr := range f.Predecessors {
		v.Predecessors = append(v.Predecessors, m.FormatRef(from, pr))
	}
	for _, ms := range f.Members {
		if len(v.Groups) == 0 || v.Groups[len(v.Groups)-1].Role != ms.Role {
			v.Groups = append(v.Groups, view.MemberGroup{RoleInfo: view.Role(p.s, ms.Role)})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Countries = append(g.Countries, p.memberRef(m, from, ms))
	}
	for _, e := range f.Events {
		ev := view.EventView{Date: e.Date.Human(), DateISO: e.Date.String(), Change: e.Change, Role: e.Role, Note: e.Note}
		if e.Country != nil {
			ref := m.CountryRef(from, e.Country)
			ev.Country = &ref
		}
		if e.Source.Source != nil {
			ev.Source = m.Cite(from, e.Source)
		}
		v.Events = append(v.Events, ev)
	}
	v.Sources = m.GroupCites(from, f.Sources)
	for _, o := range f.Shared {
		v.Shared = append(v.Shared, view.SharedView{Format: m.FormatRef(from, o.Format), Shared: o.Shared,
			Jaccard: fmt.Sprintf("%.2f", o.Jaccard)})
	}
	for _, l := range f.Lessons {
		for _, e := range l.Evidence {
			if e.Format == f {
				le := view.LessonEvidence{Lesson: m.LessonRef(from, l), Note: e.Note}
				if e.Source.Source != nil {
					le.Source = m.Cite(from, e.Source)
				}
				v.Lessons = append(v.Lessons, le)
			}
		}
	}
	return v
}

// memberRef is a member with what is known of when it held its role.
func (p *Planner) memberRef(m *view.Maker, from string, ms *site.Membership) view.MemberRef {
	r := view.MemberRef{CountryRef: m.CountryRef(from, ms.Country), When: when(ms)}
	if ms.Own {
		r.Sources = p.sourceList(m, from, ms.Sources)
	}
	if ms.Uncertain {
		switch {
		case !ms.Until.IsZero() && load.Within(p.s.Shown, ms.Until) == load.Overlap:
			r.Uncertain = "its end is dated only to " + ms.Until.Human()
		case ms.Since.IsZero():
			r.Uncertain = "held by " + p.s.AsOf.Human() + "; not known for " + p.s.Shown.Human()
		default:
			r.Uncertain = "dated only to " + ms.Since.Human()
		}
	}
	return r
}

func (p *Planner) countries() view.CountriesView {
	v := view.CountriesView{Page: p.site.Frame(view.CountriesPath, "Countries")}
	for _, c := range view.ByName(p.s.Countries) {
		v.Countries = append(v.Countries, view.CountryRow{CountryRef: p.site.CountryRef(view.CountriesPath, c),
			Region: c.Region, Statuses: view.Statuses(p.s, c), Formats: len(c.Memberships)})
	}
	return v
}

func (p *Planner) country(c *site.Country) view.CountryView {
	m, from := p.site, view.CountryPath(c)
	v := view.CountryView{Page: m.Frame(from, c.Name), Country: m.CountryRef(from, c), Region: c.Region, Aliases: c.Aliases, ContentDate: p.s.AsOf.Human()}
	v.Map = p.maps.Country(from, c)
	for i, st := range view.Statuses(p.s, c) {
		v.Statuses = append(v.Statuses, view.StatusCell{Label: p.s.Statuses[i].Label, Value: st})
	}
	var cites []site.Citation
	for i, ms := range c.Memberships {
		var anchor string // the matrix links the first role of a format
		if i == 0 || c.Memberships[i-1].Format != ms.Format {
			anchor = view.MembershipAnchor(ms.Format)
		}
		v.Memberships = append(v.Memberships, view.MembershipView{Anchor: anchor, Format: m.FormatRef(from, ms.Format),
			CategoryLabel: p.s.Category(ms.Format.Category).Label, RoleInfo: view.Role(p.s, ms.Role), Uncertain: ms.Uncertain,
			When: when(ms), Sources: p.sourceList(m, from, ms.Sources)})
		cites = append(cites, ms.Sources...) // its own where the content gives them, else its format's
	}
	// The timeline lists the dated roles; the undated ones are the table
	// above, held by as_of, and are only counted.
	var by []load.Date // the dates the undated roles are known to be held from
	for _, sp := range c.Spans {
		if sp.Since.IsZero() && sp.Until.IsZero() {
			v.Undated++
			by = append(by, sp.By)
			continue
		}
		v.Timeline = append(v.Timeline, view.TimelineItem{Format: m.FormatRef(from, sp.Format), RoleInfo: view.Role(p.s, sp.Role),
			From: sp.Since.Human(), To: sp.Until.Human()})
	}
	if len(by) > 0 && !by[0].IsZero() && !slices.ContainsFunc(by, func(d load.Date) bool { return d != by[0] }) {
		v.UndatedBy = by[0].Human()
	}
	v.Sources = m.GroupCites(from, cites)
	v.Pictures = p.pics.CountryLinks(from, c)
	v.Snapshots = p.countrySnapshotLines(m, from, c)
	v.Summary = countrySummary(p.s, c)
	v.Page.Describe(v.Summary)
	return v
}

// sources is the bibliography, linked by m.
func (p *Planner) sources(m *view.Maker) view.SourcesView {
	v := view.SourcesView{Page: m.Frame(view.SourcesPath, "Sources")}
	cited := map[*site.Source][]view.FormatRef{}
	for _, f := range view.SortedFormats(p.s.Formats) {
		seen := map[*site.Source]bool{}
		for _, c := range f.Sources {
			if !seen[c.Source] {
				seen[c.Source] = true
				cited[c.Source] = append(cited[c.Source], m.FormatRef(view.SourcesPath, f))
			}
		}
	}
	citedLessons := map[*site.Source][]view.LessonRef{}
	for _, l := range p.s.Lessons {
		seen := map[*site.Source]bool{}
		for _, c := range l.Sources {
			if !seen[c.Source] {
				seen[c.Source] = true
				citedLessons[c.Source] = append(citedLessons[c.Source], m.LessonRef(view.SourcesPath, l))
			}
		}
	}
	for _, s := range p.s.Sources {
		v.Sources = append(v.Sources, view.SourceView{ID: s.ID, Anchor: view.SourceAnchor(s), Title: s.Title,
			Author: s.Author, Publisher: s.Publisher, Date: s.Date.Human(), URL: s.URL, Note: s.Note,
			Accessed: s.Accessed.Human(), ArchiveURL: s.ArchiveURL, Locators: locatorLabels(s),
			CitedBy: cited[s], CitedByLessons: citedLessons[s]})
	}
	return v
}

// locatorLabels are the labels of the locators src declares: its sections',
// then its footnotes as one range ("notes 1–51").
func locatorLabels(src *site.Source) []string {
	var out []string
	for _, id := range src.Locators() {
		if load.NoteLocator(id) == 0 {
			label, _ := src.LocatorLabel(id)
			out = append(out, label)
		}
	}
	slices.Sort(out)
	switch n := src.Record.Notes; {
	case n == 1:
		out = append(out, "note 1")
	case n > 1:
		out = append(out, fmt.Sprintf("notes 1–%d", n))
	}
	return out
}

// when says when a membership's role held: "since 4 April 2023", "until
// 31 January 2020", or "" when the content does not date it.
func when(ms *site.Membership) string {
	switch {
	case !ms.Until.IsZero():
		return "until " + ms.Until.Human()
	case !ms.Since.IsZero():
		return "since " + ms.Since.Human()
	}
	return ""
}

// sourceList is cites linked from the page at from, one entry a citation.
// The lists of the spans, from a page one folder deep (a format's or a
// country's), are made once, in New, and shared: one pointer for one list,
// so that the rows that show them are rendered once each (memo).
func (p *Planner) sourceList(m *view.Maker, from string, cites []site.Citation) *view.SourceList {
	if l, ok := p.spanSources[citeKey(cites)]; ok && m == p.site && view.RootOf(from) == "../" {
		return l
	}
	return makeSourceList(m, from, cites)
}

func makeSourceList(m *view.Maker, from string, cites []site.Citation) *view.SourceList {
	l := &view.SourceList{}
	for _, c := range cites {
		l.Items = append(l.Items, m.Cite(from, c))
	}
	return l
}

// citeKey tells lists of citations apart.
func citeKey(cites []site.Citation) string { return strings.Join(site.Refs(cites), " ") }

// shareSpanSources makes the source list of every span, from a page one
// folder deep.
func (p *Planner) shareSpanSources() {
	p.spanSources = map[string]*view.SourceList{}
	for _, f := range p.s.Formats {
		for _, sp := range f.Spans {
			if k := citeKey(sp.Sources); p.spanSources[k] == nil {
				p.spanSources[k] = makeSourceList(p.site, view.CountriesPath, sp.Sources)
			}
		}
	}
}
