package export

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"formatlas/generator/page/view"
	"formatlas/generator/site"
)

// TestDocs holds the data page's documentation, docs.toml, to the exports:
// it documents each file Data writes, once, in the order written, and every
// field of each: each JSON key of its records, each CSV column.
func TestDocs(t *testing.T) {
	docs := Docs()
	var paths []string
	for _, f := range Data(&site.Site{}) {
		paths = append(paths, f.Path)
	}
	var documented []string
	for _, d := range docs {
		documented = append(documented, d.Path)
		if d.Format == "" || d.About == "" || len(d.Fields) == 0 {
			t.Errorf("%s: format, about or fields missing", d.Path)
		}
	}
	if !slices.Equal(documented, paths) {
		t.Fatalf("documented %v, written %v", documented, paths)
	}
	fields := map[string][]string{
		view.FormatsJSONPath:    jsonKeys(FormatRecord{}),
		view.CountriesJSONPath:  jsonKeys(CountryRecord{}),
		view.LessonsJSONPath:    jsonKeys(LessonRecord{}),
		view.SourcesJSONPath:    jsonKeys(SourceRecord{}),
		view.MembershipsCSVPath: MembershipColumns,
		view.EventsCSVPath:      EventColumns,
		DataPackagePath:         jsonKeys(DataPackage{}),
	}
	for _, d := range docs {
		var names []string
		for _, f := range d.Fields {
			for _, n := range strings.Split(f[0], ",") {
				names = append(names, strings.TrimSpace(n))
			}
		}
		for _, want := range fields[d.Path] {
			if !slices.Contains(names, want) && !(want == "member_list_note" && slices.Contains(names, "member_list")) {
				t.Errorf("%s: field %q is not documented", d.Path, want)
			}
		}
		for _, n := range names {
			if !slices.Contains(fields[d.Path], n) {
				t.Errorf("%s: documents %q, which it does not have", d.Path, n)
			}
		}
	}
}

// jsonKeys are the JSON keys of the record type of v.
func jsonKeys(v any) []string {
	var out []string
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "-" { // written by the record's MarshalJSON: CountryRecord's statuses
			name = "<status>"
		}
		out = append(out, name)
	}
	return out
}
