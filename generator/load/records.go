package load

import (
	"cmp"
	"formatlas/generator/diag"
	"formatlas/generator/internal/tomlpos"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Content is everything under content/, decoded and schema-checked but not yet
// linked: references are still strings.
type Content struct {
	Site      Site
	Countries []Country
	Sources   []Source
	Formats   []Format // sorted by ID
	Lessons   []Lesson // sorted by ID
	Pages     []Page   // sorted by Slug

	// Broken is set when countries.toml or sources.toml did not decode or
	// holds no records: the records are missing, so linking would report
	// every reference to them, burying the real mistake.
	Broken bool
}

// Site is content/site.toml.
type Site struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	BaseURL     string `toml:"base_url"`
	// Editors are the people who edit the atlas, as they are to be
	// cited ("Jane Doe"); without them the citation names the title.
	Editors []string `toml:"editors"`
	AsOf    Date     `toml:"as_of"` // the date the content was last reviewed
	// Licence is the licence of the data and commentary, as an SPDX id
	// ("CC-BY-4.0"), and LicenceURL its text.
	Licence    string `toml:"licence"`
	LicenceURL string `toml:"licence_url"`
	// LicenceStatement is the data page's paragraph on the licence, in
	// place of a plain one made from licence and licence_url.
	LicenceStatement string `toml:"licence_statement"`
	// Intro is the home page's paragraph on what the atlas covers.
	Intro string `toml:"intro"`
	// LessonKinds relabel the kinds of lesson, whose ids are built in.
	LessonKinds []LessonKind `toml:"lesson_kind"`
	// Snapshots are other dates to show beside as_of, such as a source's.
	Snapshots []Snapshot `toml:"snapshot"`
	// Categories are the kinds of format, in display order; none means
	// DefaultCategories. Groups are categories pictured together in one
	// UpSet plot; none means one plot a category, or with the default
	// categories DefaultGroups.
	Categories []Category `toml:"category"`
	Groups     []Group    `toml:"group"`
	// Roles are the roles countries hold in formats, in display order;
	// none means DefaultRoles.
	Roles []Role `toml:"role"`
	// CountryStatuses are the columns of a country's standing in one format
	// each, such as its NATO membership; none means none.
	CountryStatuses []CountryStatus `toml:"country_status"`
	// MapViews are the views maps are drawn in, in order: a map takes the
	// first that holds all its countries. None means DefaultMapViews.
	MapViews []MapView `toml:"map_view"`
	// Maps are the site's own maps beside the built-in ones: each sorts
	// countries into classes by the roles they hold.
	Maps  []Map `toml:"map"`
	Where Where `toml:"-"`
}

// MapView is one [[map_view]] of site.toml: an extent of the world and the
// projection it is drawn in.
type MapView struct {
	ID    string `toml:"id"`
	Label string `toml:"label"` // "Europe"
	// Projection is "laea" (Lambert azimuthal equal-area on the GRS80
	// ellipsoid, centred on Center: EPSG:3035 for Center [10, 52]) or
	// "equal-earth" (Equal Earth, centred on the prime meridian).
	Projection string    `toml:"projection"`
	Center     []float64 `toml:"center"` // longitude, latitude in degrees
	Bounds     []float64 `toml:"bounds"` // west, south, east, north in degrees: what the view shows
	Where      Where     `toml:"-"`
}

// Projections are the values of a map view's projection.
var Projections = []string{"laea", "equal-earth"}

// DefaultMapViews are the views of a site that declares none: the world.
var DefaultMapViews = []MapView{
	{ID: "world", Label: "World", Projection: "equal-earth", Bounds: []float64{-180, -58, 180, 84}},
}

