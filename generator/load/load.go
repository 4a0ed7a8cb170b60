// Package load reads a site's content/ directory into raw records: TOML decoded
// strictly into structs, Markdown kept as bytes, every record able to say where
// its keys stand. It checks each record on its own (required keys, vocabularies,
// dates, slugs); references between records are checked by package site.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"formatlas/generator/diag"
	"formatlas/generator/internal/par"
)

// Paths of the content files, relative to the site directory.
const (
	SiteFile      = "content/site.toml"
	CountriesFile = "content/countries.toml"
	SourcesFile   = "content/sources.toml"
	FormatsDir    = "content/formats"
)

// Load reads content/ from fsys, the site directory. It returns every problem
// it finds as a diag.List; the Content is usable only when the error is nil.
func Load(fsys fs.FS) (*Content, error) {
	c := &Content{}
	var errs diag.List
	errs.Append(decodeFile(fsys, SiteFile, &c.Site, func(w Where) { c.Site.Where = w }))

	var countries struct {
		Country []Country `toml:"country"`
	}
	errs.Append(decodeFile(fsys, CountriesFile, &countries, func(w Where) {
		for i := range countries.Country {
			countries.Country[i].Where = w.sub(fmt.Sprintf("country.%d", i))
		}
	}))
	c.Countries = countries.Country

	var sources struct {
		Source []Source `toml:"source"`
	}
	errs.Append(decodeFile(fsys, SourcesFile, &sources, func(w Where) {
		for i := range sources.Source {
			sources.Source[i].Where = w.sub(fmt.Sprintf("source.%d", i))
		}
	}))
	c.Sources = sources.Source

	formats, err := loadFormats(fsys)
	errs.Append(err)
	c.Formats = formats

	checkSite(&c.Site, &errs)
	for i := range c.Countries {
		checkCountry(&c.Countries[i], &errs)
	}
	for i := range c.Sources {
		checkSource(&c.Sources[i], &errs)
	}
	for i := range c.Formats {
		checkFormat(&c.Formats[i], &errs)
	}
	return c, errs.Err()
}

// decodeFile decodes the TOML file at name into v strictly: unknown keys are
// errors. placed is called after decoding, to give records their positions.
func decodeFile(fsys fs.FS, name string, v any, placed func(Where)) error {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return &diag.Error{Pos: diag.Position{Path: name}, Msg: readErr(err)}
	}
	return decodeBytes(name, src, v, placed)
}

func decodeBytes(name string, src []byte, v any, placed func(Where)) error {
	file := newTOMLFile(name, src)
	md, err := toml.Decode(string(src), v)
	if err != nil {
		return tomlError(file, err)
	}
	var errs diag.List
	for _, k := range md.Undecoded() {
		key := k.String()
		errs.Add(file.Key(key), "unknown key %q", key)
	}
	placed(Where{file: file})
	return errs.Err()
}

func readErr(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "file is missing"
	}
	return err.Error()
}

var decodeErrRE = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// tomlError turns a BurntSushi/toml error into a positioned one.
func tomlError(file *tomlFile, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &diag.Error{
			Pos: diag.Position{Path: file.path, Line: pe.Position.Line, Col: max(pe.Position.Col, 1)},
			Msg: pe.Message,
		}
	}
	if m := decodeErrRE.FindStringSubmatch(err.Error()); m != nil {
		return &diag.Error{Pos: file.Key(m[2]), Msg: fmt.Sprintf("%s: %s", m[2], m[3])}
	}
	return &diag.Error{Pos: diag.Position{Path: file.path}, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}

// loadFormats reads every content/formats/<id>.toml with its optional <id>.md.
func loadFormats(fsys fs.FS) ([]Format, error) {
	entries, err := fs.ReadDir(fsys, FormatsDir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, &diag.Error{Pos: diag.Position{Path: FormatsDir}, Msg: err.Error()}
	}
	var errs diag.List
	records, commentary := map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		ext := path.Ext(name)
		switch {
		case e.IsDir() || strings.HasPrefix(name, "."):
		case ext == ".toml":
			records[strings.TrimSuffix(name, ext)] = true
		case ext == ".md":
			commentary[strings.TrimSuffix(name, ext)] = true
		default:
			errs.Add(diag.Position{Path: path.Join(FormatsDir, name), Line: 1, Col: 1}, "unexpected file: a format is <id>.toml with optional <id>.md")
		}
	}
	for id := range commentary {
		if !records[id] {
			errs.Add(diag.Position{Path: path.Join(FormatsDir, id+".md"), Line: 1, Col: 1}, "commentary without a record: %s.toml is missing", id)
		}
	}
	ids := make([]string, 0, len(records))
	for id := range records {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	formats := make([]Format, len(ids))
	perFile := make([]error, len(ids))
	par.Do(len(ids), func(i int) {
		perFile[i] = loadFormat(fsys, ids[i], commentary[ids[i]], &formats[i])
	})
	for _, err := range perFile {
		errs.Append(err)
	}
	return formats, errs.Err()
}

func loadFormat(fsys fs.FS, id string, hasMD bool, f *Format) error {
	name := path.Join(FormatsDir, id+".toml")
	var errs diag.List
	errs.Append(decodeFile(fsys, name, f, func(w Where) { f.Where = w }))
	f.ID = id
	for i := range f.Events {
		f.Events[i].Where = f.Where.sub(fmt.Sprintf("event.%d", i))
	}
	if hasMD {
		f.CommentaryPath = path.Join(FormatsDir, id+".md")
		md, err := fs.ReadFile(fsys, f.CommentaryPath)
		if err != nil {
			errs.Add(diag.Position{Path: f.CommentaryPath}, "%s", readErr(err))
		}
		f.Commentary = md
	}
	return errs.Err()
}

// In reports whether v is one of vocab.
func In(v string, vocab []string) bool { return slices.Contains(vocab, v) }
