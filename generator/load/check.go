package load

import (
	"maps"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"formatlas/generator/diag"
)

// SlugRE is the form of format, lesson, source and page ids.
var SlugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// CodeRE is the form of a country code: ISO 3166-1 alpha-3.
var CodeRE = regexp.MustCompile(`^[A-Z]{3}$`)

func required(w Where, errs *diag.List, kind string, fields ...[2]string) {
	for _, f := range fields {
		if strings.TrimSpace(f[1]) == "" {
			errs.Add(w.Pos(), "%s: missing required key %q", kind, f[0])
		}
	}
}

func vocab(w Where, errs *diag.List, key, v string, allowed []string) {
	if v != "" && !In(v, allowed) {
		errs.Add(w.Value(key, v), "%s %q is not one of: %s", key, v, strings.Join(allowed, ", "))
	}
}

func checkDate(w Where, errs *diag.List, key string, d Date) {
	if d.Invalid != "" {
		errs.Add(w.Key(key), "%s: %s", key, d.Invalid)
	}
}

func checkSite(s *Site, errs *diag.List) {
	if s.Where.file == nil {
		return
	}
	required(s.Where, errs, "site", [2]string{"title", s.Title})
	checkDate(s.Where, errs, "as_of", s.AsOf)
	if s.LicenceURL != "" && !WebURL(s.LicenceURL) {
		errs.Add(s.Where.Value("licence_url", s.LicenceURL), "licence_url %q is not an http(s) URL", s.LicenceURL)
	}
	if s.LicenceURL != "" && s.Licence == "" {
		errs.Add(s.Where.Key("licence_url"), "licence_url needs licence, the licence's id (such as CC-BY-4.0)")
	}
	checkVocabulary(s, errs)
	for i := range s.Snapshots {
		sn := &s.Snapshots[i]
		required(sn.Where, errs, "snapshot", [2]string{"label", sn.Label})
		if sn.Date.IsZero() && sn.Date.Invalid == "" {
			errs.Add(sn.Where.Pos(), "snapshot: missing required key %q", "date")
		}
		checkDate(sn.Where, errs, "date", sn.Date)
		if !sn.Date.IsZero() && !s.AsOf.IsZero() && sn.Date.Compare(s.AsOf) > 0 {
			errs.Add(sn.Where.Key("date"), "snapshot %s is after as_of %s: a snapshot shows an earlier date beside the content's", sn.Date, s.AsOf)
		}
		for _, prev := range s.Snapshots[:i] {
			if prev.Date == sn.Date && !sn.Date.IsZero() {
				errs.Add(sn.Where.Key("date"), "snapshot %s is given twice (first at %s)", sn.Date, prev.Where.Pos())
			}
		}
	}
	if s.BaseURL != "" {
		if problem := BaseURLProblem(s.BaseURL); problem != "" {
			errs.Add(s.Where.Value("base_url", s.BaseURL), "base_url %q %s", s.BaseURL, problem)
		}
	}
}

