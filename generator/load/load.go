// Package load reads a site's content/ directory into raw records: TOML decoded
// strictly into structs, Markdown kept as bytes, every record able to say where
// its keys stand. It checks each record on its own (required keys, vocabularies,
// dates, slugs); references between records are checked by package site.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"formatlas/generator/diag"
	"formatlas/generator/internal/par"
	"formatlas/generator/internal/tomlpos"
)

// Paths of the content files, relative to the site directory.
const (
	SiteFile      = "content/site.toml"
	CountriesFile = "content/countries.toml"
	SourcesFile   = "content/sources.toml"
	FormatsDir    = "content/formats"
	LessonsDir    = "content/lessons"
	PagesDir      = "content/pages"
)

const contentDir = "content"

// contentEntries are the names content/ may hold: anything else is a mistake
// (content/format/, content/site.tml) whose records would silently be left out.
var contentEntries = []string{"site.toml", "countries.toml", "sources.toml", "formats", "lessons", "pages"}

// Load reads content/ from fsys, the site directory. It returns every problem
// it finds as a diag.List, and always a Content: records with errors are kept
// as far as they decoded, so later stages can report their own problems too.
func Load(fsys fs.FS) (*Content, error) { return load(fsys, nil) }

// load is Load, taking formats and lessons from cache where it can.
func load(fsys fs.FS, cache *Cache) (*Content, error) {
	c := &Content{}
	var errs diag.List
	errs.Append(checkContentDir(fsys))
	errs.Append(decodeFile(fsys, SiteFile, &c.Site, func(w Where) {
		c.Site.Where = w
		sub(w, "category", c.Site.Categories, func(x *Category) *Where { return &x.Where })
		sub(w, "group", c.Site.Groups, func(x *Group) *Where { return &x.Where })
		sub(w, "role", c.Site.Roles, func(x *Role) *Where { return &x.Where })
		sub(w, "lesson_kind", c.Site.LessonKinds, func(x *LessonKind) *Where { return &x.Where })
		sub(w, "country_status", c.Site.CountryStatuses, func(x *CountryStatus) *Where { return &x.Where })
		sub(w, "snapshot", c.Site.Snapshots, func(x *Snapshot) *Where { return &x.Where })
		sub(w, "map_view", c.Site.MapViews, func(x *MapView) *Where { return &x.Where })
		sub(w, "map", c.Site.Maps, func(x *Map) *Where { return &x.Where })
		for i := range c.Site.Maps {
			sub(c.Site.Maps[i].Where, "class", c.Site.Maps[i].Classes, func(x *MapClass) *Where { return &x.Where })
		}
	}))

	var countries struct {
		Country []Country `toml:"country"`
	}
	countriesOK, sourcesOK := false, false
	errs.Append(decodeFile(fsys, CountriesFile, &countries, func(w Where) {
		countriesOK = true
		for i := range countries.Country {
			countries.Country[i].Where = w.sub(fmt.Sprintf("country.%d", i))
		}
	}))
	c.Countries = countries.Country
	countriesOK = someRecords(&errs, countriesOK, len(c.Countries), CountriesFile,
		"no countries: the file holds no [[country]] entries; every format's members refer to them")

	var sources struct {
		Source []Source `toml:"source"`
	}
	errs.Append(decodeFile(fsys, SourcesFile, &sources, func(w Where) {
		sourcesOK = true
		for i := range sources.Source {
			sources.Source[i].Where = w.sub(fmt.Sprintf("source.%d", i))
		}
	}))
	c.Sources = sources.Source
	sourcesOK = someRecords(&errs, sourcesOK, len(c.Sources), SourcesFile,
		"no sources: the file holds no [[source]] entries; every format, event and lesson cites them")
	c.Broken = !countriesOK || !sourcesOK

	formatIDs, err := recordIDs(fsys, FormatsDir)
	errs.Append(err)
	c.Formats = make([]Format, len(formatIDs))
	errs.Append(loadEach(formatIDs, func(i int) error {
		return loadFormat(fsys, formatIDs[i], &c.Formats[i], cache)
	}))
	lessonIDs, err := recordIDs(fsys, LessonsDir)
	errs.Append(err)
	c.Lessons = make([]Lesson, len(lessonIDs))
	errs.Append(loadEach(lessonIDs, func(i int) error {
		return loadLesson(fsys, lessonIDs[i], &c.Lessons[i], cache)
	}))
	pages, err := loadPages(fsys)
	errs.Append(err)
	c.Pages = pages

	checkSite(&c.Site, &errs)
	for i := range c.Countries {
		checkCountry(&c.Countries[i], &errs)
	}
	for i := range c.Sources {
		checkSource(&c.Sources[i], &errs)
	}
	v := Vocab{Categories: c.Site.CategoryIDs(), Roles: c.Site.RoleIDs()}
	for i := range c.Formats {
		checkFormat(&c.Formats[i], v, &errs)
	}
	for i := range c.Lessons {
		checkLesson(&c.Lessons[i], &errs)
	}
	// a record with the reserved id is reported; its page would replace the
	// list of its kind, which the build would report again
	c.Formats = slices.DeleteFunc(c.Formats, func(f Format) bool { return f.ID == reservedID })
	c.Lessons = slices.DeleteFunc(c.Lessons, func(l Lesson) bool { return l.ID == reservedID })
	return c, errs.Err()
}

