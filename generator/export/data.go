package export

import (
	_ "embed"
	"maps"
	"slices"
	"sync"

	"github.com/BurntSushi/toml"

	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"

	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// The exports, as the model holds the content. They are data, free to reuse:
// the shape of each is documented on data/index.html.
type (
	FormatRecord struct {
		ID         string   `json:"id"`
		Name       string   `json:"name"`
		Abbr       string   `json:"abbr,omitempty"`
		Short      string   `json:"short,omitempty"`
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
		// StatusHistory and FormerNames say how it changed; Successor and
		// Predecessors what replaced it and what it replaced.
		StatusHistory []StatusRecord `json:"status_history,omitempty"`
		FormerNames   []NameRecord   `json:"former_names,omitempty"`
		Successor     string         `json:"successor,omitempty"`
		Predecessors  []string       `json:"predecessors,omitempty"`
	}
	StatusRecord struct {
		Date   string `json:"date"`
		Status string `json:"status"`
		Source string `json:"source,omitempty"`
	}
	NameRecord struct {
		Name   string `json:"name"`
		Until  string `json:"until"`
		Source string `json:"source,omitempty"`
	}
	CountryRecord struct {
		Code    string   `json:"code"`
		Name    string   `json:"name"`
		Region  string   `json:"region,omitempty"`
		Aliases []string `json:"aliases"`
		// Statuses are written as fields of their own, before url: the
		// role held on the date shown in each of the site's status
		// formats, under its id ("nato": "member"), or "none".
		Statuses []StatusValue `json:"-"`
		URL      string        `json:"url"`
	}
	// StatusValue is the role a country holds in a status format.
	StatusValue  struct{ Format, Role string }
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
		ID         string            `json:"id"`
		Title      string            `json:"title"`
		Author     string            `json:"author,omitempty"`
		Publisher  string            `json:"publisher,omitempty"`
		Date       string            `json:"date,omitempty"`
		URL        string            `json:"url,omitempty"`
		Accessed   string            `json:"accessed,omitempty"`
		ArchiveURL string            `json:"archive_url,omitempty"`
		Note       string            `json:"note,omitempty"`
		Locators   map[string]string `json:"locators,omitempty"`
		Notes      int               `json:"notes,omitempty"`
	}
)

// Export column heads.
var (
	MembershipColumns = []string{"country", "format", "role", "since", "until", "sources", "member_list"}
	EventColumns      = []string{"format", "date", "change", "country", "role", "source", "note", "status", "former_name"}
)

// Data writes every export; an empty list is [], not null. Records follow the model's order; JSON is
// indented one space; CSV is RFC 4180 with a header row.
func Data(s *site.Site) []publish.File {
	formats := []FormatRecord{}
	for _, f := range s.Formats {
		r := FormatRecord{ID: f.ID, Name: f.Name, Abbr: f.Abbr, Short: f.Short, Category: f.Category, Status: f.Status,
			Founded: f.Founded.String(), Summary: f.Summary, Focus: f.Focus, MemberList: f.MemberList,
			ListNote: f.MemberListNote, Aliases: f.Aliases, Sources: site.Refs(f.Sources), URL: view.FormatPath(f)}
		if f.Parent != nil {
			r.Parent = f.Parent.ID
		}
		for _, c := range f.StatusHistory {
			r.StatusHistory = append(r.StatusHistory, StatusRecord{Date: c.Date.String(), Status: c.Status, Source: c.Source.Ref()})
		}
		for _, n := range f.FormerNames {
			r.FormerNames = append(r.FormerNames, NameRecord{Name: n.Name, Until: n.Until.String(), Source: n.Source.Ref()})
		}
		if f.Successor != nil {
			r.Successor = f.Successor.ID
		}
		for _, p := range f.Predecessors {
			r.Predecessors = append(r.Predecessors, p.ID)
		}
		formats = append(formats, r)
	}
	countries := []CountryRecord{}
	for _, c := range s.Countries {
		r := CountryRecord{Code: c.Code, Name: c.Name, Region: c.Region, Aliases: append([]string{}, c.Aliases...), URL: view.CountryPath(c)}
		for i, st := range s.Statuses {
			r.Statuses = append(r.Statuses, StatusValue{st.Format.ID, view.RoleOrNone(c.Statuses[i])})
		}
		countries = append(countries, r)
	}
	lessons := []LessonRecord{}
	for _, l := range s.Lessons {
		r := LessonRecord{ID: l.ID, Title: l.Title, Kind: l.Kind, Summary: l.Summary, Sources: site.Refs(l.Sources),
			Evidence: []EvidenceRecord{}, URL: view.LessonPath(l)}
		for _, e := range l.Evidence {
			r.Evidence = append(r.Evidence, EvidenceRecord{Format: e.Format.ID, Note: e.Note,
				Source: e.Source.Ref()})
		}
		lessons = append(lessons, r)
	}
	sources := []SourceRecord{}
	for _, src := range s.Sources {
		sources = append(sources, SourceRecord{ID: src.ID, Title: src.Title, Author: src.Author,
			Publisher: src.Publisher, Date: src.Date.String(), URL: src.URL, Accessed: src.Accessed.String(),
			ArchiveURL: src.ArchiveURL, Note: src.Note, Locators: src.Record.Locators, Notes: src.Record.Notes})
	}
	return []publish.File{
		jsonFile(view.FormatsJSONPath, formats),
		jsonFile(view.CountriesJSONPath, countries),
		jsonFile(view.LessonsJSONPath, lessons),
		jsonFile(view.SourcesJSONPath, sources),
		csvFile(view.MembershipsCSVPath, MembershipColumns, membershipRows(s)),
		csvFile(view.EventsCSVPath, EventColumns, eventRows(s)),
		dataPackage(s),
	}
}

