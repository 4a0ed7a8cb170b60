// Package generator builds a formatlas site: a static, cross-linked atlas of
// security cooperation formats made from TOML records and Markdown commentary.
//
// # The site directory
//
// A site directory holds content/ and, optionally, templates/ and static/,
// which lie over the default theme embedded in the binary (see Themed):
//
//	content/site.toml        title, description, base_url, as_of, licence, licence_url, [[snapshot]],
//	                         the vocabulary: [[category]] id, label, description;
//	                         [[group]] id, label, phrase, categories;
//	                         [[role]] id, label, symbol, letter, membership, singular, plural
//	content/countries.toml   [[country]] code, name, region, aliases, article
//	content/sources.toml     [[source]] id, title, author, publisher, date, url, accessed,
//	                         archive_url, note, notes, [source.locators]
//	content/formats/<id>.toml + <id>.md   a format and its commentary
//	content/lessons/<id>.toml + <id>.md   a lesson and its commentary
//	content/pages/<slug>.md  a free page, with +++ TOML front matter (title)
//	templates/               html/template files: base.html, one per page kind, partials/
//	static/                  copied to the output; .css and .js are fingerprinted into assets/;
//	                         site.css, if there is one, is linked after the theme's style.css;
//	                         Go files are not copied
//
// Ids and slugs are lowercase (a-z, 0-9, -), taken from file names for
// formats, lessons and pages. Files are UTF-8; a byte-order mark is dropped.
//
// # Formats
//
// A format record has these keys (unknown keys are errors):
//
//	name, abbr, category, status, founded, parent, summary, focus, sources,
//	member_list, member_list_note, aliases, successor, [members],
//	members_as_of, [[member]], [[event]]
//
// name, category, status and sources are required. category is one of the
// site's categories: those site.toml declares with [[category]], in display
// order, else the built-in alliance, partnership-framework, flexible,
// minilateral and eu. [[group]] names categories whose formats are
// pictured together in one UpSet plot; without groups, each category has
// its own. status is one of active, dormant, suspended, defunct, proposed:
// the status on as_of. Format statuses and event kinds are built in.
// [members] maps a role to ISO 3166-1 alpha-3 country codes. The roles are
// those site.toml declares with [[role]], in display order, else the
// built-in lead, member, partner, observer, invited and aspirant; a role
// without a symbol gets a spare one, without a letter its label's first,
// and counts as a membership if membership says so (lead and member do by
// default). A [members] list gives the codes, a country at most once: roles held by
// as_of. members_as_of, when given, is the date of the source the list comes
// from: its roles whose start no event dates, and the episodes without a
// since, are then held from that date, or before, to as_of or their until,
// where otherwise the content could not tell whether they were held before
// as_of. member_list is complete (the default), incomplete or derived; the
// latter two need a member_list_note. aliases are former ids: their pages
// redirect here. successor is the id of the format that replaced this one; it
// ends this one, and may not lead back to it. NATO and the EU are formats
// too, with ids nato and eu, and a country's NATO and EU status is derived
// from them.
//
// Each [[member]] is an episode: a country, a role, an optional since and
// until, sources of its own (else the format's) and a note. A country is
// given in [members] or as episodes, not both; one role is held once at a
// time, and two roles may hold at once. Lead and member are memberships,
// which counts of members count; the other roles are counted apart.
//
// Each [[event]] has a date, a change (announced, founded, launched, endorsed,
// operational, expanded, joined, left, invited, applied, role, suspended,
// declaration, proposed, meeting, renamed, replaced), a source, and
// optionally a country, a role, a note, a status (the format's from that
// date) and, for "renamed", a former_name. "joined" and "role" events date
// the start of the role held; "left" ends one; a country may not leave
// before it joins. The status on as_of must be the one the events give.
//
// # Lessons
//
// A lesson has a title, a kind (success-factor, risk, recommendation), a
// summary, sources, optional aliases, and [[evidence]] entries: a format, a
// note and a source.
//
// # Dates
//
// A date is a TOML integer year (2012), a TOML local date (2012-09-04) or a
// string for a month ("2017-01"). The model keeps the precision given, and
// answers which roles were held on a date with that precision in mind.
//
// # Sources and cross-references
//
// A source reference is "<source-id>" or "<source-id>#<locator>". A locator
// is declared by its source: note-1 to note-N by notes = N, shown as "note
// 19", and others in [source.locators] with the heading a reader finds in
// the work; an undeclared locator is an error. A source url and archive_url
// must be http(s); accessed dates the check of url. Markdown links may use
// the schemes format:<id>, country:<code>, lesson:<id>, page:<slug> and
// source:<id>, with an optional #anchor for the first four; they are
// checked, anchors included, and resolved to relative URLs.
//
// # Dates shown
//
// as_of is the date the content was last reviewed; [[snapshot]] tables
// (date, label) are earlier dates to show beside it. Showing a date after
// as_of is allowed, with a warning.
//
// # Output
//
// Every internal link is relative and names a file, so the output works from
// a server and from file://. The same input gives byte-identical output, and a
// build writes a fresh directory and swaps it in, so a failed build leaves the
// previous output untouched. Errors are reported as path:line:col: message,
// all of them, sorted.
package generator