// sub gives each item of the array of tables key, decoded at w, its
// position: the where field that at points to.
func sub[T any](w Where, key string, items []T, at func(*T) *Where) {
	for i := range items {
		*at(&items[i]) = w.sub(fmt.Sprintf("%s.%d", key, i))
	}
}

// someRecords reports a file that decoded (decoded) but holds none of the
// records (n) that others refer to: each reference would be reported as
// unknown instead. It returns whether the records can be linked.
func someRecords(errs *diag.List, decoded bool, n int, name, msg string) bool {
	if decoded && n == 0 {
		errs.Add(diag.Position{Path: name, Line: 1, Col: 1}, "%s", msg)
		return false
	}
	return decoded
}

// checkContentDir reports the entries of content/ that no stage reads. A
// missing content/ is left to the files it should hold to report.
func checkContentDir(fsys fs.FS) error {
	entries, err := fs.ReadDir(fsys, contentDir)
	if err != nil {
		return nil
	}
	var errs diag.List
	for _, e := range entries {
		name := e.Name()
		if IsEditorFile(name) || In(name, contentEntries) {
			continue
		}
		pos, what := diag.Position{Path: path.Join(contentDir, name), Line: 1, Col: 1}, "file"
		if e.IsDir() {
			pos, what = diag.Position{Path: pos.Path}, "folder"
		}
		msg := fmt.Sprintf("unexpected %s: content/ holds site.toml, countries.toml, sources.toml and the folders formats, lessons and pages", what)
		errs.Add(pos, "%s", msg+diag.DidYouMean(name, contentEntries))
	}
	return errs.Err()
}

// decodeFile decodes the TOML file at name into v strictly: unknown keys are
// errors. placed is called after decoding, to give records their positions.
func decodeFile(fsys fs.FS, name string, v any, placed func(Where)) error {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return &diag.Error{Pos: diag.Position{Path: name, Line: 1, Col: 1}, Msg: readErr(err)}
	}
	return decodeBytes(name, src, v, placed)
}

func decodeBytes(name string, src []byte, v any, placed func(Where)) error {
	src = bytes.TrimPrefix(src, utf8BOM)
	if err := checkText(name, src); err != nil {
		return err
	}
	file := tomlpos.New(name, src)
	md, err := toml.Decode(string(src), v)
	if err != nil {
		return tomlError(file, err)
	}
	errs := file.ControlEscapes()
	for _, k := range md.Undecoded() {
		key := k.String()
		msg := fmt.Sprintf("unknown key %q", key) + diag.DidYouMean(k[len(k)-1], keysAt(reflect.TypeOf(v), k[:len(k)-1]))
		for _, pos := range file.KeysLike(key) {
			errs.Add(pos, "%s", msg)
		}
	}
	placed(Where{file: file})
	return errs.Err()
}

// keysAt lists the TOML keys that the struct type t accepts at the table
// path, following struct fields by their toml tags and skipping array indexes.
func keysAt(t reflect.Type, path []string) []string {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice:
			t = t.Elem()
			continue
		}
		break
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	if len(path) > 0 {
		if _, err := strconv.Atoi(path[0]); err == nil { // an [[array]] index
			return keysAt(t, path[1:])
		}
		for i := range t.NumField() {
			if tag := tomlTag(t.Field(i)); tag == path[0] {
				return keysAt(t.Field(i).Type, path[1:])
			}
		}
		return nil
	}
	var keys []string
	for i := range t.NumField() {
		if tag := tomlTag(t.Field(i)); tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}

