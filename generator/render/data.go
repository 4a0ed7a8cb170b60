package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"

	"formatlas/generator/publish"
	"formatlas/generator/site"
)

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

// The exports, as the model holds the content. They are data, free to reuse:
// the shape of each is documented on data/index.html.
type (
	FormatRecord struct {
		ID         string   `json:"id"`
		Name       string   `json:"name"`
		Abbr       string   `json:"abbr,omitempty"`
		Category   string   `json:"category"`
		Status     string   `json:"status"`
		Founded    string   `json:"founded,omitempty"`
		Parent     string   `json:"parent,omitempty"`
		Summary    string   `json:"summary,omitempty"`
		Focus      []string `json:"focus,omitempty"`
		MemberList string   `json:"member_list"`
		ListNote   string   `json:"member_list_note,omitempty"`
		Aliases    []string `json:"aliases,omitempty"`
		Sources    []string `json:"sources"`
		URL        string   `json:"url"`
	}
	CountryRecord struct {
		Code   string `json:"code"`
		Name   string `json:"name"`
		Region string `json:"region,omitempty"`
		NATO   string `json:"nato"` // the role held in NATO on the date shown, or "none"
		EU     string `json:"eu"`
		URL    string `json:"url"`
	}
	LessonRecord struct {
		ID       string           `json:"id"`
		Title    string           `json:"title"`
		Kind     string           `json:"kind"`
		Summary  string           `json:"summary"`
		Sources  []string         `json:"sources"`
		Evidence []EvidenceRecord `json:"evidence"`
		URL      string           `json:"url"`
	}
	EvidenceRecord struct {
		Format string `json:"format"`
		Note   string `json:"note,omitempty"`
		Source string `json:"source,omitempty"`
	}
	SourceRecord struct {
		ID        string `json:"id"`
		Title     string `json:"title"`
		Author    string `json:"author,omitempty"`
		Publisher string `json:"publisher,omitempty"`
		Date      string `json:"date,omitempty"`
		URL       string `json:"url,omitempty"`
		Note      string `json:"note,omitempty"`
	}
)

// Export column heads.
var (
	MembershipColumns = []string{"country", "format", "role", "since", "until", "sources"}
	EventColumns      = []string{"format", "date", "change", "country", "role", "source", "note"}
)

func citeIDs(cs []site.Citation) []string {
	out := []string{}
	for _, c := range cs {
		if c.Source == nil {
			continue
		}
		id := c.Source.ID
		if c.Locator != "" {
			id += "#" + c.Locator
		}
		out = append(out, id)
	}
	return out
}

// dataFiles writes every export. Records follow the model's order; JSON is
// indented one space; CSV is RFC 4180 with a header row.
func dataFiles(s *site.Site) []publish.File {
	var formats []FormatRecord
	for _, f := range s.Formats {
		r := FormatRecord{ID: f.ID, Name: f.Name, Abbr: f.Abbr, Category: f.Category, Status: f.Status,
			Founded: f.Founded.String(), Summary: f.Summary, Focus: f.Focus, MemberList: f.MemberList,
			ListNote: f.MemberListNote, Aliases: f.Aliases, Sources: citeIDs(f.Sources), URL: FormatPath(f)}
		if f.Parent != nil {
			r.Parent = f.Parent.ID
		}
		formats = append(formats, r)
	}
	var countries []CountryRecord
	for _, c := range s.Countries {
		countries = append(countries, CountryRecord{Code: c.Code, Name: c.Name, Region: c.Region,
			NATO: roleOrNone(c.NATO), EU: roleOrNone(c.EU), URL: CountryPath(c)})
	}
	var lessons []LessonRecord
	for _, l := range s.Lessons {
		r := LessonRecord{ID: l.ID, Title: l.Title, Kind: l.Kind, Summary: l.Summary, Sources: citeIDs(l.Sources),
			Evidence: []EvidenceRecord{}, URL: LessonPath(l)}
		for _, e := range l.Evidence {
			r.Evidence = append(r.Evidence, EvidenceRecord{Format: e.Format.ID, Note: e.Note,
				Source: strings.Join(citeIDs([]site.Citation{e.Source}), "")})
		}
		lessons = append(lessons, r)
	}
	var sources []SourceRecord
	for _, src := range s.Sources {
		sources = append(sources, SourceRecord{ID: src.ID, Title: src.Title, Author: src.Author,
			Publisher: src.Publisher, Date: src.Date.String(), URL: src.URL, Note: src.Note})
	}
	return []publish.File{
		jsonFile(FormatsJSONPath, formats),
		jsonFile(CountriesJSONPath, countries),
		jsonFile(LessonsJSONPath, lessons),
		jsonFile(SourcesJSONPath, sources),
		csvFile(MembershipsCSVPath, MembershipColumns, membershipRows(s)),
		csvFile(EventsCSVPath, EventColumns, eventRows(s)),
	}
}