import (
	"fmt"
	"io"
	"io/fs"
	"sync/atomic"

	"formatlas/generator/diag"
	"formatlas/generator/export"
	"formatlas/generator/internal/overlay"
	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/publish"
	"formatlas/generator/render"
	"formatlas/generator/site"
	"formatlas/static"
	"formatlas/templates"
)

// Generate loads, links and renders the site directory siteFS in memory. It
// runs every stage it can, so one run reports the mistakes of all of them: a
// record that fails its schema is still linked and rendered as far as it goes.
// Only when countries.toml or sources.toml cannot be read does it stop after
// loading, since every reference to them would then look wrong.
func Generate(siteFS fs.FS) ([]publish.File, error) {
	r, err := Check(siteFS, Options{})
	if err != nil {
		return nil, err
	}
	return r.Files, nil
}

// Result is a checked site: its files, rendered in memory, and its model.
type Result struct {
	Files []publish.File
	Site  *site.Site
}

// Options changes what a build makes of the site directory.
type Options struct {
	// BaseURL replaces base_url of site.toml, as for a deploy preview. It is
	// an absolute http(s) URL ending in a slash.
	BaseURL string
	// AsOf shows the members of another date than as_of of site.toml, as far
	// as dated events tell. Zero means as_of.
	AsOf load.Date
	// SiteDir is the site directory on disk, which Build's output may not
	// replace, hold or lie inside; "" when siteFS is not on disk.
	SiteDir string
	// Force lets Build replace a non-empty output directory that no
	// formatlas build made, or files in one that its manifest does not list.
	Force bool
	// Warn, if set, is told what is not an error but a reader should know:
	// an AsOf after the date the content was last reviewed.
	Warn func(msg string)
	// GitHubPages builds for a host that sets no headers, as GitHub Pages:
	// each page carries the Content-Security-Policy as a meta tag, and the
	// output has .nojekyll, so that the host publishes it as it is.
	GitHubPages bool
}

// Check runs every stage in memory and writes nothing. The error lists every
// problem found, as a diag.List sorted by position.
func Check(siteFS fs.FS, opts Options) (*Result, error) {
	return check(Themed(siteFS), opts, markdown.New(markdown.Options{}), load.Load)
}

// check is Check with the converter md, loading the content with loader.
func check(siteFS fs.FS, opts Options, md *markdown.Converter, loader loader) (*Result, error) {
	model, errs := link(siteFS, opts, loader)
	if model == nil {
		return nil, errs.Err()
	}
	files, err := render.Render(model, siteFS, render.Options{Markdown: md})
	errs.Append(err)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &Result{Files: files, Site: model}, nil
}

