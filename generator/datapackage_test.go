package generator_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"path"
	"slices"
	"testing"

	"formatlas/generator"
	"formatlas/generator/export"
)

// TestDataPackage reads data/datapackage.json of the real site and of the
// time fixture and holds it to the files it describes: each resource's file
// exists; a CSV's header is its fields, in order; every key of every JSON
// record is a field; primary keys are unique, and every foreign key names
// fields that exist and resolves, value by value. The licence and as_of are
// the site's. CSV files are tabular resources, JSON files data resources.
func TestDataPackage(t *testing.T) {
	for name, fsys := range map[string]func() *generator.Result{
		"real": func() *generator.Result { return mustCheck(t, realFS(t)) },
		"time": func() *generator.Result { return mustCheck(t, fixtureFS(t, "site-time")) },
	} {
		t.Run(name, func(t *testing.T) {
			r := fsys()
			files := map[string][]byte{}
			for _, f := range r.Files {
				files[f.Path] = f.Data
			}
			var dp export.DataPackage
			if err := json.Unmarshal(files[export.DataPackagePath], &dp); err != nil {
				t.Fatal(err)
			}
			if dp.AsOf != r.Site.AsOf.String() || dp.Profile != "data-package" || dp.Name == "" {
				t.Errorf("as_of %q, profile %q, name %q", dp.AsOf, dp.Profile, dp.Name)
			}
			if r.Site.Licence != "" && (len(dp.Licenses) != 1 || dp.Licenses[0].Name != r.Site.Licence || dp.Licenses[0].Path != r.Site.LicenceURL) {
				t.Errorf("licenses %+v, site %q %q", dp.Licenses, r.Site.Licence, r.Site.LicenceURL)
			}
			rows := map[string][]map[string]any{} // resource -> its records
			fieldsOf := map[string][]string{}
			for _, res := range dp.Resources {
				data, ok := files[path.Join(path.Dir(export.DataPackagePath), res.Path)]
				if !ok {
					t.Fatalf("resource %s: no file %s", res.Name, res.Path)
				}
				var names []string
				for _, f := range res.Schema.Fields {
					names = append(names, f.Name)
				}
				fieldsOf[res.Name] = names
				if want := map[string]string{"csv": "tabular-data-resource", "json": "data-resource"}[res.Format]; res.Profile != want {
					t.Errorf("%s: profile %q, want %q", res.Name, res.Profile, want)
				}
				switch res.Format {
				case "csv":
					recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
					if err != nil {
						t.Fatal(err)
					}
					if !slices.Equal(recs[0], names) {
						t.Errorf("%s: header %v, schema %v", res.Name, recs[0], names)
					}
					for _, rec := range recs[1:] {
						row := map[string]any{}
						for i, v := range rec {
							row[recs[0][i]] = v
						}
						rows[res.Name] = append(rows[res.Name], row)
					}
				case "json":
					var recs []map[string]any
					if err := json.Unmarshal(data, &recs); err != nil {
						t.Fatal(err)
					}
					rows[res.Name] = recs
					for _, row := range rows[res.Name] {
						for k := range row {
							if !slices.Contains(names, k) {
								t.Errorf("%s: key %q of a record is no field of the schema", res.Name, k)
							}
						}
					}
				default:
					t.Errorf("%s: format %q", res.Name, res.Format)
				}
				if len(rows[res.Name]) == 0 && name == "real" {
					t.Errorf("%s: no records", res.Name)
				}
			}
			for _, res := range dp.Resources {
				if k := res.Schema.PrimaryKey; k != "" {
					seen := map[any]bool{}
					for _, row := range rows[res.Name] {
						if seen[row[k]] {
							t.Errorf("%s: primary key %s %v twice", res.Name, k, row[k])
						}
						seen[row[k]] = true
					}
				}
				for _, fk := range res.Schema.ForeignKeys {
					to := fk.Reference
					if !slices.Contains(fieldsOf[res.Name], fk.Fields) || !slices.Contains(fieldsOf[to.Resource], to.Fields) {
						t.Fatalf("%s: foreign key %+v names a field that does not exist", res.Name, fk)
					}
					keys := map[any]bool{}
					for _, row := range rows[to.Resource] {
						keys[row[to.Fields]] = true
					}
					for _, row := range rows[res.Name] {
						if !keys[row[fk.Fields]] {
							t.Errorf("%s: %s %v is no %s of %s", res.Name, fk.Fields, row[fk.Fields], to.Fields, to.Resource)
						}
					}
				}
			}
		})
	}
}

func mustCheck(t *testing.T, fsys fs.FS) *generator.Result {
	t.Helper()
	r, err := generator.Check(fsys, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