// membershipRows lists every span the content knows of: one row per
// country, format and role, with its dates where events give them.
func membershipRows(s *site.Site) [][]string {
	var rows [][]string
	for _, f := range s.Formats {
		for _, sp := range f.Spans {
			cites := citeIDs(f.Sources)
			for _, e := range f.Events {
				if e.Country == sp.Country && e.Source.Source != nil {
					cites = append(cites, citeIDs([]site.Citation{e.Source})...)
				}
			}
			rows = append(rows, []string{sp.Country.Code, f.ID, sp.Role, sp.Since.String(), sp.Until.String(), strings.Join(cites, " ")})
		}
	}
	return rows
}

func eventRows(s *site.Site) [][]string {
	var rows [][]string
	for _, f := range s.Formats {
		for _, e := range f.Events {
			country := ""
			if e.Country != nil {
				country = e.Country.Code
			}
			rows = append(rows, []string{f.ID, e.Date.String(), e.Change, country, e.Role,
				strings.Join(citeIDs([]site.Citation{e.Source}), ""), e.Note})
		}
	}
	return rows
}

func jsonFile(path string, v any) publish.File {
	data, _ := json.MarshalIndent(v, "", " ") // plain records: cannot fail
	return publish.File{Path: path, Data: append(data, '\n')}
}

func csvFile(path string, head []string, rows [][]string) publish.File {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(head)
	w.WriteAll(rows) // into a buffer: cannot fail
	return publish.File{Path: path, Data: b.Bytes()}
}

// DataView is the page that documents the exports.
type DataView struct {
	Page
	ContentDate string
	Files       []DataFileView
}

// DataFileView is one export and its fields.
type DataFileView struct {
	Name, Href, Format, About string
	Anchor                    string      // its entry's id on the data page
	Fields                    [][2]string // name, meaning
}

// dataPage documents each export: its format and its fields.
func (p *planner) dataPage() DataView {
	from := DataPath
	file := func(path, format, about string, fields ...[2]string) DataFileView {
		name := strings.TrimPrefix(path, "data/")
		return DataFileView{Name: name, Href: relURL(from, path), Anchor: DataFileAnchor(name), Format: format, About: about, Fields: fields}
	}
	src := [2]string{"sources", "source references, \"<source id>\" or \"<source id>#<locator>\" (a footnote such as note-19, or a section); see sources.json"}
	return DataView{Page: p.frame(from, "Data"), ContentDate: p.s.AsOf.Human(), Files: []DataFileView{
		file(FormatsJSONPath, "JSON array", "Every format.",
			[2]string{"id", "the format's id, also its page: formats/<id>.html"}, [2]string{"name, abbr", "its name and abbreviation"},
			[2]string{"category", "alliance, partnership-framework, flexible, minilateral or eu"},
			[2]string{"status", "active, dormant, defunct or proposed"},
			[2]string{"founded", "a date: 2012, 2017-01 or 2012-09-04, at the precision known"},
			[2]string{"parent", "the id of its umbrella format"}, [2]string{"summary, focus", "one sentence in our words; topics"},
			[2]string{"member_list", "complete, incomplete (the source lists only some members) or derived (from a rule), with member_list_note"},
			[2]string{"aliases", "former ids, whose pages redirect"}, src, [2]string{"url", "its page, relative to the site"}),
		file(CountriesJSONPath, "JSON array", "Every country, with its NATO and EU status on the date shown.",
			[2]string{"code", "ISO 3166-1 alpha-3"}, [2]string{"name, region", "its short name and region"},
			[2]string{"nato, eu", "the role held in NATO and in the EU (member, aspirant, …), or none"}, [2]string{"url", "its page"}),
		file(LessonsJSONPath, "JSON array", "Every lesson, with the formats that show it.",
			[2]string{"id, title, kind, summary", "kind is success-factor, risk or recommendation"}, src,
			[2]string{"evidence", "the formats that show it: format id, note and source"}, [2]string{"url", "its page"}),
		file(SourcesJSONPath, "JSON array", "Every work cited. A note says when a fact is not from the paper but from the public record.",
			[2]string{"id, title, author, publisher, date, url, note", "as in content/sources.toml"}),
		file(MembershipsCSVPath, "CSV with a header row", "One row per country, format and role the content knows of, including roles that ended.",
			[2]string{"country, format, role", "country code, format id, role (lead, member, partner, observer, invited, aspirant)"},
			[2]string{"since", "the start of the role where a dated event gives it, else empty: the role was held by the as-of date"},
			[2]string{"until", "the end of the role where an event gives it, else empty: still held"},
			[2]string{"sources", "space-separated source references for the format's list and the country's events"}),
		file(EventsCSVPath, "CSV with a header row", "Every dated event.",
			[2]string{"format, date, change", "change is announced, founded, launched, endorsed, operational, expanded, joined, left, invited, applied, role, suspended, declaration, proposed or meeting"},
			[2]string{"country, role", "when the event concerns one country"}, [2]string{"source, note", "its source reference and a note"}),
	}}
}