// loader loads a site's content: load.Load, or through a load.Cache.
type loader func(fs.FS) (*load.Content, error)

// link loads the site with loader and links it with opts. The model is nil
// when there is none to render.
func link(siteFS fs.FS, opts Options, loader loader) (*site.Site, diag.List) {
	var errs diag.List
	content, err := loader(siteFS)
	errs.Append(err)
	if problem := load.BaseURLProblem(opts.BaseURL); opts.BaseURL != "" && problem != "" {
		errs.Append(fmt.Errorf("base URL %q %s", opts.BaseURL, problem))
		return nil, errs
	}
	if reviewed := content.Site.AsOf; opts.Warn != nil && !opts.AsOf.IsZero() && !reviewed.IsZero() && opts.AsOf.Compare(reviewed) > 0 {
		opts.Warn(fmt.Sprintf("showing %s, after %s, when the content was last reviewed (as_of in content/site.toml): what changed since is not in it", opts.AsOf, reviewed))
	}
	if content.Broken { // nothing will be rendered: report the commentaries' own mistakes here
		errs.Append(load.CheckMarkdown(siteFS, content.CommentaryPaths()))
		return nil, errs
	}
	sopts := site.Options{AsOf: opts.AsOf, BaseURL: opts.BaseURL}
	if opts.GitHubPages {
		sopts.MetaPolicy = export.MetaPolicy()
	}
	model, err := site.LinkWith(content, sopts)
	errs.Append(err)
	return model, errs
}

// Build generates the site in siteFS and writes it atomically to out, each
// file as soon as it is rendered; it returns how many files it wrote. On any
// error, out is left as it was. An out that the build may not replace (see
// publish.CheckOut) is a *publish.OutError, found before anything is read.
func Build(siteFS fs.FS, out string, opts Options) (int, error) {
	dir, err := publish.Open(out, publish.Options{Site: opts.SiteDir, Force: opts.Force})
	if err != nil {
		return 0, err
	}
	siteFS = Themed(siteFS)
	model, errs := link(siteFS, opts, load.Load)
	if model == nil {
		dir.Abort()
		return 0, errs.Err()
	}
	if len(errs) > 0 { // report rendering's mistakes too, without writing
		dir.Abort()
		_, err := render.Render(model, siteFS, render.Options{Markdown: markdown.New(markdown.Options{})})
		errs.Append(err)
		return 0, errs.Err()
	}
	counter := &countingSink{Sink: dir}
	if err := render.RenderTo(counter, model, siteFS, render.Options{Markdown: markdown.New(markdown.Options{})}); err != nil {
		dir.Abort()
		return 0, err
	}
	return int(counter.n.Load()), dir.Commit()
}

// countingSink counts the files it passes on.
type countingSink struct {
	publish.Sink
	n atomic.Int64
}

func (c *countingSink) Put(f publish.File) error {
	err := c.Sink.Put(f)
	if err == nil {
		c.n.Add(1)
	}
	return err
}

func (c *countingSink) Create(path string) (io.WriteCloser, error) {
	w, err := c.Sink.Create(path)
	if err == nil {
		c.n.Add(1)
	}
	return w, err
}

// Themed is the site directory siteFS over the embedded default theme: a
// file of the site's templates/ or static/ replaces the theme's file of the
// same name, and adds to the theme otherwise. Only regular files of the site
// are read.
func Themed(siteFS fs.FS) fs.FS {
	return overlay.New(load.RegularFS(siteFS), map[string]fs.FS{"templates": templates.FS, "static": static.FS})
}

// ResponseHeaders are the headers the published site sends with the file at
// name, a path of the output, as the build writes them to _headers: serve
// sends them too.
func ResponseHeaders(name string) [][2]string {
	var out [][2]string
	for _, h := range export.HeadersFor(name) {
		out = append(out, [2]string{h.Name, h.Value})
	}
	return out
}