// MapViewVocabulary is the site's map views that can be drawn (load
// reports the others), else DefaultMapViews.
func (s *Site) MapViewVocabulary() []MapView {
	var out []MapView
	for _, v := range s.MapViews {
		if v.Drawable() {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return DefaultMapViews
	}
	return out
}

// Drawable reports whether the view has what its projection needs and
// bounds that are a box of the globe.
func (v MapView) Drawable() bool {
	b := v.Bounds
	box := len(b) == 4 && b[0] < b[2] && b[1] < b[3] && b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90
	switch v.Projection {
	case "laea":
		return box && len(v.Center) == 2 && math.Abs(v.Center[0]) <= 180 && math.Abs(v.Center[1]) <= 90
	case "equal-earth":
		return box
	}
	return false
}

// Map is one [[map]] of site.toml: a map of its own, whose classes sort the
// countries. A country is in the first class for which it holds one of the
// class's roles in one of its formats.
type Map struct {
	ID          string     `toml:"id"`
	Title       string     `toml:"title"`
	Description string     `toml:"description"` // what it shows, and whose reading it is
	Classes     []MapClass `toml:"class"`
	Where       Where      `toml:"-"`
}

// MapClass is one class of a Map.
type MapClass struct {
	Label   string   `toml:"label"`
	Formats []string `toml:"formats"` // format ids
	Roles   []string `toml:"roles"`   // role ids; none means any role
	Where   Where    `toml:"-"`
}

// LessonKind is one [[lesson_kind]] of site.toml: a heading and a sentence
// for the lessons of one of the built-in kinds (LessonKinds).
type LessonKind struct {
	ID          string `toml:"id"`
	Label       string `toml:"label"`
	One         string `toml:"one"` // the label of one lesson of the kind ("Risk"); Label if ""
	Description string `toml:"description"`
	Where       Where  `toml:"-"`
}

// OneLabel is the kind's label for one lesson of it.
func (k LessonKind) OneLabel() string { return cmp.Or(k.One, k.Label) }

// DefaultLessonKinds are the kinds' headings and sentences where site.toml
// gives none.
var DefaultLessonKinds = []LessonKind{
	{ID: "success-factor", Label: "Success factors", One: "Success factor", Description: "What makes a format work."},
	{ID: "risk", Label: "Risks", One: "Risk", Description: "What can go wrong."},
	{ID: "recommendation", Label: "Recommendations", One: "Recommendation", Description: "What the evidence suggests should be done."},
}

// LessonKind is the heading and sentence of the lesson kind id: the site's,
// else the default.
func (s *Site) LessonKind(id string) LessonKind {
	for _, k := range s.LessonKinds {
		if k.ID == id {
			return k
		}
	}
	for _, k := range DefaultLessonKinds {
		if k.ID == id {
			return k
		}
	}
	return LessonKind{ID: id, Label: id}
}

// CountryStatus is one [[country_status]] of site.toml: a country's
// standing in the format, shown as a column of its own.
type CountryStatus struct {
	Format string `toml:"format"` // the format's id
	Label  string `toml:"label"`  // the column's heading: "NATO"
	Where  Where  `toml:"-"`
}

// Category is one [[category]] of site.toml: a kind of format.
type Category struct {
	ID          string `toml:"id"`
	Label       string `toml:"label"`       // its heading: "Minilateral formats"
	Description string `toml:"description"` // a sentence on what its formats are
	Where       Where  `toml:"-"`
}

// Group is one [[group]] of site.toml: categories whose formats are
// pictured together.
type Group struct {
	ID         string   `toml:"id"`
	Label      string   `toml:"label"`  // its heading
	Phrase     string   `toml:"phrase"` // the label inside a sentence; the label if not given
	Categories []string `toml:"categories"`
	Where      Where    `toml:"-"`
}

// DefaultCategories are the categories of a site that declares none.
var DefaultCategories = []Category{
	{ID: "alliance", Label: "Alliances", Description: "Collective defence organisations."},
	{ID: "partnership-framework", Label: "Partnership frameworks", Description: "Frameworks and programmes through which an organisation works with partner countries."},
	{ID: "flexible", Label: "Flexible formats", Description: "Groupings that work within or alongside an organisation's structures with some members and partners."},
	{ID: "minilateral", Label: "Minilateral formats", Description: "Smaller groupings that operate outside such structures."},
	{ID: "eu", Label: "Union formats", Description: "A union of states and the formats embedded in it."},
}

// Role is one [[role]] of site.toml: a role a country may hold in a
// format, such as member or partner.
type Role struct {
	ID     string `toml:"id"`
	Label  string `toml:"label"`  // "Lead nation"
	Symbol string `toml:"symbol"` // one character to see it by; a spare one when not given
	Letter string `toml:"letter"` // one letter beside it; the label's first when not given
	// Membership says whether it counts as a membership; lead and member
	// do when it is not given, the others do not.
	Membership *bool `toml:"membership"`
	// Singular and Plural name its holders in counts ("3 partners"); the
	// label in lower case, and that with an s, when not given.
	Singular string `toml:"singular"`
	Plural   string `toml:"plural"`
	// Pattern fills its countries on maps, so that colour is not the only
	// cue: one of Patterns, each role its own; solid for a membership, else
	// hatch, when not given.
	Pattern string `toml:"pattern"`
	Where   Where  `toml:"-"`
}

// Patterns are the fills a role may have on maps.
var Patterns = []string{"solid", "hatch", "dots", "cross", "rings", "lines"}

// Fill is the role's pattern on maps.
func (r Role) Fill() string {
	if r.Pattern != "" {
		return r.Pattern
	}
	if r.Counts() {
		return "solid"
	}
	return "hatch"
}

// One names one holder of the role: "partner", "invited country".
func (r Role) One() string { return cmp.Or(r.Singular, strings.ToLower(r.Label)) }

// Many names its holders: "partners", "invited countries".
func (r Role) Many() string { return cmp.Or(r.Plural, r.One()+"s") }

// Counts reports whether a role counts as a membership.
func (r Role) Counts() bool {
	if r.Membership != nil {
		return *r.Membership
	}
	return r.ID == "lead" || r.ID == "member"
}

// DefaultRoles are the roles of a site that declares none.
var DefaultRoles = []Role{
	{ID: "lead", Label: "Lead nation", Symbol: "★", Letter: "L", Pattern: "cross"},
	{ID: "member", Label: "Member", Symbol: "●", Letter: "M", Pattern: "solid"},
	{ID: "partner", Label: "Partner", Symbol: "◐", Letter: "P", Pattern: "hatch"},
	{ID: "observer", Label: "Observer", Symbol: "○", Letter: "O", Pattern: "dots"},
	{ID: "invited", Label: "Invited", Symbol: "◇", Letter: "I", Singular: "invited country", Plural: "invited countries", Pattern: "rings"},
	{ID: "aspirant", Label: "Aspirant", Symbol: "△", Letter: "A", Pattern: "lines"},
}

// spareSymbols are given, in order, to declared roles without a symbol:
// those no other role of the site has.
var spareSymbols = []string{"◆", "■", "▲", "▼", "□", "▽", "◈", "◎", "◉", "◍", "◢", "◣"}

// RoleVocabulary is the site's roles, in display order, each with its
// symbol and letter: those it declares, else DefaultRoles.
func (s *Site) RoleVocabulary() []Role {
	if len(s.Roles) == 0 {
		return DefaultRoles
	}
	out := slices.Clone(s.Roles)
	taken := map[string]bool{}
	for _, r := range out {
		taken[r.Symbol] = true
	}
	spare := 0
	for i := range out {
		r := &out[i]
		for r.Symbol == "" && spare < len(spareSymbols) {
			if sym := spareSymbols[spare]; !taken[sym] {
				r.Symbol, taken[sym] = sym, true
			}
			spare++
		}
		if r.Letter == "" && r.Label != "" {
			first, _ := utf8.DecodeRuneInString(r.Label)
			r.Letter = string(unicode.ToUpper(first))
		}
	}
	return out
}

// RoleIDs are the ids of the site's roles, in display order.
func (s *Site) RoleIDs() []string {
	var ids []string
	for _, r := range s.RoleVocabulary() {
		if !In(r.ID, ids) { // a second is reported by checkVocabulary
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// DefaultGroups are the groups of a site that declares no categories.
var DefaultGroups = []Group{
	{ID: "flexible-minilateral", Label: "Flexible and minilateral formats", Phrase: "flexible and minilateral formats", Categories: []string{"flexible", "minilateral"}},
	{ID: "partnership", Label: "Partnership frameworks", Phrase: "partnership frameworks", Categories: []string{"partnership-framework"}},
}

// Vocabulary is the site's categories and groups: those it declares, else
// the defaults.
func (s *Site) Vocabulary() ([]Category, []Group) {
	if len(s.Categories) == 0 {
		return DefaultCategories, DefaultGroups
	}
	if len(s.Groups) > 0 {
		return s.Categories, s.Groups
	}
	groups := make([]Group, len(s.Categories)) // one plot a category
	for i, c := range s.Categories {
		groups[i] = Group{ID: c.ID, Label: c.Label, Categories: []string{c.ID}}
	}
	return s.Categories, groups
}

// CategoryIDs are the ids of the site's categories, in display order.
func (s *Site) CategoryIDs() []string {
	cats, _ := s.Vocabulary()
	var ids []string
	for _, c := range cats {
		if !In(c.ID, ids) { // a second is reported by checkVocabulary
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// Snapshot is one [[snapshot]] of site.toml: a date and what it is.
type Snapshot struct {
	Date  Date   `toml:"date"`
	Label string `toml:"label"`
	Where Where  `toml:"-"`
}

// Country is one [[country]] of content/countries.toml.
type Country struct {
	Code   string `toml:"code"`
	Name   string `toml:"name"`
	Region string `toml:"region"`
	// Aliases are other names it is known by, such as former names
	// ("Turkey"): shown on its page and found by search.
	Aliases []string `toml:"aliases"`
	// Article is "the" for a name that takes it in a sentence ("the
	// United Kingdom"), else empty.
	Article string `toml:"article"`
	Where   Where  `toml:"-"`
}

// Source is one [[source]] of content/sources.toml.
type Source struct {
	ID         string `toml:"id"`
	Title      string `toml:"title"`
	Author     string `toml:"author"`
	Publisher  string `toml:"publisher"`
	Date       Date   `toml:"date"`
	URL        string `toml:"url"`
	Accessed   Date   `toml:"accessed"`    // when url was last checked
	ArchiveURL string `toml:"archive_url"` // a copy that stays, such as the Wayback Machine's
	Note       string `toml:"note"`        // e.g. that a fact comes from the public record, not the paper
	// Locators are the places in the work that citations may name, by id,
	// each with the label a reader finds there: a section's title. Notes
	// declares the footnotes note-1 to note-<Notes>, labelled "note N".
	Locators map[string]string `toml:"locators"`
	Notes    int               `toml:"notes"`
	Where    Where             `toml:"-"`
}

// Format is content/formats/<id>.toml with its commentary <id>.md.
type Format struct {
	ID   string `toml:"-"` // from the file name
	Name string `toml:"name"`
	Abbr string `toml:"abbr"`
	// Short is the atlas's own label for tight places (matrix heads,
	// pictures), used there before Abbr; it claims no official use.
	Short          string   `toml:"short"`
	Category       string   `toml:"category"`
	Status         string   `toml:"status"`
	Founded        Date     `toml:"founded"`
	Parent         string   `toml:"parent"`
	Summary        string   `toml:"summary"`
	Focus          []string `toml:"focus"`
	Sources        []string `toml:"sources"`
	MemberList     string   `toml:"member_list"`
	MemberListNote string   `toml:"member_list_note"`
	Members        Members  `toml:"members"`
	// MembersAsOf is the date of the source [members] comes from: its roles
	// whose start no event dates are held from then, or before, to as_of.
	// Zero means as_of.
	MembersAsOf Date      `toml:"members_as_of"`
	Episodes    []Episode `toml:"member"` // dated, sourced roles: [[member]]
	// Successor is the id of the format that replaced this one: its end.
	Successor string   `toml:"successor"`
	Events    []Event  `toml:"event"`
	Aliases   []string `toml:"aliases"` // former ids, whose URLs redirect here

	CommentaryPath string `toml:"-"` // its Markdown, read when rendered; "" if there is no .md file
	Where          Where  `toml:"-"`
}

// Members maps each role to country codes.
type Members map[string][]string

// RoleList is the countries listed for one role.
type RoleList struct {
	Role  string
	Codes []string
}

// InOrder is the lists in the order of roles, the site's role ids, then
// those of other roles, which the check reports, by name.
func (m Members) InOrder(roles []string) []RoleList {
	var out []RoleList
	for _, r := range roles {
		if codes, ok := m[r]; ok {
			out = append(out, RoleList{r, codes})
		}
	}
	for _, r := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(roles, r) {
			out = append(out, RoleList{r, m[r]})
		}
	}
	return out
}

// Episode is one [[member]] of a format: a time a country held a role, with
// the sources that establish it. Since is zero when the start is not known:
// the role was held by as_of. Until is zero while it is held.
type Episode struct {
	Country string   `toml:"country"`
	Role    string   `toml:"role"`
	Since   Date     `toml:"since"`
	Until   Date     `toml:"until"`
	Sources []string `toml:"sources"`
	Note    string   `toml:"note"`
	Where   Where    `toml:"-"`
}

// Event is a dated change of a format, with its own source.
type Event struct {
	Date    Date   `toml:"date"`
	Country string `toml:"country"`
	Change  string `toml:"change"`
	Role    string `toml:"role"`
	Source  string `toml:"source"`
	Note    string `toml:"note"`
	// Status is the format's status from this date on, when the event
	// changes it; FormerName is the name it had before a "renamed" event.
	Status     string `toml:"status"`
	FormerName string `toml:"former_name"`
	Where      Where  `toml:"-"`
}

// Lesson is content/lessons/<id>.toml with its commentary <id>.md.
type Lesson struct {
	ID       string     `toml:"-"` // from the file name
	Title    string     `toml:"title"`
	Kind     string     `toml:"kind"`
	Summary  string     `toml:"summary"`
	Sources  []string   `toml:"sources"`
	Evidence []Evidence `toml:"evidence"`
	Aliases  []string   `toml:"aliases"` // former ids, whose URLs redirect here

	CommentaryPath string `toml:"-"` // as for a Format
	Where          Where  `toml:"-"`
}

// Evidence is a format that shows a lesson, with a note and a source.
type Evidence struct {
	Format string `toml:"format"`
	Note   string `toml:"note"`
	Source string `toml:"source"`
	Where  Where  `toml:"-"`
}

// Page is a free page, content/pages/<slug>.md, with TOML front matter
// between "+++" lines. Body keeps the front matter's lines as blank lines, so
// Markdown line numbers stay true.
type Page struct {
	Slug  string `toml:"-"`
	Title string `toml:"title"`
	Body  []byte `toml:"-"`
	Path  string `toml:"-"`
	Where Where  `toml:"-"`
}

// Vocabularies of the content model.
var (
	Statuses    = []string{"active", "dormant", "suspended", "defunct", "proposed"}
	Changes     = []string{"announced", "founded", "launched", "endorsed", "operational", "expanded", "joined", "left", "invited", "applied", "role", "suspended", "declaration", "proposed", "meeting", "renamed", "replaced"}
	MemberLists = []string{"complete", "incomplete", "derived"}
	LessonKinds = []string{"success-factor", "risk", "recommendation"}
)

// Where places a record's keys and values in its file.
type Where struct {
	file   *tomlpos.File
	prefix string // dotted path of the record inside the file, "" for a whole file
}

// Path is the file, relative to the site directory.
func (w Where) Path() string {
	if w.file == nil {
		return ""
	}
	return w.file.Path()
}

// Pos is the position of the record itself.
func (w Where) Pos() diag.Position { return w.Key("") }

// Key is the position of key (dotted, relative to the record).
func (w Where) Key(key string) diag.Position {
	if w.file == nil {
		return diag.Position{}
	}
	return w.file.Key(tomlpos.Join(w.prefix, key))
}

// Value is the position of the string lit in the value of key.
func (w Where) Value(key, lit string) diag.Position { return w.ValueN(key, lit, 0) }

// ValueN is the position of the nth (from 0) occurrence of lit in the value of
// key, for a value listed more than once.
func (w Where) ValueN(key, lit string, nth int) diag.Position {
	if w.file == nil {
		return diag.Position{}
	}
	return w.file.Value(tomlpos.Join(w.prefix, key), lit, nth)
}

func (w Where) sub(key string) Where { return Where{file: w.file, prefix: tomlpos.Join(w.prefix, key)} }
