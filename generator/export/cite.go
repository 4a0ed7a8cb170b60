package export

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"formatlas/generator/load"
	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// The suggested citation of the atlas, as reference managers import it.
const (
	BibTeXPath = "data/cite.bib"
	RISPath    = "data/cite.ris"
)

// Citation is how to cite the atlas: its editors (site.toml's editors), or
// in their place the site's title as the author; its title; the date the
// content describes; and its address, base_url, if it has one.
type Citation struct {
	Editors []string
	Author  string // the site's title, when there are no editors
	Title   string
	AsOf    load.Date
	URL     string
}

// Cite is the site's one suggested citation.
func Cite(s *site.Site) Citation {
	c := Citation{Editors: s.Editors, Title: s.Title, AsOf: s.AsOf, URL: s.BaseURL}
	if len(c.Editors) == 0 {
		c.Author = s.Title
	}
	return c
}

// Text is the citation as a reader copies it: "Jane Doe and Ann Roe (eds.).
// Title. As of 1 December 2026. https://…", or with the title in the
// author's place, "Title. As of 1 December 2026. https://…".
func (c Citation) Text() string {
	var b strings.Builder
	if len(c.Editors) > 0 {
		b.WriteString(view.List(c.Editors))
		if len(c.Editors) == 1 {
			b.WriteString(" (ed.). ")
		} else {
			b.WriteString(" (eds.). ")
		}
	}
	b.WriteString(c.Title)
	b.WriteString(". As of ")
	b.WriteString(c.AsOf.Human())
	b.WriteString(".")
	if c.URL != "" {
		b.WriteString(" ")
		b.WriteString(c.URL)
	}
	return b.String()
}

// BibTeX is the citation as a @misc entry, keyed by the title's words and
// the year; an author who is the site's title is braced whole, so that no
// style reads it as a person's name.
func (c Citation) BibTeX() string {
	d := c.AsOf
	var b strings.Builder
	fmt.Fprintf(&b, "@misc{%s%d,\n", bibKey(c.Title), d.Year)
	field := func(name, value string) { fmt.Fprintf(&b, "  %s = {%s},\n", name, value) }
	field("title", "{"+bibEscape(c.Title)+"}")
	if len(c.Editors) > 0 {
		var names []string
		for _, e := range c.Editors {
			names = append(names, bibEscape(e))
		}
		field("editor", strings.Join(names, " and "))
	} else {
		field("author", "{"+bibEscape(c.Author)+"}")
	}
	field("year", fmt.Sprint(d.Year))
	if d.Month > 0 {
		fmt.Fprintf(&b, "  month = %s,\n", strings.ToLower(time.Month(d.Month).String()[:3]))
	}
	field("date", d.String())
	if c.URL != "" {
		field("url", c.URL)
	}
	field("note", "As of "+d.Human())
	b.WriteString("}\n")
	return b.String()
}

// bibKey is the first letter of each word of the title, lowercased: "asocf".
func bibKey(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(w)[0]
		if r < unicode.MaxASCII {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	if b.Len() == 0 {
		return "atlas"
	}
	return b.String()
}

// bibEscape escapes the characters TeX gives a meaning to.
var bibEscape = strings.NewReplacer(`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `&`, `\&`, `%`, `\%`,
	`$`, `\$`, `#`, `\#`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`).Replace

// RIS is the citation as a RIS record of type EBOOK (an electronic book,
// the type whose A2 the RIS specification reads as its editors), its lines
// ended with CR LF as the format asks: editors as A2, the site's title as
// the author in their place.
func (c Citation) RIS() string {
	d := c.AsOf
	var b strings.Builder
	tag := func(t, value string) {
		b.WriteString(t)
		b.WriteString("  - ")
		b.WriteString(strings.Join(strings.Fields(value), " "))
		b.WriteString("\r\n")
	}
	tag("TY", "EBOOK")
	tag("TI", c.Title)
	if len(c.Editors) > 0 {
		for _, e := range c.Editors {
			tag("A2", e)
		}
	} else {
		tag("AU", c.Author)
	}
	tag("PY", fmt.Sprint(d.Year))
	date := fmt.Sprintf("%04d", d.Year)
	if d.Month > 0 {
		date += fmt.Sprintf("/%02d", d.Month)
		if d.Day > 0 {
			date += fmt.Sprintf("/%02d", d.Day)
		}
	}
	tag("DA", date)
	if c.URL != "" {
		tag("UR", c.URL)
	}
	tag("N1", "As of "+d.Human())
	tag("ER", "")
	return b.String()
}

// CitationFiles are the citation's BibTeX and RIS files.
func CitationFiles(s *site.Site) []publish.File {
	c := Cite(s)
	return []publish.File{{Path: BibTeXPath, Data: []byte(c.BibTeX())}, {Path: RISPath, Data: []byte(c.RIS())}}
}