func tomlTag(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	return tag
}

// utf8BOM is the byte-order mark some editors put first; it is dropped.
var utf8BOM = []byte("\ufeff")

// checkText reports what makes src no text: a byte that is not UTF-8, else
// the first control character of each line that has one. Tab, LF and CR are
// text; any other C0 control would reach the pages and feeds as is, where it
// is invalid (XML forbids it) or invisible.
func checkText(name string, src []byte) error {
	if err := checkUTF8(name, src); err != nil {
		return err
	}
	var errs diag.List
	line := 1
	for off := 0; off < len(src); off++ {
		c := src[off]
		switch {
		case c == '\n':
			line++
		case c < 0x20 && c != '\t' && !(c == '\r' && off+1 < len(src) && src[off+1] == '\n'):
			col := off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
			errs.Add(diag.Position{Path: name, Line: line, Col: col}, "a control character U+%04X in the text; remove it", c)
			next := bytes.IndexByte(src[off:], '\n')
			if next < 0 {
				return errs.Err()
			}
			off += next - 1 // on to the newline, and the next line
		}
	}
	return errs.Err()
}

// checkUTF8 reports the first byte of src that is not UTF-8.
func checkUTF8(name string, src []byte) error {
	if utf8.Valid(src) {
		return nil
	}
	off := 0
	for off < len(src) {
		r, size := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	before := src[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := off - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return &diag.Error{Pos: diag.Position{Path: name, Line: line, Col: col},
		Msg: fmt.Sprintf("the file is not UTF-8 text: byte 0x%02x", src[off])}
}

// ReadError is the problem of reading the file at name of the site
// directory, placed at its start.
func ReadError(name string, err error) *diag.Error {
	return &diag.Error{Pos: diag.Position{Path: name, Line: 1, Col: 1}, Msg: readErr(err)}
}

// readErr says why a file could not be read, in the words of the content
// model rather than of the system call.
func readErr(err error) string {
	if msg, ok := special(err); ok {
		return msg
	}
	msg := err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "file is missing"
	case strings.Contains(msg, "path escapes from parent"):
		return "a symlink that leads outside the site directory"
	case strings.Contains(msg, "too many levels of symbolic links"):
		return "a symlink loop"
	}
	return msg
}

var decodeErrRE = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// tomlError turns a BurntSushi/toml error into a positioned one.
func tomlError(file *tomlpos.File, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		pos := diag.Position{Path: file.Path(), Line: pe.Position.Line, Col: max(pe.Position.Col, 1)}
		if pos.Line < 1 { // the parser gave no line: place it by byte offset
			pos = file.Position(pe.Position.Start)
		}
		return &diag.Error{Pos: pos, Msg: pe.Message}
	}
	if m := decodeErrRE.FindStringSubmatch(err.Error()); m != nil {
		return &diag.Error{Pos: file.Key(m[2]), Msg: fmt.Sprintf("%s: %s", m[2], m[3])}
	}
	return &diag.Error{Pos: diag.Position{Path: file.Path()}, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}

// record is one <id>.toml with an optional <id>.md in a records directory.
type record struct {
	id, dir string
	hasMD   bool
}

func (r record) tomlPath() string { return path.Join(r.dir, r.id+".toml") }
func (r record) mdPath() string   { return path.Join(r.dir, r.id+".md") }

// recordIDs lists the records of dir (content/formats, content/lessons) in id
// order, and reports stray files and commentary without a record.
func recordIDs(fsys fs.FS, dir string) ([]record, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, &diag.Error{Pos: diag.Position{Path: dir}, Msg: err.Error()}
	}
	var errs diag.List
	records, commentary := map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		ext := path.Ext(name)
		switch {
		case IsEditorFile(name):
		case e.IsDir():
			errs.Add(diag.Position{Path: path.Join(dir, name)}, "a folder where records belong: %s holds <id>.toml and <id>.md files only", dir)
		case ext == ".toml":
			records[strings.TrimSuffix(name, ext)] = true
		case ext == ".md":
			commentary[strings.TrimSuffix(name, ext)] = true
		default:
			errs.Add(diag.Position{Path: path.Join(dir, name), Line: 1, Col: 1}, "unexpected file: a record is <id>.toml with optional <id>.md")
		}
	}
	for id := range commentary {
		if !records[id] {
			errs.Add(diag.Position{Path: path.Join(dir, id+".md"), Line: 1, Col: 1}, "commentary without a record: %s.toml is missing", id)
		}
	}
	out := make([]record, 0, len(records))
	for id := range records {
		out = append(out, record{id: id, dir: dir, hasMD: commentary[id]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, errs.Err()
}

// loadEach runs load for every record on every core and collects the errors.
func loadEach(records []record, load func(i int) error) error {
	perFile := make([]error, len(records))
	par.Do(len(records), func(i int) { perFile[i] = load(i) })
	var errs diag.List
	for _, err := range perFile {
		errs.Append(err)
	}
	return errs.Err()
}

// commentaryPath is the path of r's Markdown, "" if it has none. The
// Markdown is read where it is rendered, one at a time, and dropped after:
// at 10,000 formats the commentaries are some 50 MB.
func commentaryPath(r record) string {
	if !r.hasMD {
		return ""
	}
	return r.mdPath()
}

// CommentaryPaths are the paths of the commentaries of c.
func (c *Content) CommentaryPaths() []string {
	var paths []string
	for _, f := range c.Formats {
		paths = append(paths, f.CommentaryPath)
	}
	for _, l := range c.Lessons {
		paths = append(paths, l.CommentaryPath)
	}
	return slices.DeleteFunc(paths, func(p string) bool { return p == "" })
}

// CheckMarkdown reads the Markdown files at paths and reports what reading
// them for rendering would: for a site that is not rendered, or not far
// enough, so that one run still reports every mistake.
func CheckMarkdown(fsys fs.FS, paths []string) error {
	errs := make([]error, len(paths))
	par.Do(len(paths), func(i int) { _, _, errs[i] = ReadMarkdown(fsys, paths[i]) })
	var all diag.List
	for _, err := range errs {
		all.Append(err)
	}
	return all.Err()
}

// ReadMarkdown reads a Markdown file, without a byte-order mark; it must be UTF-8.
func ReadMarkdown(fsys fs.FS, name string) ([]byte, string, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, name, &diag.Error{Pos: diag.Position{Path: name, Line: 1, Col: 1}, Msg: readErr(err)}
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if err := checkText(name, data); err != nil {
		return nil, name, err
	}
	return data, name, nil
}

// loadFormat reads the format r into f, taking it from cache if the file
// is as it was there.
func loadFormat(fsys fs.FS, r record, f *Format, cache *Cache) error {
	name := r.tomlPath()
	d, src, err := cache.read(fsys, name)
	switch {
	case err != nil:
		f.ID = r.id
	case d != nil:
		*f = d.format
	default:
		err = decodeBytes(name, src, f, func(w Where) { f.Where = w })
		f.ID = r.id
		for i := range f.Events {
			f.Events[i].Where = f.Where.sub(fmt.Sprintf("event.%d", i))
		}
		for i := range f.Episodes {
			f.Episodes[i].Where = f.Where.sub(fmt.Sprintf("member.%d", i))
		}
		if err == nil {
			cache.keep(name, decoded{src: src, format: *f})
		}
	}
	f.CommentaryPath = commentaryPath(r)
	return err
}

// loadLesson reads the lesson r into l, taking it from cache if the file
// is as it was there.
func loadLesson(fsys fs.FS, r record, l *Lesson, cache *Cache) error {
	name := r.tomlPath()
	d, src, err := cache.read(fsys, name)
	switch {
	case err != nil:
		l.ID = r.id
	case d != nil:
		*l = d.lesson
	default:
		err = decodeBytes(name, src, l, func(w Where) { l.Where = w })
		l.ID = r.id
		for i := range l.Evidence {
			l.Evidence[i].Where = l.Where.sub(fmt.Sprintf("evidence.%d", i))
		}
		if err == nil {
			cache.keep(name, decoded{src: src, lesson: *l})
		}
	}
	l.CommentaryPath = commentaryPath(r)
	return err
}

// In reports whether v is one of vocab.
func In(v string, vocab []string) bool { return slices.Contains(vocab, v) }