// membershipRows lists every episode the content knows of: one row per
// country, format, role and time it was held, with its sources and the kind
// of member list it comes from.
func membershipRows(s *site.Site) [][]string {
	var rows [][]string
	for _, f := range s.Formats {
		for _, sp := range f.Spans {
			rows = append(rows, []string{sp.Country.Code, f.ID, sp.Role, sp.Since.String(), sp.Until.String(),
				strings.Join(site.Refs(sp.Sources), " "), f.MemberList})
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
			rows = append(rows, []string{f.ID, e.Date.String(), e.Change, country, e.Role, e.Source.Ref(), e.Note,
				e.Status, e.FormerName})
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

// FileDoc documents one export: its path, its format, what it holds and
// what each of its fields means.
type FileDoc struct {
	Path, Format, About string
	Fields              [][2]string // name, meaning
}

//go:embed docs.toml
var docsTOML string

// Docs documents every export, in the order the data page lists them. They
// are prose, kept in docs.toml beside this file.
var Docs = sync.OnceValue(func() []FileDoc {
	var d struct {
		File []FileDoc `toml:"file"`
	}
	if _, err := toml.Decode(docsTOML, &d); err != nil {
		panic("export/docs.toml: " + err.Error()) // embedded, and held by TestDocs
	}
	return d.File
})

// MarshalJSON writes the record's fields in order, each status as a field
// of its own before url.
func (r CountryRecord) MarshalJSON() ([]byte, error) {
	type plain struct { // the fields of the struct tags, in order
		Code    string   `json:"code"`
		Name    string   `json:"name"`
		Region  string   `json:"region,omitempty"`
		Aliases []string `json:"aliases"`
	}
	head, err := json.Marshal(plain{r.Code, r.Name, r.Region, r.Aliases})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(head[:len(head)-1]) // without its closing brace
	for _, st := range r.Statuses {
		k, _ := json.Marshal(st.Format)
		v, _ := json.Marshal(st.Role)
		b.WriteByte(',')
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	url, _ := json.Marshal(r.URL)
	b.WriteString(`,"url":`)
	b.Write(url)
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads a record MarshalJSON wrote: the fields it does not
// know as statuses, in no particular order.
func (r *CountryRecord) UnmarshalJSON(data []byte) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return err
	}
	known := map[string]any{"code": &r.Code, "name": &r.Name, "region": &r.Region, "aliases": &r.Aliases, "url": &r.URL}
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if dst, ok := known[k]; ok {
			if err := json.Unmarshal(fields[k], dst); err != nil {
				return err
			}
			continue
		}
		var role string
		if err := json.Unmarshal(fields[k], &role); err != nil {
			return err
		}
		r.Statuses = append(r.Statuses, StatusValue{k, role})
	}
	return nil
}
