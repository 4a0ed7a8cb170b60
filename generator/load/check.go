package load

import (
	"net/url"
	"regexp"
	"strings"

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
	if s.BaseURL != "" && !strings.HasSuffix(s.BaseURL, "/") {
		errs.Add(s.Where.Value("base_url", s.BaseURL), "base_url %q must end with a slash", s.BaseURL)
	}
}

func checkCountry(c *Country, errs *diag.List) {
	required(c.Where, errs, "country", [2]string{"code", c.Code}, [2]string{"name", c.Name})
	if c.Code != "" && !CodeRE.MatchString(c.Code) {
		errs.Add(c.Where.Value("code", c.Code), "country code %q is not an ISO 3166-1 alpha-3 code (three capital letters)", c.Code)
	}
}

func checkSource(s *Source, errs *diag.List) {
	required(s.Where, errs, "source", [2]string{"id", s.ID}, [2]string{"title", s.Title})
	if s.ID != "" && !SlugRE.MatchString(s.ID) {
		errs.Add(s.Where.Value("id", s.ID), "source id %q is not a lowercase slug (a-z, 0-9, -)", s.ID)
	}
	checkDate(s.Where, errs, "date", s.Date)
	if s.URL != "" && !WebURL(s.URL) {
		errs.Add(s.Where.Value("url", s.URL), "source url %q is not an http(s) URL", s.URL)
	}
}

// WebURL reports whether u is an absolute http or https URL: the only links to
// other sites that content may make.
func WebURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

func checkFormat(f *Format, errs *diag.List) {
	w := f.Where
	if !SlugRE.MatchString(f.ID) {
		errs.Add(diag.Position{Path: FormatsDir + "/" + f.ID + ".toml", Line: 1, Col: 1}, "format id %q (from the file name) is not a lowercase slug (a-z, 0-9, -)", f.ID)
	}
	if w.file == nil {
		return // the file did not decode; that error is reported already
	}
	required(w, errs, "format", [2]string{"name", f.Name}, [2]string{"category", f.Category}, [2]string{"status", f.Status})
	if len(f.Sources) == 0 {
		errs.Add(w.Pos(), "format: missing required key %q: every format cites a source", "sources")
	}
	vocab(w, errs, "category", f.Category, Categories)
	vocab(w, errs, "status", f.Status, Statuses)
	vocab(w, errs, "member_list", f.MemberList, MemberLists)
	if f.MemberList != "" && f.MemberList != "complete" && f.MemberListNote == "" {
		errs.Add(w.Key("member_list"), "member_list %q needs a member_list_note saying why", f.MemberList)
	}
	checkDate(w, errs, "founded", f.Founded)
	checkAliases(w, errs, f.Aliases)
	for i := range f.Events {
		checkEvent(&f.Events[i], errs)
	}
	checkEventOrder(f.Events, errs)
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

func checkEvent(e *Event, errs *diag.List) {
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
	vocab(w, errs, "role", e.Role, Roles)
}

func checkLesson(l *Lesson, errs *diag.List) {
	w := l.Where
	if !SlugRE.MatchString(l.ID) {
		errs.Add(diag.Position{Path: LessonsDir + "/" + l.ID + ".toml", Line: 1, Col: 1}, "lesson id %q (from the file name) is not a lowercase slug (a-z, 0-9, -)", l.ID)
	}
	if w.file == nil {
		return
	}
	required(w, errs, "lesson", [2]string{"title", l.Title}, [2]string{"kind", l.Kind}, [2]string{"summary", l.Summary})
	if len(l.Sources) == 0 {
		errs.Add(w.Pos(), "lesson: missing required key %q: every lesson cites a source", "sources")
	}
	vocab(w, errs, "kind", l.Kind, LessonKinds)
	checkAliases(w, errs, l.Aliases)
	for i := range l.Evidence {
		e := &l.Evidence[i]
		required(e.Where, errs, "evidence", [2]string{"format", e.Format})
		if e.Source == "" {
			errs.Add(e.Where.Pos(), "evidence: missing required key %q: every piece of evidence cites a source", "source")
		}
	}
}

func checkAliases(w Where, errs *diag.List, aliases []string) {
	for _, a := range aliases {
		if !SlugRE.MatchString(a) {
			errs.Add(w.Value("aliases", a), "alias %q is not a lowercase slug (a-z, 0-9, -)", a)
		}
	}
}