// BaseURLProblem says what is wrong with u as the URL the site is published
// at, or "". Every absolute link, the sitemap and robots.txt are made from it,
// so it must be an absolute http(s) URL with a host and end in a slash; a
// space or control character in it would break those files, or add lines to
// them.
func BaseURLProblem(u string) string {
	switch {
	case strings.IndexFunc(u, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return "holds a space or a control character; a URL has none (write a space in a path as %20)"
	case !WebURL(u):
		return "is not an absolute http(s) URL with a host, such as \"https://example.org/atlas/\""
	case !strings.HasSuffix(u, "/"):
		return "must end with a slash"
	}
	return ""
}

func checkCountry(c *Country, errs *diag.List) {
	required(c.Where, errs, "country", [2]string{"code", c.Code}, [2]string{"name", c.Name})
	if c.Code != "" && !CodeRE.MatchString(c.Code) {
		errs.Add(c.Where.Value("code", c.Code), "country code %q is not an ISO 3166-1 alpha-3 code (three capital letters)", c.Code)
	}
	vocab(c.Where, errs, "article", c.Article, []string{"the"})
}

func checkSource(s *Source, errs *diag.List) {
	required(s.Where, errs, "source", [2]string{"id", s.ID}, [2]string{"title", s.Title})
	if s.ID != "" && !SlugRE.MatchString(s.ID) {
		errs.Add(s.Where.Value("id", s.ID), "source id %q is not a lowercase slug (a-z, 0-9, -)", s.ID)
	}
	checkDate(s.Where, errs, "date", s.Date)
	for _, key := range []string{"url", "archive_url"} {
		if u := map[string]string{"url": s.URL, "archive_url": s.ArchiveURL}[key]; u != "" && !WebURL(u) {
			errs.Add(s.Where.Value(key, u), "source %s %q is not an http(s) URL", key, u)
		}
	}
	checkDate(s.Where, errs, "accessed", s.Accessed)
	if !s.Accessed.IsZero() && s.URL == "" {
		errs.Add(s.Where.Key("accessed"), "accessed dates a check of the url, and source %q has none", s.ID)
	}
	if s.Notes < 0 {
		errs.Add(s.Where.Key("notes"), "notes is the number of footnotes, not %d", s.Notes)
	}
	for _, id := range slices.Sorted(maps.Keys(s.Locators)) {
		switch {
		case !SlugRE.MatchString(id):
			errs.Add(s.Where.Key("locators."+id), "locator %q is not a lowercase slug (a-z, 0-9, -)", id)
		case NoteLocator(id) > 0:
			errs.Add(s.Where.Key("locators."+id), "locator %q is a footnote: declare the footnotes with notes = <how many>", id)
		case strings.TrimSpace(s.Locators[id]) == "":
			errs.Add(s.Where.Key("locators."+id), "locator %q needs the label a reader finds in the work", id)
		}
	}
}

// NoteLocator is N for the footnote locator "note-N", else 0.
func NoteLocator(id string) int {
	digits, ok := strings.CutPrefix(id, "note-")
	if !ok || digits == "" || digits[0] == '0' {
		return 0
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

// WebURL reports whether u is an absolute http or https URL: the only links to
// other sites that content may make.
func WebURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// Vocab is the site's vocabulary that records are checked against: the ids
// of its categories and roles.
type Vocab struct{ Categories, Roles []string }

func checkFormat(f *Format, v Vocab, errs *diag.List) {
	w := f.Where
	checkID(errs, "format", FormatsDir, f.ID)
	if w.file == nil {
		return // the file did not decode; that error is reported already
	}
	required(w, errs, "format", [2]string{"name", f.Name}, [2]string{"category", f.Category}, [2]string{"status", f.Status})
	if len(f.Sources) == 0 {
		errs.Add(w.Pos(), "format: missing required key %q: every format cites a source", "sources")
	}
	if f.Short != "" && utf8.RuneCountInString(f.Short) >= utf8.RuneCountInString(f.Name) {
		errs.Add(w.Key("short"), "short %q is no shorter than the name %q: leave it out", f.Short, f.Name)
	}
	vocab(w, errs, "category", f.Category, v.Categories)
	for _, l := range f.Members.InOrder(v.Roles) {
		if !In(l.Role, v.Roles) {
			errs.Add(w.Key("members."+l.Role), "[members] role %q is not one of: %s", l.Role, strings.Join(v.Roles, ", "))
		}
	}
	vocab(w, errs, "status", f.Status, Statuses)
	vocab(w, errs, "member_list", f.MemberList, MemberLists)
	if f.MemberList != "" && f.MemberList != "complete" && f.MemberListNote == "" {
		errs.Add(w.Key("member_list"), "member_list %q needs a member_list_note saying why", f.MemberList)
	}
	checkDate(w, errs, "founded", f.Founded)
	checkDate(w, errs, "members_as_of", f.MembersAsOf)
	f.Aliases = checkAliases(w, errs, "format", f.Aliases)
	for i := range f.Events {
		checkEvent(&f.Events[i], v.Roles, errs)
	}
	checkEventOrder(f.Events, errs)
	checkLeft(f, errs)
	for i := range f.Episodes {
		checkEpisode(&f.Episodes[i], v.Roles, errs)
	}
	checkEpisodeOverlaps(f.Episodes, errs)
}

func checkEpisode(e *Episode, roles []string, errs *diag.List) {
	w := e.Where
	required(w, errs, "member", [2]string{"country", e.Country}, [2]string{"role", e.Role})
	vocab(w, errs, "role", e.Role, roles)
	checkDate(w, errs, "since", e.Since)
	checkDate(w, errs, "until", e.Until)
	if !e.Since.IsZero() && !e.Until.IsZero() && e.Until.Compare(e.Since) < 0 {
		errs.Add(w.Key("until"), "member %s as %s: until %s is before since %s", e.Country, e.Role, e.Until, e.Since)
	}
	checkCell(w, errs, "note", e.Note)
}

// checkEpisodeOverlaps reports two episodes of one country in one role that
// hold at once: one role is held once at a time (two roles may overlap).
func checkEpisodeOverlaps(eps []Episode, errs *diag.List) {
	for i := range eps {
		for j := range i {
			a, b := &eps[j], &eps[i]
			if a.Country != b.Country || a.Role != b.Role || a.Role == "" {
				continue
			}
			if endsBefore(a, b) || endsBefore(b, a) {
				continue
			}
			errs.Add(b.Where.Pos(), "member %s as %s overlaps its episode at %s: end one before the other begins", b.Country, b.Role, a.Where.Pos())
		}
	}
}

// endsBefore reports whether episode a surely ends no later than b begins:
// dates that a year or month of the other may hold (2022 and 2022-05-18)
// cannot say so.
func endsBefore(a, b *Episode) bool {
	if a.Until.IsZero() || b.Since.IsZero() {
		return false
	}
	r := Within(a.Until, b.Since)
	return r == Before || r == Same
}

// checkEventOrder reports a country that left a format before it joined it.
func checkEventOrder(events []Event, errs *diag.List) {
	joined := map[string]*Event{}
	for i := range events {
		e := &events[i]
		if e.Change == "joined" && e.Country != "" && !e.Date.IsZero() {
			if first := joined[e.Country]; first == nil || e.Date.Compare(first.Date) < 0 {
				joined[e.Country] = e
			}
		}
	}
	for i := range events {
		e := &events[i]
		j := joined[e.Country]
		if e.Change == "left" && j != nil && !e.Date.IsZero() && e.Date.Compare(j.Date) < 0 {
			errs.Add(e.Where.Key("date"), "events out of order: %s left (%s) before it joined (%s)", e.Country, e.Date, j.Date)
		}
	}
}

func checkEvent(e *Event, roles []string, errs *diag.List) {
	w := e.Where
	if e.Date.IsZero() && e.Date.Invalid == "" {
		errs.Add(w.Pos(), "event: missing required key %q", "date")
	}
	checkDate(w, errs, "date", e.Date)
	required(w, errs, "event", [2]string{"change", e.Change})
	if e.Source == "" {
		errs.Add(w.Pos(), "event: missing required key %q: every dated event cites a source", "source")
	}
	vocab(w, errs, "change", e.Change, Changes)
	vocab(w, errs, "role", e.Role, roles)
	vocab(w, errs, "status", e.Status, Statuses)
	switch {
	case e.Change == "renamed" && e.FormerName == "":
		errs.Add(w.Pos(), "event: a %q event needs former_name, the name before it", e.Change)
	case e.Change != "renamed" && e.FormerName != "" && e.Change != "":
		errs.Add(w.Key("former_name"), "former_name belongs to a \"renamed\" event, not %q", e.Change)
	}
	if e.Status != "" && e.Country != "" {
		errs.Add(w.Key("status"), "status changes the whole format; an event of one country (%s) cannot", e.Country)
	}
	checkCell(w, errs, "note", e.Note)
}

func checkLesson(l *Lesson, errs *diag.List) {
	w := l.Where
	checkID(errs, "lesson", LessonsDir, l.ID)
	if w.file == nil {
		return
	}
	required(w, errs, "lesson", [2]string{"title", l.Title}, [2]string{"kind", l.Kind}, [2]string{"summary", l.Summary})
	if len(l.Sources) == 0 {
		errs.Add(w.Pos(), "lesson: missing required key %q: every lesson cites a source", "sources")
	}
	vocab(w, errs, "kind", l.Kind, LessonKinds)
	l.Aliases = checkAliases(w, errs, "lesson", l.Aliases)
	for i := range l.Evidence {
		e := &l.Evidence[i]
		required(e.Where, errs, "evidence", [2]string{"format", e.Format})
		if e.Source == "" {
			errs.Add(e.Where.Pos(), "evidence: missing required key %q: every piece of evidence cites a source", "source")
		}
	}
}

// reservedID is the id no format or lesson may have, nor take as an alias:
// its page would be the list of them all, <kind>s/index.html.
const reservedID = "index"

// checkID checks the id of a record of kind in dir, from its file name.
func checkID(errs *diag.List, kind, dir, id string) {
	pos := diag.Position{Path: dir + "/" + id + ".toml", Line: 1, Col: 1}
	switch {
	case !SlugRE.MatchString(id):
		errs.Add(pos, "%s id %q (from the file name) is not a lowercase slug (a-z, 0-9, -)", kind, id)
	case id == reservedID:
		errs.Add(pos, "%s id %q (from the file name) is taken: %ss/index.html is the list of %ss; rename the file", kind, id, kind, kind)
	}
}

// checkAliases checks the aliases of a record of kind, and returns them
// without the reserved id, whose redirect would replace the list of records
// (and have the build report that as well).
func checkAliases(w Where, errs *diag.List, kind string, aliases []string) []string {
	var kept []string
	for _, a := range aliases {
		switch {
		case !SlugRE.MatchString(a):
			errs.Add(w.Value("aliases", a), "alias %q is not a lowercase slug (a-z, 0-9, -)", a)
		case a == reservedID:
			errs.Add(w.Value("aliases", a), "alias %q is taken: %ss/index.html is the list of %ss, and cannot redirect to one %s; remove it", a, kind, kind, kind)
			continue
		}
		kept = append(kept, a)
	}
	return kept
}

// checkLeft reports a country that left a format it never belonged to: one
// neither in its member list nor in a joined, role or invited event dated no
// later than the leaving. The timeline would give it a membership with no
// start. A joined event dated later is reported by checkEventOrder instead.
func checkLeft(f *Format, errs *diag.List) {
	listed := map[string]bool{}
	for _, l := range f.Members {
		for _, code := range l {
			listed[code] = true
		}
	}
	for i := range f.Events {
		e := &f.Events[i]
		if e.Change != "left" || e.Country == "" || listed[e.Country] || heldBefore(f.Events, e) {
			continue
		}
		errs.Add(e.Where.Value("country", e.Country), "%s left, but the format never lists it: it is in no [members] list and has no joined, role or invited event before; add the event of its joining, or remove this one", e.Country)
	}
}

// heldBefore reports whether an event other than left says that its country
// held a place in the format by the time it left.
func heldBefore(events []Event, left *Event) bool {
	for i := range events {
		e := &events[i]
		if e.Country != left.Country {
			continue
		}
		switch e.Change {
		case "joined":
			return true // if dated after the leaving, checkEventOrder says so
		case "role", "invited":
			if e.Date.IsZero() || left.Date.IsZero() || e.Date.Compare(left.Date) <= 0 {
				return true
			}
		}
	}
	return false
}

// checkVocabulary checks the categories, groups and roles site.toml
// declares: each has an id, once, and a label; a group names declared
// categories; a role's symbol and letter are one character each.
func checkVocabulary(s *Site, errs *diag.List) {
	categories := map[string]Where{}
	for _, c := range s.Categories {
		checkTerm(errs, "category", c.ID, c.Label, c.Where, categories)
	}
	roles := map[string]Where{}
	for _, r := range s.Roles {
		checkTerm(errs, "role", r.ID, r.Label, r.Where, roles)
		for key, v := range map[string]string{"symbol": r.Symbol, "letter": r.Letter} {
			if v != "" && utf8.RuneCountInString(v) != 1 {
				errs.Add(r.Where.Value(key, v), "role %q: %s %q is not one character", r.ID, key, v)
			}
		}
	}
	for _, r := range s.Roles {
		vocab(r.Where, errs, "pattern", r.Pattern, Patterns)
	}
	checkMaps(s, errs)
	for _, k := range s.LessonKinds {
		required(k.Where, errs, "lesson_kind", [2]string{"id", k.ID}, [2]string{"label", k.Label})
		vocab(k.Where, errs, "id", k.ID, LessonKinds)
	}
	statuses := map[string]Where{}
	for _, st := range s.CountryStatuses {
		required(st.Where, errs, "country_status", [2]string{"format", st.Format}, [2]string{"label", st.Label})
		if prev, dup := statuses[st.Format]; dup && st.Format != "" {
			errs.Add(st.Where.Value("format", st.Format), "country_status of format %q is declared twice (first at %s)", st.Format, prev.Pos())
		}
		statuses[st.Format] = st.Where
	}
	if len(s.Groups) > 0 && len(s.Categories) == 0 {
		errs.Add(s.Groups[0].Where.Pos(), "group: groups picture declared categories, and site.toml declares none ([[category]])")
	}
	ids := s.CategoryIDs()
	groups := map[string]Where{}
	for _, g := range s.Groups {
		checkTerm(errs, "group", g.ID, g.Label, g.Where, groups)
		for n, c := range g.Categories {
			if !In(c, ids) {
				errs.Add(g.Where.ValueN("categories", c, CountBefore(g.Categories[:n], c)), "group %q: category %q is not one of: %s", g.ID, c, strings.Join(ids, ", "))
			}
		}
	}
}

// checkTerm checks one term of the vocabulary, a kind ("role") declared at
// w: it has an id, a slug, not seen before, and a label.
func checkTerm(errs *diag.List, kind, id, label string, w Where, seen map[string]Where) {
	required(w, errs, kind, [2]string{"id", id}, [2]string{"label", label})
	if id != "" && !SlugRE.MatchString(id) {
		errs.Add(w.Value("id", id), "%s id %q is not a lowercase slug (a-z, 0-9, -)", kind, id)
	}
	if prev, dup := seen[id]; dup && id != "" {
		errs.Add(w.Value("id", id), "%s %q is declared twice (first at %s)", kind, id, prev.Pos())
	}
	seen[id] = w
}

// CountBefore counts v in list: which occurrence of a value a position is.
func CountBefore(list []string, v string) int {
	n := 0
	for _, x := range list {
		if x == v {
			n++
		}
	}
	return n
}

// checkMaps checks the map views and maps site.toml declares: a view has an
// id, a label, a known projection, a centre when its projection needs one
// and bounds that are a box of the globe; a map has an id, a title and
// classes, each with a label, formats and known roles (the formats are
// checked when linked).
func checkMaps(s *Site, errs *diag.List) {
	views := map[string]Where{}
	for _, v := range s.MapViews {
		checkTerm(errs, "map_view", v.ID, v.Label, v.Where, views)
		required(v.Where, errs, "map_view", [2]string{"projection", v.Projection})
		vocab(v.Where, errs, "projection", v.Projection, Projections)
		switch {
		case v.Projection == "laea" && len(v.Center) != 2:
			errs.Add(v.Where.Key(cmpKey(v.Center != nil, "center")), "map_view %q: center must be [longitude, latitude], the centre of the laea projection", v.ID)
		case v.Projection == "equal-earth" && v.Center != nil:
			errs.Add(v.Where.Key("center"), "map_view %q: equal-earth is centred on the prime meridian and takes no center", v.ID)
		case len(v.Center) == 2 && (math.Abs(v.Center[0]) > 180 || math.Abs(v.Center[1]) > 90):
			errs.Add(v.Where.Key("center"), "map_view %q: center %v is not a longitude and a latitude", v.ID, v.Center)
		}
		if b := v.Bounds; len(b) != 4 || b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 {
			errs.Add(v.Where.Key(cmpKey(v.Bounds != nil, "bounds")), "map_view %q: bounds must be [west, south, east, north] in degrees, west below east and south below north", v.ID)
		}
	}
	roles := s.RoleIDs()
	maps := map[string]Where{}
	for _, m := range s.Maps {
		required(m.Where, errs, "map", [2]string{"title", m.Title})
		checkTerm(errs, "map", m.ID, "-", m.Where, maps) // the title is its label
		if len(m.Classes) == 0 {
			errs.Add(m.Where.Pos(), "map %q: no classes ([[map.class]]) to sort the countries into", m.ID)
		}
		for _, c := range m.Classes {
			required(c.Where, errs, "map class", [2]string{"label", c.Label})
			if len(c.Formats) == 0 {
				errs.Add(c.Where.Pos(), "map %q: class %q names no formats", m.ID, c.Label)
			}
			for n, r := range c.Roles {
				if !In(r, roles) {
					errs.Add(c.Where.ValueN("roles", r, CountBefore(c.Roles[:n], r)), "map %q: role %q is not one of: %s", m.ID, r, strings.Join(roles, ", "))
				}
			}
		}
	}
}

// cmpKey is key when the record has it, else "" (the record's own position).
func cmpKey(has bool, key string) string {
	if has {
		return key
	}
	return ""
}
