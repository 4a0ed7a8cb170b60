package export

import (
	"path"
	"reflect"
	"regexp"
	"strings"

	"formatlas/generator/page/view"
	"formatlas/generator/publish"
	"formatlas/generator/site"
)

// DataPackagePath is the Frictionless Data Package that describes the
// exports: https://specs.frictionlessdata.io/data-package/.
const DataPackagePath = "data/datapackage.json"

// The descriptor, as much of the specification as the exports use.
type (
	DataPackage struct {
		Profile     string     `json:"profile"`
		Name        string     `json:"name"`
		Title       string     `json:"title"`
		Description string     `json:"description,omitempty"`
		Homepage    string     `json:"homepage,omitempty"`
		AsOf        string     `json:"as_of"` // the date the content was last reviewed
		Licenses    []License  `json:"licenses,omitempty"`
		Resources   []Resource `json:"resources"`
	}
	License struct {
		Name string `json:"name"`
		Path string `json:"path,omitempty"`
	}
	Resource struct {
		Name      string `json:"name"`
		Path      string `json:"path"` // relative to the descriptor
		Profile   string `json:"profile"`
		Format    string `json:"format"`
		MediaType string `json:"mediatype"`
		Encoding  string `json:"encoding"`
		Schema    Schema `json:"schema"`
	}
	Schema struct {
		Fields      []Field      `json:"fields"`
		PrimaryKey  string       `json:"primaryKey,omitempty"`
		ForeignKeys []ForeignKey `json:"foreignKeys,omitempty"`
	}
	Field struct {
		Name        string       `json:"name"`
		Type        string       `json:"type"`
		Description string       `json:"description,omitempty"`
		Constraints *Constraints `json:"constraints,omitempty"`
	}
	Constraints struct {
		Pattern string `json:"pattern,omitempty"`
	}
	ForeignKey struct {
		Fields    string    `json:"fields"`
		Reference Reference `json:"reference"`
	}
	Reference struct {
		Resource string `json:"resource"`
		Fields   string `json:"fields"`
	}
)

// datePattern is a date at the precision known: 2012, 2017-01 or 2012-09-04.
// The specification's date type needs a whole date, so dates are strings.
const datePattern = `[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?`

// dateFields are the fields that hold such dates.
var dateFields = map[string]bool{"founded": true, "date": true, "accessed": true, "since": true, "until": true}

// dataPackage describes the exports of s.
func dataPackage(s *site.Site) publish.File {
	// its JSON files are data, not tables: the tabular profiles take CSV only
	dp := DataPackage{Profile: "data-package", Name: packageName(s.Title), Title: s.Title,
		Description: s.Description, Homepage: s.BaseURL, AsOf: s.AsOf.String()}
	if s.Licence != "" {
		dp.Licenses = []License{{Name: s.Licence, Path: s.LicenceURL}}
	}
	ref := func(field, resource, key string) ForeignKey {
		return ForeignKey{Fields: field, Reference: Reference{Resource: resource, Fields: key}}
	}
	dp.Resources = []Resource{
		jsonResource(view.FormatsJSONPath, FormatRecord{}, "id"),
		countriesResource(s),
		jsonResource(view.LessonsJSONPath, LessonRecord{}, "id"),
		jsonResource(view.SourcesJSONPath, SourceRecord{}, "id"),
		csvResource(view.MembershipsCSVPath, MembershipColumns, ref("country", "countries", "code"), ref("format", "formats", "id")),
		csvResource(view.EventsCSVPath, EventColumns, ref("format", "formats", "id")),
	}
	return jsonFile(DataPackagePath, dp)
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// packageName is the title as the specification's name: lowercase letters,
// digits and hyphens.
func packageName(title string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(title), "-"), "-")
}

// resource is the resource of the export at p, with its fields.
func resource(p, format, mediaType string, fields []Field) Resource {
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	return Resource{Name: name, Path: path.Base(p), Profile: "tabular-data-resource", Format: format,
		MediaType: mediaType, Encoding: "utf-8", Schema: Schema{Fields: fields}}
}

// jsonResource describes a JSON array of the records of record's type,
// identified by key.
func jsonResource(p string, record any, key string) Resource {
	var fields []Field
	t := reflect.TypeOf(record)
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "-" {
			continue // written by the record's own MarshalJSON
		}
		typ := "string"
		switch t.Field(i).Type.Kind() {
		case reflect.Slice:
			typ = "array"
		case reflect.Map, reflect.Struct:
			typ = "object"
		case reflect.Int:
			typ = "integer"
		}
		fields = append(fields, field(p, name, typ))
	}
	r := resource(p, "json", "application/json", fields)
	r.Profile = "data-resource"
	r.Schema.PrimaryKey = key
	return r
}

// countriesResource describes countries.json: its fields, with a field for
// each status format of s before url.
func countriesResource(s *site.Site) Resource {
	r := jsonResource(view.CountriesJSONPath, CountryRecord{}, "code")
	fields := r.Schema.Fields
	last := fields[len(fields)-1] // url
	fields = fields[:len(fields)-1]
	for _, st := range s.Statuses {
		f := field(view.CountriesJSONPath, "<status>", "string")
		f.Name = st.Format.ID
		fields = append(fields, f)
	}
	r.Schema.Fields = append(fields, last)
	return r
}

// csvResource describes a CSV file with the columns, every one a string.
func csvResource(p string, columns []string, keys ...ForeignKey) Resource {
	var fields []Field
	for _, c := range columns {
		fields = append(fields, field(p, c, "string"))
	}
	r := resource(p, "csv", "text/csv", fields)
	r.Schema.ForeignKeys = keys
	return r
}

// field is the field name of the export at p, described as the data page
// describes it.
func field(p, name, typ string) Field {
	f := Field{Name: name, Type: typ, Description: describe(p, name)}
	if dateFields[name] && typ == "string" {
		f.Constraints = &Constraints{Pattern: datePattern}
	}
	return f
}

// describe is the meaning docs.toml gives the field name of the export at p.
func describe(p, name string) string {
	for _, d := range Docs() {
		if d.Path != p {
			continue
		}
		for _, f := range d.Fields {
			for _, n := range strings.Split(f[0], ",") {
				if strings.TrimSpace(n) == name {
					return f[1]
				}
			}
		}
	}
	return ""
}
